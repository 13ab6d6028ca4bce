// mesh_completion on a Document: makes each part (a mesh node, as mesh_segmentation names them; only those in
// `partNames` when given) watertight by filling its holes (fill-holes.ts) and writing the patches into its
// primitives (apply-hole-patch.ts), then checks the result with manifold-3d (check-watertight.ts). The parts'
// primitives are welded together by position in the mesh's own space, so a hole whose rim crosses a material
// boundary, or a UV seam, is one hole. Existing vertices and triangles are never changed.
//
// What "watertight" means: the whole model. Without part_names the model is completed as a whole: a part's open
// rim that another part closes (the seam segmentation cut between two parts) is not a hole of the model and is
// left open, so parts never get coincident caps where they meet; every other hole is filled. With part_names the
// named parts are each closed into a solid of their own (caps at their seams too), as a print of one part needs.
// Either way `watertight` is manifold-3d's verdict on the assembled model (assembled-model.ts), never a per-part
// claim; each part's own closure is reported beside it.
import type { Document, Mesh, Node, Primitive } from '@gltf-transform/core';
import { listSceneRoots } from '../mesh/list-primitive-uses.ts';
import { ModelInputError } from '../read/model-input-error.ts';
import { weldPositions } from '../segmentation/weld-positions.ts';
import { applyHolePatch, type HoleOwnership } from './apply-hole-patch.ts';
import { checkAssembledModel, edgeKey, openEdgeKeys, WorldPointKeys } from './assembled-model.ts';
import { checkWatertight } from './check-watertight.ts';
import { fillHoles, type HoleFillingMode } from './fill-holes.ts';

export interface CompleteModelOptions {
  /** Complete only the parts with these node (or mesh) names; all parts when absent or empty. */
  partNames?: readonly string[];
  mode?: HoleFillingMode;
}

export interface CompletedPart {
  name: string;
  holesFilled: number;
  /** Open rims left open because another part closes them (seams between parts; whole-model completion only). */
  seamsLeftOpen: number;
  /** The part alone is a closed solid (false for a part left open at its seams). */
  watertight: boolean;
  /** manifold-3d's reason when the part is still not watertight (e.g. NotManifold: an edge shared by 3+ faces). */
  problem?: string;
}

export interface CompleteModelReport {
  holesFilled: number;
  /** The assembled model (every part, world space, welded) passed manifold-3d's check. */
  watertight: boolean;
  /** manifold-3d's reason when the assembled model is not watertight. */
  problem?: string;
  parts: CompletedPart[];
  /** part_names that matched no part. */
  unmatchedPartNames: string[];
}

const MODE_TRIANGLES = 4;

export async function completeModel(
  document: Document,
  options: CompleteModelOptions = {},
): Promise<CompleteModelReport> {
  const wanted = options.partNames && options.partNames.length > 0 ? new Set(options.partNames) : undefined;
  const matched = new Set<string>();
  const targets = new Map<Mesh, string>();
  const placements = new Map<Mesh, Node>();
  for (const root of listSceneRoots(document)) {
    root.traverse((node: Node) => {
      const mesh = node.getMesh();
      if (mesh && !placements.has(mesh)) placements.set(mesh, node);
      if (!mesh || targets.has(mesh)) return;
      const name = node.getName() || mesh.getName();
      if (wanted) {
        const hit = [node.getName(), mesh.getName()].find((candidate) => wanted.has(candidate));
        if (hit === undefined) return;
        matched.add(hit);
      }
      targets.set(mesh, name);
    });
  }
  const unmatchedPartNames = [...(wanted ?? [])].filter((name) => !matched.has(name));
  if (wanted && targets.size === 0)
    throw new ModelInputError(`None of part_names (${[...wanted].join(', ')}) names a part of this model.`);
  if (targets.size === 0) throw new ModelInputError('The model has no meshes to complete.');

  const wholeModel = !wanted;
  const keys = WorldPointKeys.forDocument(document);
  const surfaces = new Map<Mesh, WeldedSurface>();
  const openEdgeOwners = new Map<string, Set<Mesh>>();
  for (const [mesh, node] of placements) {
    const primitives = trianglePrimitives(mesh);
    if (primitives.length === 0) continue;
    const surface = weldedSurface(primitives);
    surfaces.set(mesh, surface);
    if (!wholeModel) continue;
    for (const edge of openEdgeKeys(surface.positions, surface.triangles, node.getWorldMatrix(), keys)) {
      (openEdgeOwners.get(edge) ?? openEdgeOwners.set(edge, new Set()).get(edge)!).add(mesh);
    }
  }
  const parts: CompletedPart[] = [];
  for (const [mesh, name] of targets) {
    const primitives = trianglePrimitives(mesh);
    let surface = surfaces.get(mesh);
    if (!surface) continue;
    const matrix = placements.get(mesh)!.getWorldMatrix();
    // A rim every edge of which is also an open edge of another part is a seam between parts, not a hole.
    const isSeam = (loop: number[]) =>
      wholeModel &&
      loop.every((vertex, index) => {
        const next = loop[(index + 1) % loop.length];
        const owners = openEdgeOwners.get(
          edgeKey(keys.key(surface!.positions, vertex * 3, matrix), keys.key(surface!.positions, next * 3, matrix)),
        );
        return owners !== undefined && [...owners].some((owner) => owner !== mesh);
      });
    const holes = fillHoles(surface.positions, surface.triangles, options.mode ?? 'fair');
    const filled = holes.filter((hole) => !isSeam(hole.loop));
    for (const hole of filled) applyHolePatch(document, primitives, hole, ownershipOf(surface, hole.loop));
    if (filled.length > 0) surface = weldedSurface(primitives);
    const check = await checkWatertight(surface.positions, surface.triangles);
    parts.push({
      name,
      holesFilled: filled.length,
      seamsLeftOpen: holes.length - filled.length,
      watertight: check.watertight,
      ...(check.problem ? { problem: check.problem } : {}),
    });
  }
  const assembled = await checkAssembledModel(document);
  return {
    holesFilled: parts.reduce((sum, part) => sum + part.holesFilled, 0),
    watertight: assembled.watertight,
    ...(assembled.problem ? { problem: assembled.problem } : {}),
    parts,
    unmatchedPartNames,
  };
}

function trianglePrimitives(mesh: Mesh): Primitive[] {
  return mesh
    .listPrimitives()
    .filter((primitive) => primitive.getMode() === MODE_TRIANGLES && primitive.getAttribute('POSITION'));
}

interface WeldedSurface {
  positions: Float64Array;
  triangles: Uint32Array;
  /** Per primitive: its first vertex's index in the concatenated vertex list. */
  vertexOffsets: number[];
  /** Per primitive: its triangles as local vertex ids. */
  localTriangles: Uint32Array[];
  weldedIdOf: Uint32Array;
}

function weldedSurface(primitives: Primitive[]): WeldedSurface {
  const vertexOffsets: number[] = [];
  const localTriangles: Uint32Array[] = [];
  const positionParts: Float32Array[] = [];
  let vertexTotal = 0,
    cornerTotal = 0;
  for (const primitive of primitives) {
    const position = primitive.getAttribute('POSITION')!;
    const count = position.getCount();
    const values = new Float32Array(count * 3);
    const element: number[] = [];
    for (let vertex = 0; vertex < count; vertex++) values.set(position.getElement(vertex, element), vertex * 3);
    const indices = primitive.getIndices()?.getArray();
    const local = indices
      ? Uint32Array.from(indices.subarray(0, indices.length - (indices.length % 3)))
      : Uint32Array.from({ length: count - (count % 3) }, (_, index) => index);
    vertexOffsets.push(vertexTotal);
    localTriangles.push(local);
    positionParts.push(values);
    vertexTotal += count;
    cornerTotal += local.length;
  }
  const positions = new Float32Array(vertexTotal * 3);
  const triangles = new Uint32Array(cornerTotal);
  let corner = 0;
  positionParts.forEach((values, index) => {
    positions.set(values, vertexOffsets[index] * 3);
    for (const vertex of localTriangles[index]) triangles[corner++] = vertex + vertexOffsets[index];
  });
  const welded = weldPositions(positions, triangles);
  return {
    positions: welded.positions,
    triangles: welded.triangles,
    vertexOffsets,
    localTriangles,
    weldedIdOf: welded.weldedIdOf,
  };
}

function ownershipOf(surface: WeldedSurface, loop: number[]): HoleOwnership {
  const wantedEdges = new Map<string, number>();
  loop.forEach((vertex, index) => wantedEdges.set(`${loop[(index + 1) % loop.length]},${vertex}`, index));
  const edgeOwners: HoleOwnership['edgeOwners'] = new Array(loop.length).fill(undefined);
  const onLoop = new Set(loop);
  const occurrences = new Map<number, Array<{ primitive: number; vertex: number }>>();
  surface.localTriangles.forEach((local, primitive) => {
    const offset = surface.vertexOffsets[primitive];
    for (let face = 0; face < local.length; face += 3) {
      for (let corner = 0; corner < 3; corner++) {
        const from = local[face + corner],
          to = local[face + ((corner + 1) % 3)];
        const weldedFrom = surface.weldedIdOf[from + offset],
          weldedTo = surface.weldedIdOf[to + offset];
        if (onLoop.has(weldedFrom))
          (occurrences.get(weldedFrom) ?? occurrences.set(weldedFrom, []).get(weldedFrom)!).push({
            primitive,
            vertex: from,
          });
        const edge = wantedEdges.get(`${weldedFrom},${weldedTo}`);
        // The mesh half-edge loop[i + 1] → loop[i] lies beyond loop edge i; `to` is loop[i], `from` loop[i + 1].
        if (edge !== undefined) edgeOwners[edge] = { primitive, from: to, to: from };
      }
    }
  });
  return {
    edgeOwners,
    occurrence: (welded, primitive) => occurrences.get(welded)?.find((entry) => entry.primitive === primitive)?.vertex,
    anyOccurrence: (welded) => occurrences.get(welded)?.[0],
  };
}
