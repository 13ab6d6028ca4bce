// mesh_segmentation on a Document: segments everything the default scene draws as one surface (segment-mesh.ts)
// and rewrites the scene as one node per part, named part_01, part_02, ... by decreasing area (the names later
// tasks take as part_names). Each part node holds one mesh of the same name with a primitive per source
// material, so textures and UVs stay as they were.
//
// The geometry is baked into world space (collect-world-triangles.ts: node transforms applied, skinned meshes
// posed, strips unrolled), so the part nodes carry no transform; skins, morph targets and animations are
// dropped, since a part of a rigged mesh would need its own skin. Attributes kept per vertex: position, normal,
// the base colour UV set (as TEXCOORD_0, which every texture then reads) and vertex colour (rgb); other UV sets and
// tangents are not carried.
import { Logger, type Document, type Material } from '@gltf-transform/core';
import { prune } from '@gltf-transform/functions';
import type { MeshoptSimplifier as MeshoptSimplifierModule } from 'meshoptimizer';
import { collectWorldTriangles, type WorldPrimitive } from '../mesh/collect-world-triangles.ts';
import { ModelInputError } from '../read/model-input-error.ts';
import type { SegmentationGranularity } from './segment-face-graph.ts';
import { segmentMesh } from './segment-mesh.ts';
import { weldPositions } from './weld-positions.ts';

export interface SegmentModelOptions {
  granularity?: SegmentationGranularity;
  /** Keep every separate piece of the model as its own part, however small. */
  splitByConnectivity?: boolean;
  simplifier?: typeof MeshoptSimplifierModule;
}

export interface SegmentModelReport {
  partCount: number;
  partNames: string[];
  /** Triangles per part, in partNames order. */
  partFaceCounts: number[];
  /** Body part per part (head, body, tail, left_arm, ...), in partNames order, for characters and animals. */
  partLabels?: string[];
}

export const PART_NAME_PREFIX = 'part_';

export function partName(index: number): string {
  return `${PART_NAME_PREFIX}${String(index + 1).padStart(2, '0')}`;
}

export async function segmentModel(document: Document, options: SegmentModelOptions = {}): Promise<SegmentModelReport> {
  const primitives = collectWorldTriangles(document).filter((primitive) => primitive.indices.length >= 3);
  const faceTotal = primitives.reduce((sum, primitive) => sum + primitive.indices.length / 3, 0);
  if (faceTotal === 0)
    throw new ModelInputError('The model has no triangles to segment (it holds only points, lines or nothing).');

  // One surface: all primitives' world positions end to end, triangles offset accordingly.
  const vertexTotal = primitives.reduce((sum, primitive) => sum + primitive.positions.length / 3, 0);
  const positions = new Float64Array(vertexTotal * 3);
  const triangles = new Uint32Array(faceTotal * 3);
  let vertexOffset = 0,
    cornerOffset = 0;
  for (const primitive of primitives) {
    positions.set(primitive.positions, vertexOffset * 3);
    for (let corner = 0; corner < primitive.indices.length; corner++)
      triangles[cornerOffset + corner] = primitive.indices[corner] + vertexOffset;
    vertexOffset += primitive.positions.length / 3;
    cornerOffset += primitive.indices.length;
  }
  const welded = weldPositions(positions, triangles);
  const { partOf, partCount, labels } = segmentMesh(welded.positions, welded.triangles, {
    granularity: options.granularity,
    keepComponentsApart: options.splitByConnectivity,
    simplifier: options.simplifier,
  });

  clearScene(document);
  const root = document.getRoot();
  const scene = root.getDefaultScene() ?? root.listScenes()[0] ?? document.createScene('Scene');
  root.setDefaultScene(scene);
  const buffer = root.listBuffers()[0] ?? document.createBuffer();
  const names: string[] = [];
  const faceCounts: number[] = [];
  for (let part = 0; part < partCount; part++) {
    const name = partName(part);
    const mesh = document.createMesh(name);
    let faceOffset = 0,
      partFaces = 0;
    for (const primitive of primitives) {
      const faceCount = primitive.indices.length / 3;
      const faces: number[] = [];
      for (let face = 0; face < faceCount; face++) if (partOf[faceOffset + face] === part) faces.push(face);
      faceOffset += faceCount;
      if (faces.length === 0) continue;
      mesh.addPrimitive(subsetPrimitive(document, buffer, primitive, faces));
      partFaces += faces.length;
    }
    scene.addChild(document.createNode(name).setMesh(mesh));
    names.push(name);
    faceCounts.push(partFaces);
  }
  // Every part carries the base colour's UV set as TEXCOORD_0, so every texture now reads set 0.
  for (const material of root.listMaterials()) {
    for (const info of [
      material.getBaseColorTextureInfo(),
      material.getMetallicRoughnessTextureInfo(),
      material.getNormalTextureInfo(),
      material.getOcclusionTextureInfo(),
      material.getEmissiveTextureInfo(),
    ]) {
      info?.setTexCoord(0);
    }
  }
  document.setLogger(new Logger(Logger.Verbosity.WARN));
  await document.transform(prune({ keepSolidTextures: true, keepAttributes: true }));
  return { partCount, partNames: names, partFaceCounts: faceCounts, ...(labels ? { partLabels: labels } : {}) };
}

/** Removes every node, mesh, skin and animation; materials, textures and buffers stay for the parts to use. */
function clearScene(document: Document): void {
  const root = document.getRoot();
  for (const animation of root.listAnimations()) animation.dispose();
  for (const skin of root.listSkins()) skin.dispose();
  for (const node of root.listNodes()) node.dispose();
  for (const mesh of root.listMeshes()) mesh.dispose();
}

function subsetPrimitive(
  document: Document,
  buffer: ReturnType<Document['createBuffer']>,
  source: WorldPrimitive,
  faces: number[],
) {
  const newIndexOf = new Map<number, number>();
  const indices = new Uint32Array(faces.length * 3);
  faces.forEach((face, slot) => {
    for (let corner = 0; corner < 3; corner++) {
      const vertex = source.indices[face * 3 + corner];
      let index = newIndexOf.get(vertex);
      if (index === undefined) newIndexOf.set(vertex, (index = newIndexOf.size));
      indices[slot * 3 + corner] = index;
    }
  });
  const vertices = [...newIndexOf.keys()];
  const pick = (array: Float32Array, width: number) => {
    const out = new Float32Array(vertices.length * width);
    vertices.forEach((vertex, index) => out.set(array.subarray(vertex * width, vertex * width + width), index * width));
    return out;
  };
  const accessor = (type: 'VEC2' | 'VEC3' | 'SCALAR', array: Float32Array | Uint32Array | Uint16Array) =>
    document.createAccessor().setType(type).setArray(array).setBuffer(buffer);
  const primitive = document
    .createPrimitive()
    .setAttribute('POSITION', accessor('VEC3', pick(source.positions, 3)))
    .setIndices(accessor('SCALAR', vertices.length <= 65535 ? Uint16Array.from(indices) : indices))
    .setMaterial(source.material as Material | null);
  if (source.normals) primitive.setAttribute('NORMAL', accessor('VEC3', pick(source.normals, 3)));
  if (source.uvs) primitive.setAttribute('TEXCOORD_0', accessor('VEC2', pick(source.uvs, 2)));
  if (source.colors) primitive.setAttribute('COLOR_0', accessor('VEC3', pick(source.colors, 3)));
  return primitive;
}
