import { cloneDocument } from '@gltf-transform/functions';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { texturedCubeDocument, twoTextureDocument } from '../../test/fixtures/build-fixtures.ts';
import { validateGlb } from '../../test/fixtures/validate-glb.ts';
import { bakeVertexColors } from './bake-vertex-colors.ts';
import { packRectangles, packTextureAtlas } from './pack-texture-atlas.ts';
import { writeGlb } from '../formats/glb/write-glb.ts';

/** The base colour each vertex shows, through bakeVertexColors (texture kept), per primitive. */
async function vertexColours(document: ReturnType<typeof twoTextureDocument>): Promise<number[][]> {
  const copy = cloneDocument(document);
  await bakeVertexColors(copy, { sharp, keepBaseColorTexture: true });
  return copy
    .getRoot()
    .listMeshes()[0]
    .listPrimitives()
    .map((primitive) => Array.from(primitive.getAttribute('COLOR_0')!.getArray()!));
}

describe('pack_uv: packTextureAtlas', () => {
  it('packs two textures into one power-of-two atlas, merges the now identical materials and keeps appearance', async () => {
    const document = twoTextureDocument();
    // Under REPEAT a vertex on the texture's edge blends in the opposite edge; the atlas clamps. Compare like with like.
    for (const material of document.getRoot().listMaterials())
      material.getBaseColorTextureInfo()!.setWrapS(33071).setWrapT(33071);
    const before = await vertexColours(document);
    const report = await packTextureAtlas(document, { maxSize: 2048, sharp });
    expect(report).toMatchObject({ packed: true, materialCount: 1 });
    expect(Math.log2(report.width) % 1).toBe(0);
    expect(Math.log2(report.height) % 1).toBe(0);
    const primitives = document.getRoot().listMeshes()[0].listPrimitives();
    expect(new Set(primitives.map((primitive) => primitive.getMaterial()))).toHaveLength(1);
    const atlas = primitives[0].getMaterial()!.getBaseColorTexture()!;
    expect(await sharp(atlas.getImage()!).metadata()).toMatchObject({ width: report.width, height: report.height });
    // The two boxes' UVs occupy disjoint rectangles inside [0, 1].
    const ranges = primitives.map((primitive) => {
      const uvs = Array.from(primitive.getAttribute('TEXCOORD_0')!.getArray()! as Float32Array);
      const us = uvs.filter((_, index) => index % 2 === 0),
        vs = uvs.filter((_, index) => index % 2 === 1);
      return { u: [Math.min(...us), Math.max(...us)], v: [Math.min(...vs), Math.max(...vs)] };
    });
    for (const { u, v } of ranges) expect(Math.min(...u, ...v) >= 0 && Math.max(...u, ...v) <= 1).toBe(true);
    const overlap =
      ranges[0].u[0] < ranges[1].u[1] &&
      ranges[1].u[0] < ranges[0].u[1] &&
      ranges[0].v[0] < ranges[1].v[1] &&
      ranges[1].v[0] < ranges[0].v[1];
    expect(overlap).toBe(false);
    // Each vertex shows the colour it showed before (texel centres map onto texel centres, the gutter copies edges).
    const after = await vertexColours(document);
    for (const [primitive, colours] of before.entries()) {
      colours.forEach((value, index) => expect(Math.abs(after[primitive][index] - value)).toBeLessThan(0.02));
    }
    document
      .getRoot()
      .listTextures()
      .filter((texture) => texture !== atlas)
      .forEach((texture) => texture.dispose());
    expect((await validateGlb(await writeGlb(document))).errors).toEqual([]);
  });

  it('leaves a model with one texture unchanged', async () => {
    const document = texturedCubeDocument();
    const uvs = document
      .getRoot()
      .listAccessors()
      .find((accessor) => accessor.getType() === 'VEC2')!
      .getArray();
    expect((await packTextureAtlas(document, { maxSize: 2048, sharp })).packed).toBe(false);
    expect(
      document
        .getRoot()
        .listAccessors()
        .find((accessor) => accessor.getType() === 'VEC2')!
        .getArray(),
    ).toBe(uvs);
  });

  it('stays within texture_size, scaling the rectangles down when they do not fit', () => {
    const layout = packRectangles(
      [
        { width: 1024, height: 1024 },
        { width: 1024, height: 512 },
        { width: 300, height: 200 },
      ],
      512,
      4,
    );
    expect(layout.width).toBeLessThanOrEqual(512);
    expect(layout.height).toBeLessThanOrEqual(512);
    for (const rectangle of layout.rectangles) {
      expect(rectangle.x + rectangle.width + 8).toBeLessThanOrEqual(layout.width);
      expect(rectangle.y + rectangle.height + 8).toBeLessThanOrEqual(layout.height);
    }
    // 16 + 24 px with gutters: the smallest power-of-two area that holds both is 2048 px².
    const small = packRectangles(
      [
        { width: 8, height: 8 },
        { width: 16, height: 16 },
      ],
      2048,
      4,
    );
    expect(small.width * small.height).toBe(2048);
  });

  it('shifts UVs that stay in one tile, clamps them under CLAMP_TO_EDGE, and refuses UVs that repeat', async () => {
    const shifted = twoTextureDocument();
    const [left, right] = shifted.getRoot().listMeshes()[0].listPrimitives();
    const uv = left.getAttribute('TEXCOORD_0')!;
    uv.setArray((uv.getArray() as Float32Array).map((value) => value + 1));
    await packTextureAtlas(shifted, { maxSize: 2048, sharp });
    expect(Math.max(...Array.from(left.getAttribute('TEXCOORD_0')!.getArray() as Float32Array))).toBeLessThanOrEqual(1);

    const clamped = twoTextureDocument();
    const clampedLeft = clamped.getRoot().listMeshes()[0].listPrimitives()[0];
    clampedLeft.getMaterial()!.getBaseColorTextureInfo()!.setWrapS(33071).setWrapT(33071);
    const clampedUv = clampedLeft.getAttribute('TEXCOORD_0')!;
    clampedUv.setArray((clampedUv.getArray() as Float32Array).map((value) => value * 3 - 1));
    expect((await packTextureAtlas(clamped, { maxSize: 2048, sharp })).packed).toBe(true);

    const tiled = twoTextureDocument();
    const tiledUv = tiled.getRoot().listMeshes()[0].listPrimitives()[1].getAttribute('TEXCOORD_0')!;
    tiledUv.setArray((tiledUv.getArray() as Float32Array).map((value) => value * 4));
    await expect(packTextureAtlas(tiled, { maxSize: 2048, sharp })).rejects.toThrow(
      /pack_uv: material "right" repeats its texture/,
    );
    expect(right).toBeDefined();
  });
});
