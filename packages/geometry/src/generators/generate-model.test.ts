// The generator pipeline without HTTP: palettes honour negative_prompt, request styles and style images
// recolour slots, low-poly is faceted and lighter, parts are named, unit-box normalisation.
import type { Document } from '@gltf-transform/core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { generateModel, type GenerateModelRequest } from './generate-model.ts';

const BASE: GenerateModelRequest = {
  prompt: 'a sofa',
  modelSeed: 1,
  textureSeed: 1,
  textured: false,
  pbr: false,
  textureQuality: 'standard',
  geometryQuality: 'standard',
  autoSize: true,
  generateParts: false,
  lowPolyModelVersion: false,
  smartLowPoly: false,
};

function triangleCount(document: Document): number {
  return document
    .getRoot()
    .listMeshes()
    .flatMap((mesh) => mesh.listPrimitives())
    .reduce((sum, primitive) => sum + primitive.getIndices()!.getCount() / 3, 0);
}

describe('generateModel', () => {
  it('never picks a palette colour that negative_prompt excludes', async () => {
    const colours = new Set<string>();
    for (let textureSeed = 0; textureSeed < 24; textureSeed++) {
      const { summary } = await generateModel({ ...BASE, textureSeed, negativePrompt: 'grey, beige, navy' }, sharp);
      colours.add(summary.materials.upholstery.colour);
    }
    expect(colours.size).toBeGreaterThan(2);
    for (const excluded of ['grey', 'beige', 'navy']) expect(colours.has(excluded)).toBe(false);
  });

  it('applies request styles and a style image colour to the slots', async () => {
    const gold = await generateModel({ ...BASE, prompt: 'a red car', requestStyle: 'gold' }, sharp);
    expect(
      Object.entries(gold.summary.materials)
        .filter(([slot]) => slot !== 'light')
        .every(([, material]) => material.material === 'gold'),
    ).toBe(true);
    const clay = await generateModel({ ...BASE, prompt: 'a cat', requestStyle: 'object:clay' }, sharp);
    expect(clay.summary.materials.fur).toEqual({ material: 'clay', colour: 'tan' });
    const styled = await generateModel({ ...BASE, prompt: 'a mug', styleColour: [10, 200, 30] }, sharp);
    expect(styled.summary.materials.body.colour).toBe('style_image');
    const factor = styled.document
      .getRoot()
      .listMaterials()
      .find((material) => material.getName().startsWith('body_'))!
      .getBaseColorFactor();
    expect(factor[1]).toBeGreaterThan(factor[0] * 5);
  });

  it('builds low-poly models faceted and lighter, detailed ones denser', async () => {
    const normal = await generateModel({ ...BASE, prompt: 'a cat' }, sharp);
    const lowPoly = await generateModel({ ...BASE, prompt: 'a low-poly cat' }, sharp);
    const detailed = await generateModel({ ...BASE, prompt: 'a cat', geometryQuality: 'detailed' }, sharp);
    expect(triangleCount(lowPoly.document)).toBeLessThan(triangleCount(normal.document) / 2);
    expect(triangleCount(detailed.document)).toBeGreaterThan(triangleCount(normal.document) * 1.5);
    // faceted: every triangle has its own three vertices
    for (const primitive of lowPoly.document.getRoot().listMeshes()[0].listPrimitives()) {
      expect(primitive.getAttribute('POSITION')!.getCount()).toBe(primitive.getIndices()!.getCount());
    }
  });

  it('names one node per part with generate_parts, one node otherwise, and normalises to a unit box without auto_size', async () => {
    const whole = await generateModel({ ...BASE, prompt: 'a table', autoSize: false }, sharp);
    expect(
      whole.document
        .getRoot()
        .listNodes()
        .map((node) => node.getName()),
    ).toEqual(['table']);
    const position = whole.document
      .getRoot()
      .listMeshes()[0]
      .listPrimitives()
      .map((primitive) => primitive.getAttribute('POSITION')!);
    const extent = [0, 1, 2].map(
      (axis) =>
        Math.max(...position.map((accessor) => accessor.getMax([0, 0, 0])[axis])) -
        Math.min(...position.map((accessor) => accessor.getMin([0, 0, 0])[axis])),
    );
    expect(Math.max(...extent)).toBeCloseTo(1, 5);
    const parts = await generateModel({ ...BASE, prompt: 'a table with 4 legs', generateParts: true }, sharp);
    const names = parts.document
      .getRoot()
      .listNodes()
      .map((node) => node.getName());
    expect(names).toEqual(expect.arrayContaining(['top', 'leg_1', 'leg_2', 'leg_3', 'leg_4']));
    expect(names).toEqual(parts.summary.parts);
  });
});
