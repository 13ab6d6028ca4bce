// generate_parts: the reconstructed (untextured) mesh split into parts by the mesh segmentation of
// geometry/segmentation/segment-mesh.ts (Shape Diameter Function + fuzzy clustering + graph cuts), one node
// and mesh per part, named part_1, part_2, ... largest first.
import { Document } from '@gltf-transform/core';
import type { TriangleMesh } from '../multiview/level-set-mesh.ts';
import { compactMesh, vertexNormals } from '../multiview/simplify-mesh.ts';
import type { ReconstructedMaterial } from '../multiview/reconstructed-model-document.ts';
import { segmentMesh } from '../segmentation/segment-mesh.ts';

const PART_COLOURS: [number, number, number][] = [
  [0.8, 0.8, 0.8],
  [0.55, 0.7, 0.85],
  [0.85, 0.65, 0.5],
  [0.6, 0.8, 0.6],
  [0.8, 0.6, 0.8],
  [0.85, 0.8, 0.5],
];

export async function partsDocument(
  mesh: TriangleMesh,
  options: { material: ReconstructedMaterial },
): Promise<Document> {
  const { partOf, partCount } = segmentMesh(Float64Array.from(mesh.positions), mesh.indices, {
    granularity: 'balanced',
  });
  const document = new Document();
  const buffer = document.createBuffer();
  const scene = document.createScene('scene');
  for (let part = 0; part < Math.max(1, partCount); part++) {
    const corners: number[] = [];
    for (let triangle = 0; triangle < mesh.indices.length / 3; triangle++) {
      if (partCount > 0 && partOf[triangle] !== part) continue;
      corners.push(mesh.indices[triangle * 3], mesh.indices[triangle * 3 + 1], mesh.indices[triangle * 3 + 2]);
    }
    if (corners.length === 0) continue;
    const piece = compactMesh({ positions: mesh.positions, indices: Uint32Array.from(corners) });
    const name = `part_${part + 1}`;
    const colour = PART_COLOURS[part % PART_COLOURS.length];
    const material = document
      .createMaterial(name)
      .setBaseColorFactor([...colour, 1])
      .setMetallicFactor(options.material.metallic)
      .setRoughnessFactor(options.material.roughness);
    const primitive = document
      .createPrimitive()
      .setAttribute('POSITION', document.createAccessor().setType('VEC3').setArray(piece.positions).setBuffer(buffer))
      .setAttribute(
        'NORMAL',
        document.createAccessor().setType('VEC3').setArray(vertexNormals(piece)).setBuffer(buffer),
      )
      .setIndices(document.createAccessor().setType('SCALAR').setArray(piece.indices).setBuffer(buffer))
      .setMaterial(material);
    scene.addChild(document.createNode(name).setMesh(document.createMesh(name).addPrimitive(primitive)));
  }
  return document;
}
