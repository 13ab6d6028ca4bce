// The admin console (admins only: grants, concurrency enforced by the API at once, discount, retention) and the
// history side of the dashboard (filters, paging, CSV, usage chart, task page, downloads, the session's SSE).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebAccounts } from '../../src/accounts/web-accounts.ts';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { apiClient } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import { uniqueEmail, WebClient } from './web-client.ts';

describe('admin console', () => {
  let harness: TestPlatform;
  let admin: WebClient;
  beforeAll(async () => {
    harness = await startTestPlatform({ environment: { POLYFORGE_RETENTION_DAYS: '90' } });
    admin = new WebClient(harness.baseUrl);
    const email = uniqueEmail('admin');
    await admin.signUp(email);
    const webAccounts = new WebAccounts(harness.platform.db, harness.platform.onboarding);
    await webAccounts.setAdmin((await webAccounts.findAccount(email)).id, true);
  });
  afterAll(() => harness.close());

  async function customer() {
    const browser = new WebClient(harness.baseUrl);
    const email = uniqueEmail('customer');
    const { apiKey } = await browser.signUp(email);
    const accountId = (
      await harness.platform.db.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirstOrThrow()
    ).id;
    return { browser, email, apiKey, accountId };
  }

  it('is refused to accounts that are not admins', async () => {
    const { browser, accountId } = await customer();
    for (const path of ['/dashboard/admin', `/dashboard/admin/accounts/${accountId}`]) {
      const page = await browser.get(path);
      expect(page.status).toBe(403);
      expect(page.text).toContain('polyforge accounts set-admin');
    }
    await browser.get('/dashboard');
    expect(
      (await browser.postForm(`/dashboard/admin/accounts/${accountId}/concurrency`, { concurrency: '500' })).status,
    ).toBe(403);
    expect((await harness.platform.accounts.getAccount(accountId)).concurrencyLimit).toBe(10);
    expect((await browser.get('/dashboard')).text).not.toContain('href="/dashboard/admin"');
  });

  it('lists and finds accounts, grants credits to either wallet', async () => {
    const { email, accountId } = await customer();
    const list = await admin.get(`/dashboard/admin?search=${encodeURIComponent(email)}`);
    expect(list.status).toBe(200);
    expect(list.text).toContain(email);
    expect(list.text).toContain('1 account,');

    await admin.get(`/dashboard/admin/accounts/${accountId}`);
    const granted = await admin.postForm(`/dashboard/admin/accounts/${accountId}/grant`, {
      wallet: 'studio',
      credits: '250',
      expires_in_days: '',
    });
    expect(granted.status).toBe(303);
    expect((await admin.get(granted.location!)).text).toContain('Credits granted.');
    await admin.postForm(`/dashboard/admin/accounts/${accountId}/grant`, {
      wallet: 'api',
      credits: '40',
      expires_in_days: '30',
    });
    // 300 of Studio's own trial (granted at sign-up) + 250
    expect(await harness.platform.ledger.balance(harness.platform.db, accountId, 'studio')).toEqual({
      balance: 550,
      frozen: 0,
    });
    expect(await harness.platform.ledger.balance(harness.platform.db, accountId, 'api')).toEqual({
      balance: 340,
      frozen: 0,
    });

    const bad = await admin.postForm(`/dashboard/admin/accounts/${accountId}/grant`, { wallet: 'api', credits: '-5' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('positive integer');
  });

  it('changes the concurrency limit, and the API enforces it on the next create', async () => {
    const { apiKey, accountId } = await customer();
    const api = apiClient(harness.baseUrl, apiKey);
    const upload = await api.upload(await texturedCubeGlb(), 'cube.glb');
    const body = { type: 'import_model', file: { type: 'glb', file_token: upload.body.data.image_token } };
    expect((await api.createTask(body)).status).toBe(200);

    await admin.get(`/dashboard/admin/accounts/${accountId}`);
    expect(
      (await admin.postForm(`/dashboard/admin/accounts/${accountId}/concurrency`, { concurrency: '1' })).status,
    ).toBe(303);
    const refused = await api.createTask(body);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe(2000);

    expect(
      (await admin.postForm(`/dashboard/admin/accounts/${accountId}/concurrency`, { concurrency: '0' })).status,
    ).toBe(400);
    await admin.postForm(`/dashboard/admin/accounts/${accountId}/concurrency`, { concurrency: '2' });
    expect((await api.createTask(body)).status).toBe(200);
    await harness.drainQueue();
  });

  it('sets the volume discount and the data-retention period', async () => {
    const { apiKey, accountId } = await customer();
    const api = apiClient(harness.baseUrl, apiKey);
    await admin.get(`/dashboard/admin/accounts/${accountId}`);
    await admin.postForm(`/dashboard/admin/accounts/${accountId}/discount`, { percent: '10' });
    expect((await api.quote({ type: 'text_to_model', prompt: 'a lamp' })).body.data.credits).toBe(18);
    expect((await admin.postForm(`/dashboard/admin/accounts/${accountId}/discount`, { percent: '120' })).status).toBe(
      400,
    );

    await admin.postForm(`/dashboard/admin/accounts/${accountId}/retention`, { retention_days: '30' });
    expect((await harness.platform.accounts.getDataPolicy(accountId)).retentionDays).toBe(30);
    const page = await admin.get(`/dashboard/admin/accounts/${accountId}`);
    expect(page.text).toContain('Now: 30 days');
    await admin.postForm(`/dashboard/admin/accounts/${accountId}/retention`, { retention_days: '1' });
    expect((await admin.get(`/dashboard/admin/accounts/${accountId}`)).text).toContain('Now: 1 day.');
    await admin.postForm(`/dashboard/admin/accounts/${accountId}/retention`, { retention_days: '' });
    expect((await harness.platform.accounts.getDataPolicy(accountId)).retentionDays).toBeNull();
    expect((await admin.get(`/dashboard/admin/accounts/${accountId}`)).text).toContain('default: 90 days');
  });
});

describe('history, task page and downloads', () => {
  let harness: TestPlatform;
  let browser: WebClient;
  let apiKey: string;
  let importTaskId: string;
  let convertTaskIds: string[];
  beforeAll(async () => {
    harness = await startTestPlatform();
    browser = new WebClient(harness.baseUrl);
    const email = uniqueEmail('history');
    ({ apiKey } = await browser.signUp(email));
    const accountId = (
      await harness.platform.db.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirstOrThrow()
    ).id;
    await harness.platform.accounts.setConcurrencyLimit(accountId, 100);
    const api = apiClient(harness.baseUrl, apiKey);
    const upload = await api.upload(await texturedCubeGlb(), 'cube.glb');
    importTaskId = (
      await api.createTask({ type: 'import_model', file: { type: 'glb', file_token: upload.body.data.image_token } })
    ).body.data.task_id;
    await harness.drainQueue();
    convertTaskIds = [];
    for (const format of ['STL', 'GLB'])
      convertTaskIds.push(
        (await api.createTask({ type: 'convert_model', original_model_task_id: importTaskId, format })).body.data
          .task_id,
      );
    await harness.drainQueue();
    // 25 more queued imports, enough for a second page
    for (let index = 0; index < 25; index += 1)
      await api.createTask({ type: 'import_model', file: { type: 'glb', file_token: upload.body.data.image_token } });
  });
  afterAll(() => harness.close());

  it('pages through every task, newest first, and filters by type, status and wallet', async () => {
    const first = await browser.get('/dashboard/history');
    expect(first.status).toBe(200);
    expect(first.text).toContain('28 tasks, page 1 of 2');
    expect(first.text.match(/href="\/dashboard\/tasks\//g)).toHaveLength(25);
    expect(first.text).toContain('rel="next"');
    const second = await browser.get('/dashboard/history?page=2');
    expect(second.text.match(/href="\/dashboard\/tasks\//g)).toHaveLength(3);
    expect(second.text).toContain(importTaskId.slice(0, 8));

    const converts = await browser.get('/dashboard/history?type=convert_model&status=success');
    expect(converts.text).toContain('2 tasks');
    expect((await browser.get('/dashboard/history?wallet=studio')).text).toContain('No tasks match.');
    const bad = await browser.get('/dashboard/history?status=finished');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('status must be one of');
  });

  it('keeps the filters on every page link, and shows the last page for a page past the end', async () => {
    const first = await browser.get('/dashboard/history?type=import_model');
    expect(first.text).toContain('26 tasks, page 1 of 2');
    expect(first.text).toContain('href="/dashboard/history?type=import_model&amp;page=2" rel="next"');
    const past = await browser.get('/dashboard/history?type=import_model&page=99');
    expect(past.status).toBe(200);
    expect(past.text).toContain('26 tasks, page 2 of 2');
    expect(past.text.match(/href="\/dashboard\/tasks\//g)).toHaveLength(1);
    expect(past.text).toContain('href="/dashboard/history?type=import_model&amp;page=1" rel="prev"');
    expect((await browser.get('/dashboard/history?page=0')).status).toBe(400);
  });

  it('searches prompts and task ids, with the prompt in the page and the CSV (no thumbnail before there is a model)', async () => {
    const searcher = new WebClient(harness.baseUrl);
    const { apiKey: key } = await searcher.signUp(uniqueEmail('search'));
    const api = apiClient(harness.baseUrl, key);
    const ids: Record<string, string> = {};
    for (const prompt of ['a red ceramic teapot', 'a blue ceramic vase', 'a wooden stool 100%_oak']) {
      const created = await api.createTask({ type: 'text_to_model', prompt });
      expect(created.body, prompt).toMatchObject({ code: 0 });
      ids[prompt] = created.body.data.task_id;
    }
    // left queued (draining would run this file's 25 queued imports too): a prompt is searchable from the start
    const ceramic = await searcher.get('/dashboard/history?q=ceramic');
    expect(ceramic.text).toContain('2 tasks, page 1 of 1');
    expect(ceramic.text).toContain('<td class="prompt-cell">a red ceramic teapot</td>');
    expect(ceramic.text).not.toContain('100%_oak');
    expect(ceramic.text).toContain(
      `href="/dashboard/tasks/${ids['a red ceramic teapot']}"><span class="thumbnail thumbnail-empty" aria-hidden="true"></span>`,
    );
    expect(ceramic.text).toContain('id="filter-search" name="q" type="search" maxlength="200" value="ceramic"');
    expect(ceramic.text).toContain('href="/dashboard/history.csv?q=ceramic"');
    expect((await searcher.get('/dashboard/history?q=CERAMIC+teapot')).text).toContain('1 task,');
    // LIKE's wildcards are searched for as they are
    expect((await searcher.get('/dashboard/history?q=%25')).text).toContain('1 task,');
    expect((await searcher.get('/dashboard/history?q=_')).text).toContain('1 task,');
    const byId = await searcher.get(`/dashboard/history?q=${ids['a blue ceramic vase'].slice(0, 8)}`);
    expect(byId.text).toContain('1 task,');
    expect(byId.text).toContain('a blue ceramic vase');
    expect((await searcher.get(`/dashboard/history?q=${'x'.repeat(201)}`)).status).toBe(400);
    const csv = (await searcher.get('/dashboard/history.csv?q=teapot')).text.trim().split('\r\n');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toMatch(/,a red ceramic teapot$/);
    // another account's search finds nothing of these
    expect((await browser.get('/dashboard/history?q=ceramic')).text).toContain('No tasks match.');
  });

  it('charts the credits used per day and task type', async () => {
    const page = await browser.get('/dashboard/history');
    expect(page.text).toContain('data-testid="usage-chart"');
    expect(page.text).toContain('10 credits charged');
    expect(page.text).toMatch(/convert model: 10/);
  });

  it('exports the filtered history as CSV', async () => {
    const csv = await browser.get('/dashboard/history.csv?type=convert_model');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(
      /attachment; filename="polyforge-tasks-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'task_id,type,status,paid_from,client_id,credits_charged,price_credits,created_at,finished_at,test_mode,error_code,prompt',
    );
    expect(lines).toHaveLength(3);
    for (const line of lines.slice(1))
      expect(line).toMatch(/^[0-9a-f-]{36},convert_model,success,api,tcli_[0-9a-f]+,5,5,\d{4}-.*Z,\d{4}-.*Z,false,,$/);
    expect((await browser.get('/dashboard/history.csv')).text.trim().split('\r\n')).toHaveLength(29);
  });

  it('shows a task with its viewer, and downloads through fresh signed links', async () => {
    const page = await browser.get(`/dashboard/tasks/${convertTaskIds[1]}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`data-model-url="/dashboard/tasks/${convertTaskIds[1]}/download/model"`);
    expect(page.text).toMatch(/<script type="module" src="\/dashboard\/assets\/task-page-[A-Z0-9]+\.js"><\/script>/);
    expect(page.text).toContain('&quot;format&quot;: &quot;GLB&quot;');
    const download = await browser.get(`/dashboard/tasks/${convertTaskIds[1]}/download/model`);
    expect(download.status).toBe(303);
    expect(download.location).toMatch(/^\/v2\/openapi\/downloads\/[0-9a-f-]+\/model\.glb\?expires=\d+&signature=/);
    const bytes = new Uint8Array(await (await fetch(harness.baseUrl + download.location)).arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('glTF');
    expect((await browser.get(`/dashboard/tasks/${convertTaskIds[1]}/download/nothing`)).status).toBe(404);

    // only the built, content-hashed assets are served: no source file, nothing from node_modules
    expect((await fetch(`${harness.baseUrl}/dashboard/assets/model-viewer.js`)).status).toBe(404);
    expect((await fetch(`${harness.baseUrl}/dashboard/vendor/three/build/three.module.js`)).status).toBe(404);
    expect((await fetch(`${harness.baseUrl}/dashboard/assets/..%2Fregister-web-routes.ts`)).status).toBe(404);
  });

  it('keeps other accounts out: their tasks read as not found', async () => {
    const stranger = new WebClient(harness.baseUrl);
    await stranger.signUp(uniqueEmail('stranger'));
    expect((await stranger.get(`/dashboard/tasks/${importTaskId}`)).status).toBe(404);
    expect((await stranger.get(`/dashboard/tasks/${importTaskId}/download/model`)).status).toBe(404);
    const json = await stranger.get(`/dashboard/api/tasks/${importTaskId}`);
    expect(json.status).toBe(404);
    expect(JSON.parse(json.text).code).toBe(2001);
    expect((await stranger.get('/dashboard/history')).text).toContain('0 tasks');
  });

  it('follows a task over Server-Sent Events with the web session', async () => {
    const response = await fetch(`${harness.baseUrl}/dashboard/api/tasks/${convertTaskIds[0]}/events`, {
      headers: { cookie: `pf_session=${browser.cookies.get('pf_session')}` },
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const text = await response.text();
    expect(text).toMatch(/^event: finalized\ndata: \{.*"status":"success"/);
    expect((await fetch(`${harness.baseUrl}/dashboard/api/tasks/${convertTaskIds[0]}/events`)).status).toBe(401);
  });
});

describe('API keys page', () => {
  let harness: TestPlatform;
  beforeAll(async () => {
    harness = await startTestPlatform();
  });
  afterAll(() => harness.close());

  it('creates a key shown once (post/redirect/get: a refresh creates nothing), records its use, and revokes it after a confirmation', async () => {
    const browser = new WebClient(harness.baseUrl);
    const email = uniqueEmail('keys');
    await browser.signUp(email);
    const accountId = (
      await harness.platform.db.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirstOrThrow()
    ).id;
    const keyCount = async () => (await harness.platform.accounts.listApiKeys(accountId)).length;
    await browser.get('/dashboard/keys');
    const created = await browser.postForm('/dashboard/keys', { name: 'ci server' });
    expect(created.status).toBe(303);
    expect(created.location).toMatch(/^\/dashboard\/keys\?created=[0-9a-f-]{36}$/);
    expect(created.text).not.toContain('tsk_');
    const shown = await browser.get(created.location!);
    const apiKey = /data-testid="new-api-key">(tsk_[A-Za-z0-9_-]+)</.exec(shown.text)?.[1];
    expect(apiKey).toBeDefined();
    expect(shown.text).toContain('data-copy-target="new-api-key"');
    expect(await keyCount()).toBe(2);
    // the refresh of the page that showed it: the key is not shown again and no other key is made
    const refreshed = await browser.get(created.location!);
    expect(refreshed.text).not.toContain(apiKey!);
    expect(refreshed.text).toContain('was shown once and cannot be shown again');
    expect(await keyCount()).toBe(2);
    expect((await browser.get('/dashboard/keys')).text).not.toContain(apiKey!);
    const test = await browser.postForm('/dashboard/keys', { name: 'sandbox', mode: 'test' });
    expect((await browser.get(test.location!)).text).toMatch(/data-testid="new-api-key">tsk_test_/);
    // a bad name is refused where it was typed; nothing is created
    const unnamed = await browser.postForm('/dashboard/keys', { name: '' });
    expect(unnamed.status).toBe(400);
    expect(await keyCount()).toBe(3);

    const api = apiClient(harness.baseUrl, apiKey);
    expect((await api.balance()).status).toBe(200);
    // the last use is written in the background, right after authentication
    const lastUsed =
      /ci server<\/td>\s*<td><code>tsk_[^<]+…<\/code><\/td>\s*<td>live<\/td>\s*<td>[^<]+<\/td>\s*<td>\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC<\/td>/;
    let keysPage = await browser.get('/dashboard/keys');
    for (let attempt = 0; attempt < 20 && !lastUsed.test(keysPage.text); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      keysPage = await browser.get('/dashboard/keys');
    }
    expect(keysPage.text).toMatch(lastUsed);
    const keyId = new RegExp(`href="/dashboard/keys/([0-9a-f-]+)/revoke" aria-label="Revoke key ci server`).exec(
      keysPage.text,
    )?.[1];
    expect(keyId).toBeDefined();
    expect(keysPage.text).toContain('tcli_');

    const stranger = new WebClient(harness.baseUrl);
    await stranger.signUp(uniqueEmail('keys-stranger'));
    await stranger.get('/dashboard/keys');
    expect((await stranger.get(`/dashboard/keys/${keyId}/revoke`)).status).toBe(400);
    expect((await stranger.postForm(`/dashboard/keys/${keyId}/revoke`)).status).toBe(400);
    expect((await api.balance()).status).toBe(200);

    // the confirmation page revokes nothing by itself
    const confirm = await browser.get(`/dashboard/keys/${keyId}/revoke`);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('Revoke “ci server”');
    expect((await api.balance()).status).toBe(200);
    const revoked = await browser.postForm(`/dashboard/keys/${keyId}/revoke`);
    expect(revoked.status).toBe(303);
    expect((await browser.get(revoked.location!)).text).toContain('is revoked');
    expect((await api.balance()).status).toBe(401);
  });

  it('never shows a created key to another session, even with the cookie that carried it', async () => {
    const owner = new WebClient(harness.baseUrl);
    await owner.signUp(uniqueEmail('keys-owner'));
    await owner.get('/dashboard/keys');
    const created = await owner.postForm('/dashboard/keys', { name: 'leaky' });
    const sealed = owner.cookies.get('pf_new_key');
    expect(sealed).toBeDefined();
    const other = new WebClient(harness.baseUrl);
    await other.signUp(uniqueEmail('keys-other'));
    other.cookies.set('pf_new_key', sealed!);
    const page = await other.get(created.location!);
    expect(page.status).toBe(200);
    expect(page.text).not.toMatch(/tsk_[A-Za-z0-9_-]{20,}/);
  });

  it('cancels a queued task from its page', async () => {
    const browser = new WebClient(harness.baseUrl);
    const email = uniqueEmail('cancel');
    const { apiKey } = await browser.signUp(email);
    const api = apiClient(harness.baseUrl, apiKey);
    const upload = await api.upload(await texturedCubeGlb(), 'cube.glb');
    const taskId = (
      await api.createTask({ type: 'import_model', file: { type: 'glb', file_token: upload.body.data.image_token } })
    ).body.data.task_id;
    expect((await browser.get(`/dashboard/tasks/${taskId}`)).text).toContain('Cancel task');
    const cancelled = await browser.postForm(`/dashboard/tasks/${taskId}/cancel`);
    expect(cancelled.status).toBe(303);
    expect((await api.getTask(taskId)).body.data.status).toBe('cancelled');
    expect((await browser.get(`/dashboard/tasks/${taskId}`)).text).not.toContain('Cancel task');
  });
});
