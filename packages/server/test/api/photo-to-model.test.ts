// image_to_model on real photographs, through the HTTP API: scikit-image's sample photos from Debian's
// python3-skimage (.ci/run unpacks it), which the method was not drawn for. Whatever the verdict on each photo, a
// refusal is at create (2002, nothing held) and a delivered model is one connected piece, counted here again on the
// downloaded GLB; the table printed says what happened to each photo.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { NodeIO } from '@gltf-transform/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawingImage } from '@polyforge/geometry/test/fixtures/build-image-fixtures';
import { backdropPhoto } from '@polyforge/geometry/test/fixtures/build-photo-scenes';
import { isAvailable } from '@polyforge/geometry/test/fixtures/required-tool';
import { apiClient } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';

const PHOTO_DIRECTORIES = [
  '/usr/lib/python3/dist-packages/skimage/data',
  '/opt/polyforge-test-photos/usr/lib/python3/dist-packages/skimage/data',
];
const photoDirectory = PHOTO_DIRECTORIES.find((directory) => fs.existsSync(path.join(directory, 'astronaut.png')));
const hasPhotos = isAvailable(
  `scikit-image's sample photographs (looked in ${PHOTO_DIRECTORIES.join(', ')})`,
  'python3-skimage',
  photoDirectory !== undefined,
);

/** The photos, their licence as the package states it, and what must happen where the answer is not a judgement call. */
const PHOTOS: { file: string; licence: string; must?: 'refuse' | 'build' }[] = [
  { file: 'astronaut.png', licence: 'NASA, public domain' },
  { file: 'chelsea.png', licence: 'CC0 (S. van der Walt)' },
  { file: 'coffee.png', licence: 'CC0 (R. Michetti)' },
  { file: 'motorcycle_left.png', licence: 'Middlebury 2014 stereo set, in the package under BSD-3' },
  { file: 'camera.png', licence: 'CC0 (L. Varshney)' },
  { file: 'rocket.jpg', licence: 'SpaceX, public domain' },
  { file: 'coins.png', licence: 'no known copyright restrictions', must: 'refuse' },
  { file: 'brick.png', licence: 'CC0 (CC0Textures)', must: 'refuse' },
  { file: 'grass.png', licence: 'CC0 (CC0Textures)', must: 'refuse' },
  { file: 'gravel.png', licence: 'CC0 (CC0Textures)', must: 'refuse' },
  { file: 'horse.png', licence: 'CC0 (openclipart)', must: 'build' },
];

/** Connected pieces of every triangle in a GLB, vertices welded by position (an independent count). */
async function glbPieces(glb: Uint8Array): Promise<number> {
  const document = await new NodeIO().readBinary(glb);
  const keyOf = new Map<string, number>();
  const parent: number[] = [];
  const find = (vertex: number): number =>
    parent[vertex] === vertex ? vertex : (parent[vertex] = find(parent[vertex]));
  const triangles: number[][] = [];
  for (const mesh of document.getRoot().listMeshes()) {
    for (const primitive of mesh.listPrimitives()) {
      const positions = primitive.getAttribute('POSITION')!.getArray()!;
      const ids: number[] = [];
      for (let vertex = 0; vertex < positions.length / 3; vertex++) {
        const key = [0, 1, 2].map((axis) => Math.round(positions[vertex * 3 + axis] * 1e5)).join(',');
        let id = keyOf.get(key);
        if (id === undefined) {
          id = parent.length;
          keyOf.set(key, id);
          parent.push(id);
        }
        ids.push(id);
      }
      const indices = primitive.getIndices()!.getArray()!;
      for (let corner = 0; corner < indices.length; corner += 3)
        triangles.push([ids[indices[corner]], ids[indices[corner + 1]], ids[indices[corner + 2]]]);
    }
  }
  for (const [a, b, c] of triangles) {
    parent[find(b)] = find(a);
    parent[find(c)] = find(a);
  }
  return new Set(triangles.map(([a]) => find(a))).size;
}

describe.skipIf(!hasPhotos && !process.env.CI)('image_to_model on real photographs (Debian python3-skimage)', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    if (!photoDirectory)
      throw new Error(
        `the test photographs are missing: install python3-skimage (or run .ci/run); looked in ${PHOTO_DIRECTORIES.join(', ')}`,
      );
    platform = await startTestPlatform();
  });
  afterAll(async () => platform?.close());

  it('refuses at create for free, or delivers one connected piece, for every photo (table printed)', async () => {
    const account = await platform.createAccount({ credits: 1000 });
    const client = apiClient(platform.baseUrl, account.apiKey);
    const rows: Record<string, unknown>[] = [];
    let charged = 0;
    for (const photo of PHOTOS) {
      const bytes = new Uint8Array(fs.readFileSync(path.join(photoDirectory!, photo.file)));
      const uploaded = await client.upload(bytes, photo.file);
      expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(200);
      const body = {
        type: 'image_to_model',
        file: { type: photo.file.endsWith('.jpg') ? 'jpg' : 'png', file_token: uploaded.body.data.image_token },
        texture: false,
        face_limit: 2000,
      };
      const quote = await client.quote(body);
      const created = await client.createTask(body);
      const row: Record<string, unknown> = { photo: photo.file, licence: photo.licence };
      if (created.status !== 200) {
        // refused at create: 2002 with the reason and a suggestion, the quote says the same, nothing held
        expect(created.body.code, JSON.stringify(created.body)).toBe(2002);
        expect(created.body.message).toMatch(/crop|background|whole object/);
        expect(quote.body.code).toBe(2002);
        rows.push({
          ...row,
          create: 'refused 2002',
          reason: String(created.body.message).split(': ').slice(1).join(': ').split(';')[0],
          pieces: '',
          charged: 0,
        });
        expect(photo.must, photo.file).not.toBe('build');
        continue;
      }
      expect(photo.must, photo.file).not.toBe('refuse');
      await platform.drainQueue();
      const task = (await client.getTask(created.body.data.task_id)).body.data;
      if (task.status === 'success') {
        const response = await fetch(task.output.model);
        const pieces = await glbPieces(new Uint8Array(await response.arrayBuffer()));
        // never a multi-piece model charged
        expect(pieces, photo.file).toBe(1);
        expect(task.output.photo_object).toMatchObject({ object_found: true, pieces: 1 });
        charged += task.consumed_credit;
        rows.push({
          ...row,
          create: 'accepted',
          reason: `object at ${task.output.photo_object.bounding_box.join(', ')}`,
          pieces,
          charged: task.consumed_credit,
        });
      } else {
        // a failure at run time is unbilled and names the problem
        expect(task.status).toBe('failed');
        expect(task.consumed_credit ?? 0).toBe(0);
        rows.push({
          ...row,
          create: 'accepted',
          reason: `failed ${task.error_code}: ${task.error_msg}`,
          pieces: '',
          charged: 0,
        });
      }
    }
    console.table(rows);
    expect((await client.balance()).body.data).toEqual({ balance: 1000 - charged, frozen: 0 });
  }, 240_000);
});

describe('image_to_model refusals that only the worker can see, and multiview views', () => {
  let platform: TestPlatform;
  let imageServer: http.Server;
  let imageBase: string;
  let gravel: Uint8Array;
  beforeAll(async () => {
    gravel = await backdropPhoto('gravel', 320, 240, 21);
    platform = await startTestPlatform({ environment: { POLYFORGE_URL_FETCH_ALLOW_PRIVATE: 'true' } });
    imageServer = http.createServer((_request, response) => response.end(gravel));
    await new Promise<void>((resolve) => imageServer.listen(0, '127.0.0.1', resolve));
    imageBase = `http://127.0.0.1:${(imageServer.address() as AddressInfo).port}`;
  }, 120_000);
  afterAll(async () => {
    await new Promise<void>((resolve) => imageServer.close(() => resolve()));
    await platform.close();
  });

  it('a url photo without one clear object fails the task with 2002, unbilled; the server stays up', async () => {
    const account = await platform.createAccount({ credits: 100 });
    const client = apiClient(platform.baseUrl, account.apiKey);
    const created = await client.createTask({
      type: 'image_to_model',
      file: { type: 'png', url: `${imageBase}/gravel.png` },
      texture: false,
    });
    expect(created.status).toBe(200);
    await platform.drainQueue();
    const task = (await client.getTask(created.body.data.task_id)).body.data;
    expect(task).toMatchObject({ status: 'failed', error_code: 2002 });
    expect(task.error_msg).toContain('not charged');
    expect((await client.balance()).body.data).toEqual({ balance: 100, frozen: 0 });
    expect((await fetch(`${platform.baseUrl}/health`)).status).toBe(200);
  });

  it('multiview_to_model refuses an uploaded view without one clear object at create', async () => {
    const account = await platform.createAccount({ credits: 100 });
    const client = apiClient(platform.baseUrl, account.apiKey);
    const token = (await client.upload(gravel, 'gravel.png')).body.data.image_token;
    const side = (await client.upload(await drawingImage(192), 'side.png')).body.data.image_token;
    const created = await client.createTask({
      type: 'multiview_to_model',
      files: [{ type: 'png', file_token: token }, { type: 'png', file_token: side }, {}, {}],
    });
    expect(created.body.message).toContain(`file_token ${token}`);
    expect(created.status).toBe(400);
    expect(created.body.code).toBe(2002);
    expect(created.body.message).toContain('front view');
    expect((await client.balance()).body.data).toEqual({ balance: 100, frozen: 0 });
  });
});
