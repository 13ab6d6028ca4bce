// The operator's moderation provider (OpenAI's /v1/moderations format) against a loopback fake: the request it
// sends, what it counts, and what the public API does when it flags, fails open (default) or fails closed.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { OpenAiModerationProvider } from '../../src/safety/openai-moderation-provider.ts';
import { drawingImage } from '@polyforge/geometry/test/fixtures/build-image-fixtures';
import { apiClient } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import { startFakeOpenAiModeration, type FakeOpenAiModeration } from './fake-openai-moderation.ts';

const API_KEY = 'sk-test-moderation';

describe('OpenAiModerationProvider against a loopback server speaking the moderation format', () => {
  let fake: FakeOpenAiModeration;
  let provider: OpenAiModerationProvider;
  beforeAll(async () => {
    fake = await startFakeOpenAiModeration();
    provider = new OpenAiModerationProvider({
      apiKey: API_KEY,
      baseUrl: fake.baseUrl,
      model: 'omni-moderation-latest',
      timeoutMs: 2000,
      maxAttempts: 1,
    });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
    fake.textFlags.clear();
    fake.imageFlags = [];
    fake.failWithStatus = 0;
  });

  it('sends the texts as one array of strings with the model and key, and counts only the categories the platform refuses', async () => {
    fake.textFlags.set('alpha', ['violence', 'harassment']);
    fake.textFlags.set('beta', ['violence/graphic', 'violence']);
    fake.textFlags.set('gamma', ['illicit/violent', 'illicit']);
    fake.textFlags.set('delta', ['sexual/minors', 'sexual']);
    fake.textFlags.set('epsilon', ['self-harm/instructions', 'hate/threatening']);
    const answers = await provider.moderateTexts([
      'alpha knight with a sword',
      'beta',
      'gamma',
      'delta',
      'epsilon',
      'a wine bottle',
    ]);
    expect(answers.map((categories) => [...categories].sort())).toEqual([
      [],
      ['gore'],
      ['weapons'],
      ['minors', 'sexual'],
      ['hate', 'self-harm'],
      [],
    ]);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({
      path: '/v1/moderations',
      authorization: `Bearer ${API_KEY}`,
      contentType: 'application/json',
      body: {
        model: 'omni-moderation-latest',
        input: ['alpha knight with a sword', 'beta', 'gamma', 'delta', 'epsilon', 'a wine bottle'],
      },
    });
  });

  it('sends an image alone, as a base64 JPEG data URL scaled to at most 1024 px', async () => {
    fake.imageFlags = ['sexual'];
    expect(await provider.moderateImage(await drawingImage(1500))).toEqual(['sexual']);
    const input = fake.requests[0]!.body.input as { type: string; image_url: { url: string } }[];
    expect(input).toHaveLength(1);
    expect(input[0]!.type).toBe('image_url');
    const [prefix, base64] = input[0]!.image_url.url.split(',');
    expect(prefix).toBe('data:image/jpeg;base64');
    const metadata = await sharp(Buffer.from(base64!, 'base64')).metadata();
    expect(metadata.format).toBe('jpeg');
    expect(Math.max(metadata.width!, metadata.height!)).toBe(1024);
  });

  it('an error status or a wrong key is an error the caller decides about', async () => {
    fake.failWithStatus = 500;
    await expect(provider.moderateTexts(['a chair'])).rejects.toThrow(/HTTP 500/);
    fake.failWithStatus = 0;
    const wrongKey = new OpenAiModerationProvider({
      apiKey: 'sk-wrong',
      baseUrl: fake.baseUrl,
      model: 'omni-moderation-latest',
      timeoutMs: 2000,
      maxAttempts: 1,
    });
    await expect(wrongKey.moderateTexts(['a chair'])).rejects.toThrow(/HTTP 401/);
  });

  it('needs a key when the operator picks the provider (boot fails naming the setting)', () => {
    expect(() => loadConfig({ POLYFORGE_MODERATION_PROVIDER: 'openai' })).toThrow(/POLYFORGE_MODERATION_API_KEY/);
    expect(() => loadConfig({ POLYFORGE_MODERATION_ON_FAILURE: 'sometimes' })).toThrow(
      /POLYFORGE_MODERATION_ON_FAILURE/,
    );
    const config = loadConfig({ POLYFORGE_MODERATION_PROVIDER: 'openai', POLYFORGE_OPENAI_API_KEY: 'sk-shared' });
    expect(config.moderation).toMatchObject({
      provider: {
        kind: 'openai',
        apiKey: 'sk-shared',
        baseUrl: 'https://api.openai.com',
        model: 'omni-moderation-latest',
      },
      onProviderFailure: 'open',
    });
    expect(loadConfig({}).moderation.provider).toBeUndefined();
  });
});

describe('the moderation provider through the public API', () => {
  let fake: FakeOpenAiModeration;
  let failOpen: TestPlatform;
  let failClosed: TestPlatform;
  let imageServer: http.Server;
  let imageUrl: string;
  beforeAll(async () => {
    fake = await startFakeOpenAiModeration();
    // another image than the uploaded one: the provider's answers are remembered per image
    const drawing = await drawingImage(80);
    imageServer = http.createServer((_request, response) => response.end(drawing));
    await new Promise<void>((resolve) => imageServer.listen(0, '127.0.0.1', resolve));
    imageUrl = `http://127.0.0.1:${(imageServer.address() as AddressInfo).port}/photo.png`;
    const environment = {
      POLYFORGE_URL_FETCH_ALLOW_PRIVATE: 'true',
      POLYFORGE_MODERATION_PROVIDER: 'openai',
      POLYFORGE_MODERATION_API_KEY: API_KEY,
      POLYFORGE_MODERATION_BASE_URL: fake.baseUrl,
      POLYFORGE_MODERATION_TIMEOUT_SECONDS: '2',
    };
    failOpen = await startTestPlatform({ environment });
    failClosed = await startTestPlatform({
      environment: { ...environment, POLYFORGE_MODERATION_ON_FAILURE: 'closed' },
    });
  });
  afterAll(async () => {
    await failOpen.close();
    await failClosed.close();
    await fake.close();
    await new Promise<void>((resolve) => imageServer.close(() => resolve()));
  });
  beforeEach(() => {
    fake.requests.length = 0;
    fake.textFlags.clear();
    fake.imageFlags = [];
    fake.failWithStatus = 0;
  });

  it('refuses with 2008 what the provider flags and the lexicon passed, naming the category and the provider; nothing is charged', async () => {
    fake.textFlags.set('ritual offering', ['violence/graphic', 'violence']);
    const account = await failOpen.createAccount();
    const client = apiClient(failOpen.baseUrl, account.apiKey);
    const body = { type: 'text_to_model', prompt: 'a ritual offering on an altar' };
    for (const response of [
      await client.createTask(body),
      await client.quote(body),
      await client.send('POST', '/v3/generation/text-to-model', {
        json: { model: 'v3.0-20250812', prompt: body.prompt },
      }),
    ]) {
      expect(response.status).toBe(400);
      expect(response.body.code).toBe(2008);
      expect(response.body.message).toContain(
        'prompt was refused by the content policy: gore and graphic violence (flagged by OpenAI moderation); nothing was charged',
      );
    }
    // the answer is kept: a quote and its create ask once
    expect(fake.requests).toHaveLength(1);
    expect((await client.balance()).body.data).toEqual({ balance: 300, frozen: 0 });
  });

  it('sends positive texts only: a negative prompt stays offline, and a text the lexicon refused never leaves', async () => {
    const account = await failOpen.createAccount();
    const client = apiClient(failOpen.baseUrl, account.apiKey);
    await client.quote({ type: 'text_to_model', prompt: 'a brass lantern', negative_prompt: 'nsfw, gore, blood' });
    expect(fake.requests.map((request) => request.body.input)).toEqual([['a brass lantern']]);
    const refused = await client.quote({ type: 'text_to_model', prompt: 'a naked woman in a sexual pose' });
    expect(refused.body.code).toBe(2008);
    expect(refused.body.message).not.toContain('flagged by');
    expect(fake.requests).toHaveLength(1);
  });

  it('asks the provider about input images after the offline classifier passed them, and refuses a flagged one', async () => {
    fake.imageFlags = ['sexual'];
    const account = await failOpen.createAccount();
    const client = apiClient(failOpen.baseUrl, account.apiKey);
    const token = (await client.upload(await drawingImage(96), 'photo.png')).body.data.image_token;
    const created = await client.createTask({ type: 'image_to_model', file: { type: 'png', file_token: token } });
    expect(created.status).toBe(400);
    expect(created.body.code).toBe(2008);
    expect(created.body.message).toContain(
      `file_token ${token} was refused by the content policy: sexual content (flagged by OpenAI moderation); nothing was charged`,
    );
    const sent = fake.requests.map((request) => request.body.input as { type: string }[]);
    expect(sent.some((input) => input[0]?.type === 'image_url')).toBe(true);
    expect((await client.balance()).body.data).toEqual({ balance: 300, frozen: 0 });
  });

  it('asks about a url image in the worker, after its fetch: a flagged one ends the task banned, unbilled', async () => {
    fake.imageFlags = ['violence/graphic'];
    const account = await failOpen.createAccount();
    const client = apiClient(failOpen.baseUrl, account.apiKey);
    const created = await client.createTask({ type: 'image_to_model', file: { type: 'png', url: imageUrl } });
    expect(created.status).toBe(200);
    await failOpen.drainQueue();
    const task = (await client.getTask(created.body.data.task_id)).body.data;
    expect(task).toMatchObject({ status: 'banned', error_code: 2008, consumed_credit: 0 });
    expect(fake.requests.some((request) => (request.body.input as { type?: string }[])[0]?.type === 'image_url')).toBe(
      true,
    );
    expect((await client.balance()).body.data).toEqual({ balance: 300, frozen: 0 });
  });

  it('fails open by default: when the provider errors, the offline checks decide', async () => {
    fake.failWithStatus = 500;
    const account = await failOpen.createAccount();
    const client = apiClient(failOpen.baseUrl, account.apiKey);
    const passed = await client.quote({ type: 'text_to_model', prompt: 'a copper kettle' });
    expect(passed.status).toBe(200);
    expect(fake.requests.length).toBeGreaterThan(0);
    // the lexicon still refuses
    expect((await client.quote({ type: 'text_to_model', prompt: 'a dead child covered in blood' })).body.code).toBe(
      2008,
    );
  });

  it('fails closed when the operator asks: 503 (code 1000, Retry-After) with nothing charged, until the provider is back', async () => {
    fake.failWithStatus = 503;
    const account = await failClosed.createAccount();
    const client = apiClient(failClosed.baseUrl, account.apiKey);
    const body = { type: 'text_to_model', prompt: 'a pewter goblet' };
    const refused = await client.createTask(body);
    expect(refused.status).toBe(503);
    expect(refused.body.code).toBe(1000);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(refused.body.message).toContain('content moderation service');
    expect((await client.balance()).body.data).toEqual({ balance: 300, frozen: 0 });
    fake.failWithStatus = 0;
    const quoted = await client.quote(body);
    expect(quoted.status).toBe(200);
  });
});
