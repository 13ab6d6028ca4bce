// FBX Material, Texture and Video objects: a Phong material carrying the glTF PBR factors in the properties
// Blender's FBX importer reads (DiffuseColor, EmissiveColor, ReflectionFactor = metalness, Shininess from
// roughness, Opacity), and the texture/video pair that embeds one image file.

import type { Material } from '@gltf-transform/core';
import { fbx, type FbxNode } from './write-fbx-binary.ts';
import { number, properties70 } from './write-fbx-objects.ts';

export function materialNode(id: number, material: Material | null): FbxNode {
  const [r, g, b, alpha] = material?.getBaseColorFactor() ?? [0.8, 0.8, 0.8, 1];
  const emissive = material?.getEmissiveFactor() ?? [0, 0, 0];
  const name = material?.getName() || 'default';
  // Blender reads roughness = 1 − √Shininess / 10 (and writes the inverse), so that is the mapping used here.
  const shininess = 100 * (1 - (material?.getRoughnessFactor() ?? 1)) ** 2;
  return fbx.node(
    'Material',
    [fbx.int64(id), fbx.string(`${name}\x00\x01Material`), fbx.string('')],
    [
      fbx.node('Version', [fbx.int32(102)]),
      fbx.node('ShadingModel', [fbx.string('Phong')]),
      fbx.node('MultiLayer', [fbx.int32(0)]),
      properties70([
        ['DiffuseColor', 'Color', '', 'A', number(r), number(g), number(b)],
        ['DiffuseFactor', 'Number', '', 'A', number(1)],
        ['EmissiveColor', 'Color', '', 'A', ...emissive.map(number)],
        ['EmissiveFactor', 'Number', '', 'A', number(1)],
        ['SpecularFactor', 'Number', '', 'A', number(0)],
        ['Shininess', 'Number', '', 'A', number(shininess)],
        ['ShininessExponent', 'Number', '', 'A', number(shininess)],
        ['ReflectionFactor', 'Number', '', 'A', number(material?.getMetallicFactor() ?? 0)],
        ['TransparencyFactor', 'Number', '', 'A', number(1 - alpha)],
        ['Opacity', 'Number', '', 'A', number(alpha)],
      ]),
    ],
  );
}

export function textureNode(id: number, name: string, fileName: string): FbxNode {
  return fbx.node(
    'Texture',
    [fbx.int64(id), fbx.string(`${name}\x00\x01Texture`), fbx.string('')],
    [
      fbx.node('Type', [fbx.string('TextureVideoClip')]),
      fbx.node('Version', [fbx.int32(202)]),
      fbx.node('TextureName', [fbx.string(`${name}\x00\x01Texture`)]),
      properties70([['UseMaterial', 'bool', '', '', fbx.int32(1)]]),
      fbx.node('Media', [fbx.string(`${name}\x00\x01Video`)]),
      fbx.node('FileName', [fbx.string(fileName)]),
      fbx.node('RelativeFilename', [fbx.string(fileName)]),
      fbx.node('ModelUVTranslation', [number(0), number(0)]),
      fbx.node('ModelUVScaling', [number(1), number(1)]),
      fbx.node('Texture_Alpha_Source', [fbx.string('None')]),
      fbx.node('Cropping', [fbx.int32(0), fbx.int32(0), fbx.int32(0), fbx.int32(0)]),
    ],
  );
}

export function videoNode(id: number, name: string, fileName: string, content: Uint8Array | null): FbxNode {
  return fbx.node(
    'Video',
    [fbx.int64(id), fbx.string(`${name}\x00\x01Video`), fbx.string('Clip')],
    [
      fbx.node('Type', [fbx.string('Clip')]),
      properties70([['Path', 'KString', 'XRefUrl', '', fbx.string(fileName)]]),
      fbx.node('UseMipMap', [fbx.int32(0)]),
      fbx.node('Filename', [fbx.string(fileName)]),
      fbx.node('RelativeFilename', [fbx.string(fileName)]),
      ...(content ? [fbx.node('Content', [fbx.raw(content)])] : []),
    ],
  );
}
