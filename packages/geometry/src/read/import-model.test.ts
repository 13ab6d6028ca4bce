import { describe, expect, it } from 'vitest';
import {
  asciiStl,
  binaryStl,
  hierarchyGlb,
  objText,
  skinnedAnimatedGlb,
  texturedCubeGlb,
  texturedCubeGltfEmbedded,
  twoMaterialGlb,
} from '../../test/fixtures/build-fixtures.ts';
import { validateGlb } from '../../test/fixtures/validate-glb.ts';
import { convertModel } from '../convert/convert-model.ts';
import { importModel } from './import-model.ts';
import { ModelInputError } from './model-input-error.ts';
import type { ModelStats } from '../mesh/model-stats.ts';
import { readModel, type ReadableModelFormat } from './read-model.ts';

const text = (value: string) => new TextEncoder().encode(value);

describe('importModel', () => {
  it.each<[string, () => Promise<Uint8Array> | Uint8Array, ReadableModelFormat, Partial<ModelStats>]>([
    [
      'textured GLB',
      texturedCubeGlb,
      'glb',
      { triangleCount: 12, vertexCount: 24, meshCount: 1, materialCount: 1, textureCount: 1 },
    ],
    ['two-material GLB', twoMaterialGlb, 'glb', { triangleCount: 24, meshCount: 1, materialCount: 2 }],
    [
      'GLB with a node hierarchy',
      hierarchyGlb,
      'glb',
      { triangleCount: 24, vertexCount: 48, meshCount: 1, boundingBox: { min: [-5.5, -0.5, -1], max: [11, 3, 1] } },
    ],
    [
      'skinned, animated GLB',
      skinnedAnimatedGlb,
      'glb',
      { triangleCount: 4, boundingBox: { min: [-0.5, 0, 0], max: [0.5, 2, 0] } },
    ],
    ['embedded glTF', texturedCubeGltfEmbedded, 'gltf', { triangleCount: 12, textureCount: 1 }],
    [
      'OBJ',
      () => text(objText()),
      'obj',
      {
        triangleCount: 12,
        vertexCount: 24,
        materialCount: 2,
        boundingBox: { min: [-0.5, -0.5, -0.5], max: [0.5, 0.5, 0.5] },
      },
    ],
    [
      'ASCII STL',
      () => text(asciiStl()),
      'stl',
      { triangleCount: 4, vertexCount: 12, materialCount: 0, boundingBox: { min: [0, 0, 0], max: [1, 1, 1] } },
    ],
    [
      'binary STL',
      binaryStl,
      'stl',
      { triangleCount: 4, vertexCount: 12, boundingBox: { min: [0, 0, 0], max: [1, 1, 1] } },
    ],
  ])('normalises %s to a GLB with zero validator errors', async (_name, build, format, expected) => {
    const imported = await importModel(await build(), format);
    expect((await validateGlb(imported.glb)).errors).toEqual([]);
    expect(imported.stats).toMatchObject(expected);
  });

  it('gives a valid GLB for an OBJ with vertex colours, negative indices and faces lacking UVs or normals', async () => {
    const obj = [
      'v 0 0 0 1 0 0',
      'v 1 0 0 0 1 0',
      'v 1 1 0 0 0 1',
      'v 0 1 0 1 1 1',
      'v 0 0 1 0.5 0.5 0.5',
      'vt 0 0',
      'vt 1 0',
      'vt 1 1',
      'vn 0 0 1',
      'vn 0 0 0',
      'f 1/1/1 2/2/1 3/3/1',
      'f 1 3 4',
      'f -1 -4 -3',
      'f 1//2 2//2 5//2',
      'usemap nothing',
      'curv 0 1 1 2',
    ].join('\n');
    const imported = await importModel(text(obj), 'obj');
    expect((await validateGlb(imported.glb)).errors).toEqual([]);
    expect(imported.stats.triangleCount).toBe(4);
    const primitive = (await readModel(imported.glb, 'glb')).getRoot().listMeshes()[0].listPrimitives()[0];
    expect(primitive.getAttribute('COLOR_0')).not.toBeNull();
  });

  it('keeps animations and skins of a GLB', async () => {
    const document = await readModel((await importModel(await skinnedAnimatedGlb(), 'glb')).glb, 'glb');
    expect(
      document
        .getRoot()
        .listAnimations()
        .map((animation) => animation.getName()),
    ).toEqual(['bend']);
    expect(document.getRoot().listSkins()).toHaveLength(1);
  });

  it('imports what convert_model wrote as OBJ', async () => {
    const obj = await convertModel(await readModel(binaryStl(), 'stl'), { format: 'OBJ' });
    const imported = await importModel(obj.bytes, 'obj');
    expect((await validateGlb(imported.glb)).errors).toEqual([]);
    expect(imported.stats.triangleCount).toBe(4);
  });

  it('refuses broken input with a ModelInputError', async () => {
    await expect(importModel((await texturedCubeGlb()).slice(0, 100), 'glb')).rejects.toBeInstanceOf(ModelInputError);
  });
});
