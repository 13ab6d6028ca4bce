// The outbound address policy: every spelling of a refused address, the operator's openings, and the connect-time
// look-up that judges the address actually dialled (a real loopback server; a scripted resolver plays DNS).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressPolicy, isPublicAddress, parseNetworkList } from './address-policy.ts';
import { guardedHttpRequest, OutboundRequestError } from './guarded-http-request.ts';

const REFUSED_URLS = [
  'http://127.0.0.1/',
  'http://localhost/',
  'http://LOCALHOST./',
  'http://api.localhost/',
  'http://[::1]/',
  'http://[0:0:0:0:0:0:0:1]/',
  'http://169.254.169.254/latest/meta-data/',
  'http://10.0.0.5/',
  'http://172.16.3.4/',
  'http://192.168.1.1/',
  'http://100.64.0.1/',
  'http://0.0.0.0/',
  'http://0/',
  'http://2130706433/',
  'http://0x7f000001/',
  'http://0x7f.1/',
  'http://0177.0.0.1/',
  'http://127.1/',
  'http://017700000001/',
  'http://[::ffff:127.0.0.1]/',
  'http://[::ffff:7f00:1]/',
  'http://[::ffff:a9fe:a9fe]/',
  'http://[::127.0.0.1]/',
  'http://[64:ff9b::a9fe:a9fe]/',
  'http://[2002:7f00:1::]/',
  'http://[2002:a9fe:a9fe::1]/',
  'http://[fe80::1]/',
  'http://[fd00::1]/',
  'http://[ff02::1]/',
  'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/',
  'https://127.0.0.1.:443/',
];

describe('address policy', () => {
  const strict = new AddressPolicy();

  it.each(REFUSED_URLS)('refuses %s by default', (url) => {
    expect(strict.refusalOf(new URL(url))).toBeDefined();
  });

  it('lets public addresses and names through (names are judged again when connecting)', () => {
    for (const url of [
      'https://example.com/hook',
      'http://93.184.216.34/',
      'http://[2606:2800:220:1:248:1893:25c8:1946]/',
      'http://[2002:5db8:d822::1]/',
    ]) {
      expect(strict.refusalOf(new URL(url)), url).toBeUndefined();
    }
    expect(isPublicAddress('8.8.8.8')).toBe(true);
    expect(isPublicAddress('not an address')).toBe(false);
  });

  it('opens exactly the networks the operator lists, or every private one', () => {
    const listed = new AddressPolicy({
      allowPrivateAddresses: false,
      allowedNetworks: parseNetworkList('10.1.0.0/16, 127.0.0.1'),
    });
    expect(listed.refusalOf(new URL('http://10.1.2.3/'))).toBeUndefined();
    expect(listed.refusalOf(new URL('http://127.0.0.1/'))).toBeUndefined();
    expect(listed.refusalOf(new URL('http://127.0.0.2/'))).toBeDefined();
    expect(listed.refusalOf(new URL('http://10.2.0.1/'))).toBeDefined();
    expect(listed.refusalOf(new URL('http://localhost/'))).toBeDefined();
    const open = new AddressPolicy({ allowPrivateAddresses: true, allowedNetworks: [] });
    expect(open.refusalOf(new URL('http://localhost/'))).toBeUndefined();
    expect(open.refusalOf(new URL('http://169.254.169.254/'))).toBeUndefined();
    expect(() => parseNetworkList('10.0.0.0/33')).toThrow(/prefix/);
    expect(() => parseNetworkList('intranet')).toThrow(/not an IP address/);
  });
});

describe('guarded requests', () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      if (request.url === '/redirect-inside') {
        response.writeHead(302, { location: `http://10.0.0.7:${port}/secret` }).end();
        return;
      }
      response.end('secret');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const request = (policy: AddressPolicy, url: string) =>
    guardedHttpRequest(new URL(url), { policy, method: 'GET', timeoutMs: 3000, maxResponseBytes: 1000 });
  const failureOf = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error as OutboundRequestError,
    );

  it('judges the address the connection resolves, not the name (DNS rebinding)', async () => {
    // the first answer is public, every later one is loopback: a check and a separate connect would see different
    // addresses; the policy's look-up is the connect's own, so the loopback answer is what gets refused
    let lookups = 0;
    const rebinding = new AddressPolicy({
      allowPrivateAddresses: false,
      allowedNetworks: [],
      resolve: async () =>
        lookups++ === 0 ? [{ address: '93.184.216.34', family: 4 }] : [{ address: '127.0.0.1', family: 4 }],
    });
    expect(rebinding.refusalOf(new URL(`http://hooks.example.test:${port}/`))).toBeUndefined();
    lookups = 1;
    const refused = await failureOf(request(rebinding, `http://hooks.example.test:${port}/`));
    expect(refused).toBeInstanceOf(OutboundRequestError);
    expect(refused!.kind).toBe('refused');
    expect(refused!.message).not.toMatch(/127\.0\.0\.1|\d+\.\d+\.\d+\.\d+/);
    expect(refused!.detail).toContain('127.0.0.1');
  });

  it('connects to the resolved address when the operator opened it, and hands a redirect back unfollowed', async () => {
    const opened = new AddressPolicy({
      allowPrivateAddresses: false,
      allowedNetworks: ['127.0.0.1/32'],
      resolve: async () => [{ address: '127.0.0.1', family: 4 }],
    });
    const answered = await request(opened, `http://hooks.example.test:${port}/`);
    expect(new TextDecoder().decode(answered.body)).toBe('secret');
    const redirected = await request(opened, `http://127.0.0.1:${port}/redirect-inside`);
    expect(redirected.redirectTo).toBe(`http://10.0.0.7:${port}/secret`);
    expect((await failureOf(request(opened, redirected.redirectTo!)))!.kind).toBe('refused');
  });

  it('reads an unresolvable name like a refused one, so internal names cannot be told apart', async () => {
    const policy = new AddressPolicy({
      allowPrivateAddresses: false,
      allowedNetworks: [],
      resolve: async () => Promise.reject(Object.assign(new Error('nope'), { code: 'ENOTFOUND' })),
    });
    const failure = await failureOf(request(policy, 'http://db.internal.test/'));
    expect(failure!.kind).toBe('refused');
  });
});
