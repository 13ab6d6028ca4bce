import { Document } from '@gltf-transform/core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  skinnedAnimatedDocument,
  texturedCubeDocument,
  twoMaterialDocument,
} from '../../test/fixtures/build-fixtures.ts';
import { ModelInputError } from '../read/model-input-error.ts';
import { renderPreview, RENDER_PREVIEW_DEFAULTS } from './render-preview.ts';

interface DecodedImage {
  width: number;
  height: number;
  pixel(x: number, y: number): [number, number, number];
}

async function decode(webp: Uint8Array): Promise<DecodedImage> {
  expect(new TextDecoder().decode(webp.subarray(8, 12))).toBe('WEBP');
  const { data, info } = await sharp(webp).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    pixel: (x, y) => [
      data[(y * info.width + x) * 3],
      data[(y * info.width + x) * 3 + 1],
      data[(y * info.width + x) * 3 + 2],
    ],
  };
}

const isBackground = ([r, g, b]: number[], background: readonly number[] = RENDER_PREVIEW_DEFAULTS.backgroundColor) =>
  Math.abs(r - background[0]) <= 4 && Math.abs(g - background[1]) <= 4 && Math.abs(b - background[2]) <= 4;

function modelPixels(image: DecodedImage): Array<[number, number, number]> {
  const pixels: Array<[number, number, number]> = [];
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++) if (!isBackground(image.pixel(x, y))) pixels.push(image.pixel(x, y));
  return pixels;
}

describe('renderPreview', () => {
  it('renders a textured cube as a 512×512 WebP whose centre shows the texture colours', async () => {
    const image = await decode(await renderPreview(texturedCubeDocument()));
    expect([image.width, image.height]).toEqual([512, 512]);
    for (let dy = -4; dy <= 4; dy++)
      for (let dx = -4; dx <= 4; dx++) expect(isBackground(image.pixel(256 + dx, 256 + dy))).toBe(false);
    // The checker is blue (40, 40, 160) and yellow (230, 200, 60): both show, shaded, over most of the model.
    const pixels = modelPixels(image);
    expect(pixels.length).toBeGreaterThan(512 * 512 * 0.3);
    const blue = pixels.filter(([r, g, b]) => b > r + 50 && b > g + 50).length;
    const yellow = pixels.filter(([r, g, b]) => r > b + 60 && g > b + 40).length;
    expect(blue / pixels.length).toBeGreaterThan(0.2);
    expect(yellow / pixels.length).toBeGreaterThan(0.2);
    // The rest: bilinear blends between the two (an 8×8 texture magnified) and anti-aliased edges.
    expect((blue + yellow) / pixels.length).toBeGreaterThan(0.6);
  });

  it('renders an untextured red material red', async () => {
    const document = texturedCubeDocument();
    document.getRoot().listMaterials()[0].setBaseColorTexture(null).setBaseColorFactor([1, 0, 0, 1]);
    const image = await decode(await renderPreview(document));
    const [r, g, b] = image.pixel(256, 256);
    expect(r).toBeGreaterThan(150);
    expect(g).toBeLessThan(40);
    expect(b).toBeLessThan(40);
    for (let y = 156; y <= 356; y += 5) {
      for (let x = 156; x <= 356; x += 5) {
        const [red, green, blue] = image.pixel(x, y);
        expect(red).toBeGreaterThan(3 * Math.max(green, blue));
      }
    }
  });

  it('leaves the corners in the background colour, default or chosen', async () => {
    const backgroundColor = [20, 120, 60] as const;
    for (const options of [RENDER_PREVIEW_DEFAULTS, { backgroundColor, sizePixels: 256 }]) {
      const image = await decode(await renderPreview(twoMaterialDocument(), options));
      const expected = options.backgroundColor ?? RENDER_PREVIEW_DEFAULTS.backgroundColor;
      const last = image.width - 1;
      for (const [x, y] of [
        [0, 0],
        [last, 0],
        [0, last],
        [last, last],
      ])
        expect(isBackground(image.pixel(x, y), expected)).toBe(true);
      expect(image.width).toBe(options.sizePixels ?? 512);
    }
  });

  it('poses skinned meshes by their joints', async () => {
    const document = skinnedAnimatedDocument();
    const rest = await decode(await renderPreview(document));
    expect(modelPixels(rest).length).toBeGreaterThan(512 * 512 * 0.1);
    // Bend the top half 90° about z: the silhouette changes, so the image does too.
    const bone1 = document
      .getRoot()
      .listNodes()
      .find((node) => node.getName() === 'bone1')!;
    bone1.setRotation([0, 0, Math.SQRT1_2, Math.SQRT1_2]);
    const bent = await decode(await renderPreview(document));
    let differing = 0;
    for (let y = 0; y < 512; y += 4)
      for (let x = 0; x < 512; x += 4)
        if (isBackground(rest.pixel(x, y)) !== isBackground(bent.pixel(x, y))) differing++;
    expect(differing).toBeGreaterThan(500);
  });

  it('refuses a scene without triangles with a ModelInputError', async () => {
    const document = new Document();
    document.getRoot().setDefaultScene(document.createScene('empty').addChild(document.createNode('nothing')));
    await expect(renderPreview(document)).rejects.toBeInstanceOf(ModelInputError);
    await expect(renderPreview(document)).rejects.toThrow(/no triangles/);
  });
});

/** `count` copies of one screen-filling triangle, each a little further back: the worst case for a rasteriser. */
function stackedTrianglesDocument(count: number): Document {
  const document = new Document();
  const buffer = document.createBuffer();
  const positions = new Float32Array(count * 9);
  for (let copy = 0; copy < count; copy++)
    positions.set([-1, -1, -copy * 1e-4, 1, -1, -copy * 1e-4, 0, 1, -copy * 1e-4], copy * 9);
  const indices = Uint32Array.from({ length: count * 3 }, (_, index) => index);
  const primitive = document
    .createPrimitive()
    .setAttribute('POSITION', document.createAccessor().setType('VEC3').setArray(positions).setBuffer(buffer))
    .setIndices(document.createAccessor().setType('SCALAR').setArray(indices).setBuffer(buffer));
  document
    .getRoot()
    .setDefaultScene(
      document.createScene().addChild(document.createNode().setMesh(document.createMesh().addPrimitive(primitive))),
    );
  return document;
}

describe('renderPreview under heavy overdraw', () => {
  it('drops supersampling when the triangles cover the frame thousands of times over, and still draws the model', async () => {
    const image = await decode(await renderPreview(stackedTrianglesDocument(3_000)));
    expect([image.width, image.height]).toEqual([512, 512]);
    expect(isBackground(image.pixel(256, 300))).toBe(false);
  });

  it('gives up with a ModelInputError (no preview) past the work budget, instead of rendering for minutes', async () => {
    await expect(renderPreview(stackedTrianglesDocument(20_000))).rejects.toBeInstanceOf(ModelInputError);
  });
});
