// A corpus of hostile inputs against the real HTTP API: each gets a clear 4xx (code + message), or, for a file
// only the engine can find bad, a failed task with a clear error and nothing charged; the server stays up and its
// memory stays bounded (RSS sampled throughout, printed with the list of inputs tried).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { apiClient, type ApiResponse } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import { archiveBombs, hostileModels, imageBombs, type HostileModel } from './hostile-files.ts';

type Client = ReturnType<typeof apiClient>;
type Outcome = { input: string; outcome: string };

const MEMORY_BOUND_MB = 600;

function isClearRefusal(response: ApiResponse): boolean {
  return (
    response.status >= 400 &&
    response.status < 500 &&
    typeof response.body === 'object' &&
    response.body !== null &&
    typeof response.body.code === 'number' &&
    typeof response.body.message === 'string' &&
    response.body.message.length > 0
  );
}

describe('hostile inputs', () => {
  let harness: TestPlatform;
  let victim: { accountId: string; apiKey: string };
  let attacker: { accountId: string; apiKey: string };
  let client: Client;
  let victimTaskId: string;
  let victimFileToken: string;
  let victimDownload: string;
  const outcomes: Outcome[] = [];
  let baselineRssMb = 0;
  let peakRssMb = 0;
  let sampler: NodeJS.Timeout;

  beforeAll(async () => {
    harness = await startTestPlatform({
      environment: { POLYFORGE_RATE_LIMIT_PER_MINUTE: '0', POLYFORGE_MAX_UPLOAD_MB: '8' },
    });
    victim = await harness.createAccount({ credits: 100 });
    attacker = await harness.createAccount({ credits: 100, concurrency: 100 });
    client = apiClient(harness.baseUrl, attacker.apiKey);
    const victimClient = apiClient(harness.baseUrl, victim.apiKey);
    const upload = await victimClient.upload(await texturedCubeGlb(), 'cube.glb');
    victimFileToken = upload.body.data.image_token;
    victimTaskId = (
      await victimClient.createTask({ type: 'import_model', file: { type: 'glb', file_token: victimFileToken } })
    ).body.data.task_id;
    await harness.drainQueue();
    victimDownload = (await victimClient.getTask(victimTaskId)).body.data.output.model;
    global.gc?.();
    baselineRssMb = process.memoryUsage().rss / 1e6;
    peakRssMb = baselineRssMb;
    sampler = setInterval(() => {
      peakRssMb = Math.max(peakRssMb, process.memoryUsage().rss / 1e6);
    }, 20);
  });
  afterAll(async () => {
    clearInterval(sampler);
    console.log(
      `hostile inputs: ${outcomes.length} tried; RSS baseline ${baselineRssMb.toFixed(0)} MB, peak ${peakRssMb.toFixed(0)} MB\n` +
        outcomes.map((entry) => `  ${entry.input.padEnd(60)} ${entry.outcome}`).join('\n'),
    );
    await harness.close();
  });

  async function expectServerUp(): Promise<void> {
    const health = await fetch(`${harness.baseUrl}/health`);
    expect(health.status).toBe(200);
  }

  /** Upload, then (if accepted) use it in a task; any acceptance must end in a failed, uncharged task. */
  async function throwFile(
    file: HostileModel,
    taskOf: (fileToken: string, format: string) => unknown,
  ): Promise<string> {
    const upload = await client.upload(file.bytes, file.fileName);
    if (upload.status !== 200) {
      expect(
        isClearRefusal(upload),
        `${file.name}: upload answered ${upload.status} ${JSON.stringify(upload.body)}`,
      ).toBe(true);
      return `upload refused: ${upload.status} / ${upload.body.code}`;
    }
    const created = await client.createTask(taskOf(upload.body.data.image_token, upload.body.data.type));
    if (created.status !== 200) {
      expect(
        isClearRefusal(created),
        `${file.name}: create answered ${created.status} ${JSON.stringify(created.body)}`,
      ).toBe(true);
      return `task refused: ${created.status} / ${created.body.code}`;
    }
    await harness.drainQueue();
    const task = (await client.getTask(created.body.data.task_id)).body.data;
    if (file.harmlessIfImported && task.status === 'success') {
      // nothing outside the upload was read: the model is made of the upload's own vertices only
      expect(task.output.model_stats?.vertexCount, file.name).toBeLessThanOrEqual(24);
      return 'imported; nothing outside the upload was read';
    }
    expect(task.status, `${file.name}: ${JSON.stringify(task)}`).toBe('failed');
    expect(task.error_code, file.name).toBeTypeOf('number');
    expect(task.error_msg, file.name).toMatch(/\w{4,}.*not charged/);
    expect(task.consumed_credit).toBe(0);
    return `task failed: ${task.error_code} ${task.error_msg.slice(0, 60)}`;
  }

  it('refuses malformed, truncated and out-reaching models clearly, or fails their task with a clear error', async () => {
    const models = await hostileModels();
    expect(models.length).toBeGreaterThanOrEqual(30);
    for (const model of models) {
      const outcome = await throwFile(model, (fileToken, format) => ({
        type: 'import_model',
        file: { type: format ?? 'glb', file_token: fileToken },
      }));
      outcomes.push({ input: model.name, outcome });
      await expectServerUp();
    }
    expect((await client.balance()).body.data).toEqual({ balance: 100, frozen: 0 });
  });

  it('never expands archive and image bombs', async () => {
    for (const bomb of [...archiveBombs(), ...imageBombs()]) {
      const outcome = await throwFile(bomb, (fileToken, format) =>
        bomb.fileName.match(/\.(png|jpg|webp)$/)
          ? { type: 'image_to_model', file: { type: format ?? 'png', file_token: fileToken } }
          : { type: 'import_model', file: { type: format ?? 'glb', file_token: fileToken } },
      );
      outcomes.push({ input: bomb.name, outcome });
      await expectServerUp();
    }
    expect(peakRssMb - baselineRssMb).toBeLessThan(MEMORY_BOUND_MB);
    expect((await client.balance()).body.data).toEqual({ balance: 100, frozen: 0 });
  });

  it('answers hostile requests with a clear 4xx', async () => {
    const deepArray = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    let deepObject = '"x"';
    for (let depth = 0; depth < 5_000; depth += 1) deepObject = `{"a":${deepObject}}`;
    const forgedLink = victimDownload.replace(/signature=[^&]+/, `signature=${'A'.repeat(43)}`);
    const expiredLink = victimDownload.replace(/expires=\d+/, 'expires=1000000000');
    // Prompts are text: a served text type may accept them (then the task must end cleanly); the rest must be refused.
    const mayCreate = new Set([
      'prompt with a NUL byte',
      'prompt with a lone surrogate',
      'prompt with RTL override and zero-width joiners',
    ]);
    const requests: [string, () => Promise<ApiResponse>][] = [
      [
        'JSON body of 25 MB',
        () =>
          client.send('POST', '/v2/openapi/task', {
            rawBody: `{"type":"text_to_model","prompt":"${'a'.repeat(25 * 1024 * 1024)}"}`,
          }),
      ],
      ['JSON nested 200,000 arrays deep', () => client.send('POST', '/v2/openapi/task', { rawBody: deepArray })],
      [
        'task body with an object nested 5,000 deep',
        () => client.send('POST', '/v2/openapi/task', { rawBody: `{"type":"import_model","file":${deepObject}}` }),
      ],
      [
        'truncated JSON',
        () => client.send('POST', '/v2/openapi/task', { rawBody: '{"type":"import_model","file":{"type":' }),
      ],
      [
        'text/plain body',
        () =>
          client.send('POST', '/v2/openapi/task', {
            rawBody: 'type=import_model',
            headers: { 'Content-Type': 'text/plain' },
          }),
      ],
      ['no body', () => client.send('POST', '/v2/openapi/task', { headers: { 'Content-Type': 'application/json' } })],
      ['JSON null', () => client.send('POST', '/v2/openapi/task', { rawBody: 'null' })],
      ['JSON array', () => client.send('POST', '/v2/openapi/task', { json: [1, 2, 3] })],
      ['type as a number', () => client.createTask({ type: 123 })],
      ['unknown type', () => client.createTask({ type: 'format_c_drive' })],
      ['file as a string', () => client.createTask({ type: 'import_model', file: 'cube.glb' })],
      [
        'file_token as a Mongo operator',
        () => client.createTask({ type: 'import_model', file: { type: 'glb', file_token: { $ne: null } } }),
      ],
      ['prompt as an array', () => client.createTask({ type: 'text_to_model', prompt: ['a', 'cat'] })],
      ['prompt of 100,000 characters', () => client.createTask({ type: 'text_to_model', prompt: 'a'.repeat(100_000) })],
      [
        'face_limit 1e309 / negative',
        () =>
          client.createTask({
            type: 'convert_model',
            format: 'STL',
            original_model_task_id: victimTaskId,
            face_limit: -1,
          }),
      ],
      [
        '__proto__ pollution attempt',
        () =>
          client.send('POST', '/v2/openapi/task', {
            rawBody:
              '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"type":"import_model"}',
          }),
      ],
      ['prompt with a NUL byte', () => client.createTask({ type: 'text_to_model', prompt: 'a cat\u0000; rm -rf /' })],
      [
        'prompt with a lone surrogate',
        () => client.send('POST', '/v2/openapi/task', { rawBody: '{"type":"text_to_model","prompt":"a \\ud800 cat"}' }),
      ],
      [
        'prompt with RTL override and zero-width joiners',
        () => client.createTask({ type: 'text_to_model', prompt: 'cat\u202egnp.exe\u200d\u200d\ufeff' }),
      ],
      [
        'prompt of 10,000 combining marks',
        () => client.createTask({ type: 'text_to_model', prompt: `a${'\u0301'.repeat(10_000)}` }),
      ],
      [
        'invalid UTF-8 bytes in the body',
        () =>
          fetch(`${harness.baseUrl}/v2/openapi/task`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${attacker.apiKey}`, 'Content-Type': 'application/json' },
            body: new Uint8Array([0x7b, 0x22, 0x74, 0xc0, 0xaf, 0xff, 0x22, 0x7d]),
          }).then(toApiResponse),
      ],
      ['SQL in the task id', () => client.getTask("' OR '1'='1")],
      [
        'SQL in a list filter',
        () => client.send('GET', `/v2/openapi/tasks?status=${encodeURIComponent("success' OR 1=1 --")}`),
      ],
      [
        'SQL in a list cursor',
        () =>
          client.send(
            'GET',
            `/v2/openapi/tasks?cursor=${encodeURIComponent("x' UNION SELECT key_hash FROM api_keys --")}`,
          ),
      ],
      [
        'SQL in the Idempotency-Key',
        () =>
          client.createTask(
            { type: 'import_model', file: { type: 'glb', file_token: "'; DELETE FROM tasks; --" } },
            { 'Idempotency-Key': "'; DROP TABLE tasks; --" },
          ),
      ],
      ['limit as SQL', () => client.send('GET', '/v2/openapi/tasks?limit=1;DROP%20TABLE%20tasks')],
      ['forged download signature', () => fetch(forgedLink).then(toApiResponse)],
      ['expired download signature', () => fetch(expiredLink).then(toApiResponse)],
      ['download without a signature', () => fetch(victimDownload.split('?')[0]).then(toApiResponse)],
      [
        'download with a huge expiry',
        () => fetch(victimDownload.replace(/expires=\d+/, 'expires=99999999999999999999')).then(toApiResponse),
      ],
      [
        'download path traversal',
        () =>
          fetch(
            `${harness.baseUrl}/v2/openapi/downloads/${victimTaskId}/..%2F..%2Ftest.sqlite?expires=9999999999&signature=x`,
          ).then(toApiResponse),
      ],
      ["another tenant's task", () => client.getTask(victimTaskId)],
      [
        "another tenant's file token",
        () => client.createTask({ type: 'import_model', file: { type: 'glb', file_token: victimFileToken } }),
      ],
      [
        "another tenant's task as a source",
        () => client.createTask({ type: 'convert_model', format: 'STL', original_model_task_id: victimTaskId }),
      ],
      ["cancelling another tenant's task", () => client.send('POST', `/v2/openapi/task/${victimTaskId}/cancel`)],
      ['upload with no file part', () => client.send('POST', '/v2/openapi/upload', { form: new FormData() })],
      ['upload of 9 MB over an 8 MB limit', () => client.upload(new Uint8Array(9 * 1024 * 1024), 'big.obj')],
      ['empty upload', () => client.upload(new Uint8Array(0), 'empty.glb')],
    ];
    for (const [name, send] of requests) {
      const response = await send();
      if (mayCreate.has(name) && response.status === 200) {
        await harness.drainQueue();
        const task = (await client.getTask(response.body.data.task_id)).body.data;
        expect(['success', 'failed', 'banned'], `${name}: ${JSON.stringify(task).slice(0, 300)}`).toContain(
          task.status,
        );
        if (task.status !== 'success') expect(task.error_msg, name).toMatch(/\w{4,}/);
        outcomes.push({
          input: name,
          outcome: `accepted; task ${task.status}${task.error_code ? ` (${task.error_code})` : ''}`,
        });
      } else {
        expect(
          isClearRefusal(response),
          `${name}: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`,
        ).toBe(true);
        outcomes.push({ input: name, outcome: `${response.status} / ${response.body.code}` });
      }
      await expectServerUp();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // the tables the SQL fragments named are all still there and the victim's task is intact
    expect((await apiClient(harness.baseUrl, victim.apiKey).getTask(victimTaskId)).body.data.status).toBe('success');
  });

  it('stores unicode edge cases intact when a task is accepted (test-mode key: every type is served)', async () => {
    const testKey = await harness.platform.accounts.createApiKey(attacker.accountId, 'test', 'test');
    const testClient = apiClient(harness.baseUrl, testKey.apiKey);
    for (const prompt of [
      'a cat\u0000 with a NUL',
      'a \ud800 lone surrogate',
      'emoji-free 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u202e override',
      "'; DROP TABLE tasks; --",
    ]) {
      const created = await testClient.createTask({ type: 'text_to_model', prompt });
      expect(created.status, `${JSON.stringify(prompt)}: ${JSON.stringify(created.body)}`).toBe(200);
      const task = (await testClient.getTask(created.body.data.task_id)).body.data;
      // JSON.stringify escapes a lone surrogate (\ud800), so it arrives, and is stored and echoed, as sent
      expect(task.input.prompt).toBe(prompt);
      outcomes.push({
        input: `test-mode prompt ${JSON.stringify(prompt).slice(0, 40)}`,
        outcome: 'accepted, stored intact',
      });
    }
  });

  it('keeps file names from escaping and from breaking headers', async () => {
    const cube = await texturedCubeGlb();
    for (const fileName of [
      '../../../../etc/passwd.glb',
      'a\r\nX-Injected: 1.glb',
      `${'ü'.repeat(5000)}.glb`,
      'con.glb\u0000.exe',
      '..\\..\\windows\\win.ini.glb',
    ]) {
      const upload = await client.upload(cube, fileName);
      expect(upload.status, fileName).toBe(200);
      const [row] = await harness.platform.db
        .selectFrom('files')
        .select(['fileName', 'blobKey'])
        .where('id', '=', upload.body.data.image_token)
        .execute();
      // eslint-disable-next-line no-control-regex -- a NUL in a stored file name is what this test looks for
      expect(row.fileName).not.toMatch(/[/\\\r\n\u0000]/);
      expect(row.fileName.length).toBeLessThanOrEqual(200);
      expect(row.blobKey).toMatch(/^uploads\/[0-9a-f-]+\/[0-9a-f-]+\.glb$/);
      outcomes.push({
        input: `file name ${JSON.stringify(fileName.slice(0, 30))}`,
        outcome: `stored as ${JSON.stringify(row.fileName.slice(0, 30))}`,
      });
    }
    expect(outcomes.length).toBeGreaterThanOrEqual(50);
  });
});

async function toApiResponse(response: Response): Promise<ApiResponse> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, headers: response.headers, body };
}
