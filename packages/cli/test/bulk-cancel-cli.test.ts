// Cancelling a backlog in one go: POST /v2/openapi/tasks/cancel with the list filters, and `polyforge task cancel
// --all` over it, against the real server (workers off, so the tasks wait in the queue). Every hold is released.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { apiClient } from '../../server/test/harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../../server/test/harness/start-test-platform.ts';
import { runCli } from './run-cli.ts';

describe('bulk cancel by filter', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ environment: { POLYFORGE_RATE_LIMIT_PER_MINUTE: '0' } });
  });
  afterAll(() => platform.close());

  it('cancels the queued tasks a filter matches through the API, and the rest with the CLI', async () => {
    const account = await platform.createAccount({ credits: 1000, concurrency: 50 });
    const client = apiClient(platform.baseUrl, account.apiKey);
    const created: string[] = [];
    for (const colour of ['red', 'blue', 'green', 'white', 'black', 'yellow']) {
      const task = await client.createTask({ type: 'text_to_model', prompt: `a ${colour} chair` });
      expect(task.body, colour).toMatchObject({ code: 0 });
      created.push(task.body.data.task_id);
    }
    const upload = await client.upload(await texturedCubeGlb(), 'cube.glb');
    created.push(
      (
        await client.createTask({
          type: 'import_model',
          file: { type: 'glb', file_token: upload.body.data.image_token },
        })
      ).body.data.task_id,
    );
    const held = (await client.balance()).body.data.frozen;
    expect(held).toBeGreaterThan(0);

    const refused = await client.send('POST', '/v2/openapi/tasks/cancel', { json: { status: 'success' } });
    expect(refused.status).toBe(400);
    const byType = await client.send('POST', '/v2/openapi/tasks/cancel', { json: { type: 'text_to_model', limit: 4 } });
    expect(byType.body.data).toMatchObject({ matched: 4, cancelled: 4, cancellation_requested: 0, has_more: true });
    // oldest first
    expect(byType.body.data.task_ids).toEqual(created.slice(0, 4));

    const cli = await runCli(['--json', 'task', 'cancel', '--all', '--status', 'queued'], {
      env: { POLYFORGE_BASE_URL: platform.baseUrl, POLYFORGE_API_KEY: account.apiKey },
    });
    expect(cli.exitCode, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ matched: 3, cancelled: 3, cancellationRequested: 0 });
    for (const taskId of created) expect((await client.getTask(taskId)).body.data.status).toBe('cancelled');
    expect((await client.balance()).body.data).toEqual({ balance: 1000, frozen: 0 });

    // another account's tasks are never matched
    const other = apiClient(platform.baseUrl, (await platform.createAccount({ credits: 100 })).apiKey);
    const theirs = (await other.createTask({ type: 'text_to_model', prompt: 'a lamp' })).body.data.task_id;
    expect((await client.send('POST', '/v2/openapi/tasks/cancel', { json: {} })).body.data.matched).toBe(0);
    expect((await other.getTask(theirs)).body.data.status).toBe('queued');
  });
});
