import { MeshoptSimplifier } from 'meshoptimizer';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { texturedCubeDocument } from '../../test/fixtures/build-fixtures.ts';
import {
  chairDocument,
  quadrantsPng,
  untexturedBoxDocument,
  type Rgb,
} from '../../test/fixtures/build-part-fixtures.ts';
import { solidPng } from '../../test/fixtures/build-fixtures.ts';
import { sampleSurfaceTexture } from '../../test/fixtures/sample-surface-texture.ts';
import { validateGlb } from '../../test/fixtures/validate-glb.ts';
import { segmentModel } from '../segmentation/segment-model.ts';
import { writeGlb } from '../formats/glb/write-glb.ts';
import { parseTexturePrompt } from './parse-texture-prompt.ts';
import { textureModel } from './texture-model.ts';

const RED: Rgb = [220, 30, 30],
  GREEN: Rgb = [30, 190, 40],
  BLUE: Rgb = [30, 40, 220],
  YELLOW: Rgb = [235, 215, 30];

function expectColour(actual: number[], expected: number[], tolerance = 40): void {
  for (let channel = 0; channel < 3; channel++)
    expect(Math.abs(actual[channel] - expected[channel]), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

describe('textureModel', () => {
  beforeAll(() => MeshoptSimplifier.ready);

  it('projects a picture onto the front of an untextured box: each quadrant lands where it belongs', async () => {
    const image = quadrantsPng(256, [RED, GREEN, BLUE, YELLOW]);
    const { model, pbrModel, report } = await textureModel(untexturedBoxDocument(), {
      sharp,
      textureSize: 512,
      pbr: false,
      source: { kind: 'views', views: [{ image, azimuthDegrees: 0 }] },
    });
    expect(pbrModel).toBeUndefined();
    expect(report.seenFraction).toBeGreaterThan(0.1);
    // The front face is z = +0.5; x right, y up, as the picture.
    expectColour((await sampleSurfaceTexture(model, [-0.25, 0.25, 0.5])).rgb, RED);
    expectColour((await sampleSurfaceTexture(model, [0.25, 0.25, 0.5])).rgb, GREEN);
    expectColour((await sampleSurfaceTexture(model, [-0.25, -0.25, 0.5])).rgb, BLUE);
    expectColour((await sampleSurfaceTexture(model, [0.25, -0.25, 0.5])).rgb, YELLOW);
    // The unseen back takes the colour of the nearest seen surface, not a blank.
    expectColour((await sampleSurfaceTexture(model, [-0.3, 0.3, -0.5])).rgb, RED, 60);
    expect((await validateGlb(await writeGlb(model))).errors).toEqual([]);
  });

  it('blends front, left, back and right pictures, each on its own side', async () => {
    const views = [RED, GREEN, BLUE, YELLOW].map((colour, index) => ({
      image: solidPng(64, [...colour, 255] as [number, number, number, number]),
      azimuthDegrees: index * 90,
    }));
    const { model } = await textureModel(untexturedBoxDocument(), {
      sharp,
      textureSize: 256,
      pbr: false,
      source: { kind: 'views', views },
    });
    expectColour((await sampleSurfaceTexture(model, [0, 0, 0.5])).rgb, RED); // front, +Z
    expectColour((await sampleSurfaceTexture(model, [0.5, 0, 0])).rgb, GREEN); // the model's left, +X
    expectColour((await sampleSurfaceTexture(model, [0, 0, -0.5])).rgb, BLUE); // back
    expectColour((await sampleSurfaceTexture(model, [-0.5, 0, 0])).rgb, YELLOW); // right, -X
  });

  it('makes the texture as large as asked', async () => {
    for (const textureSize of [256, 1024]) {
      const { model } = await textureModel(untexturedBoxDocument(), {
        sharp,
        textureSize,
        pbr: false,
        source: { kind: 'text', text: 'wood' },
      });
      expect((await sampleSurfaceTexture(model, [0, 0, 0.5])).textureSize).toEqual([textureSize, textureSize]);
    }
  });

  it('paints a procedural material from the colour and material words of a text prompt, with PBR maps on request', async () => {
    const { model, pbrModel, report } = await textureModel(untexturedBoxDocument(), {
      sharp,
      textureSize: 256,
      pbr: true,
      source: { kind: 'text', text: 'a bright blue plastic toy' },
    });
    expect(report.matchedWords).toEqual(['bright blue', 'plastic']);
    const { rgb } = await sampleSurfaceTexture(model, [0.1, 0.2, 0.5]);
    expect(rgb[2]).toBeGreaterThan(rgb[0] + 80);
    const material = pbrModel!
      .getRoot()
      .listMaterials()
      .find((candidate) => candidate.getName() === 'texture_model')!;
    expect(material.getMetallicRoughnessTexture()).not.toBeNull();
    expect(
      model
        .getRoot()
        .listMaterials()
        .find((candidate) => candidate.getName() === 'texture_model')!
        .getMetallicRoughnessTexture(),
    ).toBeNull();
    expect((await validateGlb(await writeGlb(pbrModel!))).errors).toEqual([]);
    expect(parseTexturePrompt('brushed steel').metallic).toBe(1);
    expect(parseTexturePrompt('nothing recognisable here').matchedWords).toEqual([]);
  });

  it("without a prompt, re-bakes the model's current look onto the new layout", async () => {
    const original = texturedCubeDocument();
    // The fixture's checkerboard: dark blue in the front face's top-left quarter, yellow in its top-right.
    expectColour((await sampleSurfaceTexture(original, [-0.25, 0.25, 0.5])).rgb, [40, 40, 160], 5);
    const { model } = await textureModel(original, {
      sharp,
      textureSize: 256,
      pbr: false,
      source: { kind: 'existing' },
    });
    expectColour((await sampleSurfaceTexture(model, [-0.25, 0.25, 0.5])).rgb, [40, 40, 160]);
    expectColour((await sampleSurfaceTexture(model, [0.25, 0.25, 0.5])).rgb, [230, 200, 60]);
  });

  it('repaints only the parts named', async () => {
    const document = await chairDocument();
    await segmentModel(document, { simplifier: MeshoptSimplifier });
    const { model, report } = await textureModel(document, {
      sharp,
      textureSize: 256,
      pbr: false,
      source: { kind: 'text', text: 'red' },
      partNames: ['part_02', 'part_77'],
    });
    expect(report.unmatchedPartNames).toEqual(['part_77']);
    const materialOf = (name: string) =>
      model
        .getRoot()
        .listNodes()
        .find((node) => node.getName() === name)!
        .getMesh()!
        .listPrimitives()[0]
        .getMaterial()!
        .getName();
    expect(materialOf('part_02')).toBe('texture_model');
    expect(materialOf('part_01')).not.toBe('texture_model');
  });
});
