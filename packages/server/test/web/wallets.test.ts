// The two wallets: a Studio task never touches API credits and an API task never touches Studio credits, in the
// ledger and end to end through both front doors; Studio's own price list; the volume discount on API prices.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { apiClient } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import { uniqueEmail, WebClient } from './web-client.ts';

describe('wallet separation', () => {
  let harness: TestPlatform;
  let priceFile: string;
  let cubeGlb: Uint8Array;
  beforeAll(async () => {
    priceFile = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-studio-prices-')), 'prices.json');
    await fs.writeFile(priceFile, JSON.stringify({ percent_of_api_price: 150, task_types: { animate_rig: 40 } }));
    // no Studio trial here: each Studio credit these tests count is one they grant (studio-trial.test.ts covers the trial)
    harness = await startTestPlatform({
      environment: { POLYFORGE_STUDIO_PRICES_FILE: priceFile, POLYFORGE_STUDIO_TRIAL_CREDITS: '0' },
    });
    cubeGlb = await texturedCubeGlb();
  });
  afterAll(async () => {
    await harness.close();
    await fs.rm(path.dirname(priceFile), { recursive: true, force: true });
  });

  const ledger = () => harness.platform.ledger;
  const db = () => harness.platform.db;
  const balances = async (accountId: string) => ({
    api: await ledger().balance(db(), accountId, 'api'),
    studio: await ledger().balance(db(), accountId, 'studio'),
  });

  it('holds, captures and releases within one wallet only', async () => {
    const account = await harness.createAccount({ credits: 100 });
    await harness.platform.onboarding.grantCredits(account.accountId, 50, undefined, 'studio');
    const hold = (taskId: string, credits: number, wallet: 'api' | 'studio') =>
      db()
        .transaction()
        .execute((trx) => ledger().hold(trx, account.accountId, taskId, credits, wallet));

    await hold('studio-1', 30, 'studio');
    expect(await balances(account.accountId)).toEqual({
      api: { balance: 100, frozen: 0 },
      studio: { balance: 20, frozen: 30 },
    });
    // 100 API credits are there, but a Studio hold cannot reach them
    await expect(hold('studio-2', 30, 'studio')).rejects.toMatchObject({
      errorName: 'insufficientCredits',
      message: expect.stringContaining("studio wallet's balance is 20"),
    });
    await hold('api-1', 60, 'api');
    expect(await balances(account.accountId)).toEqual({
      api: { balance: 40, frozen: 60 },
      studio: { balance: 20, frozen: 30 },
    });

    expect(
      await db()
        .transaction()
        .execute((trx) => ledger().capture(trx, 'studio-1')),
    ).toBe(30);
    expect(
      await db()
        .transaction()
        .execute((trx) => ledger().release(trx, 'api-1', 'failed')),
    ).toBe(60);
    expect(await balances(account.accountId)).toEqual({
      api: { balance: 100, frozen: 0 },
      studio: { balance: 20, frozen: 0 },
    });

    const entries = await db()
      .selectFrom('ledgerEntries')
      .select(['entryType', 'credits', 'wallet', 'taskId'])
      .where('accountId', '=', account.accountId)
      .orderBy('id')
      .execute();
    expect(entries.filter((entry) => entry.taskId === 'studio-1').map((entry) => entry.wallet)).toEqual([
      'studio',
      'studio',
    ]);
    expect(entries.filter((entry) => entry.taskId === 'api-1').map((entry) => entry.wallet)).toEqual(['api', 'api']);
    // per wallet, the history reconciles: grants - captures = balance + frozen
    for (const wallet of ['api', 'studio'] as const) {
      const sum = (type: string) =>
        entries
          .filter((entry) => entry.wallet === wallet && entry.entryType === type)
          .reduce((total, entry) => total + entry.credits, 0);
      const balance = (await balances(account.accountId))[wallet];
      expect(sum('grant') - sum('capture')).toBe(balance.balance + balance.frozen);
    }
  });

  it('pays Studio tasks from the Studio wallet at Studio prices and API tasks from the API wallet, end to end', async () => {
    const browser = new WebClient(harness.baseUrl);
    const email = uniqueEmail('wallets');
    const { apiKey } = await browser.signUp(email);
    const accountId = (
      await harness.platform.db.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirstOrThrow()
    ).id;
    const api = apiClient(harness.baseUrl, apiKey);

    const upload = await api.upload(cubeGlb, 'cube.glb');
    const imported = await api.createTask({
      type: 'import_model',
      file: { type: 'glb', file_token: upload.body.data.image_token },
    });
    await harness.drainQueue();
    const sourceTaskId = imported.body.data.task_id;
    const convert = { type: 'convert_model', original_model_task_id: sourceTaskId, format: 'STL' };

    // API price 5; Studio price 150% of it, rounded
    await browser.get('/studio');
    const studioQuote = await browser.postJson('/studio/api/quote', convert);
    expect(JSON.parse(studioQuote.text).data).toMatchObject({ credits: 8, available: true });
    expect((await api.quote(convert)).body.data).toMatchObject({ credits: 5 });

    // no Studio credits yet: refused with 2010, and the 300 API trial credits stay where they are
    const refused = await browser.postJson('/studio/api/tasks', convert);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text)).toMatchObject({ code: 2010 });
    expect(await balances(accountId)).toEqual({ api: { balance: 300, frozen: 0 }, studio: { balance: 0, frozen: 0 } });

    await harness.platform.onboarding.grantCredits(accountId, 20, undefined, 'studio');
    const studioTask = JSON.parse((await browser.postJson('/studio/api/tasks', convert)).text).data.task_id;
    expect(await balances(accountId)).toEqual({ api: { balance: 300, frozen: 0 }, studio: { balance: 12, frozen: 8 } });
    await harness.drainQueue();
    expect(await balances(accountId)).toEqual({ api: { balance: 300, frozen: 0 }, studio: { balance: 12, frozen: 0 } });
    expect((await api.getTask(studioTask)).body.data).toMatchObject({ status: 'success', consumed_credit: 8 });

    const apiTask = (await api.createTask(convert)).body.data.task_id;
    await harness.drainQueue();
    expect(await balances(accountId)).toEqual({ api: { balance: 295, frozen: 0 }, studio: { balance: 12, frozen: 0 } });
    expect((await api.balance()).body.data).toEqual({ balance: 295, frozen: 0 }); // the V2 balance is the API wallet

    const rows = await harness.platform.db
      .selectFrom('tasks')
      .select(['id', 'wallet'])
      .where('accountId', '=', accountId)
      .execute();
    expect(Object.fromEntries(rows.map((row) => [row.id, row.wallet]))).toMatchObject({
      [studioTask]: 'studio',
      [apiTask]: 'api',
      [sourceTaskId]: 'api',
    });
    const history = await browser.get('/dashboard/history?wallet=studio');
    expect(history.text).toContain(studioTask.slice(0, 8));
    expect(history.text).not.toContain(apiTask.slice(0, 8));
    expect(history.text).toContain('badge-studio');
  });

  it('refunds a failed Studio task to the Studio wallet', async () => {
    const browser = new WebClient(harness.baseUrl);
    const email = uniqueEmail('refund');
    const { apiKey } = await browser.signUp(email);
    const accountId = (
      await harness.platform.db.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirstOrThrow()
    ).id;
    await harness.platform.onboarding.grantCredits(accountId, 10, undefined, 'studio');
    const api = apiClient(harness.baseUrl, apiKey);
    const upload = await api.upload(cubeGlb, 'cube.glb');
    const imported = (
      await api.createTask({ type: 'import_model', file: { type: 'glb', file_token: upload.body.data.image_token } })
    ).body.data.task_id;
    await harness.drainQueue();
    await browser.get('/studio');
    const taskId = JSON.parse(
      (
        await browser.postJson('/studio/api/tasks', {
          type: 'convert_model',
          original_model_task_id: imported,
          format: 'GLB',
        })
      ).text,
    ).data.task_id;
    // the source model disappears before the worker runs: the task fails and is refunded to its wallet
    const source = await harness.platform.db
      .selectFrom('tasks')
      .select('outputJson')
      .where('id', '=', imported)
      .executeTakeFirstOrThrow();
    await harness.platform.db.updateTable('tasks').set({ outputJson: '{}' }).where('id', '=', imported).execute();
    await harness.drainQueue();
    await harness.platform.db
      .updateTable('tasks')
      .set({ outputJson: source.outputJson })
      .where('id', '=', imported)
      .execute();
    expect((await api.getTask(taskId)).body.data.status).toBe('failed');
    expect(await balances(accountId)).toEqual({ api: { balance: 300, frozen: 0 }, studio: { balance: 10, frozen: 0 } });
  });

  it('takes the volume discount off API quotes and charges, rounded down, and leaves Studio prices alone', async () => {
    const browser = new WebClient(harness.baseUrl);
    const email = uniqueEmail('discount');
    const { apiKey } = await browser.signUp(email);
    const accountId = (
      await harness.platform.db.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirstOrThrow()
    ).id;
    const api = apiClient(harness.baseUrl, apiKey);
    expect((await api.quote({ type: 'text_to_model', prompt: 'a teapot' })).body.data.credits).toBe(20);

    await harness.platform.db
      .updateTable('accounts')
      .set({ volumeDiscountPercent: 15 })
      .where('id', '=', accountId)
      .execute();
    const quote = (await api.quote({ type: 'text_to_model', prompt: 'a teapot' })).body.data;
    expect(quote.credits).toBe(17);
    expect(quote.lines).toContainEqual({ item: 'volume discount (15%)', credits: -3 });
    expect(quote.lines.reduce((sum: number, line: { credits: number }) => sum + line.credits, 0)).toBe(17);

    const upload = await api.upload(cubeGlb, 'cube.glb');
    const imported = (
      await api.createTask({ type: 'import_model', file: { type: 'glb', file_token: upload.body.data.image_token } })
    ).body.data.task_id;
    await harness.drainQueue();
    const convert = { type: 'convert_model', original_model_task_id: imported, format: 'STL' };
    const created = await api.createTask(convert);
    expect(created.status).toBe(200);
    expect(await ledger().balance(db(), accountId)).toEqual({ balance: 296, frozen: 4 }); // 5 less 15% = 4.25 → 4
    await browser.get('/studio');
    expect(JSON.parse((await browser.postJson('/studio/api/quote', convert)).text).data.credits).toBe(8);
    await harness.drainQueue();
  });
});
