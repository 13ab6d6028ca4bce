import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from '@polyforge/geometry/test/fixtures/encode-png';
import { apiClient } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';

// a small but real image: uploads must decode and be 20–6000 px per side (tripo-api.md §3)
const PNG_HEADER = encodePng(32, 32, new Uint8Array(32 * 32 * 4).fill(128));

describe('uploads', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ environment: { POLYFORGE_MAX_UPLOAD_MB: '1' } });
  });
  afterAll(() => platform.close());

  it('stores an image by content type and returns a UUID image_token', async () => {
    const account = await platform.createAccount();
    const response = await apiClient(platform.baseUrl, account.apiKey).upload(PNG_HEADER, 'pixel.jpg');
    expect(response.status).toBe(200);
    expect(response.body.code).toBe(0);
    expect(response.body.data.image_token).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(response.body.data.type).toBe('png');
  });

  it.each([
    ['an empty file', new Uint8Array(0), 'empty.png', 400, 2003],
    ['a file of an unsupported type', new TextEncoder().encode('just some words, not a model'), 'notes.txt', 400, 2004],
    ['a file over the size limit', new Uint8Array(1024 * 1024 + 10).fill(7), 'big.glb', 413, 1006],
  ])('refuses %s with a clear error', async (_label, bytes, fileName, httpStatus, code) => {
    const account = await platform.createAccount();
    const response = await apiClient(platform.baseUrl, account.apiKey).upload(bytes, fileName);
    expect(response.status).toBe(httpStatus);
    expect(response.body.code).toBe(code);
    expect(response.body.message.length).toBeGreaterThan(10);
    const health = await fetch(`${platform.baseUrl}/health`);
    expect(health.status).toBe(200);
  });

  it('refuses a multipart body without a "file" part and a non-multipart body', async () => {
    const account = await platform.createAccount();
    const client = apiClient(platform.baseUrl, account.apiKey);
    const wrongField = await client.upload(PNG_HEADER, 'pixel.png', 'image');
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.code).toBe(1003);
    const json = await client.send('POST', '/v2/openapi/upload', { json: { file: 'x' } });
    expect(json.status).toBe(400);
    expect(json.body.code).toBe(1003);
  });
});
