import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPhotoScenes, type PhotoScene } from '../../test/fixtures/build-photo-scenes.ts';
import { createClassicalBackgroundRemover } from '../raster/background-remover.ts';
import { decodeImage } from '../raster/decode-image.ts';
import {
  analysePhoto,
  FragmentedModelError,
  PhotoObjectRefusedError,
  PHOTO_ANALYSIS_SIZE_PIXELS,
} from './analyse-photo.ts';
import type { PhotoObject } from './find-photo-object.ts';
import { imageToModel } from './image-to-model.ts';
import { meshPieces, singleSolid } from './single-solid.ts';

/** IoU of the analysis mask (at its own size) and the scene's truth, sampled at the mask's pixel centres. */
function maskIoU(object: PhotoObject, scene: PhotoScene): number {
  const { width, height, data } = object.mask;
  let intersection = 0;
  let union = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const tx = Math.min(scene.width - 1, Math.floor(((x + 0.5) * scene.width) / width));
      const ty = Math.min(scene.height - 1, Math.floor(((y + 0.5) * scene.height) / height));
      const truth = scene.truth![ty * scene.width + tx];
      const found = data[y * width + x];
      if (truth && found) intersection++;
      if (truth || found) union++;
    }
  }
  return union === 0 ? 0 : intersection / union;
}

const remover = createClassicalBackgroundRemover();
const modelOptions = {
  backgroundRemover: remover,
  sharp,
  textured: false,
  textureCellPixels: 256,
  maxTriangles: 4000,
  gridResolution: 60,
};

describe('photos made by the tests: one object found, or refused', () => {
  let scenes: PhotoScene[];
  const analyses = new Map<string, PhotoObject>();
  beforeAll(async () => {
    scenes = await buildPhotoScenes();
    for (const scene of scenes) analyses.set(scene.name, await analysePhoto(scene.png));
  }, 120_000);

  it('refuses every photo without one clear object and finds the object in the others (table printed)', () => {
    const rows = scenes.map((scene) => {
      const object = analyses.get(scene.name)!;
      return {
        scene: scene.name,
        expected: scene.oneObject ? 'one object' : 'refuse',
        verdict: object.accepted ? 'accepted' : `refused: ${object.refusal}`,
        maskIoU: scene.truth ? Number(maskIoU(object, scene).toFixed(3)) : '',
        coverage: Number(object.coverage.toFixed(3)),
      };
    });
    console.table(rows);
    for (const scene of scenes.filter((candidate) => !candidate.oneObject))
      expect(analyses.get(scene.name)!.accepted, scene.name).toBe(false);
    const withObject = scenes.filter((scene) => scene.oneObject);
    const accepted = withObject.filter((scene) => analyses.get(scene.name)!.accepted);
    // a refusal of a real object is honest (free); what is accepted must be the object
    expect(accepted.length).toBeGreaterThanOrEqual(withObject.length - 2);
    for (const scene of accepted) expect(maskIoU(analyses.get(scene.name)!, scene), scene.name).toBeGreaterThan(0.75);
    const meanIoU =
      accepted.reduce((sum, scene) => sum + maskIoU(analyses.get(scene.name)!, scene), 0) / accepted.length;
    expect(meanIoU).toBeGreaterThan(0.85);
  });

  it('builds each accepted photo as one closed piece, and never builds a refused one', async () => {
    for (const scene of scenes) {
      const object = analyses.get(scene.name)!;
      if (!object.accepted) {
        await expect(imageToModel(scene.png, { ...modelOptions, photoObject: object })).rejects.toBeInstanceOf(
          PhotoObjectRefusedError,
        );
        continue;
      }
      const model = await imageToModel(scene.png, { ...modelOptions, photoObject: object });
      expect(meshPieces(model.mesh).triangleCounts, scene.name).toHaveLength(1);
      expect(model.object, scene.name).toMatchObject({
        object_found: true,
        pieces: 1,
        watertight: true,
        mask_source: 'salient',
      });
    }
  }, 120_000);

  it('reports where the object is, and analyses at a bounded size', async () => {
    const scene = scenes.find((candidate) => candidate.oneObject)!;
    const object = analyses.get(scene.name)!;
    expect(Math.max(object.mask.width, object.mask.height)).toBe(PHOTO_ANALYSIS_SIZE_PIXELS);
    const [left, top, right, bottom] = object.box;
    let minX = scene.width,
      maxX = 0,
      minY = scene.height,
      maxY = 0;
    scene.truth!.forEach((value, pixel) => {
      if (!value) return;
      minX = Math.min(minX, pixel % scene.width);
      maxX = Math.max(maxX, pixel % scene.width);
      minY = Math.min(minY, Math.floor(pixel / scene.width));
      maxY = Math.max(maxY, Math.floor(pixel / scene.width));
    });
    expect(left).toBeCloseTo(minX / scene.width, 1);
    expect(right).toBeCloseTo((maxX + 1) / scene.width, 1);
    expect(top).toBeCloseTo(minY / scene.height, 1);
    expect(bottom).toBeCloseTo((maxY + 1) / scene.height, 1);
  });
});

describe('single-solid guarantee', () => {
  const cube = (offset: number, size = 1) => {
    const positions: number[] = [];
    for (let corner = 0; corner < 8; corner++)
      positions.push(offset + (corner & 1) * size, ((corner >> 1) & 1) * size, ((corner >> 2) & 1) * size);
    const faces = [
      0, 2, 1, 1, 2, 3, 4, 5, 6, 5, 7, 6, 0, 1, 4, 1, 5, 4, 2, 6, 3, 3, 6, 7, 0, 4, 2, 2, 4, 6, 1, 3, 5, 3, 7, 5,
    ];
    return { positions, indices: faces };
  };
  const merged = (...parts: { positions: number[]; indices: number[] }[]) => {
    const positions: number[] = [];
    const indices: number[] = [];
    for (const part of parts) {
      const base = positions.length / 3;
      positions.push(...part.positions);
      indices.push(...part.indices.map((index) => index + base));
    }
    return { positions: Float32Array.from(positions), indices: Uint32Array.from(indices) };
  };

  it('keeps one closed piece as it is', async () => {
    const solid = await singleSolid(merged(cube(0)));
    expect(solid).toMatchObject({ droppedPieces: 0, watertight: true });
  });

  it('fails on two pieces of similar size instead of delivering fragments', async () => {
    await expect(singleSolid(merged(cube(0), cube(3)))).rejects.toBeInstanceOf(FragmentedModelError);
  });

  it('drops a speck far below the model size and reports it', async () => {
    // a dense main piece (many triangles) and a 12-triangle speck: under 1 % of the triangles
    const big = merged(...Array.from({ length: 1 }, () => cube(0)));
    const main = { positions: Array.from(big.positions), indices: Array.from(big.indices) };
    // subdivide the main cube's faces by repeating them (same piece), so the speck is a small share
    for (let copy = 0; copy < 120; copy++) main.indices.push(...cube(0).indices);
    const solid = await singleSolid(merged(main, cube(5, 0.01)));
    expect(solid.droppedPieces).toBe(1);
    expect(meshPieces(solid.mesh).triangleCounts).toHaveLength(1);
  });
});

describe('photo decoding for the crop', () => {
  it('crops the upright image: an EXIF-rotated JPEG gives the same region as the upright one', async () => {
    // a 60×40 picture with a red square at the top left; stored rotated with EXIF orientation 6 (90° clockwise)
    const upright = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#ffffff' } })
      .composite([
        { input: { create: { width: 10, height: 10, channels: 3, background: '#ff0000' } }, left: 5, top: 5 },
      ])
      .png()
      .toBuffer();
    const stored = await sharp(upright).rotate(-90).jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toBuffer();
    const region = { left: 0, top: 0, width: 20, height: 20 };
    const a = await decodeImage(new Uint8Array(upright), { region });
    const b = await decodeImage(new Uint8Array(stored), { region });
    expect([b.width, b.height]).toEqual([20, 20]);
    const centre = (image: typeof a) => Array.from(image.data.subarray((10 * 20 + 10) * 4, (10 * 20 + 10) * 4 + 3));
    expect(centre(a)).toEqual([255, 0, 0]);
    expect(centre(b)[0]).toBeGreaterThan(200);
    expect(centre(b)[1]).toBeLessThan(60);
  });
});
