// Tenancy over every route the app serves: the routes are read from Fastify itself, so a new endpoint fails this
// test until it is classified here. Account A aims each endpoint at account B's resources (tasks, files, webhooks,
// keys, uploads, the account itself) and must get "not found" (or a refusal), see none of B's ids in any listing,
// and leave every resource of B as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SessionStore } from '../../src/accounts/sessions.ts';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { apiClient, type ApiResponse } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import { listRoutes, type RouteEntry } from './list-routes.ts';

interface Tenant {
  accountId: string;
  apiKey: string;
  keyId: string;
  secondKeyId: string;
  secondApiKey: string;
  fileId: string;
  sourceTaskId: string;
  queuedTaskId: string;
  webhookId: string;
  uploadId: string;
  downloadLink: string;
}

/** V3 creation bodies that reference another tenant's task (T) or file (F); the shapes follow spec §6. */
const V3_CREATE_BODIES: Record<string, (b: Tenant) => Record<string, unknown> | 'no-reference'> = {
  'generation/text-to-model': () => 'no-reference',
  'generation/text-to-image': () => 'no-reference',
  'generation/image-to-model': (b) => ({ input: `file_${b.fileId}`, model: 'v3.0-20250812' }),
  'generation/image-to-multiview': (b) => ({ input: `file_${b.fileId}` }),
  'generation/image-to-splat': (b) => ({ input: `file_${b.fileId}` }),
  'generation/image-to-image': (b) => ({ prompt: 'blue', input: `file_${b.fileId}`, model: 'banana' }),
  'generation/multiview-to-model': (b) => ({
    inputs: [`file_${b.fileId}`, `file_${b.fileId}`, '', ''],
    model: 'v3.0-20250812',
  }),
  'generation/edit-multiview': (b) => ({ input: b.sourceTaskId, prompts: [{ view: 'front', prompt: 'a hat' }] }),
  'models/import': (b) => ({ input: `file_${b.fileId}` }),
  'models/refine': (b) => ({ input: b.sourceTaskId }),
  'models/texture': (b) => ({ input: b.sourceTaskId, prompt: 'gold' }),
  'models/stylize': (b) => ({ input: b.sourceTaskId, style: 'lego' }),
  'models/convert': (b) => ({ input: b.sourceTaskId, format: 'STL' }),
  'mesh/segment': (b) => ({ input: b.sourceTaskId }),
  'mesh/smartsegment': (b) => ({ input: b.sourceTaskId }),
  'mesh/complete': (b) => ({ input: b.sourceTaskId }),
  'mesh/decimate': (b) => ({ input: b.sourceTaskId, face_limit: 5000 }),
  'animations/rig-check': (b) => ({ input: b.sourceTaskId }),
  'animations/rig': (b) => ({ input: b.sourceTaskId, model: 'v2.5-20260210', rig_type: 'biped' }),
  'animations/retarget': (b) => ({ input: b.sourceTaskId, animations: ['preset:walk'] }),
};

/** Endpoints that only create or read the caller's own things and take no reference to another resource. */
const OWN_ONLY = new Set([
  'POST /v2/openapi/upload',
  'POST /v2/openapi/upload/sts',
  'POST /v2/openapi/webhooks',
  'POST /v3/files',
  'POST /v3/files/presign',
  'POST /v3/files/upload-credentials',
  'POST /v2/openapi/upload/sts/token',
]);

/** Listings and account reads: must answer 200 without any of B's ids. */
const LISTINGS = new Set([
  'GET /v2/openapi/tasks',
  'GET /v2/openapi/webhooks',
  'GET /v2/openapi/user/balance',
  'GET /v2/openapi/user/wallet/balance',
  'GET /v2/openapi/capabilities',
  'GET /v3/account/balance',
  'GET /v3/account/usage',
]);

function isNotFound(response: ApiResponse): boolean {
  if (response.status === 404) return true;
  const message =
    typeof response.body === 'object' && response.body ? String(response.body.message ?? '') : String(response.body);
  return response.status === 400 && /not found|does not name/i.test(message);
}

describe('tenancy on every route', () => {
  let harness: TestPlatform;
  let a: Tenant;
  let b: Tenant;
  let routes: RouteEntry[];

  beforeAll(async () => {
    harness = await startTestPlatform({ environment: { POLYFORGE_RATE_LIMIT_PER_MINUTE: '0' } });
    const cube = await texturedCubeGlb();
    const tenant = async (): Promise<Tenant> => {
      const account = await harness.createAccount({ credits: 500, concurrency: 50 });
      const client = apiClient(harness.baseUrl, account.apiKey);
      const second = await harness.platform.accounts.createApiKey(account.accountId, 'second');
      const upload = await client.upload(cube, 'cube.glb');
      const fileId = upload.body.data.image_token as string;
      const imported = await client.createTask({ type: 'import_model', file: { type: 'glb', file_token: fileId } });
      await harness.drainQueue();
      const sourceTaskId = imported.body.data.task_id as string;
      const queued = await client.createTask({
        type: 'convert_model',
        format: 'STL',
        original_model_task_id: sourceTaskId,
      });
      const webhook = await client.send('POST', '/v2/openapi/webhooks', { json: { url: 'https://example.com/hook' } });
      const presign = await client.send('POST', '/v3/files/presign', { json: { type: 'glb' } });
      const uploadUrl = String(presign.body?.data?.upload_url ?? '');
      const downloadLink = (await client.getTask(sourceTaskId)).body.data.output.model as string;
      return {
        accountId: account.accountId,
        apiKey: account.apiKey,
        keyId: account.keyId,
        secondKeyId: second.keyId,
        secondApiKey: second.apiKey,
        fileId,
        sourceTaskId,
        queuedTaskId: queued.body.data.task_id,
        webhookId: webhook.body.data.id,
        uploadId: /\/uploads\/([^/?]+)/.exec(uploadUrl)?.[1] ?? '00000000-0000-4000-8000-000000000000',
        downloadLink,
      };
    };
    a = await tenant();
    b = await tenant();
    routes = listRoutes(harness.platform.app);
  });
  afterAll(() => harness.close());

  const idsOf = (tenant: Tenant) => [
    tenant.accountId,
    tenant.keyId,
    tenant.secondKeyId,
    tenant.fileId,
    tenant.sourceTaskId,
    tenant.queuedTaskId,
    tenant.webhookId,
  ];

  function pathFor(route: RouteEntry, target: Tenant): string {
    return route.path.replace(/:(\w+)|\*/g, (_, name: string | undefined) => {
      switch (name) {
        case 'taskId':
          return target.queuedTaskId;
        case 'webhookId':
          return target.webhookId;
        case 'keyId':
          return target.secondKeyId;
        case 'accountId':
          return target.accountId;
        case 'uploadId':
          return target.uploadId;
        case 'fileName':
          return 'model.glb';
        case 'outputKey':
          return 'model';
        default:
          return 'x';
      }
    });
  }

  async function expectNotFoundOverWebSocket(path: string, apiKey: string): Promise<void> {
    const socket = new WebSocket(harness.baseUrl.replace('http', 'ws') + path, {
      headers: { Authorization: `Bearer ${apiKey}` },
    });
    const first = await new Promise<string>((resolve, reject) => {
      socket.once('message', (data) => resolve(String(data)));
      socket.once('unexpected-response', (_, response) => resolve(JSON.stringify({ httpStatus: response.statusCode })));
      socket.once('error', reject);
    });
    socket.close();
    expect(first).toMatch(/"code":2001|"httpStatus":404/);
  }

  it('finds routes in the app', () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.map((route) => `${route.method} ${route.path}`)).toContain('GET /v2/openapi/task/:taskId');
  });

  // The OpenAPI documents and their reference page are public and hold no account data.
  const isPublicDocument = (path: string) =>
    path.endsWith('/openapi.json') || path === '/docs' || path.startsWith('/docs/');

  it('serves the public API documents with nothing of any account in them', async () => {
    const documents = routes.filter(
      (route) => route.method === 'GET' && isPublicDocument(route.path) && route.params.length === 0,
    );
    expect(documents.length).toBeGreaterThan(0);
    for (const route of documents) {
      const response = await fetch(harness.baseUrl + route.path);
      expect(response.status, route.path).toBe(200);
      const text = await response.text();
      for (const id of idsOf(b)) expect(text.includes(id), `${route.path} shows ${id}`).toBe(false);
    }
  });

  it('gives account A nothing of account B through any API-key endpoint', async () => {
    const client = apiClient(harness.baseUrl, a.apiKey);
    const unclassified: string[] = [];
    const leaks: string[] = [];
    for (const route of routes) {
      const name = `${route.method} ${route.path}`;
      if (isPublicDocument(route.path)) continue;
      const isApi = route.path.startsWith('/v2/openapi/') || route.path.startsWith('/v3/');
      if (!isApi || route.path.startsWith('/v2/openapi/downloads/') || route.path.startsWith('/v3/files/uploads/'))
        continue;
      if (OWN_ONLY.has(name)) continue;
      if (LISTINGS.has(name)) {
        const response = await client.send(route.method, route.path, route.method === 'POST' ? { json: {} } : {});
        expect(response.status, name).toBe(200);
        const text = JSON.stringify(response.body);
        for (const id of idsOf(b)) if (text.includes(id)) leaks.push(`${name} shows ${id}`);
        continue;
      }
      if (name === 'POST /v2/openapi/tasks/cancel') {
        // a filter that would match B's queued task (created after A's) must match nothing of B's
        const bTask = (await apiClient(harness.baseUrl, b.apiKey).getTask(b.queuedTaskId)).body.data;
        const response = await client.send('POST', route.path, { json: { created_after: String(bTask.create_time) } });
        expect(response.status, name).toBe(200);
        expect(response.body.data.task_ids, name).not.toContain(b.queuedTaskId);
        expect((await apiClient(harness.baseUrl, b.apiKey).getTask(b.queuedTaskId)).body.data.status, name).toBe(
          'queued',
        );
        continue;
      }
      if (name === 'POST /v3/tasks/list') {
        const response = await client.send('POST', route.path, {
          json: { task_ids: [b.queuedTaskId, b.sourceTaskId, a.sourceTaskId] },
        });
        expect(response.status, name).toBe(200);
        expect(Object.keys(response.body.data.tasks)).toEqual([a.sourceTaskId]);
        expect(response.body.data.missed).toEqual([b.queuedTaskId, b.sourceTaskId]);
        continue;
      }
      if (route.path.includes('/watch/')) {
        await expectNotFoundOverWebSocket(pathFor(route, b), a.apiKey);
        continue;
      }
      if (route.params.length > 0) {
        const response = await client.send(
          route.method,
          pathFor(route, b),
          route.method === 'POST' || route.method === 'PUT' ? { json: {} } : {},
        );
        expect(isNotFound(response), `${name} → ${response.status} ${JSON.stringify(response.body)}`).toBe(true);
        continue;
      }
      if (name === 'POST /v2/openapi/task' || name === 'POST /v2/openapi/task/quote') {
        for (const body of [
          { type: 'convert_model', format: 'STL', original_model_task_id: b.sourceTaskId },
          { type: 'import_model', file: { type: 'glb', file_token: b.fileId } },
        ]) {
          const response = await client.send('POST', route.path, { json: body });
          expect(response.status, `${name} ${JSON.stringify(response.body)}`).toBe(404);
        }
        continue;
      }
      const v3Operation = /^POST \/v3\/(.+)$/.exec(name)?.[1];
      const bodyOf = v3Operation ? V3_CREATE_BODIES[v3Operation] : undefined;
      if (bodyOf) {
        const body = bodyOf(b);
        if (body === 'no-reference') continue;
        const response = await client.send('POST', route.path, { json: body });
        // "not available on this deployment" (2002) also refuses, before any lookup, and charges nothing
        const refused = isNotFound(response) || response.body?.code === 2002;
        expect(refused, `${name} → ${response.status} ${JSON.stringify(response.body)}`).toBe(true);
        continue;
      }
      unclassified.push(name);
    }
    expect(unclassified, 'new API routes: classify them in tenancy.test.ts').toEqual([]);
    expect(leaks).toEqual([]);
  });

  it('keeps signed links bound to their own task and upload', async () => {
    const forged = new URL(a.downloadLink);
    forged.pathname = forged.pathname.replace(a.sourceTaskId, b.sourceTaskId);
    const response = await fetch(forged, { redirect: 'manual', headers: { Authorization: `Bearer ${a.apiKey}` } });
    expect(response.status).toBe(403);
    // B's upload slot cannot be filled with A's credentials or without its signature
    const put = await fetch(`${harness.baseUrl}/v3/files/uploads/${b.uploadId}?signature=forged`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${a.apiKey}` },
      body: new Uint8Array([1]),
    });
    expect([400, 403, 404]).toContain(put.status);
  });

  it('refuses customer keys on the worker protocol, and unsigned Stripe events', async () => {
    const unclassified: string[] = [];
    for (const route of routes) {
      const name = `${route.method} ${route.path}`;
      if (isPublicDocument(route.path)) continue;
      if (route.path.startsWith('/worker/')) {
        const response = await fetch(harness.baseUrl + pathFor(route, b), {
          method: route.method,
          headers: {
            Authorization: `Bearer ${a.apiKey}`,
            ...(route.method === 'GET' ? {} : { 'Content-Type': 'application/json' }),
          },
          body: route.method === 'GET' ? undefined : '{}',
        });
        expect(response.status, name).toBe(401);
      } else if (route.path.startsWith('/webhooks/')) {
        const response = await fetch(harness.baseUrl + route.path, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{"type":"checkout.session.completed"}',
        });
        expect(response.status, name).toBeGreaterThanOrEqual(400);
        expect(response.status, name).toBeLessThan(500);
      } else if (route.path === '/*') {
        // the STS upload endpoint (/polyforge_uploads/<key>, drawn as "*" by printRoutes): an API key is no credential there
        const response = await fetch(`${harness.baseUrl}/polyforge_uploads/${b.uploadId}/input.png`, {
          method: route.method,
          headers: { Authorization: `Bearer ${a.apiKey}` },
          body: route.method === 'GET' ? undefined : new Uint8Array([1]),
        });
        expect([403, 405], name).toContain(response.status);
      } else if (
        !route.path.startsWith('/v2/openapi/') &&
        !route.path.startsWith('/v3/') &&
        !route.path.startsWith('/dashboard') &&
        !route.path.startsWith('/studio') &&
        !['/', '/health', '/ready', '/metrics'].includes(route.path) &&
        !route.path.startsWith('/static') &&
        !route.path.startsWith('/assets')
      ) {
        unclassified.push(name);
      }
    }
    expect(unclassified, 'new non-API routes: classify them in tenancy.test.ts').toEqual([]);
  });

  it('gives a web session of A nothing of B on the dashboard and studio', async () => {
    const sessions = new SessionStore(harness.platform.db, harness.platform.clock, 3600);
    const { token } = await sessions.create(a.accountId);
    const cookie = `pf_session=${token}`;
    const keysPage = await fetch(`${harness.baseUrl}/dashboard/keys`, { headers: { cookie } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await keysPage.text())?.[1] ?? '';
    for (const route of routes) {
      if (!route.path.startsWith('/dashboard') && !route.path.startsWith('/studio')) continue;
      if (route.path === '/dashboard/logout') continue; // it would end the session the routes after it are tried with
      const name = `${route.method} ${route.path}`;
      const path = pathFor(route, b);
      const response = await fetch(harness.baseUrl + path, {
        method: route.method,
        redirect: 'manual',
        headers: {
          cookie,
          ...(route.method === 'POST'
            ? { 'Content-Type': 'application/x-www-form-urlencoded', 'x-csrf-token': csrf }
            : {}),
        },
        body:
          route.method === 'POST'
            ? new URLSearchParams({ _csrf: csrf, credits: '1', concurrency: '99', days: '1', percent: '50' }).toString()
            : undefined,
      });
      const text = await response.text();
      if (route.params.length > 0) {
        expect([302, 303, 400, 403, 404], `${name} → ${response.status}`).toContain(response.status);
      }
      // an error may echo the id that was asked for; any other id of B must not appear
      for (const id of idsOf(b))
        if (!path.includes(id)) expect(text.includes(id), `${name} shows ${id}: ${text.slice(0, 300)}`).toBe(false);
    }
  });

  it('left every resource of B as it was', async () => {
    const client = apiClient(harness.baseUrl, b.apiKey);
    expect((await client.getTask(b.queuedTaskId)).body.data.status).toBe('queued');
    expect(
      (await client.send('GET', '/v2/openapi/webhooks')).body.data.webhooks.map(
        (webhook: { id: string }) => webhook.id,
      ),
    ).toContain(b.webhookId);
    expect((await apiClient(harness.baseUrl, b.secondApiKey).balance()).status).toBe(200);
    expect((await client.balance()).body.data).toEqual({ balance: 495, frozen: 5 });
    const account = await harness.platform.accounts.getAccount(b.accountId);
    expect(account.concurrencyLimit).toBe(50);
  });
});
