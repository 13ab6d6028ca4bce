// Every route that takes a body, sent every kind of malformed body: each answer is a 4xx (with a catalogue code on
// the API surfaces), never a 5xx, and the server stays up. The routes are read from the running app, so a route
// added later is swept too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';

interface MalformedBody {
  name: string;
  contentType?: string;
  body?: string | Uint8Array;
}

const BOUNDARY = 'polyforgeBoundary7MA4YWxk';

const MALFORMED_BODIES: MalformedBody[] = [
  { name: 'multipart without a boundary', contentType: 'multipart/form-data', body: 'file=abc' },
  {
    name: 'multipart with only the closing boundary',
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: `--${BOUNDARY}--\r\n`,
  },
  {
    name: 'truncated multipart',
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="cube.glb"\r\nContent-Type: model/gltf-binary\r\n\r\nglTF\u0002\u0000`,
  },
  {
    name: 'multipart part without headers',
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: `--${BOUNDARY}\r\n\r\nabc\r\n--${BOUNDARY}--\r\n`,
  },
  {
    name: 'multipart with a garbage disposition',
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: `--${BOUNDARY}\r\nContent-Disposition: ;;;\r\n\r\nabc\r\n--${BOUNDARY}--\r\n`,
  },
  { name: 'multipart with an empty boundary', contentType: 'multipart/form-data; boundary=', body: '----\r\n' },
  { name: 'multipart/mixed', contentType: `multipart/mixed; boundary=${BOUNDARY}`, body: `--${BOUNDARY}--\r\n` },
  { name: 'text/plain', contentType: 'text/plain', body: 'hello' },
  { name: 'application/xml', contentType: 'application/xml', body: '<a/>' },
  { name: 'no content type', body: 'hello' },
  { name: 'truncated JSON', contentType: 'application/json', body: '{"type":"text_to_model","prompt":' },
  { name: 'empty JSON body', contentType: 'application/json', body: '' },
  { name: 'JSON null', contentType: 'application/json', body: 'null' },
  { name: 'JSON array', contentType: 'application/json', body: '[1,2]' },
  { name: 'JSON string', contentType: 'application/json', body: '"x"' },
  { name: 'JSON number', contentType: 'application/json', body: '42' },
  {
    name: 'JSON with invalid UTF-8',
    contentType: 'application/json',
    body: new Uint8Array([0x7b, 0x22, 0x61, 0xc0, 0xaf, 0xff, 0x22, 0x3a, 0x31, 0x7d]),
  },
  { name: 'JSON declared UTF-16', contentType: 'application/json; charset=utf-16', body: '{}' },
  {
    name: 'JSON with a wrong-typed field everywhere',
    contentType: 'application/json',
    body: '{"type":1,"url":2,"format":3,"email":4,"prompt":5,"limit":"x","task_ids":7,"status":8}',
  },
  {
    name: 'form body with bad escapes',
    contentType: 'application/x-www-form-urlencoded',
    body: 'email=%zz&password=%',
  },
  {
    name: 'form body, repeated fields',
    contentType: 'application/x-www-form-urlencoded',
    body: 'email=a&email=b&password=c&password=d&_csrf=x&_csrf=y',
  },
  { name: 'gzip declared, plain sent', contentType: 'application/json', body: '{}' },
  // valid JSON that the code walking a body (the Idempotency-Key hash, moderation) once recursed through to a 500
  { name: 'deeply nested JSON array', contentType: 'application/json', body: '['.repeat(20_000) + ']'.repeat(20_000) },
  {
    name: 'deeply nested JSON object',
    contentType: 'application/json',
    body: '{"type":"text_to_model","prompt":"a chair","x":' + '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_001),
  },
];

/** Method and full path of every route, read from Fastify's route tree (printed without common prefixes). */
function routesOf(tree: string): { method: string; path: string }[] {
  const routes: { method: string; path: string }[] = [];
  const stack: { depth: number; path: string }[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([\s│]*)[└├]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1].length;
    while (stack.length > 0 && stack[stack.length - 1].depth >= depth) stack.pop();
    const segment = match[2];
    const parent = stack.length > 0 ? stack[stack.length - 1].path : '';
    const fullPath = parent === '/' ? `/${segment}` : `${parent}${segment}`;
    stack.push({ depth, path: fullPath });
    for (const method of (match[3] ?? '').split(', ').filter(Boolean)) routes.push({ method, path: fullPath });
  }
  return routes;
}

describe('malformed bodies', () => {
  let harness: TestPlatform;
  let apiKey: string;

  beforeAll(async () => {
    harness = await startTestPlatform({ environment: { POLYFORGE_RATE_LIMIT_PER_MINUTE: '0' } });
    apiKey = (await harness.createAccount({ credits: 1000 })).apiKey;
  });
  afterAll(() => harness.close());

  it('answers every malformed body on every route with a 4xx, never a 5xx', async () => {
    const routes = routesOf(harness.platform.app.printRoutes({ commonPrefix: false })).filter((route) =>
      ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method),
    );
    expect(routes.map((route) => route.path)).toEqual(
      expect.arrayContaining(['/v2/openapi/upload', '/v3/files', '/v2/openapi/task', '/dashboard/signup']),
    );
    const failures: string[] = [];
    for (const route of routes) {
      const path = route.path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000').replace(/\*$/, 'x');
      for (const malformed of MALFORMED_BODIES) {
        const headers: Record<string, string> = { Authorization: `Bearer ${apiKey}` };
        if (malformed.contentType) headers['Content-Type'] = malformed.contentType;
        if (malformed.name.startsWith('gzip')) headers['Content-Encoding'] = 'gzip';
        if (malformed.name.startsWith('deeply')) headers['Idempotency-Key'] = `nested-${route.path}`;
        const body =
          malformed.body === undefined
            ? undefined
            : Buffer.from(
                typeof malformed.body === 'string' ? new TextEncoder().encode(malformed.body) : malformed.body,
              );
        const response = await fetch(`${harness.baseUrl}${path}`, { method: route.method, headers, body });
        const text = await response.text();
        const where = `${route.method} ${route.path} with ${malformed.name}: ${response.status} ${text.slice(0, 160)}`;
        if (response.status >= 500) failures.push(where);
        else if (
          (path.startsWith('/v2/') || path.startsWith('/v3/') || path.startsWith('/worker/')) &&
          response.status >= 400
        ) {
          const parsed = JSON.parse(text) as { code?: unknown; message?: unknown };
          if (typeof parsed.code !== 'number' || typeof parsed.message !== 'string')
            failures.push(`${where} (no code)`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect((await fetch(`${harness.baseUrl}/health`)).status).toBe(200);
  });
});
