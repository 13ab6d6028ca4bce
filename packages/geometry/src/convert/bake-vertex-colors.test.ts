import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { solidPng, texturedCubeDocument, twoTextureDocument } from '../../test/fixtures/build-fixtures.ts';
import { encodePng } from '../../test/fixtures/encode-png.ts';
import { validateGlb } from '../../test/fixtures/validate-glb.ts';
import { bakeVertexColors, sampleBilinear } from './bake-vertex-colors.ts';
import { readModel } from '../read/read-model.ts';
import { writeGlb } from '../formats/glb/write-glb.ts';
import { writeObj } from '../formats/obj/write-obj.ts';

const srgbToLinear = (byte: number) => {
  const v = byte / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};

describe('export_vertex_colors: bakeVertexColors', () => {
  it('samples the base colour texture × factor into a linear COLOR_0 and drops the texture for glTF', async () => {
    const document = twoTextureDocument();
    const [left, right] = document.getRoot().listMeshes()[0].listPrimitives();
    right.getMaterial()!.setBaseColorFactor([1, 0.5, 1, 1]);
    expect(await bakeVertexColors(document, { sharp })).toBe(2);
    const colors = right.getAttribute('COLOR_0')!;
    expect(colors.getType()).toBe('VEC4');
    for (let vertex = 0; vertex < colors.getCount(); vertex++) {
      const [r, g, b, a] = colors.getElement(vertex, [] as number[]);
      expect(r).toBeCloseTo(srgbToLinear(230), 4);
      expect(g).toBeCloseTo(srgbToLinear(120) * 0.5, 4);
      expect(b).toBeCloseTo(srgbToLinear(20), 4);
      expect(a).toBe(1);
    }
    // The checker's corners sit on cell colours; every colour is one of the two cells' (or their bilinear blend).
    expect(left.getAttribute('COLOR_0')!.getCount()).toBe(24);
    expect(right.getMaterial()!.getBaseColorTexture()).toBeNull();
    expect(right.getMaterial()!.getBaseColorFactor()).toEqual([1, 1, 1, 1]);
    const bytes = await writeGlb(document);
    expect((await validateGlb(bytes)).errors).toEqual([]);
    expect(
      (await readModel(bytes, 'glb')).getRoot().listMeshes()[0].listPrimitives()[1].getAttribute('COLOR_0'),
    ).not.toBeNull();
  });

  it('keeps the texture for OBJ, whose writer emits `v x y z r g b` in sRGB', async () => {
    const document = texturedCubeDocument();
    document
      .getRoot()
      .listTextures()[0]
      .setImage(solidPng(4, [200, 30, 30, 255]));
    await bakeVertexColors(document, { sharp, keepBaseColorTexture: true });
    expect(document.getRoot().listMaterials()[0].getBaseColorTexture()).not.toBeNull();
    const { objText, mtlText } = writeObj(document);
    const vertices = objText.split('\n').filter((line) => line.startsWith('v '));
    expect(vertices).toHaveLength(24);
    for (const line of vertices) {
      const [, , , , r, g, b] = line.split(' ').map(Number);
      expect(r).toBeCloseTo(200 / 255, 3);
      expect(g).toBeCloseTo(30 / 255, 3);
      expect(b).toBeCloseTo(30 / 255, 3);
    }
    expect(mtlText).toMatch(/map_Kd/);
  });

  it('filters bilinearly in linear light and wraps per the sampler', async () => {
    // 2×1: black | white. Texel centres at u = 0.25 and 0.75.
    const png = encodePng(2, 1, new Uint8Array([0, 0, 0, 255, 255, 255, 255, 255]));
    const { data } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const image = {
      width: 2,
      height: 1,
      texels: Float32Array.from(data, (byte, index) => (index % 4 === 3 ? byte / 255 : srgbToLinear(byte))),
    };
    const out = [0, 0, 0, 0];
    expect(sampleBilinear(image, 0.5, 0.5, 10497, 10497, out)[0]).toBeCloseTo(0.5, 6);
    expect(sampleBilinear(image, 0.25, 0.5, 10497, 10497, out)[0]).toBeCloseTo(0, 6);
    expect(sampleBilinear(image, 1.25, 0.5, 10497, 10497, out)[0]).toBeCloseTo(0, 6); // REPEAT: u 1.25 ≡ 0.25
    expect(sampleBilinear(image, 1.25, 0.5, 33071, 33071, out)[0]).toBeCloseTo(1, 6); // CLAMP_TO_EDGE
    expect(sampleBilinear(image, 0, 0.5, 10497, 10497, out)[0]).toBeCloseTo(0.5, 6); // REPEAT blends the far edge in
    expect(sampleBilinear(image, 0, 0.5, 33071, 33071, out)[0]).toBeCloseTo(0, 6);
  });
});
