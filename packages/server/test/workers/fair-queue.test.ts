// The fair queue: an account with 10,000 queued tasks does not starve the others (start-time fair queuing by
// account), a higher queue priority gets a proportionally larger share, and concurrent claimers never take the
// same job (FOR UPDATE SKIP LOCKED on PostgreSQL).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setQueuePriority } from '../../src/queue/fair-dispatch-rank.ts';
import { apiClient } from '../harness/api-client.ts';
import type { TestPlatform } from '../harness/start-test-platform.ts';
import { registeredWorker, startRoutedTestPlatform } from './worker-test-kit.ts';

describe('fair queue', () => {
  let harness: TestPlatform;

  beforeAll(async () => {
    harness = await startRoutedTestPlatform();
  });
  afterAll(async () => {
    await harness.close();
  });

  async function claimAccounts(queueName: string, count: number): Promise<string[]> {
    const { db, queue } = harness.platform;
    const claimed: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const job = await db.transaction().execute((trx) => queue.claim(trx, `claimer-${index}`, [queueName]));
      if (!job) break;
      claimed.push(job.accountId);
    }
    return claimed;
  }

  it('dispatches the tasks of B and C within the first claims while A has 10,000 queued', async () => {
    const { db, queue } = harness.platform;
    const [a, b, c] = await Promise.all([harness.createAccount(), harness.createAccount(), harness.createAccount()]);
    await db.transaction().execute((trx) =>
      queue.enqueueMany(
        trx,
        a.accountId,
        Array.from({ length: 10_000 }, () => ({ id: randomUUID() })),
        'fairness',
      ),
    );
    for (const account of [b, c, b, c])
      await db
        .transaction()
        .execute((trx) =>
          queue.enqueue(trx, { id: randomUUID(), accountId: account.accountId, queueName: 'fairness' }),
        );
    const claimed = await claimAccounts('fairness', 12);
    const position = (accountId: string) =>
      claimed.reduce<number[]>((found, candidate, index) => (candidate === accountId ? [...found, index] : found), []);
    expect(position(b.accountId)).toHaveLength(2);
    expect(position(c.accountId)).toHaveLength(2);
    expect(Math.max(...position(b.accountId), ...position(c.accountId))).toBeLessThan(8);
    expect(claimed.filter((accountId) => accountId === a.accountId).length).toBeGreaterThanOrEqual(8);
    const left = await db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('queueName', '=', 'fairness')
      .where('status', '=', 'queued')
      .executeTakeFirstOrThrow();
    expect(Number(left.count)).toBe(10_004 - 12);
  });

  it('gives an account of priority 4 four claims for each claim of a priority-1 account', async () => {
    const { db, queue } = harness.platform;
    const [enterprise, standard] = await Promise.all([harness.createAccount(), harness.createAccount()]);
    await setQueuePriority(db, enterprise.accountId, 4);
    await expect(setQueuePriority(db, standard.accountId, 0)).rejects.toThrow(/from 1 to 100/);
    for (const account of [standard, enterprise]) {
      await db.transaction().execute((trx) =>
        queue.enqueueMany(
          trx,
          account.accountId,
          Array.from({ length: 50 }, () => ({ id: randomUUID() })),
          'priority',
        ),
      );
    }
    const claimed = await claimAccounts('priority', 25);
    const enterpriseClaims = claimed.filter((accountId) => accountId === enterprise.accountId).length;
    expect(enterpriseClaims).toBeGreaterThanOrEqual(19);
    expect(enterpriseClaims).toBeLessThanOrEqual(21);
  });

  it('never gives one job to two concurrent claimers', async () => {
    const { db, queue } = harness.platform;
    const accounts = await Promise.all([harness.createAccount(), harness.createAccount(), harness.createAccount()]);
    for (const account of accounts) {
      await db.transaction().execute((trx) =>
        queue.enqueueMany(
          trx,
          account.accountId,
          Array.from({ length: 20 }, () => ({ id: randomUUID() })),
          'concurrent',
        ),
      );
    }
    const claims = await Promise.all(
      Array.from({ length: 8 }, async (_, claimer) => {
        const taken: string[] = [];
        for (;;) {
          const job = await db.transaction().execute((trx) => queue.claim(trx, `claimer-${claimer}`, ['concurrent']));
          if (!job) return taken;
          taken.push(job.id);
        }
      }),
    );
    const all = claims.flat();
    expect(all).toHaveLength(60);
    expect(new Set(all).size).toBe(60);
  });

  it('serves a late account next through the API and the worker protocol, with its queue position', async () => {
    const heavy = await harness.createAccount({ concurrency: 1000, credits: 100_000 });
    const light = await harness.createAccount();
    const heavyClient = apiClient(harness.baseUrl, heavy.apiKey);
    for (let index = 0; index < 40; index += 1)
      expect((await heavyClient.createTask({ type: 'text_to_model', prompt: 'a wooden crate' })).status).toBe(200);
    const lightClient = apiClient(harness.baseUrl, light.apiKey);
    const lightTask = (await lightClient.createTask({ type: 'text_to_model', prompt: 'one small ball' })).body.data
      .task_id;
    // its rank lands next to the head: at most the head and one equal-rank job of the heavy account are ahead
    expect((await lightClient.getTask(lightTask)).body.data.queuing_num).toBeLessThanOrEqual(2);
    const { client, workerId } = await registeredWorker(harness, ['example-mesh']);
    const leased: string[] = [];
    for (let index = 0; index < 3; index += 1) leased.push((await client.lease(workerId)).body.data.lease.task_id);
    expect(leased).toContain(lightTask);
  });
});
