// One FBX Geometry for a node's primitives: control points welded exactly (write-fbx-weld-positions.ts), polygons
// (triangles, or the optional quad faces) with the last corner of each marked, normals and UVs per polygon vertex,
// and a material index per polygon.
import type { Material, Primitive } from '@gltf-transform/core';
import type { WorldPrimitive } from '../../mesh/collect-world-triangles.ts';
import { fbx, type FbxNode } from './write-fbx-binary.ts';
import type { ScenePrimitive } from './write-fbx-scene-primitives.ts';
import { weldExactPositions, type WeldKeys } from './write-fbx-weld-positions.ts';

/** One glTF primitive of a node, with its world-space (or bind-space) attributes. */
export interface MeshPart extends ScenePrimitive {
  world: WorldPrimitive;
}

export function geometryNode(
  id: number,
  name: string,
  parts: MeshPart[],
  materials: Array<Material | null>,
  quadFaces?: Map<Primitive, number[][]>,
  weldKeys?: WeldKeys,
): { node: FbxNode; controlPoint: Uint32Array } {
  const vertexCount = parts.reduce((sum, part) => sum + part.world.positions.length / 3, 0);
  const positions = new Float32Array(vertexCount * 3);
  const hasNormals = parts.every((part) => part.world.normals);
  const hasUvs = parts.some((part) => part.world.uvs);
  const normals = hasNormals ? new Float64Array(vertexCount * 3) : undefined;
  const uvs = hasUvs ? new Float64Array(vertexCount * 2) : undefined;
  const faceLists = parts.map((part) => quadFaces?.get(part.primitive));
  const cornerCount = parts.reduce(
    (sum, part, index) =>
      sum + (faceLists[index]?.reduce((count, face) => count + face.length, 0) ?? part.world.indices.length),
    0,
  );
  const faceCount = parts.reduce(
    (sum, part, index) => sum + (faceLists[index]?.length ?? part.world.indices.length / 3),
    0,
  );
  const corners = new Int32Array(cornerCount); // group vertex per corner; becomes UVIndex / NormalsIndex
  const polygonVertexIndex = new Int32Array(cornerCount);
  const faceMaterials = new Int32Array(faceCount);

  let vertexBase = 0,
    corner = 0,
    face = 0;
  parts.forEach((part, partIndex) => {
    const { positions: partPositions, normals: partNormals, uvs: partUvs, indices } = part.world;
    positions.set(partPositions, vertexBase * 3);
    if (normals && partNormals)
      for (let index = 0; index < partNormals.length; index++) normals[vertexBase * 3 + index] = partNormals[index];
    if (uvs && partUvs) {
      for (let index = 0; index < partUvs.length; index += 2) {
        uvs[vertexBase * 2 + index] = partUvs[index];
        uvs[vertexBase * 2 + index + 1] = 1 - partUvs[index + 1]; // FBX's UV origin is bottom-left
      }
    }
    const materialIndex = materials.indexOf(part.world.material);
    const faces = faceLists[partIndex];
    if (faces) {
      const partVertexCount = partPositions.length / 3;
      for (const polygon of faces) {
        if (polygon.length < 3) throw new Error('writeFbx: a face needs at least 3 vertices');
        for (let k = 0; k < polygon.length; k++) {
          const vertex = polygon[part.mirrored ? (polygon.length - k) % polygon.length : k];
          if (!(vertex >= 0 && vertex < partVertexCount))
            throw new Error(`writeFbx: face vertex ${vertex} out of range`);
          corners[corner++] = vertexBase + vertex;
        }
        polygonVertexIndex[corner - 1] = -1; // marks the polygon's last corner, filled in below
        faceMaterials[face++] = materialIndex;
      }
    } else {
      for (let index = 0; index < indices.length; index += 3) {
        corners[corner++] = vertexBase + indices[index];
        corners[corner++] = vertexBase + indices[index + 1];
        corners[corner++] = vertexBase + indices[index + 2];
        polygonVertexIndex[corner - 1] = -1;
        faceMaterials[face++] = materialIndex;
      }
    }
    vertexBase += partPositions.length / 3;
  });

  const { points, remap } = weldExactPositions(positions, weldKeys);
  for (let index = 0; index < cornerCount; index++) {
    const point = remap[corners[index]];
    polygonVertexIndex[index] = polygonVertexIndex[index] === -1 ? ~point : point; // last corner: -(index + 1)
  }

  const layerElements: FbxNode[] = [];
  const layerTypes: string[] = [];
  if (normals) {
    layerTypes.push('LayerElementNormal');
    layerElements.push(
      fbx.node(
        'LayerElementNormal',
        [fbx.int32(0)],
        [
          fbx.node('Version', [fbx.int32(102)]),
          fbx.node('Name', [fbx.string('')]),
          fbx.node('MappingInformationType', [fbx.string('ByPolygonVertex')]),
          fbx.node('ReferenceInformationType', [fbx.string('IndexToDirect')]),
          fbx.node('Normals', [fbx.float64s(normals)]),
          fbx.node('NormalsIndex', [fbx.int32s(corners)]),
        ],
      ),
    );
  }
  if (uvs) {
    layerTypes.push('LayerElementUV');
    layerElements.push(
      fbx.node(
        'LayerElementUV',
        [fbx.int32(0)],
        [
          fbx.node('Version', [fbx.int32(101)]),
          fbx.node('Name', [fbx.string('UVMap')]),
          fbx.node('MappingInformationType', [fbx.string('ByPolygonVertex')]),
          fbx.node('ReferenceInformationType', [fbx.string('IndexToDirect')]),
          fbx.node('UV', [fbx.float64s(uvs)]),
          fbx.node('UVIndex', [fbx.int32s(corners)]),
        ],
      ),
    );
  }
  layerTypes.push('LayerElementMaterial');
  const allSame = materials.length === 1;
  layerElements.push(
    fbx.node(
      'LayerElementMaterial',
      [fbx.int32(0)],
      [
        fbx.node('Version', [fbx.int32(101)]),
        fbx.node('Name', [fbx.string('')]),
        fbx.node('MappingInformationType', [fbx.string(allSame ? 'AllSame' : 'ByPolygon')]),
        fbx.node('ReferenceInformationType', [fbx.string('IndexToDirect')]),
        fbx.node('Materials', [fbx.int32s(allSame ? new Int32Array(1) : faceMaterials)]),
      ],
    ),
  );

  const node = fbx.node(
    'Geometry',
    [fbx.int64(id), fbx.string(`${name}\x00\x01Geometry`), fbx.string('Mesh')],
    [
      fbx.node('Properties70'),
      fbx.node('GeometryVersion', [fbx.int32(124)]),
      fbx.node('Vertices', [fbx.float64s(points)]),
      fbx.node('PolygonVertexIndex', [fbx.int32s(polygonVertexIndex)]),
      ...layerElements,
      fbx.node(
        'Layer',
        [fbx.int32(0)],
        [
          fbx.node('Version', [fbx.int32(100)]),
          ...layerTypes.map((type) =>
            fbx.node(
              'LayerElement',
              [],
              [fbx.node('Type', [fbx.string(type)]), fbx.node('TypedIndex', [fbx.int32(0)])],
            ),
          ),
        ],
      ),
    ],
  );
  return { node, controlPoint: remap };
}
