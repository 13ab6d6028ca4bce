// The whole generator library without HTTP: at least 150 categories, each example prompt read as its own category
// and built into a glTF the Khronos validator accepts, with named parts, PBR materials and a plausible real size;
// wearables carry their anchor place, composition puts worn and held things at the figure's anchors.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createGltfIO } from '../read/create-gltf-io.ts';
import { validateGlb } from '../../test/fixtures/validate-glb.ts';
import { generateModel, type GenerateModelRequest } from './generate-model.ts';
import { GENERATOR_DEFINITIONS } from './generator-catalog.ts';

const BASE: GenerateModelRequest = {
  prompt: '',
  modelSeed: 7,
  textureSeed: 7,
  textured: false,
  pbr: false,
  textureQuality: 'standard',
  geometryQuality: 'standard',
  autoSize: true,
  generateParts: true,
  lowPolyModelVersion: false,
  smartLowPoly: true,
};

describe('the generator library', () => {
  it('has at least 150 categories, each building its example as a valid glTF of named parts at a plausible size', async () => {
    expect(GENERATOR_DEFINITIONS.length).toBeGreaterThanOrEqual(150);
    const io = await createGltfIO();
    const families = new Set<string>();
    for (const definition of GENERATOR_DEFINITIONS) {
      families.add(definition.family);
      const { document, summary } = await generateModel({ ...BASE, prompt: definition.example }, sharp);
      expect(summary.category, definition.example).toBe(definition.category);
      expect(summary.understood.components[0].category).toBe(definition.category);
      const report = await validateGlb(await io.writeBinary(document));
      expect(report.errors, definition.category).toEqual([]);
      const names = document
        .getRoot()
        .listNodes()
        .map((node) => node.getName());
      expect(names.length, definition.category).toBeGreaterThan(0);
      expect(
        names.every((name) => /^[a-z0-9_]+$/.test(name)),
        `${definition.category}: ${names.join(', ')}`,
      ).toBe(true);
      for (const material of document.getRoot().listMaterials())
        expect(material.getRoughnessFactor()).toBeLessThanOrEqual(1);
      const largest = Math.max(...summary.size_metres);
      expect(largest, definition.category).toBeGreaterThan(0.004);
      expect(largest, definition.category).toBeLessThan(400);
    }
    for (const family of [
      'food',
      'creature',
      'animal',
      'wearable',
      'container',
      'gadget',
      'instrument',
      'vehicle',
      'building',
      'game',
      'plant',
      'kitchen',
      'sports',
      'toy',
      'tool',
      'furniture',
      'support',
    ]) {
      expect(families.has(family), family).toBe(true);
    }
  }, 120_000);

  it('declares where wearables go, and every figure has a head for them', async () => {
    for (const definition of GENERATOR_DEFINITIONS.filter(
      (candidate) => candidate.family === 'wearable' && candidate.traits?.wear,
    )) {
      expect(['head', 'neck', 'face', 'back', 'body']).toContain(definition.traits!.wear!.place);
    }
    for (const prompt of [
      'a dog wearing a crown',
      'a frog wearing a top hat',
      'a robot wearing a cap',
      'a snowman wearing sunglasses',
      'a t-rex wearing a party hat',
      'a teddy bear wearing a bow tie',
    ]) {
      const { summary } = await generateModel({ ...BASE, prompt, smartLowPoly: true }, sharp);
      expect(
        summary.understood.components.map((component) => component.role),
        prompt,
      ).toEqual(['main', 'worn']);
      expect(summary.notes ?? [], prompt).toEqual([]);
    }
  });
});
