// The upstream gateway with two instances of our own server in one test: the gateway forwards convert_model
// to the upstream with the operator's key (the source model goes up through a free import_model), follows it
// to the end, copies the outputs into its own storage under the same keys; an upstream refusal fails the task
// and refunds it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { apiClient } from '../harness/api-client.ts';
import { startTestPlatform, type TestAccount, type TestPlatform } from '../harness/start-test-platform.ts';
import { startRoutedTestPlatform } from './worker-test-kit.ts';

describe('upstream gateway (Tripo-compatible API, here another Polyforge)', () => {
  let upstream: TestPlatform;
  let gateway: TestPlatform;
  let operator: TestAccount;

  beforeAll(async () => {
    upstream = await startTestPlatform({ workers: true });
    // enough for one conversion (5 credits) upstream, so the second one is refused there
    operator = await upstream.createAccount({ credits: 5 });
    gateway = await startRoutedTestPlatform(
      {
        environment: {
          POLYFORGE_UPSTREAM_URL: `${upstream.baseUrl}/v2/openapi`,
          POLYFORGE_UPSTREAM_API_KEY: operator.apiKey,
          POLYFORGE_UPSTREAM_POLL_SECONDS: '0.1',
          // the upstream here is another Polyforge on loopback: its output links pass the address policy only by opt-in
          POLYFORGE_PROVIDER_DOWNLOAD_ALLOW_PRIVATE: '1',
        },
      },
      { routes: [{ task_type: 'convert_model', engine: 'upstream' }] },
    );
  });
  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  async function importedModel(client: ReturnType<typeof apiClient>): Promise<string> {
    const upload = await client.upload(await texturedCubeGlb(), 'cube.glb');
    const imported = await client.createTask({
      type: 'import_model',
      file: { type: 'glb', file_token: upload.body.data.image_token },
    });
    await gateway.drainQueue();
    expect((await client.getTask(imported.body.data.task_id)).body.data.status).toBe('success');
    return imported.body.data.task_id;
  }

  it('forwards the task, follows it, and copies its outputs under the same keys', async () => {
    const customer = apiClient(gateway.baseUrl, (await gateway.createAccount()).apiKey);
    const sourceTaskId = await importedModel(customer);
    const capabilities = await customer.send('GET', '/v2/openapi/capabilities');
    expect(
      capabilities.body.data.task_types.find((entry: { type: string }) => entry.type === 'convert_model'),
    ).toMatchObject({ served: true, engine: 'upstream' });

    const created = await customer.createTask({
      type: 'convert_model',
      format: 'STL',
      original_model_task_id: sourceTaskId,
    });
    expect(created.status).toBe(200);
    await gateway.drainQueue();
    const task = (await customer.getTask(created.body.data.task_id)).body.data;
    expect(task).toMatchObject({ status: 'success', consumed_credit: 5 });
    expect(task.output.model).toMatch(
      new RegExp(`^${gateway.baseUrl}/v2/openapi/downloads/${task.task_id}/model\\.stl\\?`),
    );
    const ours = new Uint8Array(await (await fetch(task.output.model)).arrayBuffer());

    // the upstream ran an import_model (free) and the convert_model, charged to the operator's account there
    const operatorClient = apiClient(upstream.baseUrl, operator.apiKey);
    const upstreamTasks = (await operatorClient.send('GET', '/v2/openapi/tasks?limit=10')).body.data.tasks as {
      type: string;
      status: string;
      task_id: string;
    }[];
    expect(upstreamTasks.map((entry) => [entry.type, entry.status])).toEqual([
      ['convert_model', 'success'],
      ['import_model', 'success'],
    ]);
    const upstreamConvert = (await operatorClient.getTask(upstreamTasks[0].task_id)).body.data;
    const theirs = new Uint8Array(await (await fetch(upstreamConvert.output.model)).arrayBuffer());
    expect(ours.byteLength).toBeGreaterThan(84);
    expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
    expect((await operatorClient.balance()).body.data).toEqual({ balance: 0, frozen: 0 });
    expect((await customer.balance()).body.data).toEqual({ balance: 295, frozen: 0 });
  });

  it('fails and refunds the task when the upstream refuses it (the operator is out of credits there)', async () => {
    const customer = apiClient(gateway.baseUrl, (await gateway.createAccount()).apiKey);
    const sourceTaskId = await importedModel(customer);
    const created = await customer.createTask({
      type: 'convert_model',
      format: 'OBJ',
      original_model_task_id: sourceTaskId,
    });
    await gateway.drainQueue();
    const task = (await customer.getTask(created.body.data.task_id)).body.data;
    expect(task).toMatchObject({ status: 'failed', error_code: 1001, consumed_credit: 0 });
    expect(task.error_msg).toMatch(
      /the upstream API refused the task: the upstream API answered HTTP 403 \(code 2010\)/,
    );
    expect((await customer.balance()).body.data).toEqual({ balance: 300, frozen: 0 });
  });
});
