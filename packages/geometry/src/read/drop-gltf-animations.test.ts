import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from '@gltf-transform/core';
import { EXTMeshGPUInstancing } from '@gltf-transform/extensions';
import { describe, expect, it } from 'vitest';
import { skinnedAnimatedDocument } from '../../test/fixtures/build-fixtures.ts';
import { applyConvertOptions, loadGeometryCodecs } from '../convert/apply-convert-options.ts';
import { conversionDropsAnimation } from '../convert/conversion-drops-animation.ts';
import { convertModel, type SupportedConvertFormat } from '../convert/convert-model.ts';
import { createGltfIO } from './create-gltf-io.ts';
import { readModel } from './read-model.ts';
import { unreadAnimationsOf } from './unread-animations.ts';

const fox = () => new Uint8Array(readFileSync(join(import.meta.dirname, '../../test/corpus/fox.glb')));

/** The skinned strip with a second clip that moves a node that is not a joint, and an instanced copy of the mesh. */
async function skinnedNodeAnimatedInstancedGlb(): Promise<Uint8Array> {
  const document = skinnedAnimatedDocument();
  const buffer = document.getRoot().listBuffers()[0];
  const accessor = (type: 'SCALAR' | 'VEC3', values: number[]) =>
    document.createAccessor().setType(type).setArray(new Float32Array(values)).setBuffer(buffer);
  const prop = document.createNode('prop').setMesh(document.getRoot().listMeshes()[0]);
  prop.setExtension(
    'EXT_mesh_gpu_instancing',
    document
      .createExtension(EXTMeshGPUInstancing)
      .createInstancedMesh()
      .setAttribute('TRANSLATION', accessor('VEC3', [0, 0, 0, 3, 0, 0])),
  );
  document.getRoot().getDefaultScene()!.addChild(prop);
  const sampler = document
    .createAnimationSampler()
    .setInput(accessor('SCALAR', [0, 1]))
    .setOutput(accessor('VEC3', [0, 0, 0, 0, 1, 0]));
  document
    .createAnimation('lift')
    .addSampler(sampler)
    .addChannel(document.createAnimationChannel().setTargetNode(prop).setTargetPath('translation').setSampler(sampler));
  return (await createGltfIO()).writeBinary(document);
}

async function convert(document: Document, format: SupportedConvertFormat, withAnimation = true) {
  const request = { format, face_limit: null, with_animation: withAnimation };
  const applied = await applyConvertOptions(document, request, await loadGeometryCodecs());
  const converted = await convertModel(document, {
    format,
    quadFaces: applied.quadFaces,
    materialMaps: applied.materialMaps,
  });
  return { bytes: converted.bytes, warnings: [...applied.warnings, ...converted.warnings] };
}

describe('readModel with skipAnimations', () => {
  it('reads the Fox without its clips or the accessors only they use, keeping the skin and the mesh', async () => {
    const full = await readModel(fox(), 'glb');
    const skipped = await readModel(fox(), 'glb', { skipAnimations: true });
    expect(skipped.getRoot().listAnimations()).toEqual([]);
    expect(skipped.getRoot().listSkins()).toHaveLength(1);
    expect(skipped.getRoot().listAccessors()).toHaveLength(5);
    expect(full.getRoot().listAccessors()).toHaveLength(71);
    expect(unreadAnimationsOf(skipped)).toEqual({ clipCount: 3, skeletalChannelCount: 63, nodeChannelCount: 0 });
    const arrays = (document: Document) =>
      document
        .getRoot()
        .listMeshes()[0]
        .listPrimitives()[0]
        .listAttributes()
        .map((attribute) => Array.from(attribute.getArray()!));
    expect(arrays(skipped)).toEqual(arrays(full));
  });

  const models: Record<string, () => Uint8Array | Promise<Uint8Array>> = {
    'the Fox': fox,
    'a skinned, node-animated, instanced model': skinnedNodeAnimatedInstancedGlb,
  };
  it.each<[string, SupportedConvertFormat, boolean]>([
    ['the Fox', 'OBJ', true],
    ['the Fox', 'STL', true],
    ['the Fox', 'GLB', false],
    ['a skinned, node-animated, instanced model', 'OBJ', true],
    ['a skinned, node-animated, instanced model', '3MF', true],
    ['a skinned, node-animated, instanced model', 'GLB', false],
  ])('converts %s to %s (with_animation %s) to the same bytes and warnings', async (name, format, withAnimation) => {
    expect(conversionDropsAnimation({ format, with_animation: withAnimation })).toBe(true);
    const bytes = await models[name]();
    const full = await convert(await readModel(bytes, 'glb'), format, withAnimation);
    const skipped = await convert(await readModel(bytes, 'glb', { skipAnimations: true }), format, withAnimation);
    expect(skipped.warnings).toEqual(full.warnings);
    expect(Buffer.from(skipped.bytes).equals(Buffer.from(full.bytes))).toBe(true);
    if (withAnimation) expect(full.warnings.join('\n')).toMatch(/skeletal animation/);
  });
});

describe('conversionDropsAnimation', () => {
  it.each<[Record<string, unknown>, boolean]>([
    [{ format: 'OBJ' }, true],
    [{ format: 'stl' }, true],
    [{ format: '3MF' }, true],
    [{ format: 'GLB' }, false],
    [{ format: 'FBX' }, false],
    [{ format: 'USDZ' }, false],
    [{ format: 'FBX', with_animation: false }, true],
    [{ format: 'OBJ', animate_in_place: true }, false],
    [{ format: 'OBJ', assemble_animation: true }, false],
    [{ format: 'OBJ', part_names: ['head'] }, false],
    [{ format: 'OBJ', part_names: [] }, true],
  ])('%j → %s', (request, expected) => {
    expect(conversionDropsAnimation(request as { format: string })).toBe(expected);
  });
});
