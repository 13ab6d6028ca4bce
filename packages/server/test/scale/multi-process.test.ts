// Two API/worker instances on one database, as separate processes run them: concurrency limits and balances
// exact under concurrent creates spread over both, each task claimed and run once, each webhook delivery sent
// once, and a link signed by one instance served by the other (one signing secret per deployment).
// On SQLite both instances live in this one Node thread and better-sqlite3 waits for a lock synchronously, so one
// instance waiting would block the other from committing: there the racing parts run within one instance (its
// runners and dispatchers still race), and real separate processes are covered by process-faults.test.ts.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgres } from '../../src/db/open-database.ts';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { apiClient } from '../harness/api-client.ts';
import { auditLedger, auditProblems } from './ledger-audit.ts';
import { startSharedPlatforms, type SharedPlatforms } from './shared-database-platforms.ts';

describe('several processes on one database', () => {
  let shared: SharedPlatforms;
  let cube: Uint8Array;
  beforeAll(async () => {
    shared = await startSharedPlatforms(2, {
      environment: { POLYFORGE_RATE_LIMIT_PER_MINUTE: '0', POLYFORGE_OUTBOUND_ALLOWED_NETWORKS: '127.0.0.1/32' },
    });
    cube = await texturedCubeGlb();
  });
  afterAll(() => shared.close());

  const clients = (apiKey: string) => shared.instances.map((instance) => apiClient(instance.baseUrl, apiKey));
  /** the instances that race: both on PostgreSQL, the first only on SQLite (see the header) */
  const racing = () => (isPostgres(shared.instances[0].platform.db) ? shared.instances : shared.instances.slice(0, 1));

  async function importedCube(apiKey: string): Promise<string> {
    const [first] = clients(apiKey);
    const upload = await first.upload(cube, 'cube.glb');
    const taskId = (
      await first.createTask({ type: 'import_model', file: { type: 'glb', file_token: upload.body.data.image_token } })
    ).body.data.task_id;
    while (await shared.instances[0].platform.runWorkerOnce());
    return taskId;
  }

  it('keeps the concurrency limit and the balance exact under concurrent creates on both', async () => {
    const limited = await shared.createAccount({ credits: 1000, concurrency: 3 });
    const source = await importedCube(limited.apiKey);
    const body = { type: 'convert_model', format: 'STL', original_model_task_id: source };
    const both = clients(limited.apiKey).slice(0, racing().length);
    const limitedStatuses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        both[index % both.length].createTask(body).then((response) => response.status),
      ),
    );
    expect(limitedStatuses.filter((status) => status === 200)).toHaveLength(3);
    expect(limitedStatuses.filter((status) => status === 429)).toHaveLength(17);

    // credits for exactly four conversions (5 each), no concurrency limit in the way
    const poor = await shared.createAccount({ credits: 20, concurrency: 100 });
    const poorSource = await importedCube(poor.apiKey);
    const poorBoth = clients(poor.apiKey).slice(0, racing().length);
    const poorStatuses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        poorBoth[index % poorBoth.length]
          .createTask({ ...body, original_model_task_id: poorSource })
          .then((response) => response.status),
      ),
    );
    expect(poorStatuses.filter((status) => status === 200)).toHaveLength(4);
    expect(poorStatuses.filter((status) => status === 403)).toHaveLength(16); // 2010: not enough credits
    expect((await clients(poor.apiKey)[1].balance()).body.data).toEqual({ balance: 0, frozen: 20 });
    expect(auditProblems(await auditLedger(shared.instances[0].platform.db), { drained: false })).toEqual([]);
  });

  it('keeps each account exact when many accounts create on both at once, in opposite orders', async () => {
    // each account bound by its limit, its balance (5 credits a conversion) or both
    const plans = [
      { concurrency: 2, credits: 1000, accepted: 2 },
      { concurrency: 100, credits: 15, accepted: 3 },
      { concurrency: 3, credits: 1000, accepted: 3 },
      { concurrency: 3, credits: 10, accepted: 2 },
      { concurrency: 2, credits: 10, accepted: 2 },
    ];
    const accounts = [];
    for (const plan of plans) {
      const account = await shared.createAccount({ credits: plan.credits, concurrency: plan.concurrency });
      accounts.push({ plan, account, source: await importedCube(account.apiKey) });
    }
    // the first instance goes through the accounts in id order, the second in reverse: the account locks of the
    // two instances' batches are still taken in one order, so they wait for each other and never deadlock
    const byId = [...accounts].sort((a, b) => a.account.accountId.localeCompare(b.account.accountId));
    const orders = [byId, [...byId].reverse()].slice(0, racing().length);
    const responses = await Promise.all(
      Array.from({ length: 8 }).flatMap(() =>
        orders.flatMap((order, instanceIndex) =>
          order.map(({ account, source }) =>
            apiClient(shared.instances[instanceIndex].baseUrl, account.apiKey)
              .createTask({ type: 'convert_model', format: 'STL', original_model_task_id: source })
              .then((response) => ({ accountId: account.accountId, status: response.status })),
          ),
        ),
      ),
    );
    expect(responses.filter((response) => response.status >= 500)).toEqual([]);
    for (const { plan, account } of accounts) {
      const own = responses.filter((response) => response.accountId === account.accountId);
      expect(own.filter((response) => response.status === 200)).toHaveLength(plan.accepted);
      expect((await clients(account.apiKey)[0].balance()).body.data).toEqual({
        balance: plan.credits - 5 * plan.accepted,
        frozen: 5 * plan.accepted,
      });
    }
    expect(auditProblems(await auditLedger(shared.instances[0].platform.db), { drained: false })).toEqual([]);
  });

  it('runs each task once when both instances claim at the same time', async () => {
    const account = await shared.createAccount({ credits: 1000, concurrency: 50 });
    const source = await importedCube(account.apiKey);
    const [first] = clients(account.apiKey);
    const taskIds: string[] = [];
    for (let index = 0; index < 12; index += 1)
      taskIds.push(
        (await first.createTask({ type: 'convert_model', format: 'STL', original_model_task_id: source })).body.data
          .task_id,
      );
    const runners = racing().flatMap(({ platform }, index) => [
      platform.createRunner(`p${index}-a`),
      platform.createRunner(`p${index}-b`),
    ]);
    const ran = await Promise.all(
      runners.map(async (runner) => {
        let count = 0;
        while (await runner.runOnce()) count += 1;
        return count;
      }),
    );
    expect(ran.reduce((sum, count) => sum + count, 0)).toBe(12);
    const db = shared.instances[0].platform.db;
    const tasks = await db.selectFrom('tasks').select(['status']).where('id', 'in', taskIds).execute();
    expect(tasks.every((task) => task.status === 'success')).toBe(true);
    const jobs = await db.selectFrom('jobs').select(['attempts']).where('id', 'in', taskIds).execute();
    expect(jobs.every((job) => job.attempts === 1)).toBe(true);
    expect(await shared.instances[1].platform.ledger.balance(db, account.accountId)).toEqual({
      balance: 1000 - 12 * 5,
      frozen: 0,
    });
    expect(auditProblems(await auditLedger(db), { drained: true })).toEqual([]);
  });

  it('sends each webhook delivery once when both dispatchers run at the same time', async () => {
    const received: string[] = [];
    const receiver = http.createServer((request, response) => {
      received.push(String(request.headers['tripo-webhook-delivery']));
      setTimeout(() => response.end('ok'), 20);
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const account = await shared.createAccount({ credits: 100, concurrency: 50 });
      const [first] = clients(account.apiKey);
      const hook = await first.send('POST', '/v2/openapi/webhooks', {
        json: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook` },
      });
      expect(hook.status).toBe(200);
      await importedCube(account.apiKey); // queued, running, completed: three events
      const db = shared.instances[0].platform.db;
      const pending = await db
        .selectFrom('webhookDeliveries')
        .select(['id'])
        .where('accountId', '=', account.accountId)
        .execute();
      expect(pending.length).toBe(3);
      await Promise.all(
        racing().flatMap(({ platform }) => [platform.dispatchWebhooksOnce(), platform.dispatchWebhooksOnce()]),
      );
      expect(received.sort()).toEqual(pending.map((delivery) => delivery.id).sort());
    } finally {
      receiver.close();
    }
  });

  it('serves a download link signed by one instance on the other', async () => {
    const account = await shared.createAccount({ credits: 10 });
    const taskId = await importedCube(account.apiKey);
    const [first, second] = shared.instances;
    const link = (await apiClient(first.baseUrl, account.apiKey).getTask(taskId)).body.data.output.model as string;
    const download = await fetch(link.replace(first.baseUrl, second.baseUrl));
    expect(download.status).toBe(200);
    expect(new TextDecoder().decode(new Uint8Array(await download.arrayBuffer()).subarray(0, 4))).toBe('glTF');
  });
});
