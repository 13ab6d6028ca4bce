// POLYFORGE_TRUST_PROXY over real HTTP on loopback: without it a client's X-Forwarded-For / -Host / -Proto change
// nothing (a new X-Forwarded-For per attempt does not dodge the sign-up or log-in limits); with the test client's
// address trusted (it plays the proxy) each forwarded client address gets limits of its own, and the log lines name
// it; a trusted proxy elsewhere leaves the loopback client's headers ignored; values that would trust every hop stop
// boot.
import { execFile } from 'node:child_process';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/observability/logger.ts';
import { apiClient } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import { uniqueEmail, WebClient, type WebResponse } from './web-client.ts';
import { POLYFORGE_NODE_ARGS } from '../../../../test-support/polyforge-cli.ts';

const CLIENT_A = '203.0.113.7';
const CLIENT_B = '198.51.100.9';

function logCollector() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

async function signUpWith(baseUrl: string, headers: Record<string, string>): Promise<WebResponse> {
  const browser = new WebClient(baseUrl);
  await browser.request('GET', '/dashboard/signup', { headers });
  return browser.postForm(
    '/dashboard/signup',
    { email: uniqueEmail('proxied'), password: 'correct horse battery' },
    headers,
  );
}

async function failLogInWith(baseUrl: string, headers: Record<string, string>): Promise<WebResponse> {
  const browser = new WebClient(baseUrl);
  await browser.request('GET', '/dashboard/login', { headers });
  return browser.postForm('/dashboard/login', { email: uniqueEmail('nobody'), password: 'Summer2026!' }, headers);
}

/** The presigned upload link (built on the request's base URL) and the CSRF cookie's Set-Cookie, seen through these headers. */
async function linksAndCookieWith(harness: TestPlatform, headers: Record<string, string>) {
  const account = await harness.createAccount({ credits: 0 });
  const presign = await apiClient(harness.baseUrl, account.apiKey).send('POST', '/v3/files/presign', {
    json: { format: 'glb' },
    headers,
  });
  const page = await new WebClient(harness.baseUrl).request('GET', '/dashboard/login', { headers });
  return {
    uploadUrl: String((presign.body as { data: { upload_url: string } }).data.upload_url),
    csrfCookie: page.setCookies.find((cookie) => cookie.startsWith('pf_csrf=')) ?? '',
  };
}

const FORWARDED_ORIGIN = { 'x-forwarded-host': 'polyforge.example', 'x-forwarded-proto': 'https' };

describe('without POLYFORGE_TRUST_PROXY: X-Forwarded-* from the client are ignored', () => {
  let harness: TestPlatform;
  beforeAll(async () => {
    harness = await startTestPlatform({
      environment: {
        POLYFORGE_SIGNUPS_PER_ADDRESS_PER_HOUR: '2',
        POLYFORGE_LOGIN_FAILURES_PER_ADDRESS_PER_HOUR: '3',
        POLYFORGE_ALLOWED_HOSTS: 'polyforge.example',
      },
    });
  });
  afterAll(() => harness.close());

  it('counts every sign-up against the socket address, whatever X-Forwarded-For says', async () => {
    const statuses: number[] = [];
    for (const forwardedFor of ['192.0.2.1', '192.0.2.2', '192.0.2.3'])
      statuses.push((await signUpWith(harness.baseUrl, { 'x-forwarded-for': forwardedFor })).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('counts every failed log-in against the socket address, whatever X-Forwarded-For says', async () => {
    const statuses: number[] = [];
    for (const forwardedFor of ['192.0.2.11', '192.0.2.12', '192.0.2.13', '192.0.2.14'])
      statuses.push((await failLogInWith(harness.baseUrl, { 'x-forwarded-for': forwardedFor })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('builds links on the request itself, not on X-Forwarded-Host / -Proto', async () => {
    const { uploadUrl, csrfCookie } = await linksAndCookieWith(harness, FORWARDED_ORIGIN);
    expect(uploadUrl.startsWith(`${harness.baseUrl}/v3/`)).toBe(true);
    expect(csrfCookie).not.toMatch(/;\s*Secure/i);
  });
});

describe('POLYFORGE_TRUST_PROXY=127.0.0.1: the loopback client plays the proxy', () => {
  let harness: TestPlatform;
  const logs = logCollector();
  beforeAll(async () => {
    harness = await startTestPlatform({
      logger: logs.logger,
      environment: {
        POLYFORGE_TRUST_PROXY: '127.0.0.1',
        POLYFORGE_SIGNUPS_PER_ADDRESS_PER_HOUR: '1',
        POLYFORGE_LOGIN_FAILURES_PER_ADDRESS_PER_HOUR: '2',
        POLYFORGE_ALLOWED_HOSTS: 'polyforge.example',
      },
    });
  });
  afterAll(() => harness.close());

  it('limits sign-ups per forwarded client address, and logs that address', async () => {
    expect((await signUpWith(harness.baseUrl, { 'x-forwarded-for': CLIENT_A })).status).toBe(200);
    const refused = await signUpWith(harness.baseUrl, { 'x-forwarded-for': CLIENT_A });
    expect(refused.status).toBe(429);
    // an address the client itself wrote in front of the one the proxy appended is not believed
    expect((await signUpWith(harness.baseUrl, { 'x-forwarded-for': `192.0.2.99, ${CLIENT_A}` })).status).toBe(429);
    expect((await signUpWith(harness.baseUrl, { 'x-forwarded-for': CLIENT_B })).status).toBe(200);

    const requestId = refused.headers.get('x-request-id');
    expect(logs.lines.find((line) => line.reqId === requestId && line.msg === 'sign-up throttled')).toMatchObject({
      clientAddress: CLIENT_A,
    });
    expect(logs.lines.find((line) => line.reqId === requestId && line.msg === 'incoming request')).toMatchObject({
      req: { remoteAddress: CLIENT_A },
    });
    expect(logs.lines.some((line) => line.msg === 'sign-up throttled' && line.clientAddress === CLIENT_B)).toBe(false);
  });

  it('counts failed log-ins per forwarded client address', async () => {
    const fromA: number[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1)
      fromA.push((await failLogInWith(harness.baseUrl, { 'x-forwarded-for': CLIENT_A })).status);
    expect(fromA).toEqual([401, 401, 429]);
    expect((await failLogInWith(harness.baseUrl, { 'x-forwarded-for': CLIENT_B })).status).toBe(401);
    expect(logs.lines.find((line) => line.msg === 'log-in throttled')).toMatchObject({ clientAddress: CLIENT_A });
  });

  it("builds links on the proxy's X-Forwarded-Host and -Proto", async () => {
    const { uploadUrl, csrfCookie } = await linksAndCookieWith(harness, FORWARDED_ORIGIN);
    expect(uploadUrl.startsWith('https://polyforge.example/v3/')).toBe(true);
    expect(csrfCookie).toMatch(/;\s*Secure/i);
  });
});

describe('a trusted proxy elsewhere (POLYFORGE_TRUST_PROXY=127.0.0.2): the loopback client is not it', () => {
  let harness: TestPlatform;
  beforeAll(async () => {
    harness = await startTestPlatform({
      environment: {
        POLYFORGE_TRUST_PROXY: '127.0.0.2,10.0.0.0/8',
        POLYFORGE_SIGNUPS_PER_ADDRESS_PER_HOUR: '1',
        POLYFORGE_ALLOWED_HOSTS: 'polyforge.example',
      },
    });
  });
  afterAll(() => harness.close());

  it('ignores its X-Forwarded-For and X-Forwarded-Host / -Proto', async () => {
    expect((await signUpWith(harness.baseUrl, { 'x-forwarded-for': CLIENT_A })).status).toBe(200);
    expect((await signUpWith(harness.baseUrl, { 'x-forwarded-for': CLIENT_B })).status).toBe(429);
    const { uploadUrl } = await linksAndCookieWith(harness, FORWARDED_ORIGIN);
    expect(uploadUrl.startsWith(`${harness.baseUrl}/v3/`)).toBe(true);
  });
});

describe('POLYFORGE_TRUST_PROXY values that stop boot', () => {
  const configWith = (value: string) => () =>
    loadConfig({ POLYFORGE_DATA_DIR: '/tmp/polyforge-config-check', POLYFORGE_TRUST_PROXY: value });

  it.each(['true', '*', 'all', '0.0.0.0/0', '::/0', '10.0.0.0/8, 0.0.0.0/0'])(
    'refuses %s, which would trust every hop',
    (value) => {
      expect(configWith(value)).toThrow(/POLYFORGE_TRUST_PROXY: .*(every hop|every address).*X-Forwarded-For/);
    },
  );

  it.each(['1', '2'])('refuses the hop count %s', (value) => {
    expect(configWith(value)).toThrow(/POLYFORGE_TRUST_PROXY: hop counts .* are not accepted/);
  });

  it.each(['proxy.internal', '10.0.0.0/33', '127.0.0.1;10.0.0.1'])(
    'refuses %s, which is not an address, a CIDR block or a named range',
    (value) => {
      expect(configWith(value)).toThrow(/POLYFORGE_TRUST_PROXY: .*expected comma-separated addresses, CIDR blocks/);
    },
  );

  it('accepts addresses, CIDR blocks and named ranges; false and unset trust none', () => {
    expect(configWith(' 127.0.0.1 , 10.0.0.0/8,fd00::/8,loopback ')().trustedProxies).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      'fd00::/8',
      'loopback',
    ]);
    expect(configWith('false')().trustedProxies).toEqual([]);
    expect(loadConfig({ POLYFORGE_DATA_DIR: '/tmp/polyforge-config-check' }).trustedProxies).toEqual([]);
  });

  it('stops `polyforge serve` with a message naming the setting', async () => {
    const run = promisify(execFile)(process.execPath, [...POLYFORGE_NODE_ARGS, 'serve', '--port', '0'], {
      env: { ...process.env, POLYFORGE_DATA_DIR: '/tmp/polyforge-config-check', POLYFORGE_TRUST_PROXY: 'true' },
      timeout: 30_000,
    });
    const failure = await run.then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failure?.code).not.toBe(0);
    expect(failure?.stderr).toMatch(/POLYFORGE_TRUST_PROXY: "true" would trust every hop/);
  });
});
