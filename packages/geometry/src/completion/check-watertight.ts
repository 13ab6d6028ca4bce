// The watertightness check mesh_completion reports: manifold-3d (Apache-2.0) accepts a mesh only when it is a
// closed, consistently oriented 2-manifold (every edge shared by exactly two triangles, in opposite directions)
// and throws otherwise, so building a Manifold from the welded triangles is the test. Its genus and volume come
// back for the report.
import Module from 'manifold-3d';

type ManifoldModule = Awaited<ReturnType<typeof Module>>;

let manifoldModule: Promise<ManifoldModule> | undefined;

export function loadManifold(): Promise<ManifoldModule> {
  manifoldModule ??= Module().then((module) => {
    module.setup();
    return module;
  });
  return manifoldModule;
}

export interface WatertightReport {
  watertight: boolean;
  /** manifold-3d's status name when it refused the mesh (e.g. NotManifold). */
  problem?: string;
  genus?: number;
  volume?: number;
}

/** `positions` welded (each point once), three vertex ids per triangle. */
export async function checkWatertight(positions: Float64Array, triangles: Uint32Array): Promise<WatertightReport> {
  if (triangles.length === 0) return { watertight: false, problem: 'Empty' };
  const { Manifold, Mesh } = await loadManifold();
  const mesh = new Mesh({ numProp: 3, vertProperties: Float32Array.from(positions), triVerts: Uint32Array.from(triangles) });
  let solid: InstanceType<typeof Manifold> | undefined;
  try {
    solid = new Manifold(mesh);
    return { watertight: true, genus: solid.genus(), volume: solid.volume() };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { watertight: false, problem: typeof code === 'string' ? code : error instanceof Error ? error.message : String(error) };
  } finally {
    solid?.delete();
  }
}
