import { Document } from '@gltf-transform/core';
import { MeshoptSimplifier } from 'meshoptimizer';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkerPng } from '../../test/fixtures/encode-png.ts';
import {
  denseGridDocument,
  hierarchyDocument,
  skinnedAnimatedDocument,
  texturedCubeDocument,
  twoAnimationDocument,
  twoMaterialDocument,
  twoTextureDocument,
} from '../../test/fixtures/build-fixtures.ts';
import { validateGlb } from '../../test/fixtures/validate-glb.ts';
import { applyConvertOptions, type ConvertOptionsRequest, type GeometryCodecs } from './apply-convert-options.ts';
import { convertModel } from './convert-model.ts';
import { collectWorldTriangles } from '../mesh/collect-world-triangles.ts';
import { modelStats } from '../mesh/model-stats.ts';
import { readModel } from '../read/read-model.ts';
import { writeGlb } from '../formats/glb/write-glb.ts';
import { writeObj } from '../formats/obj/write-obj.ts';

let codecs: GeometryCodecs;
beforeAll(async () => {
  await MeshoptSimplifier.ready;
  codecs = { simplifier: MeshoptSimplifier, sharp };
});

const apply = (document: Document, request: Partial<ConvertOptionsRequest>) =>
  applyConvertOptions(document, { format: 'GLB', ...request }, codecs);

/** A round trip through GLB, as the engine sees documents, so the Khronos validator checks every result. */
async function roundTrip(document: Document): Promise<Document> {
  const bytes = await writeGlb(document);
  expect((await validateGlb(bytes)).errors).toEqual([]);
  return readModel(bytes, 'glb');
}

function worldYs(document: Document): number[] {
  return collectWorldTriangles(document).flatMap(({ positions }) =>
    Array.from(positions.filter((_, index) => index % 3 === 1)),
  );
}

/** A grid of cells × cells quads lifted into a bowl: a few rows near the bottom, the rest well above. */
function texturedGrid(minTriangleCount: number): Document {
  const document = denseGridDocument(minTriangleCount);
  const texture = document.createTexture('checker').setImage(checkerPng(64, 8)).setMimeType('image/png');
  document.getRoot().listMaterials()[0].setBaseColorTexture(texture);
  return document;
}

describe('face_limit', () => {
  it.each([100, 1_000, 4_999])(
    'decimates a 20k-triangle grid to at most %i triangles, never more',
    async (faceLimit) => {
      const document = texturedGrid(20_000);
      const applied = await apply(document, { face_limit: faceLimit });
      expect(applied.triangleCountBefore).toBeGreaterThanOrEqual(20_000);
      expect(applied.triangleCount).toBeLessThanOrEqual(faceLimit);
      expect(applied.triangleCount).toBeGreaterThan(faceLimit * 0.9);
      const stats = modelStats(await roundTrip(document));
      expect(stats.triangleCount).toBe(applied.triangleCount);
      // Borders locked: the grid still spans [0, 1] in x and z.
      expect(stats.boundingBox.min[0]).toBeCloseTo(0, 5);
      expect(stats.boundingBox.max[2]).toBeCloseTo(1, 5);
    },
  );

  it('leaves a model under the limit untouched, the 10000 default included', async () => {
    const document = texturedCubeDocument();
    const before = Array.from(document.getRoot().listMeshes()[0].listPrimitives()[0].getIndices()!.getArray()!);
    const applied = await apply(document, {});
    expect(applied).toMatchObject({ triangleCountBefore: 12, triangleCount: 12, faceCount: 12 });
    expect(Array.from(document.getRoot().listMeshes()[0].listPrimitives()[0].getIndices()!.getArray()!)).toEqual(
      before,
    );
  });

  it('applies the default face_limit of 10000 when the request does not name one', async () => {
    const applied = await apply(texturedGrid(30_000), {});
    expect(applied.triangleCount).toBeLessThanOrEqual(10_000);
    expect(applied.triangleCount).toBeGreaterThan(9_000);
  });

  it('splits the budget over primitives and counts instanced meshes once per instance', async () => {
    // hierarchyDocument draws one 12-triangle cube twice, twoMaterialDocument two 12-triangle boxes.
    for (const [document, drawn] of [
      [hierarchyDocument(), 24],
      [twoMaterialDocument(), 24],
    ] as const) {
      const applied = await apply(document, { face_limit: 20 });
      expect(applied.triangleCountBefore).toBe(drawn);
      expect(applied.triangleCount).toBeLessThanOrEqual(20);
      expect(modelStats(await roundTrip(document)).triangleCount).toBe(applied.triangleCount);
    }
  });

  it('keeps the texture coordinates of the kept vertices (seams and UVs are not invented)', async () => {
    const document = texturedGrid(20_000);
    await apply(document, { face_limit: 2_000 });
    const [primitive] = collectWorldTriangles(document);
    for (let vertex = 0; vertex < primitive.positions.length / 3; vertex++) {
      // The grid's UV is its (x, z) position: decimation must keep that mapping exactly.
      expect(primitive.uvs![vertex * 2]).toBeCloseTo(primitive.positions[vertex * 3], 5);
      expect(primitive.uvs![vertex * 2 + 1]).toBeCloseTo(primitive.positions[vertex * 3 + 2], 5);
    }
  });
});

describe('quad', () => {
  it('pairs triangles into quads; face_limit counts polygons', async () => {
    const document = texturedGrid(20_000);
    const applied = await apply(document, { quad: true, face_limit: 1_000 });
    const faces = [...applied.quadFaces!.values()].flat();
    expect(faces.length).toBe(applied.faceCount);
    expect(applied.faceCount).toBeLessThanOrEqual(1_000);
    expect(applied.faceCount).toBeGreaterThan(800);
    expect(faces.filter((face) => face.length === 4).length).toBeGreaterThan(faces.length / 4);
    expect(applied.triangleCount).toBe(faces.reduce((sum, face) => sum + face.length - 2, 0));
    await roundTrip(document);
  });

  it('turns an undecimated grid into all quads', async () => {
    const document = denseGridDocument(200);
    const applied = await apply(document, { quad: true });
    const faces = [...applied.quadFaces!.values()].flat();
    expect(faces.every((face) => face.length === 4)).toBe(true);
    expect(faces.length).toBe(applied.triangleCount / 2);
  });
});

describe('flatten_bottom, pivot_to_center_bottom, scale_factor, export_orientation', () => {
  it('flatten_bottom moves every vertex within the threshold onto the bottom plane and none below it', async () => {
    const document = denseGridDocument(2_000); // y = 0.05 sin(8πx), so y ∈ [-0.05, 0.05]
    const threshold = 0.02;
    const before = worldYs(document);
    const bottom = Math.min(...before);
    await apply(document, { flatten_bottom: true, flatten_bottom_threshold: threshold });
    const after = worldYs(await roundTrip(document));
    expect(Math.min(...after)).toBeCloseTo(bottom, 6);
    for (const [index, y] of after.entries()) {
      expect(y).toBeGreaterThanOrEqual(bottom - 1e-6);
      if (before[index] < bottom + threshold) expect(y).toBeCloseTo(bottom, 6);
      else expect(y).toBe(before[index]);
    }
    expect(after.filter((y) => Math.abs(y - bottom) < 1e-6).length).toBeGreaterThan(
      before.filter((y) => y === bottom).length,
    );
  });

  it('flatten_bottom works in world space through rotated, scaled, mirrored and instanced nodes', async () => {
    const document = hierarchyDocument(); // bottom at y = -0.5 (the mirrored instance); the other instance sits at y 0..3 in world
    await apply(document, { flatten_bottom: true, flatten_bottom_threshold: 0.6 });
    const ys = worldYs(await roundTrip(document));
    expect(Math.min(...ys)).toBeCloseTo(-0.5, 6);
    // The mirrored cube (y -0.5..0.5) is squashed flat; the other instance (lowest y 0) is moved to -0.5 too.
    expect(ys.filter((y) => y < -0.5 - 1e-6)).toEqual([]);
    expect(ys.filter((y) => y > -0.5 + 1e-6 && y < 0.1)).toEqual([]);
    expect(Math.max(...ys)).toBeCloseTo(3, 6);
  });

  it('flatten_bottom threshold is measured after scale_factor', async () => {
    const document = denseGridDocument(2_000);
    await apply(document, { scale_factor: 10, flatten_bottom: true, flatten_bottom_threshold: 0.1 });
    const ys = worldYs(document);
    // Scaled: y ∈ [-0.5, 0.5]; only vertices below -0.4 are flattened, so -0.45 stays unpopulated but 0 stays.
    expect(Math.min(...ys)).toBeCloseTo(-0.5, 5);
    expect(ys.some((y) => y > -0.4 && y < 0)).toBe(true);
    expect(ys.some((y) => y > -0.5 + 1e-5 && y < -0.4 - 1e-5)).toBe(false);
  });

  it('pivot_to_center_bottom puts the bounding box bottom centre at the origin', async () => {
    for (const document of [hierarchyDocument(), skinnedAnimatedDocument(), texturedCubeDocument()]) {
      await apply(document, { pivot_to_center_bottom: true });
      const { min, max } = modelStats(await roundTrip(document)).boundingBox;
      expect(Math.abs((min[0] + max[0]) / 2)).toBeLessThan(1e-5);
      expect(Math.abs(min[1])).toBeLessThan(1e-5);
      expect(Math.abs((min[2] + max[2]) / 2)).toBeLessThan(1e-5);
    }
  });

  it('scale_factor scales the bounds, skinned models included', async () => {
    for (const build of [hierarchyDocument, skinnedAnimatedDocument]) {
      const before = modelStats(build()).boundingBox;
      const document = build();
      await apply(document, { scale_factor: 2.5 });
      const after = modelStats(await roundTrip(document)).boundingBox;
      for (let axis = 0; axis < 3; axis++) {
        expect(after.min[axis]).toBeCloseTo(before.min[axis] * 2.5, 5);
        expect(after.max[axis]).toBeCloseTo(before.max[axis] * 2.5, 5);
      }
    }
  });

  it('export_orientation turns the model about the vertical axis', async () => {
    const cases = { '+x': [1, 0], '+y': [0, -1], '-x': [-1, 0], '-y': [0, 1] } as const;
    for (const [orientation, [x, z]] of Object.entries(cases)) {
      const document = new Document();
      const buffer = document.createBuffer();
      // A thin triangle pointing along +x.
      const primitive = document.createPrimitive().setAttribute(
        'POSITION',
        document
          .createAccessor()
          .setType('VEC3')
          .setBuffer(buffer)
          .setArray(new Float32Array([0, 0, -0.1, 1, 0, 0, 0, 0, 0.1])),
      );
      const node = document.createNode('arrow').setMesh(document.createMesh().addPrimitive(primitive));
      document.getRoot().setDefaultScene(document.createScene().addChild(node));
      await apply(document, { export_orientation: orientation as keyof typeof cases });
      const [tip] = collectWorldTriangles(document).map(({ positions }) => [positions[3], positions[5]]);
      expect(tip[0]).toBeCloseTo(x, 6);
      expect(tip[1]).toBeCloseTo(z, 6);
    }
  });
});

describe('with_animation, animate_in_place, part_names', () => {
  it('with_animation=false drops animations, skins and joint attributes', async () => {
    const document = skinnedAnimatedDocument();
    await apply(document, { with_animation: false });
    const read = await roundTrip(document);
    expect(read.getRoot().listAnimations()).toEqual([]);
    expect(read.getRoot().listSkins()).toEqual([]);
    expect(read.getRoot().listMeshes()[0].listPrimitives()[0].getAttribute('JOINTS_0')).toBeNull();
    expect(modelStats(read).triangleCount).toBe(4);
  });

  it('animate_in_place zeroes the horizontal root motion and keeps the vertical', async () => {
    const document = skinnedAnimatedDocument();
    const bone0 = document
      .getRoot()
      .listNodes()
      .find((node) => node.getName() === 'bone0')!;
    const buffer = document.getRoot().listBuffers()[0];
    const sampler = document
      .createAnimationSampler()
      .setInput(
        document
          .createAccessor()
          .setType('SCALAR')
          .setBuffer(buffer)
          .setArray(new Float32Array([0, 1])),
      )
      .setOutput(
        document
          .createAccessor()
          .setType('VEC3')
          .setBuffer(buffer)
          .setArray(new Float32Array([0, 0, 0, 3, 1, -2])),
      )
      .setInterpolation('LINEAR');
    const animation = document.getRoot().listAnimations()[0];
    animation
      .addSampler(sampler)
      .addChannel(
        document.createAnimationChannel().setTargetNode(bone0).setTargetPath('translation').setSampler(sampler),
      );
    await apply(document, { animate_in_place: true });
    expect(Array.from(sampler.getOutput()!.getArray()!)).toEqual([0, 0, 0, 0, 1, 0]);
    await roundTrip(document);
  });

  it('part_names keeps only the named parts and refuses names that match nothing', async () => {
    const document = hierarchyDocument();
    await apply(document, { part_names: ['mirrored'] });
    expect(modelStats(await roundTrip(document)).triangleCount).toBe(12);
    await expect(apply(hierarchyDocument(), { part_names: ['nothing'] })).rejects.toThrow(/part_names/);
  });
});

describe('texture_size and texture_format on a Document', () => {
  async function withTexture(size: number): Promise<Document> {
    const document = texturedCubeDocument();
    const png = await sharp({
      create: { width: size, height: size / 2, channels: 4, background: { r: 200, g: 30, b: 30, alpha: 1 } },
    })
      .png()
      .toBuffer();
    document.getRoot().listTextures()[0].setImage(new Uint8Array(png));
    return document;
  }

  it('texture_size downscales so no side exceeds it and never upscales', async () => {
    const document = await withTexture(1024);
    await apply(document, { texture_size: 256 });
    expect(await sharp(document.getRoot().listTextures()[0].getImage()!).metadata()).toMatchObject({
      width: 256,
      height: 128,
      format: 'png',
    });
    const small = await withTexture(128);
    await apply(small, { texture_size: 256 });
    expect(await sharp(small.getRoot().listTextures()[0].getImage()!).metadata()).toMatchObject({
      width: 128,
      height: 64,
    });
  });

  it('texture_size reads sizes from the header and leaves every image within the limit as it is (same bytes)', async () => {
    const document = texturedCubeDocument();
    const [colour] = document.getRoot().listTextures();
    const jpeg = new Uint8Array(
      await sharp({ create: { width: 300, height: 40, channels: 3, background: '#c81e1e' } })
        .jpeg()
        .toBuffer(),
    );
    const webp = new Uint8Array(
      await sharp({ create: { width: 40, height: 300, channels: 3, background: '#1ec81e' } })
        .webp()
        .toBuffer(),
    );
    const mislabelled = new Uint8Array(
      await sharp({ create: { width: 300, height: 30, channels: 3, background: '#1e1ec8' } })
        .jpeg()
        .toBuffer(),
    );
    colour.setImage(jpeg).setMimeType('image/jpeg');
    const sideways = document.createTexture('sideways').setImage(webp).setMimeType('image/webp');
    const wrongType = document.createTexture('wrong').setImage(mislabelled).setMimeType('image/png');
    const material = document.getRoot().listMaterials()[0];
    material.setEmissiveTexture(sideways).setOcclusionTexture(wrongType);
    await apply(document, { texture_size: 300 });
    expect(colour.getImage()).toBe(jpeg);
    expect(sideways.getImage()).toBe(webp);
    expect(wrongType.getImage()).toBe(mislabelled);

    await apply(document, { texture_size: 150 });
    for (const [texture, size] of [
      [colour, { width: 150, height: 20 }],
      [sideways, { width: 20, height: 150 }],
      [wrongType, { width: 150, height: 15 }],
    ] as const) {
      expect(await sharp(texture.getImage()!).metadata()).toMatchObject(size);
    }
  });

  it('passes a JPEG texture into the OBJ zip byte for byte when no size or format change is asked', async () => {
    const document = texturedCubeDocument();
    const jpeg = new Uint8Array(
      await sharp({ create: { width: 64, height: 64, channels: 3, background: '#336699' } })
        .jpeg({ quality: 77 })
        .toBuffer(),
    );
    document.getRoot().listTextures()[0].setImage(jpeg).setMimeType('image/jpeg');
    const applied = await applyConvertOptions(document, { format: 'OBJ' }, codecs);
    const { bytes } = await convertModel(document, { format: 'OBJ', materialMaps: applied.materialMaps });
    const files = unzipSync(bytes);
    const images = Object.entries(files).filter(([name]) => name.endsWith('.jpg'));
    expect(images).toHaveLength(1);
    expect(Buffer.from(images[0][1]).equals(Buffer.from(jpeg))).toBe(true);
  });

  it.each([
    ['GLB', 'WEBP', 'image/webp'],
    ['GLB', 'TARGA', 'image/png'],
    ['GLB', 'OPEN_EXR', 'image/png'],
    ['GLB', 'PNG', 'image/png'],
    ['OBJ', 'TARGA', 'image/x-tga'],
    ['OBJ', 'DPX', 'image/x-dpx'],
    ['FBX', 'OPEN_EXR', 'image/x-exr'],
    ['FBX', 'JPEG', 'image/jpeg'],
  ] as const)('%s with texture_format %s stores %s', async (format, textureFormat, mimeType) => {
    const document = await withTexture(64);
    const applied = await applyConvertOptions(document, { format, texture_format: textureFormat }, codecs);
    const texture = document.getRoot().listTextures()[0];
    expect(texture.getMimeType()).toBe(mimeType);
    if (mimeType === 'image/png') {
      // Already PNG: kept bit for bit, nothing re-encoded.
      expect(applied.textureFormat).toBeUndefined();
    } else {
      expect(texture.getURI()).toMatch(/^checker\.[a-z]+$/);
      expect(applied.textureFormat).toBeDefined();
    }
    if (format === 'GLB') await roundTrip(document);
  });

  it('keeps images already in the requested format and re-encodes the others (OBJ + JPEG)', async () => {
    const document = await withTexture(64);
    const applied = await applyConvertOptions(document, { format: 'OBJ', texture_format: 'JPEG' }, codecs);
    expect(applied.textureFormat).toBe('JPEG');
    const texture = document.getRoot().listTextures()[0];
    expect(texture.getMimeType()).toBe('image/jpeg');
    const jpeg = texture.getImage();
    const again = await applyConvertOptions(document, { format: 'OBJ', texture_format: 'JPEG' }, codecs);
    expect(again.textureFormat).toBeUndefined();
    expect(document.getRoot().listTextures()[0].getImage()).toBe(jpeg);
  });

  it('keeps a base colour texture whose material uses alpha as PNG when JPEG is asked, and says so', async () => {
    const document = await withTexture(64);
    document.getRoot().listMaterials()[0].setAlphaMode('BLEND');
    const applied = await applyConvertOptions(document, { format: 'OBJ', texture_format: 'JPEG' }, codecs);
    expect(document.getRoot().listTextures()[0].getMimeType()).toBe('image/png');
    expect(applied.warnings.join(' ')).toMatch(/kept as image\/png: its material uses alpha/);
  });
});

it('combines every option in one pass and still validates', async () => {
  const document = texturedGrid(20_000);
  const applied = await apply(document, {
    face_limit: 3_000,
    quad: true,
    scale_factor: 3,
    export_orientation: '-y',
    flatten_bottom: true,
    flatten_bottom_threshold: 0.05,
    pivot_to_center_bottom: true,
    texture_size: 32,
    texture_format: 'WEBP',
  });
  expect(applied.faceCount).toBeLessThanOrEqual(3_000);
  const read = await roundTrip(document);
  const { min, max } = modelStats(read).boundingBox;
  expect(Math.abs(min[1])).toBeLessThan(1e-5);
  expect(Math.abs((min[0] + max[0]) / 2)).toBeLessThan(1e-5);
  expect(Math.abs((min[2] + max[2]) / 2)).toBeLessThan(1e-5);
  expect(max[0] - min[0]).toBeCloseTo(3, 4);
  expect(await sharp(read.getRoot().listTextures()[0].getImage()!).metadata()).toMatchObject({
    format: 'webp',
    width: 32,
    height: 32,
  });
});

describe('force_symmetry, pack_uv, export_vertex_colors, assemble_animation', () => {
  it('force_symmetry with quad: a symmetric quad mesh within face_limit', async () => {
    const document = texturedGrid(20_000);
    const applied = await apply(document, { quad: true, force_symmetry: true, face_limit: 801 });
    expect(applied.faceCount).toBeLessThanOrEqual(801);
    expect(applied.faceCount % 2).toBe(0);
    const read = await roundTrip(document);
    const [{ positions }] = collectWorldTriangles(read);
    const keys = new Set<string>();
    for (let offset = 0; offset < positions.length; offset += 3)
      keys.add(
        `${positions[offset].toFixed(4)},${positions[offset + 1].toFixed(4)},${positions[offset + 2].toFixed(4)}`,
      );
    for (let offset = 0; offset < positions.length; offset += 3) {
      expect(
        keys.has(
          `${(1 - positions[offset] + 0).toFixed(4)},${positions[offset + 1].toFixed(4)},${positions[offset + 2].toFixed(4)}`,
        ),
      ).toBe(true);
    }
  });

  it('export_vertex_colors: GLB carries COLOR_0 instead of the base colour texture', async () => {
    const document = texturedCubeDocument();
    await apply(document, { export_vertex_colors: true });
    const read = await roundTrip(document);
    expect(read.getRoot().listMeshes()[0].listPrimitives()[0].getAttribute('COLOR_0')!.getCount()).toBe(24);
    expect(read.getRoot().listTextures()).toHaveLength(0);
  });

  it('pack_uv: one atlas no larger than texture_size, one material', async () => {
    const document = twoTextureDocument();
    await apply(document, { pack_uv: true, texture_size: 32 });
    const read = await roundTrip(document);
    expect(read.getRoot().listTextures()).toHaveLength(1);
    expect(read.getRoot().listMaterials()).toHaveLength(1);
    const { width = 0, height = 0 } = await sharp(read.getRoot().listTextures()[0].getImage()!).metadata();
    expect(Math.max(width, height)).toBeLessThanOrEqual(32);
  });

  it('assemble_animation (with animate_in_place): one clip, still valid', async () => {
    const document = twoAnimationDocument();
    await apply(document, { assemble_animation: true, animate_in_place: true });
    const read = await roundTrip(document);
    expect(
      read
        .getRoot()
        .listAnimations()
        .map((animation) => animation.getName()),
    ).toEqual(['assembled']);
  });

  it('combines them for OBJ: symmetric quads, one atlas, vertex colours, one clip dropped with the rig', async () => {
    const document = twoTextureDocument();
    const applied = await applyConvertOptions(
      document,
      {
        format: 'OBJ',
        quad: true,
        force_symmetry: true,
        face_limit: 40,
        pack_uv: true,
        export_vertex_colors: true,
        texture_size: 64,
        scale_factor: 2,
        pivot_to_center_bottom: true,
        assemble_animation: true,
      },
      codecs,
    );
    expect(applied.faceCount).toBeLessThanOrEqual(40);
    expect(document.getRoot().listTextures()).toHaveLength(1);
    const { objText, mtlText } = writeObj(document, { quadFaces: applied.quadFaces });
    expect(
      objText
        .split('\n')
        .filter((line) => line.startsWith('v '))
        .every((line) => line.split(' ').length === 7),
    ).toBe(true);
    expect(objText.split('\n').filter((line) => line.startsWith('f ')).length).toBe(applied.faceCount);
    expect(mtlText.match(/map_Kd (\S+)/g)).toHaveLength(1);
    const { min, max } = modelStats(document).boundingBox;
    expect(Math.abs(min[0] + max[0])).toBeLessThan(1e-5);
    expect(max[0] - min[0]).toBeCloseTo(6, 4);
  });
});
