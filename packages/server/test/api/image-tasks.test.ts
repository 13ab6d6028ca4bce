import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { NodeIO } from '@gltf-transform/core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  boxesDocument,
  drawingImage,
  pngDeclaring,
  renderFourViews,
  TABLE_BOXES,
  VIEW_ORDER,
} from '@polyforge/geometry/test/fixtures/build-image-fixtures';
import { validateGlb } from '@polyforge/geometry/test/fixtures/validate-glb';
import { apiClient } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';

async function download(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('image and multiview tasks through the HTTP API (built-in CPU engines)', () => {
  let platform: TestPlatform;
  let imageServer: http.Server;
  let imageBase: string;
  let drawing: Uint8Array;
  beforeAll(async () => {
    drawing = await drawingImage(192);
    // tests reach a local image server, so the operator setting that allows private addresses is on here
    platform = await startTestPlatform({ environment: { POLYFORGE_URL_FETCH_ALLOW_PRIVATE: 'true' } });
    imageServer = http.createServer((request, response) => {
      if (request.url === '/drawing.png') response.end(drawing);
      else if (request.url === '/bomb.png') response.end(pngDeclaring(30000, 30000));
      else {
        response.writeHead(404);
        response.end();
      }
    });
    await new Promise<void>((resolve) => imageServer.listen(0, '127.0.0.1', resolve));
    imageBase = `http://127.0.0.1:${(imageServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => imageServer.close(() => resolve()));
    await platform.close();
  });

  async function newClient(credits = 1000) {
    const account = await platform.createAccount({ credits });
    return apiClient(platform.baseUrl, account.apiKey);
  }

  async function upload(client: ReturnType<typeof apiClient>, bytes: Uint8Array, name = 'image.png'): Promise<string> {
    const response = await client.upload(bytes, name);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.data.image_token;
  }

  async function runTask(client: ReturnType<typeof apiClient>, body: Record<string, unknown>) {
    const created = await client.createTask(body);
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    await platform.drainQueue();
    return (await client.getTask(created.body.data.task_id)).body.data;
  }

  it('image_to_model: a textured, closed, valid GLB with a preview; same input and seed give the same model', async () => {
    const client = await newClient();
    const token = await upload(client, drawing);
    const body = { type: 'image_to_model', file: { type: 'png', file_token: token }, model_seed: 7, texture_seed: 3 };
    const task = await runTask(client, body);
    expect(task, task.error_msg).toMatchObject({ status: 'success', consumed_credit: 30 });
    expect(Object.keys(task.output).sort()).toEqual(['face_count', 'pbr_model', 'photo_object', 'rendered_image']);
    // what was understood: one object in the middle of the drawing, built as one closed piece
    expect(task.output.photo_object).toMatchObject({
      object_found: true,
      mask_source: 'salient',
      pieces: 1,
      watertight: true,
      touches_edges: [],
    });
    expect(task.output.photo_object.bounding_box[0]).toBeGreaterThan(0.1);
    const glb = await download(task.output.pbr_model);
    const validation = await validateGlb(glb);
    expect(validation.errors).toEqual([]);
    const document = await new NodeIO().readBinary(glb);
    const material = document.getRoot().listMaterials()[0];
    expect(material.getBaseColorTexture()?.getMimeType()).toBe('image/jpeg');
    expect(material.getRoughnessFactor()).toBeLessThan(1);
    const primitive = document.getRoot().listMeshes()[0].listPrimitives()[0];
    expect(primitive.getAttribute('TEXCOORD_0')).toBeTruthy();
    expect(primitive.getIndices()!.getCount() / 3).toBeLessThanOrEqual(30_000);
    // the front of the model shows the drawing's red body
    const front = await sharp(await download(task.output.rendered_image))
      .raw()
      .toBuffer({ resolveWithObject: true });
    const centre =
      (Math.floor(front.info.height * 0.6) * front.info.width + Math.floor(front.info.width / 2)) * front.info.channels;
    expect(front.data[centre]).toBeGreaterThan(front.data[centre + 1] + 40);
    expect((await client.balance()).body.data).toEqual({ balance: 970, frozen: 0 });

    const again = await runTask(client, body);
    expect(sha(await download(again.output.pbr_model))).toBe(sha(glb));
  });

  it('honours texture=false, face_limit, quad (FBX) and generate_parts', async () => {
    const client = await newClient();
    const token = await upload(client, drawing);
    const file = { type: 'png', file_token: token };

    const plain = await runTask(client, { type: 'image_to_model', file, texture: false, face_limit: 2000 });
    expect(plain, plain.error_msg).toMatchObject({ status: 'success', consumed_credit: 20 });
    const plainGlb = await download(plain.output.model);
    expect((await validateGlb(plainGlb)).errors).toEqual([]);
    const plainDocument = await new NodeIO().readBinary(plainGlb);
    expect(plainDocument.getRoot().listTextures()).toHaveLength(0);
    expect(
      plainDocument.getRoot().listMeshes()[0].listPrimitives()[0].getIndices()!.getCount() / 3,
    ).toBeLessThanOrEqual(2000);

    const quad = await runTask(client, { type: 'image_to_model', file, quad: true, face_limit: 1500 });
    expect(quad, quad.error_msg).toMatchObject({ status: 'success' });
    expect(new URL(quad.output.pbr_model).pathname).toMatch(/\.fbx$/);
    const fbx = await download(quad.output.pbr_model);
    expect(Buffer.from(fbx.subarray(0, 18)).toString('latin1')).toBe('Kaydara FBX Binary');

    const parts = await runTask(client, {
      type: 'image_to_model',
      file,
      texture: false,
      pbr: false,
      generate_parts: true,
      face_limit: 1500,
    });
    expect(parts, parts.error_msg).toMatchObject({ status: 'success', consumed_credit: 40 });
    const partsGlb = await download(parts.output.model);
    expect((await validateGlb(partsGlb)).errors).toEqual([]);
    const names = (await new NodeIO().readBinary(partsGlb))
      .getRoot()
      .listNodes()
      .map((node) => node.getName());
    expect(names.length).toBeGreaterThanOrEqual(1);
    expect(names.every((name) => /^part_\d+$/.test(name))).toBe(true);
  });

  it('multiview_to_model from four renders, and generate → edit → multiview_to_model via original_task_id', async () => {
    const client = await newClient();
    const views = await renderFourViews(boxesDocument(TABLE_BOXES), 160);
    const tokens = await Promise.all(VIEW_ORDER.map((view) => upload(client, views[view], `${view}.png`)));
    const fromFiles = await runTask(client, {
      type: 'multiview_to_model',
      files: tokens.map((file_token) => ({ type: 'png', file_token })),
      texture_quality: 'standard',
      face_limit: 8000,
    });
    expect(fromFiles, fromFiles.error_msg).toMatchObject({ status: 'success', consumed_credit: 30 });
    expect((await validateGlb(await download(fromFiles.output.pbr_model))).errors).toEqual([]);

    const token = await upload(client, drawing);
    const generated = await runTask(client, {
      type: 'generate_multiview_image',
      file: { type: 'png', file_token: token },
    });
    expect(generated, generated.error_msg).toMatchObject({ status: 'success', consumed_credit: 10 });
    const urls = generated.output.generate_multiview_image;
    expect(Object.keys(urls).sort()).toEqual(['back_view_url', 'front_view_url', 'left_view_url', 'right_view_url']);
    const front = await sharp(await download(urls.front_view_url))
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(front.info.width).toBe(512);

    const edited = await runTask(client, {
      type: 'edit_multiview_image',
      original_task_id: generated.task_id,
      prompts: [
        { view: 'front', prompt: 'make it blue' },
        { view: 'back', prompt: 'desaturate' },
      ],
    });
    expect(edited, edited.error_msg).toMatchObject({ status: 'success', consumed_credit: 10 });
    const editedUrls = edited.output.generate_multiview_image;
    expect(sha(await download(editedUrls.left_view_url))).toBe(sha(await download(urls.left_view_url)));
    const blue = await sharp(await download(editedUrls.front_view_url))
      .raw()
      .toBuffer({ resolveWithObject: true });
    const middle =
      (Math.floor(blue.info.height * 0.6) * blue.info.width + Math.floor(blue.info.width / 2)) * blue.info.channels;
    expect(blue.data[middle + 2]).toBeGreaterThan(blue.data[middle] + 40);

    const rebuilt = await runTask(client, {
      type: 'multiview_to_model',
      original_task_id: edited.task_id,
      face_limit: 6000,
    });
    expect(rebuilt, rebuilt.error_msg).toMatchObject({ status: 'success' });
    expect((await validateGlb(await download(rebuilt.output.pbr_model))).errors).toEqual([]);
  }, 120_000); // eight views segmented on a busy 2-core machine

  it('fetches a url input in the worker', async () => {
    const client = await newClient();
    const task = await runTask(client, {
      type: 'image_to_model',
      file: { type: 'png', url: `${imageBase}/drawing.png` },
      texture: false,
      face_limit: 1000,
    });
    expect(task, task.error_msg).toMatchObject({ status: 'success', consumed_credit: 20 });
    const failed = await runTask(client, {
      type: 'image_to_model',
      file: { type: 'png', url: `${imageBase}/bomb.png` },
    });
    expect(failed).toMatchObject({ status: 'failed', error_code: 1004, consumed_credit: 0 });
    expect(failed.error_msg).toContain('30000×30000');
    const missing = await runTask(client, {
      type: 'image_to_model',
      file: { type: 'png', url: `${imageBase}/nothing.png` },
    });
    expect(missing).toMatchObject({ status: 'failed', error_code: 2019 });
    expect((await client.balance()).body.data).toEqual({ balance: 980, frozen: 0 });
  });

  it('refuses bad inputs with a clear error and charges nothing', async () => {
    const client = await newClient(100);
    const bomb = await client.upload(pngDeclaring(30000, 30000), 'bomb.png');
    expect(bomb.status).toBe(400);
    expect(bomb.body).toMatchObject({ code: 1004 });
    expect(bomb.body.message).toContain('refused without decoding');
    const tiny = await client.upload(await drawingImage(12), 'tiny.png');
    expect(tiny.body.code).toBe(1004);
    const gif = await client.upload(
      new Uint8Array(
        await sharp({ create: { width: 40, height: 40, channels: 3, background: '#f00' } })
          .gif()
          .toBuffer(),
      ),
      'a.gif',
    );
    expect(gif.body.code).toBe(2004);

    const token = await upload(client, drawing);
    const ftp = await client.createTask({
      type: 'image_to_model',
      file: { type: 'png', url: 'ftp://example.com/a.png' },
    });
    expect(ftp.body.code).toBe(1004);
    const style = await client.createTask({
      type: 'image_to_model',
      file: { type: 'png', file_token: token },
      style: 'object:clay',
    });
    expect(style.body).toMatchObject({ code: 2002 });
    expect(style.body.message).toContain('style');
    const generated = await runTask(client, {
      type: 'generate_multiview_image',
      file: { type: 'png', file_token: token },
    });
    const unknownEdit = await client.createTask({
      type: 'edit_multiview_image',
      original_task_id: generated.task_id,
      prompts: [{ view: 'left', prompt: 'add wings' }],
    });
    expect(unknownEdit.body).toMatchObject({ code: 2002 });
    expect(unknownEdit.body.message).toContain('did not understand');
    expect((await client.balance()).body.data).toEqual({ balance: 90, frozen: 0 });
    expect((await fetch(`${platform.baseUrl}/health`)).status).toBe(200);
  });
});

describe('image safety and the url policy at their operator defaults', () => {
  let strict: TestPlatform;
  let open: TestPlatform;
  let imageServer: http.Server;
  let imageUrl: string;
  beforeAll(async () => {
    const drawing = await drawingImage(96);
    imageServer = http.createServer((_request, response) => response.end(drawing));
    await new Promise<void>((resolve) => imageServer.listen(0, '127.0.0.1', resolve));
    imageUrl = `http://127.0.0.1:${(imageServer.address() as AddressInfo).port}/drawing.png`;
    // a threshold of 0 makes the real classifier's score of any image a violation: the 2008 path without explicit images
    strict = await startTestPlatform({
      environment: { POLYFORGE_IMAGE_SAFETY_THRESHOLD: '0', POLYFORGE_URL_FETCH_ALLOW_PRIVATE: 'true' },
    });
    open = await startTestPlatform();
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => imageServer.close(() => resolve()));
    await strict.close();
    await open.close();
  });

  it('an uploaded image that violates the policy is 2008 at create; a url one is banned by the worker; both unbilled', async () => {
    const account = await strict.createAccount({ credits: 100 });
    const client = apiClient(strict.baseUrl, account.apiKey);
    const token = (await client.upload(await drawingImage(96), 'a.png')).body.data.image_token;
    const created = await client.createTask({ type: 'image_to_model', file: { type: 'png', file_token: token } });
    expect(created.status).toBe(400);
    expect(created.body).toMatchObject({ code: 2008 });
    const quoted = await client.quote({ type: 'generate_multiview_image', file: { type: 'png', file_token: token } });
    expect(quoted.body.code).toBe(2008);

    const byUrl = await client.createTask({ type: 'image_to_model', file: { type: 'png', url: imageUrl } });
    expect(byUrl.status).toBe(200);
    expect((await client.balance()).body.data.frozen).toBe(30);
    await strict.drainQueue();
    const task = (await client.getTask(byUrl.body.data.task_id)).body.data;
    expect(task).toMatchObject({ status: 'banned', error_code: 2008, consumed_credit: 0 });
    expect((await client.balance()).body.data).toEqual({ balance: 100, frozen: 0 });
  });

  it('by default refuses url inputs on loopback and private addresses', async () => {
    const account = await open.createAccount({ credits: 100 });
    const client = apiClient(open.baseUrl, account.apiKey);
    for (const url of [
      imageUrl,
      'http://localhost/a.png',
      'http://10.0.0.8/a.png',
      'http://169.254.169.254/latest/meta-data',
    ]) {
      const created = await client.createTask({ type: 'image_to_model', file: { type: 'jpg', url } });
      expect(created.status, url).toBe(400);
      expect(created.body.code).toBe(1004);
      expect(created.body.message).toMatch(/refused/);
    }
    expect((await client.balance()).body.data).toEqual({ balance: 100, frozen: 0 });
  });
});
