// Turns a signed distance function into a closed triangle mesh with manifold-3d's Manifold.levelSet (marching
// tetrahedra on a body-centred cubic grid; positive inside), which always yields a watertight, manifold mesh.
import type { ManifoldToplevel } from 'manifold-3d';

export interface TriangleMesh {
  /** xyz per vertex */
  positions: Float32Array;
  /** three vertex indices per triangle, counter-clockwise seen from outside */
  indices: Uint32Array;
}

export interface LevelSetBounds {
  min: [number, number, number];
  max: [number, number, number];
}

let manifold: Promise<ManifoldToplevel> | undefined;

async function loadManifold(): Promise<ManifoldToplevel> {
  const { default: Module } = await import('manifold-3d');
  const wasm = await Module();
  wasm.setup();
  return wasm;
}

export async function levelSetMesh(
  sdf: (x: number, y: number, z: number) => number,
  bounds: LevelSetBounds,
  edgeLength: number,
): Promise<TriangleMesh> {
  manifold ??= loadManifold();
  const { Manifold } = await manifold;
  const solid = Manifold.levelSet((point) => sdf(point[0], point[1], point[2]), bounds, edgeLength);
  try {
    const mesh = solid.getMesh();
    const vertexCount = mesh.vertProperties.length / mesh.numProp;
    const positions = new Float32Array(vertexCount * 3);
    for (let vertex = 0; vertex < vertexCount; vertex++) {
      for (let axis = 0; axis < 3; axis++)
        positions[vertex * 3 + axis] = mesh.vertProperties[vertex * mesh.numProp + axis];
    }
    return { positions, indices: Uint32Array.from(mesh.triVerts) };
  } finally {
    solid.delete();
  }
}
