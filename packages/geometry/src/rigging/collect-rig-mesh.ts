// The one surface the rigging steps measure: every triangle of the default scene in world space (node
// transforms applied, existing skins posed), with coincident vertices welded across primitives and UV seams so
// the surface is connected where it looks connected. Each source primitive keeps a map from its own vertices to
// the welded ones, so weights computed on the welded surface go back onto the original vertex layout.
import type { Document, Node, Primitive } from '@gltf-transform/core';
import { collectWorldTriangles, type WorldPrimitive } from '../mesh/collect-world-triangles.ts';
import { ModelInputError } from '../read/model-input-error.ts';
import { listScenePrimitives } from '../formats/fbx/write-fbx-scene-primitives.ts';
import type { Point3 } from './extract-limb-branches.ts';
import { IntegerTripleTable } from '../mesh/integer-triple-table.ts';

export interface RigMeshPart {
  node: Node;
  primitive: Primitive;
  world: WorldPrimitive;
  /** welded vertex of each of the primitive's vertices */
  weldedIndex: Uint32Array;
}

export interface RigMesh {
  /** welded vertices, world space */
  positions: Float32Array;
  /** three welded vertex indices per non-degenerate triangle */
  triangles: Uint32Array;
  parts: RigMeshPart[];
  min: Point3;
  max: Point3;
}

/** Vertices closer than this share of the bounding box diagonal are welded. */
const WELD_TOLERANCE_SHARE = 1e-5;

export function collectRigMesh(document: Document): RigMesh {
  const world = collectWorldTriangles(document);
  const sources = listScenePrimitives(document);
  if (sources.length !== world.length)
    throw new Error('collectRigMesh: scene traversal out of step with collectWorldTriangles');
  const min: Point3 = [Infinity, Infinity, Infinity],
    max: Point3 = [-Infinity, -Infinity, -Infinity];
  let vertexTotal = 0,
    triangleTotal = 0;
  for (const primitive of world) {
    for (let offset = 0; offset < primitive.positions.length; offset += 3) {
      for (let axis = 0; axis < 3; axis++) {
        const value = primitive.positions[offset + axis];
        if (!Number.isFinite(value))
          throw new ModelInputError('The model has a vertex position that is not a finite number.');
        min[axis] = Math.min(min[axis], value);
        max[axis] = Math.max(max[axis], value);
      }
    }
    vertexTotal += primitive.positions.length / 3;
    triangleTotal += primitive.indices.length / 3;
  }
  if (triangleTotal === 0) throw new ModelInputError('The model has no triangles to rig.');

  const tolerance = Math.max(
    Math.hypot(max[0] - min[0], max[1] - min[1], max[2] - min[2]) * WELD_TOLERANCE_SHARE,
    1e-12,
  );
  const table = new IntegerTripleTable(vertexTotal);
  const positions = new Float32Array(vertexTotal * 3);
  let weldedCount = 0;
  const triangles = new Uint32Array(triangleTotal * 3);
  let triangleLength = 0;
  const parts: RigMeshPart[] = world.map((primitive, index) => {
    const count = primitive.positions.length / 3;
    const weldedIndex = new Uint32Array(count);
    for (let vertex = 0; vertex < count; vertex++) {
      const x = primitive.positions[vertex * 3],
        y = primitive.positions[vertex * 3 + 1],
        z = primitive.positions[vertex * 3 + 2];
      const found = table.idOf(
        Math.round(x / tolerance),
        Math.round(y / tolerance),
        Math.round(z / tolerance),
        weldedCount,
      );
      if (found === weldedCount) {
        positions[weldedCount * 3] = x;
        positions[weldedCount * 3 + 1] = y;
        positions[weldedCount * 3 + 2] = z;
        weldedCount++;
      }
      weldedIndex[vertex] = found;
    }
    const { indices } = primitive;
    for (let t = 0; t < indices.length; t += 3) {
      const a = weldedIndex[indices[t]],
        b = weldedIndex[indices[t + 1]],
        c = weldedIndex[indices[t + 2]];
      if (a === b || b === c || a === c) continue;
      triangles[triangleLength++] = a;
      triangles[triangleLength++] = b;
      triangles[triangleLength++] = c;
    }
    return { node: sources[index].node, primitive: sources[index].primitive, world: primitive, weldedIndex };
  });
  if (triangleLength === 0)
    throw new ModelInputError('The model has only degenerate triangles; there is no surface to rig.');
  return {
    positions: positions.slice(0, weldedCount * 3),
    triangles: triangles.slice(0, triangleLength),
    parts,
    min,
    max,
  };
}
