// The third-party image providers against local HTTP servers that speak their documented formats: OpenAI
// Images (generations / edits, b64_json), Gemini generateContent (inlineData parts), BFL (submit, poll
// get_result, download result.sample). Success, retries (429 with Retry-After), timeouts, content policy;
// every failure ends the task failed and refunded.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkerPng } from '@polyforge/geometry/test/fixtures/encode-png';
import { apiClient } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';

interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

type Script = (request: Recorded, response: http.ServerResponse) => void;

/** One loopback server standing in for all three providers; each test scripts its answers. */
function fakeProviders() {
  const requests: Recorded[] = [];
  let script: Script = (_request, response) => response.writeHead(500).end();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const recorded = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(recorded);
      script(recorded, response);
    });
  });
  return {
    requests,
    server,
    script(next: Script) {
      script = next;
      requests.length = 0;
    },
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  };
}

const PNG = checkerPng(32, 4);
const json = (response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));

describe('image providers', () => {
  const providers = fakeProviders();
  let harness: TestPlatform;

  beforeAll(async () => {
    await new Promise<void>((resolve) => providers.server.listen(0, '127.0.0.1', resolve));
    harness = await startTestPlatform({
      environment: {
        POLYFORGE_OPENAI_API_KEY: 'sk-test-openai',
        POLYFORGE_OPENAI_BASE_URL: providers.url(),
        POLYFORGE_GEMINI_API_KEY: 'gemini-test-key',
        POLYFORGE_GEMINI_BASE_URL: providers.url(),
        POLYFORGE_BFL_API_KEY: 'bfl-test-key',
        POLYFORGE_BFL_BASE_URL: providers.url(),
        POLYFORGE_PROVIDER_TIMEOUT_SECONDS: '1',
        POLYFORGE_PROVIDER_MAX_ATTEMPTS: '2',
      },
    });
  });
  afterAll(async () => {
    await harness.close();
    providers.server.closeAllConnections();
    await new Promise((resolve) => providers.server.close(resolve));
  });

  let client: ReturnType<typeof apiClient>;
  beforeEach(async () => {
    client = apiClient(harness.baseUrl, (await harness.createAccount()).apiKey);
  });

  async function run(request: Record<string, unknown>) {
    const created = await client.createTask(request);
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    await harness.drainQueue();
    return (await client.getTask(created.body.data.task_id)).body.data;
  }

  async function uploadedImage() {
    return { type: 'png', file_token: (await client.upload(PNG, 'reference.png')).body.data.image_token };
  }

  it('OpenAI: POST /v1/images/generations, decodes data[0].b64_json into generated_image', async () => {
    providers.script((request, response) =>
      json(response, 200, { created: 1, data: [{ b64_json: Buffer.from(PNG).toString('base64') }] }),
    );
    const task = await run({ type: 'generate_image', model_version: 'gpt_image_2', prompt: 'a lighthouse at dusk' });
    expect(task).toMatchObject({ status: 'success', consumed_credit: 10 });
    const [call] = providers.requests;
    expect(call).toMatchObject({ method: 'POST', url: '/v1/images/generations' });
    expect(call.headers.authorization).toBe('Bearer sk-test-openai');
    expect(JSON.parse(call.body.toString())).toEqual({ model: 'gpt-image-2', prompt: 'a lighthouse at dusk', n: 1 });
    const image = new Uint8Array(await (await fetch(task.output.generated_image)).arrayBuffer());
    expect(Buffer.from(image).equals(Buffer.from(PNG))).toBe(true);
  });

  it('OpenAI: reference images go to /v1/images/edits as multipart image[]', async () => {
    providers.script((_request, response) =>
      json(response, 200, { data: [{ b64_json: Buffer.from(PNG).toString('base64') }] }),
    );
    const task = await run({
      type: 'generate_image',
      model_version: 'gpt_4o',
      prompt: 'make it snowy',
      file: await uploadedImage(),
    });
    expect(task).toMatchObject({ status: 'success', consumed_credit: 5 });
    const [call] = providers.requests;
    expect(call.url).toBe('/v1/images/edits');
    expect(call.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const body = call.body.toString('latin1');
    expect(body).toMatch(/name="model"\r\n\r\ngpt-image-1\r\n/);
    expect(body).toMatch(/name="image\[\]"; filename="reference.png"/);
    expect(call.body.includes(Buffer.from(PNG))).toBe(true);
  });

  it('retries a 429 after its Retry-After, then succeeds', async () => {
    let calls = 0;
    providers.script((_request, response) => {
      calls += 1;
      if (calls === 1)
        return json(
          response,
          429,
          { error: { message: 'Rate limit reached', type: 'requests' } },
          { 'Retry-After': '1' },
        );
      json(response, 200, { data: [{ b64_json: Buffer.from(PNG).toString('base64') }] });
    });
    const startedMs = Date.now();
    const task = await run({ type: 'generate_image', model_version: 'gpt_image_1.5', prompt: 'a red kite' });
    expect(task.status).toBe('success');
    expect(providers.requests).toHaveLength(2);
    expect(Date.now() - startedMs).toBeGreaterThanOrEqual(1000);
  });

  it('fails and refunds after the retries of a 5xx run out, naming the provider and its answer', async () => {
    providers.script((_request, response) =>
      json(response, 503, { error: { message: 'The engine is currently overloaded' } }),
    );
    const task = await run({ type: 'generate_image', model_version: 'gpt_image_2', prompt: 'a blue kite' });
    expect(task).toMatchObject({ status: 'failed', error_code: 1001, consumed_credit: 0 });
    expect(task.error_msg).toMatch(
      /OpenAI answered HTTP 503: The engine is currently overloaded; the task was not charged/,
    );
    expect(providers.requests).toHaveLength(2);
    expect((await client.balance()).body.data).toEqual({ balance: 300, frozen: 0 });
  });

  it('maps a content-policy refusal to error 2008, without retrying', async () => {
    providers.script((_request, response) =>
      json(response, 400, {
        error: { message: 'Your request was rejected by the safety system.', code: 'moderation_blocked' },
      }),
    );
    const task = await run({ type: 'generate_image', model_version: 'gpt_image_2', prompt: 'a harmless teapot' });
    expect(task).toMatchObject({ status: 'failed', error_code: 2008, consumed_credit: 0 });
    expect(providers.requests).toHaveLength(1);
  });

  it('Gemini: generateContent with text and inlineData parts, reads the inlineData image of the answer', async () => {
    providers.script((_request, response) =>
      json(response, 200, {
        candidates: [
          {
            content: {
              role: 'model',
              parts: [
                { text: 'Here it is.' },
                { inlineData: { mimeType: 'image/png', data: Buffer.from(PNG).toString('base64') } },
              ],
            },
            finishReason: 'STOP',
          },
        ],
      }),
    );
    const task = await run({
      type: 'generate_image',
      model_version: 'gemini_3_pro_image_preview',
      prompt: 'the same cat, in winter',
      file: await uploadedImage(),
    });
    expect(task).toMatchObject({ status: 'success', consumed_credit: 10 });
    const [call] = providers.requests;
    expect(call.url).toBe('/v1beta/models/gemini-3-pro-image-preview:generateContent');
    expect(call.headers['x-goog-api-key']).toBe('gemini-test-key');
    const body = JSON.parse(call.body.toString());
    expect(body.generationConfig.responseModalities).toContain('IMAGE');
    expect(body.contents[0].parts[0]).toEqual({ text: 'the same cat, in winter' });
    expect(Buffer.from(body.contents[0].parts[1].inlineData.data, 'base64').equals(Buffer.from(PNG))).toBe(true);
  });

  it('fails and refunds when the provider does not answer in time (every attempt times out)', async () => {
    providers.script(() => undefined); // never answers
    const task = await run({
      type: 'generate_image',
      model_version: 'gemini_2.5_flash_image_preview',
      prompt: 'a slow snail',
    });
    expect(task).toMatchObject({ status: 'failed', error_code: 1001, consumed_credit: 0 });
    expect(task.error_msg).toMatch(/Gemini did not answer within 1 s/);
    expect(providers.requests).toHaveLength(2);
    expect((await client.balance()).body.data).toEqual({ balance: 300, frozen: 0 });
  });

  it('BFL: submits to /v1/flux-kontext-pro, polls polling_url until Ready, downloads result.sample without the key', async () => {
    let polls = 0;
    providers.script((request, response) => {
      if (request.url === '/v1/flux-kontext-pro')
        return json(response, 200, { id: 'req-1', polling_url: `${providers.url()}/v1/get_result?id=req-1` });
      if (request.url.startsWith('/v1/get_result')) {
        polls += 1;
        return json(
          response,
          200,
          polls === 1
            ? { id: 'req-1', status: 'Pending', progress: 40 }
            : { id: 'req-1', status: 'Ready', result: { sample: `${providers.url()}/delivery/sample.png?sig=abc` } },
        );
      }
      if (request.url.startsWith('/delivery/'))
        return response.writeHead(200, { 'Content-Type': 'image/png' }).end(Buffer.from(PNG));
      response.writeHead(404).end();
    });
    const task = await run({
      type: 'generate_image',
      model_version: 'flux.1_kontext_pro',
      prompt: 'turn it into a watercolour',
      file: await uploadedImage(),
    });
    expect(task).toMatchObject({ status: 'success', consumed_credit: 5 });
    const [submit, ...rest] = providers.requests;
    expect(submit.headers['x-key']).toBe('bfl-test-key');
    const body = JSON.parse(submit.body.toString());
    expect(body).toMatchObject({ prompt: 'turn it into a watercolour', output_format: 'png' });
    expect(Buffer.from(body.input_image, 'base64').equals(Buffer.from(PNG))).toBe(true);
    expect(rest.map((call) => call.url.split('?')[0])).toEqual([
      '/v1/get_result',
      '/v1/get_result',
      '/delivery/sample.png',
    ]);
    expect(rest[2].headers['x-key']).toBeUndefined();
  });

  it('BFL: a moderated request fails with 2008 and is refunded', async () => {
    providers.script((request, response) => {
      if (request.url === '/v1/flux-dev')
        return json(response, 200, { id: 'req-2', polling_url: `${providers.url()}/v1/get_result?id=req-2` });
      json(response, 200, { id: 'req-2', status: 'Request Moderated' });
    });
    const task = await run({ type: 'generate_image', model_version: 'flux.1_dev', prompt: 'a forbidden thing' });
    expect(task).toMatchObject({ status: 'failed', error_code: 2008, consumed_credit: 0 });
    expect(JSON.parse(providers.requests[0].body.toString())).toMatchObject({
      prompt: 'a forbidden thing',
      width: 1024,
      height: 1024,
    });
    expect((await client.balance()).body.data).toEqual({ balance: 300, frozen: 0 });
  });

  it('leaves midjourney (no public API) not available: 2002, nothing charged', async () => {
    const created = await client.createTask({
      type: 'generate_image',
      model_version: 'midjourney',
      prompt: 'a dragon',
    });
    expect(created.body.code).toBe(2002);
    expect(
      (await client.quote({ type: 'generate_image', model_version: 'midjourney', prompt: 'a dragon' })).body.data,
    ).toMatchObject({ credits: 10, available: false });
    expect((await client.balance()).body.data).toEqual({ balance: 300, frozen: 0 });
  });
});
