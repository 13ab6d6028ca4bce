// /v3 uploads over real HTTP: multipart POST /v3/files, and presigned slots whose bytes are PUT to a signed URL
// this server serves (no API key), bounded in size, checked for type, single use, expiring; then imported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solidPng, texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { apiClient, type ApiResponse } from '../harness/api-client.ts';
import { ManualClock, startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';

const MAX_UPLOAD_MB = 1;

function expectV3Error(
  response: { status: number; body: any },
  httpStatus: number,
  code: number,
  message?: RegExp,
): void {
  expect(response.status, JSON.stringify(response.body)).toBe(httpStatus);
  expect(response.body).toMatchObject({ code, status: 'error', request_id: expect.any(String) });
  if (message) expect(response.body.message).toMatch(message);
}

async function put(url: string, bytes: Uint8Array, contentType = 'application/octet-stream'): Promise<ApiResponse> {
  const response = await fetch(url, {
    method: 'PUT',
    body: new Uint8Array(bytes),
    headers: { 'Content-Type': contentType },
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

describe('/v3 uploads', () => {
  const clock = new ManualClock(Date.now());
  let platform: TestPlatform;
  let glb: Uint8Array;
  let png: Uint8Array;
  beforeAll(async () => {
    platform = await startTestPlatform({
      clock,
      environment: { POLYFORGE_MAX_UPLOAD_MB: String(MAX_UPLOAD_MB), POLYFORGE_MAX_IMAGE_MB: String(MAX_UPLOAD_MB) },
    });
    glb = await texturedCubeGlb();
    png = solidPng(64, [10, 200, 10, 255]);
  });
  afterAll(() => platform?.close());

  async function client() {
    const account = await platform.createAccount({ credits: 20 });
    return apiClient(platform.baseUrl, account.apiKey);
  }

  async function presign(api: ReturnType<typeof apiClient>, format?: string) {
    const response = await api.send('POST', '/v3/files/presign', { json: format === undefined ? {} : { format } });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.data as { file_token: string; upload_url: string; presigned_url: string; expires_in: number };
  }

  it('makes a presigned token usable only once its bytes arrive, then imports it', async () => {
    const api = await client();
    const slot = await presign(api, 'glb');
    expect(slot.expires_in).toBe(1800);
    expect(new URL(slot.upload_url).origin).toBe(platform.baseUrl);
    const early = await api.send('POST', '/v3/models/import', { json: { input: slot.file_token } });
    expectV3Error(early, 400, 1004, /bytes have not arrived yet/);

    const uploaded = await put(slot.upload_url, glb, 'model/gltf-binary');
    expect(uploaded.status).toBe(200);
    expect(uploaded.body).toMatchObject({
      code: 0,
      status: 'success',
      data: { file_token: slot.file_token, type: 'glb', size: glb.byteLength },
    });

    const created = await api.send('POST', '/v3/models/import', { json: { input: slot.file_token } });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    await platform.drainQueue();
    const task = await api.send('GET', `/v3/tasks/${created.body.data.task_id}`);
    expect(task.body.data).toMatchObject({ status: 'success', type: 'import_model' });
    expect((await fetch(task.body.data.output.model_url)).status).toBe(200);
  });

  it('checks the bytes against the announced format, and gives the slot back when they are refused', async () => {
    const api = await client();
    const slot = await presign(api, 'glb');
    expectV3Error(
      await put(slot.upload_url, png, 'image/png'),
      400,
      2004,
      /announced as glb, but the bytes are a png image/,
    );
    expectV3Error(await put(slot.upload_url, new Uint8Array(0)), 400, 2003);
    expectV3Error(await put(slot.upload_url, new TextEncoder().encode('not a model at all')), 400, 2004);
    // a JSON Content-Type is not parsed: the bytes are stored as sent
    expect((await put(slot.upload_url, glb, 'application/json')).status).toBe(200);
    expectV3Error(await put(slot.upload_url, glb), 403, 1005, /already used/);

    const anyFormat = await presign(api);
    const stored = await put(anyFormat.upload_url, png, 'image/png');
    expect(stored.body.data).toMatchObject({ type: 'png' });
    expectV3Error(
      await api.send('POST', '/v3/files/presign', { json: { format: '3mf' } }),
      400,
      2004,
      /format must be one of/,
    );
    expectV3Error(await api.send('POST', '/v3/files/presign', { json: { format: 7 } }), 400, 1004);
    expectV3Error(await api.send('POST', '/v3/files/presign', { json: ['glb'] }), 400, 1003);
  });

  it('refuses PUTs with a wrong, missing or expired signature and bodies over the size limit', async () => {
    const api = await client();
    const slot = await presign(api, 'png');
    const url = new URL(slot.upload_url);
    const forged = new URL(url);
    forged.searchParams.set('signature', 'A'.repeat(43));
    expectV3Error(await put(forged.toString(), png), 403, 1005, /not valid/);
    const unsigned = new URL(url);
    unsigned.search = '';
    expectV3Error(await put(unsigned.toString(), png), 403, 1005);
    expectV3Error(
      await put(`${platform.baseUrl}/v3/files/uploads/00000000-0000-4000-8000-000000000000?signature=x`, png),
      403,
      1005,
    );
    expectV3Error(await put(slot.upload_url, new Uint8Array(MAX_UPLOAD_MB * 1024 * 1024 + 10)), 413, 1006);
    // still usable after the refusals
    expect((await put(slot.upload_url, png)).status).toBe(200);

    const late = await presign(api, 'png');
    clock.advanceSeconds(31 * 60);
    expectV3Error(await put(late.upload_url, png), 403, 1005, /expired/);
    expectV3Error(
      await api.send('POST', '/v3/generation/image-to-model', {
        json: { input: late.file_token, model: 'v3.1-20260211' },
      }),
      400,
      1004,
      /expired before the bytes arrived/,
    );
  });

  it('answers upload-credentials with a PUT slot too (the shape docs/compatibility.md names)', async () => {
    const api = await client();
    const response = await api.send('POST', '/v3/files/upload-credentials', { json: { format: 'glb' } });
    expect(response.body.data).toMatchObject({
      file_token: expect.stringMatching(/^file_/),
      upload_url: expect.stringMatching(/^http/),
      method: 'PUT',
    });
    // ISO to the second
    expect(Math.abs(Date.parse(response.body.data.expires_at) - (clock.nowMs() + 1800 * 1000))).toBeLessThan(1000);
    expect((await put(response.body.data.upload_url, glb)).status).toBe(200);
  });

  it('takes multipart uploads on POST /v3/files with the same type and size checks', async () => {
    const api = await client();
    const form = (bytes: Uint8Array, fileName: string, field = 'file') => {
      const data = new FormData();
      data.append(field, new Blob([new Uint8Array(bytes)]), fileName);
      return data;
    };
    const ok = await api.send('POST', '/v3/files', { form: form(png, 'a.png') });
    expect(ok.body).toMatchObject({
      code: 0,
      status: 'success',
      data: { file_token: expect.stringMatching(/^file_/), type: 'png' },
    });
    expectV3Error(await api.send('POST', '/v3/files', { form: form(new Uint8Array(0), 'empty.png') }), 400, 2003);
    expectV3Error(
      await api.send('POST', '/v3/files', { form: form(new TextEncoder().encode('hello'), 'a.txt') }),
      400,
      2004,
    );
    expectV3Error(await api.send('POST', '/v3/files', { form: form(png, 'a.png', 'image') }), 400, 1003);
    expectV3Error(
      await api.send('POST', '/v3/files', { form: form(new Uint8Array(MAX_UPLOAD_MB * 1024 * 1024 + 10), 'big.glb') }),
      413,
      1006,
    );
    expectV3Error(await api.send('POST', '/v3/files', { json: { file: 'x' } }), 400, 1003);
    expectV3Error(await apiClient(platform.baseUrl).send('POST', '/v3/files', { form: form(png, 'a.png') }), 401, 1002);
  });
});
