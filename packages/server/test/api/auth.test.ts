import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';

describe('authentication', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(() => platform.close());

  it('accepts an active tsk_ key and answers the V2 balance envelope', async () => {
    const account = await platform.createAccount();
    const response = await apiClient(platform.baseUrl, account.apiKey).balance();
    expect(response.status).toBe(200);
    expect(response.headers.get('x-tripo-trace-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body).toEqual({ code: 0, data: { balance: 300, frozen: 0 } });
  });

  it.each([
    ['no header', undefined, /missing Authorization/],
    ['unknown key', 'Bearer tsk_unknownkeyunknownkeyunknownkey', /unknown or has been revoked/],
    ['not a bearer header', 'Basic abc', /must be "Bearer/],
    ['not a tsk_ key', 'Bearer sk-something', /start with tsk_/],
  ])('refuses %s with 401 and code 1002', async (_label, header, message) => {
    const response = await fetch(`${platform.baseUrl}/v2/openapi/user/balance`, {
      headers: header ? { Authorization: header } : {},
    });
    const body = await response.json();
    expect(response.status).toBe(401);
    expect(body.code).toBe(1002);
    expect(body.message).toMatch(message);
    expect(typeof body.suggestion).toBe('string');
  });

  it('explains the difference when a tcli_ client id is sent as the key', async () => {
    const account = await platform.createAccount();
    const response = await apiClient(platform.baseUrl, account.clientId).balance();
    expect(response.status).toBe(401);
    expect(response.body.code).toBe(1002);
    expect(response.body.message).toMatch(/client ID.*not an API key.*tsk_/);
  });

  it('stops accepting a revoked key, keeps others of the same account', async () => {
    const account = await platform.createAccount();
    const second = await platform.platform.accounts.createApiKey(account.accountId, 'second');
    expect((await apiClient(platform.baseUrl, account.apiKey).balance()).status).toBe(200);
    await platform.platform.accounts.revokeApiKey(account.keyId);
    await new Promise((resolve) => setTimeout(resolve, 2100)); // the key cache lives 2 s
    expect((await apiClient(platform.baseUrl, account.apiKey).balance()).status).toBe(401);
    expect((await apiClient(platform.baseUrl, second.apiKey).balance()).status).toBe(200);
  });

  it('stores keys hashed, never in plain text', async () => {
    const account = await platform.createAccount();
    const rows = await platform.platform.db
      .selectFrom('apiKeys')
      .selectAll()
      .where('accountId', '=', account.accountId)
      .execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(account.apiKey);
    expect(rows[0].keyHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers unknown routes with a JSON 404 and serves /health without a key', async () => {
    const account = await platform.createAccount();
    const unknown = await apiClient(platform.baseUrl, account.apiKey).send('GET', '/v2/openapi/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe(4001);
    const health = await fetch(`${platform.baseUrl}/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
  });
});
