// Counts and bounds the platform reports in task output. Triangle and vertex counts are what a viewer draws
// from the default scene (a mesh used by two nodes counts twice); mesh, material and texture counts are the
// distinct resources in the file. The bounding box is in world space (after node transforms and skinning).

import type { Document } from '@gltf-transform/core';
import { collectWorldTriangles } from './collect-world-triangles.ts';

export interface ModelStats {
  triangleCount: number;
  vertexCount: number;
  meshCount: number;
  materialCount: number;
  textureCount: number;
  boundingBox: { min: [number, number, number]; max: [number, number, number] };
}

export function modelStats(document: Document): ModelStats {
  const root = document.getRoot();
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  let triangleCount = 0;
  let vertexCount = 0;
  for (const { positions, indices } of collectWorldTriangles(document)) {
    triangleCount += indices.length / 3;
    vertexCount += positions.length / 3;
    for (let offset = 0; offset < positions.length; offset += 3) {
      for (let axis = 0; axis < 3; axis++) {
        const value = positions[offset + axis];
        if (value < min[axis]) min[axis] = value;
        if (value > max[axis]) max[axis] = value;
      }
    }
  }
  const empty = vertexCount === 0;
  return {
    triangleCount,
    vertexCount,
    meshCount: root.listMeshes().length,
    materialCount: root.listMaterials().length,
    textureCount: root.listTextures().length,
    boundingBox: { min: empty ? [0, 0, 0] : min, max: empty ? [0, 0, 0] : max },
  };
}
