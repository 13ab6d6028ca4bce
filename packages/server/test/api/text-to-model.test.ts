// text_to_model through the HTTP API on the embedded generator library: a sample of categories validates through
// the API (every category is validated without HTTP in generator-library.test.ts), prompt attributes and options
// change the model measurably, seeds reproduce it byte for byte, unknown subjects are refused at create time with
// 2002 and nothing charged.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Document } from '@gltf-transform/core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGltfIO } from '@polyforge/geometry/read/create-gltf-io';
import { GENERATOR_DEFINITIONS } from '@polyforge/geometry/generators/generator-catalog';
import { assimpInfo, hasAssimp } from '@polyforge/geometry/test/fixtures/assimp-info';
import { downloadBytes } from '../fixtures/download-bytes.ts';
import { validateGlb } from '@polyforge/geometry/test/fixtures/validate-glb';
import { apiClient } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';

type Client = ReturnType<typeof apiClient>;

async function download(url: string): Promise<Uint8Array> {
  const response = await downloadBytes(url);
  expect(response.status).toBe(200);
  return response.bytes;
}

async function readGlb(bytes: Uint8Array): Promise<Document> {
  return (await createGltfIO()).readBinary(bytes);
}

/** World-space height of a model whose vertices carry the placement (the generator bakes it). */
function boundsOf(document: Document): { min: number[]; max: number[] } {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (const mesh of document.getRoot().listMeshes()) {
    for (const primitive of mesh.listPrimitives()) {
      const position = primitive.getAttribute('POSITION')!;
      const low = position.getMin([0, 0, 0]);
      const high = position.getMax([0, 0, 0]);
      for (let axis = 0; axis < 3; axis++) {
        min[axis] = Math.min(min[axis], low[axis]);
        max[axis] = Math.max(max[axis], high[axis]);
      }
    }
  }
  return { min, max };
}

function nodeNames(document: Document): string[] {
  return document
    .getRoot()
    .listNodes()
    .map((node) => node.getName());
}

/** Mean sRGB colour of the base colour texture of the material named `<slot>_...`. */
async function baseColourOf(document: Document, slot: string): Promise<[number, number, number]> {
  const material = document
    .getRoot()
    .listMaterials()
    .find((candidate) => candidate.getName().startsWith(`${slot}_`))!;
  const image = material.getBaseColorTexture()!.getImage()!;
  const { channels } = await sharp(image).stats();
  return [channels[0].mean, channels[1].mean, channels[2].mean];
}

describe('text_to_model on the embedded generator library', () => {
  let platform: TestPlatform;
  let client: Client;
  let accountId: string;
  beforeAll(async () => {
    platform = await startTestPlatform();
    const account = await platform.createAccount({ credits: 100_000, concurrency: 200 });
    accountId = account.accountId;
    client = apiClient(platform.baseUrl, account.apiKey);
  });
  afterAll(() => platform.close());

  async function createAll(bodies: unknown[]): Promise<string[]> {
    const ids: string[] = [];
    for (const body of bodies) {
      const created = await client.createTask(body);
      expect(created.status, JSON.stringify(created.body)).toBe(200);
      ids.push(created.body.data.task_id);
    }
    await platform.drainQueue();
    return ids;
  }

  async function finished(taskId: string) {
    const task = (await client.getTask(taskId)).body.data;
    expect(task.status, JSON.stringify(task)).toBe('success');
    return task;
  }

  async function runAll(bodies: Record<string, unknown>[]) {
    const ids = await createAll(bodies.map((body) => ({ type: 'text_to_model', ...body })));
    return Promise.all(ids.map(finished));
  }

  it('makes a valid GLB for the example prompt of a sample of categories (untextured, to stay fast)', async () => {
    expect(GENERATOR_DEFINITIONS.length).toBeGreaterThanOrEqual(150);
    const sample = GENERATOR_DEFINITIONS.filter((_, index) => index % 8 === 0);
    const tasks = await runAll(
      sample.map((definition) => ({ prompt: definition.example, texture: false, model_seed: 7 })),
    );
    for (const [index, task] of tasks.entries()) {
      const definition = sample[index];
      expect(task.output.generation.category, definition.example).toBe(definition.category);
      expect(task.output.base_model).toMatch(/\/base_model\.glb\?/);
      expect(task.output.rendered_image).toMatch(/\/rendered_image\.webp\?/);
      const validation = await validateGlb(await download(task.output.base_model));
      expect(validation.errors, definition.example).toEqual([]);
      expect(task.consumed_credit).toBe(10);
    }
  }, 180_000);

  it('bakes the prompt colour into the texture, and a PBR model carries base colour, metallic-roughness and normal maps', async () => {
    const [red, blue] = await runAll([
      { prompt: 'a red sofa', model_seed: 1, texture_seed: 1 },
      { prompt: 'a blue sofa', model_seed: 1, texture_seed: 1 },
    ]);
    const redModel = await readGlb(await download(red.output.pbr_model));
    const blueModel = await readGlb(await download(blue.output.pbr_model));
    const [redR, , redB] = await baseColourOf(redModel, 'upholstery');
    const [blueR, , blueB] = await baseColourOf(blueModel, 'upholstery');
    expect(redR).toBeGreaterThan(redB + 60);
    expect(blueB).toBeGreaterThan(blueR + 60);
    const material = redModel
      .getRoot()
      .listMaterials()
      .find((candidate) => candidate.getName().startsWith('upholstery_'))!;
    expect(material.getMetallicRoughnessTexture()).not.toBeNull();
    expect(material.getNormalTexture()).not.toBeNull();
    expect((await validateGlb(await download(red.output.pbr_model))).errors).toEqual([]);
    expect(red.consumed_credit).toBe(20);
  });

  it('makes "tall" taller, counts change part counts, and negations drop parts', async () => {
    const seeds = { model_seed: 5, texture_seed: 5, auto_size: true };
    const parts = { texture: false, pbr: false, generate_parts: true, ...seeds };
    const [plain, tall, threeShelves, sevenShelves, mug, handleless, backless] = await runAll([
      { prompt: 'a bookshelf', texture: false, ...seeds },
      { prompt: 'a tall bookshelf', texture: false, ...seeds },
      { prompt: 'a bookshelf with 3 shelves', ...parts },
      { prompt: 'a bookshelf with seven shelves', ...parts },
      { prompt: 'a mug', ...parts },
      { prompt: 'a mug', negative_prompt: 'handle', ...parts },
      { prompt: 'a chair without a backrest', ...parts },
    ]);
    const heightOf = async (task: { output: { base_model: string } }) => {
      const { min, max } = boundsOf(await readGlb(await download(task.output.base_model)));
      return max[1] - min[1];
    };
    expect((await heightOf(tall)) / (await heightOf(plain))).toBeGreaterThan(1.25);
    expect(plain.output.generation.size_metres[1]).toBeGreaterThan(1);
    const shelfCount = async (task: { output: { base_model: string } }) =>
      nodeNames(await readGlb(await download(task.output.base_model))).filter((name) => /^shelf(_\d+)?$/.test(name))
        .length;
    expect(await shelfCount(threeShelves)).toBe(2);
    expect(await shelfCount(sevenShelves)).toBe(6);
    expect(threeShelves.output.generation.counts).toEqual({ shelves: 3 });
    expect(nodeNames(await readGlb(await download(mug.output.base_model)))).toContain('handle');
    expect(nodeNames(await readGlb(await download(handleless.output.base_model)))).not.toContain('handle');
    const chairParts = nodeNames(await readGlb(await download(backless.output.base_model)));
    expect(chairParts.some((name) => name.startsWith('backrest'))).toBe(false);
    expect(chairParts.filter((name) => name.startsWith('leg'))).toHaveLength(4);
  });

  it('gives the same bytes for the same seeds; model_seed changes the geometry, texture_seed only the textures', async () => {
    const body = { prompt: 'a low-poly pine tree', model_seed: 11, texture_seed: 22 };
    const [first, second, otherModel, otherTexture, unseeded] = await runAll([
      body,
      body,
      { ...body, model_seed: 12 },
      { ...body, texture_seed: 23 },
      { prompt: body.prompt },
    ]);
    const bytes = await Promise.all(
      [first, second, otherModel, otherTexture].map((task) => download(task.output.pbr_model)),
    );
    expect(Buffer.from(bytes[0]).equals(Buffer.from(bytes[1]))).toBe(true);
    expect(Buffer.from(bytes[0]).equals(Buffer.from(bytes[2]))).toBe(false);
    const [base, geometryChanged, textureChanged] = await Promise.all([bytes[0], bytes[2], bytes[3]].map(readGlb));
    const positions = (document: Document) =>
      document
        .getRoot()
        .listAccessors()
        .filter((accessor) => accessor.getType() === 'VEC3')
        .map((accessor) => Array.from(accessor.getArray()!));
    expect(positions(textureChanged)).toEqual(positions(base));
    expect(positions(geometryChanged)).not.toEqual(positions(base));
    const images = (document: Document) =>
      document
        .getRoot()
        .listTextures()
        .map((texture) => Buffer.from(texture.getImage()!).toString('base64'));
    expect(images(textureChanged)).not.toEqual(images(base));
    expect(first.output.generation).toMatchObject({ model_seed: 11, texture_seed: 22 });
    expect(Number.isInteger(unseeded.output.generation.model_seed)).toBe(true);
  });

  it('honours texture, pbr, quad (FBX), face_limit, compress, texture_quality, style and P1', async () => {
    const seeds = { model_seed: 3, texture_seed: 3 };
    const [untextured, flat, quad, limited, compressed, detailed, p1, clay] = await runAll([
      { prompt: 'a red car', texture: false, ...seeds },
      { prompt: 'a red car', pbr: false, ...seeds },
      { prompt: 'a wooden chair', quad: true, ...seeds },
      { prompt: 'a sofa', face_limit: 500, ...seeds },
      { prompt: 'a sofa', compress: 'geometry', texture: false, ...seeds },
      { prompt: 'a red car', texture_quality: 'detailed', ...seeds },
      { prompt: 'a fox', model_version: 'P1-20260311', texture: false, ...seeds },
      { prompt: 'a fox', style: 'object:clay', texture: false, ...seeds },
    ]);
    expect(Object.keys(untextured.output).sort()).toEqual(['base_model', 'generation', 'rendered_image']);
    expect((await readGlb(await download(untextured.output.base_model))).getRoot().listTextures()).toHaveLength(0);
    const flatModel = await readGlb(await download(flat.output.model));
    expect(
      flatModel
        .getRoot()
        .listMaterials()
        .every((material) => material.getMetallicRoughnessTexture() === null),
    ).toBe(true);
    expect(flatModel.getRoot().listTextures().length).toBeGreaterThan(0);
    expect(flat.consumed_credit).toBe(20);

    expect(new URL(quad.output.pbr_model).pathname).toMatch(/\/pbr_model\.fbx$/);
    expect(quad.consumed_credit).toBe(25);
    if (hasAssimp) {
      const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-text-to-model-'));
      try {
        const file = path.join(directory, 'chair.fbx');
        await fs.writeFile(file, await download(quad.output.pbr_model));
        const info = assimpInfo(file);
        expect(info.faceCount).toBeGreaterThan(50);
        expect(info.faceCount).toBeLessThanOrEqual(10_000);
      } finally {
        await fs.rm(directory, { recursive: true, force: true });
      }
    }

    expect(limited.output.generation.face_count).toBeLessThanOrEqual(500);
    expect(limited.output.generation.face_count).toBeGreaterThan(100);
    const compressedBytes = await download(compressed.output.base_model);
    expect((await validateGlb(compressedBytes)).errors).toEqual([]);
    expect(
      (await readGlb(compressedBytes))
        .getRoot()
        .listExtensionsUsed()
        .map((extension) => extension.extensionName),
    ).toContain('EXT_meshopt_compression');

    const textureSize = async (task: { output: { pbr_model: string } }) =>
      (
        await sharp(
          (await readGlb(await download(task.output.pbr_model))).getRoot().listTextures()[0].getImage()!,
        ).metadata()
      ).width;
    expect(await textureSize(detailed)).toBe(1024);
    expect(detailed.consumed_credit).toBe(30);
    expect(p1.output.generation.style).toBe('low-poly');
    expect(p1.consumed_credit).toBe(30);
    expect(clay.output.generation.materials.fur).toEqual({ material: 'clay', colour: 'tan' });
    expect(clay.consumed_credit).toBe(15);
  });

  it('refuses a prompt with no known subject at create time with 2002 and the nearest things it can make, charging nothing', async () => {
    const before = (await client.balance()).body.data;
    const rows = async () =>
      (await platform.platform.db.selectFrom('tasks').select('id').where('accountId', '=', accountId).execute()).length;
    const taskCount = await rows();
    for (const send of [client.createTask, client.quote]) {
      const response = await send({ type: 'text_to_model', prompt: 'a flibbertigibbet made of moonlight' });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe(2002);
      expect(response.body.message).toMatch(
        /cannot make "flibbertigibbet".*nearest things the built-in generator can make: /,
      );
      expect(response.body.message).toMatch(/nothing was charged/);
    }
    expect(await rows()).toBe(taskCount);
    expect((await client.balance()).body.data).toEqual(before);
    const unbuilt = await client.createTask({ type: 'text_to_model', prompt: 'a cat', render_video: true });
    expect(unbuilt.body).toMatchObject({ code: 2002 });
    expect(
      (await client.createTask({ type: 'text_to_model', prompt: 'a cat', model_version: 'v2.0-20240919' })).body.code,
    ).toBe(2015);
    expect((await client.balance()).body.data).toEqual(before);
  });
});
