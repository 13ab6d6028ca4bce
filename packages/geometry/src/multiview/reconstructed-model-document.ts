// Wraps a reconstructed mesh (textured or not) in a glTF-Transform Document: one node, one mesh, one
// metallic-roughness material; the atlas is stored as a JPEG.
import { Document } from '@gltf-transform/core';
import type sharpModule from 'sharp';
import type { TriangleMesh } from './level-set-mesh.ts';
import type { TexturedMesh } from './project-view-textures.ts';
import { vertexNormals } from './simplify-mesh.ts';

export interface ReconstructedMaterial {
  /** Metallic-roughness factors of the material (the texture holds the colour). */
  metallic: number;
  roughness: number;
}

export interface ReconstructedModelDocumentOptions {
  name: string;
  material: ReconstructedMaterial;
  sharp: typeof sharpModule;
  jpegQuality?: number;
}

const UNTEXTURED_COLOUR: [number, number, number, number] = [0.8, 0.8, 0.8, 1];

export async function reconstructedModelDocument(
  mesh: TexturedMesh | TriangleMesh,
  options: ReconstructedModelDocumentOptions,
): Promise<Document> {
  const document = new Document();
  const buffer = document.createBuffer();
  const textured = 'atlas' in mesh;
  const normals = textured ? mesh.normals : vertexNormals(mesh);
  const material = document
    .createMaterial(options.name)
    .setMetallicFactor(options.material.metallic)
    .setRoughnessFactor(options.material.roughness)
    .setBaseColorFactor(textured ? [1, 1, 1, 1] : UNTEXTURED_COLOUR);
  const primitive = document
    .createPrimitive()
    .setAttribute('POSITION', document.createAccessor().setType('VEC3').setArray(mesh.positions).setBuffer(buffer))
    .setAttribute('NORMAL', document.createAccessor().setType('VEC3').setArray(normals).setBuffer(buffer))
    .setIndices(document.createAccessor().setType('SCALAR').setArray(mesh.indices).setBuffer(buffer))
    .setMaterial(material);
  if (textured) {
    const { atlas } = mesh;
    const jpeg = await options
      .sharp(atlas.data, { raw: { width: atlas.width, height: atlas.height, channels: 4 } })
      .removeAlpha()
      .jpeg({ quality: options.jpegQuality ?? 90 })
      .toBuffer();
    const texture = document
      .createTexture(`${options.name}_basecolor`)
      .setImage(new Uint8Array(jpeg))
      .setMimeType('image/jpeg')
      .setURI(`${options.name}_basecolor.jpg`);
    primitive.setAttribute(
      'TEXCOORD_0',
      document.createAccessor().setType('VEC2').setArray(mesh.uvs).setBuffer(buffer),
    );
    material.setBaseColorTexture(texture);
  }
  const gltfMesh = document.createMesh(options.name).addPrimitive(primitive);
  document.createScene('scene').addChild(document.createNode(options.name).setMesh(gltfMesh));
  return document;
}
