// The fast paths of polling and creating, end to end: a finished task is served from memory for at most a second
// (a change made by another instance shows within that bound), never to another account, with links signed anew
// each second; queue positions are fresh; creates that share a commit keep every limit and balance exact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { apiClient } from '../harness/api-client.ts';
import { ManualClock, startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import { auditLedger, auditProblems } from '../scale/ledger-audit.ts';
import { startSharedPlatforms } from '../scale/shared-database-platforms.ts';

const DAY_SECONDS = 24 * 3600;

describe('task read and create fast paths', () => {
  const clock = new ManualClock(Date.UTC(2026, 10, 5, 9, 0, 0, 250));
  let platform: TestPlatform;
  let cubeGlb: Uint8Array;
  beforeAll(async () => {
    platform = await startTestPlatform({ clock, environment: { POLYFORGE_RATE_LIMIT_PER_MINUTE: '0' } });
    cubeGlb = await texturedCubeGlb();
  });
  afterAll(() => platform.close());

  async function importedCube(client: ReturnType<typeof apiClient>): Promise<string> {
    const upload = await client.upload(cubeGlb, 'cube.glb');
    const created = await client.createTask({
      type: 'import_model',
      file: { type: 'glb', file_token: upload.body.data.image_token },
    });
    expect(created.status).toBe(200);
    await platform.drainQueue();
    return created.body.data.task_id;
  }

  it('signs the links of a finished task anew each second, with the full TTL, and reuses them within one', async () => {
    const account = await platform.createAccount();
    const client = apiClient(platform.baseUrl, account.apiKey);
    const taskId = await importedCube(client);
    const first = await client.getTask(taskId);
    const again = await client.getTask(taskId);
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(again.body).toEqual(first.body);
    const expiresOf = (url: string) => Number(new URL(url).searchParams.get('expires'));
    expect(expiresOf(first.body.data.output.model)).toBe(Math.floor(clock.nowMs() / 1000) + 60);

    clock.advanceSeconds(1);
    const next = await client.getTask(taskId);
    expect(expiresOf(next.body.data.output.model)).toBe(Math.floor(clock.nowMs() / 1000) + 60);
    expect(new URL(next.body.data.output.model).searchParams.get('signature')).not.toBe(
      new URL(first.body.data.output.model).searchParams.get('signature'),
    );
    expect({ ...next.body.data, output: undefined }).toEqual({ ...first.body.data, output: undefined });
    expect((await fetch(next.body.data.output.model)).status).toBe(200);
    expect((await fetch(next.body.data.output.rendered_image)).status).toBe(200);
  });

  it("never serves a cached task to another account, by id or as a convert's source", async () => {
    const owner = await platform.createAccount();
    const stranger = apiClient(platform.baseUrl, (await platform.createAccount()).apiKey);
    const ownerClient = apiClient(platform.baseUrl, owner.apiKey);
    const taskId = await importedCube(ownerClient);
    expect((await ownerClient.getTask(taskId)).body.data.status).toBe('success'); // now in the cache
    for (const id of [taskId, taskId.toUpperCase()]) {
      const read = await stranger.getTask(id);
      expect(read.status).toBe(404);
      expect(read.body.code).toBe(2001);
    }
    const convert = await stranger.createTask({ type: 'convert_model', format: 'STL', original_model_task_id: taskId });
    expect(convert.body.code).toBe(2001);
    expect((await stranger.balance()).body.data).toEqual({ balance: 300, frozen: 0 });
  });

  it('reports the queue position of each queued task, fresh on every poll', async () => {
    const client = apiClient(platform.baseUrl, (await platform.createAccount()).apiKey);
    const source = await importedCube(client);
    const ids: string[] = [];
    for (let index = 0; index < 4; index += 1)
      ids.push(
        (await client.createTask({ type: 'convert_model', format: 'OBJ', original_model_task_id: source })).body.data
          .task_id,
      );
    const positions = async () => Promise.all(ids.map(async (id) => (await client.getTask(id)).body.data.queuing_num));
    expect(await positions()).toEqual([0, 1, 2, 3]);
    expect(await platform.platform.runWorkerOnce()).toBe(true);
    const [done, ...rest] = await Promise.all(ids.map(async (id) => (await client.getTask(id)).body.data));
    expect(done).toMatchObject({ status: 'success', queuing_num: -1 });
    expect(rest.map((task) => [task.status, task.queuing_num])).toEqual([
      ['queued', 0],
      ['queued', 1],
      ['queued', 2],
    ]);
    await platform.drainQueue();
  });

  it('keeps limits and balances exact for several accounts whose creates share commits', async () => {
    const rich = await platform.createAccount({ credits: 1000, concurrency: 100 });
    const poor = await platform.createAccount({ credits: 12, concurrency: 100 }); // two conversions of 5
    const limited = await platform.createAccount({ credits: 1000, concurrency: 3 });
    const accounts = [rich, poor, limited].map((account) => ({
      account,
      client: apiClient(platform.baseUrl, account.apiKey),
    }));
    const sources = await Promise.all(accounts.map(({ client }) => importedCube(client)));
    const responses = await Promise.all(
      Array.from({ length: 36 }, (_, index) => {
        const which = index % 3;
        return accounts[which].client
          .createTask({ type: 'convert_model', format: 'STL', original_model_task_id: sources[which] })
          .then((response) => ({ which, response }));
      }),
    );
    const outcome = (which: number) =>
      responses
        .filter((entry) => entry.which === which)
        .map(({ response }) => `${response.status}/${response.body.code}`);
    expect(outcome(0).filter((value) => value === '200/0')).toHaveLength(12);
    expect(outcome(1).filter((value) => value === '200/0')).toHaveLength(2);
    expect(outcome(1).filter((value) => value === '403/2010')).toHaveLength(10);
    expect(outcome(2).filter((value) => value === '200/0')).toHaveLength(3);
    expect(outcome(2).filter((value) => value === '429/2000')).toHaveLength(9);
    expect((await accounts[0].client.balance()).body.data).toEqual({ balance: 940, frozen: 60 });
    expect((await accounts[1].client.balance()).body.data).toEqual({ balance: 2, frozen: 10 });
    expect((await accounts[2].client.balance()).body.data).toEqual({ balance: 985, frozen: 15 });
    const db = platform.platform.db;
    for (const [index, expected] of [12, 2, 3].entries()) {
      const accountId = accounts[index].account.accountId;
      const jobs = await db
        .selectFrom('jobs')
        .select('id')
        .where('accountId', '=', accountId)
        .where('status', '=', 'queued')
        .execute();
      expect(jobs).toHaveLength(expected);
      const row = await db
        .selectFrom('accounts')
        .select('activeTasks')
        .where('id', '=', accountId)
        .executeTakeFirstOrThrow();
      expect(row.activeTasks).toBe(expected);
    }
    expect(auditProblems(await auditLedger(db), { drained: false })).toEqual([]);
    await platform.drainQueue();
    expect(auditProblems(await auditLedger(db), { drained: true })).toEqual([]);
  });
});

describe('a finished task changed by another instance', () => {
  it('shows the change within the one-second cache bound', async () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 6, 9, 0, 0));
    const shared = await startSharedPlatforms(2, {
      clock,
      environment: { POLYFORGE_RETENTION_DAYS: '1', POLYFORGE_RATE_LIMIT_PER_MINUTE: '0' },
    });
    try {
      const [sweeping, polling] = shared.instances;
      const account = await shared.createAccount({ credits: 100 });
      const sweepingClient = apiClient(sweeping.baseUrl, account.apiKey);
      const pollingClient = apiClient(polling.baseUrl, account.apiKey);
      const cube = await texturedCubeGlb();
      const upload = await sweepingClient.upload(cube, 'cube.glb');
      const taskId = (
        await sweepingClient.createTask({
          type: 'import_model',
          file: { type: 'glb', file_token: upload.body.data.image_token },
        })
      ).body.data.task_id;
      while (await sweeping.platform.runWorkerOnce());

      clock.advanceSeconds(2 * DAY_SECONDS); // past the retention period, not swept yet
      expect((await pollingClient.getTask(taskId)).body.data.status).toBe('success');
      expect((await sweeping.platform.sweepRetentionOnce()).tasksExpired).toBe(1);
      expect((await sweepingClient.getTask(taskId)).body.data.status).toBe('expired');
      // the polling instance read it less than a second ago: it may still answer from memory ...
      clock.advanceSeconds(0.999);
      expect((await pollingClient.getTask(taskId)).body.data.status).toBe('success');
      // ... and not after that
      clock.advanceSeconds(0.001);
      const read = await pollingClient.getTask(taskId);
      expect(read.body.data.status).toBe('expired');
      expect(read.body.data.output).toEqual({});
    } finally {
      await shared.close();
    }
  });
});
