// The OpenAPI document against the running app: every registered route is documented (and the failure names
// each one that is not), every documented operation exists, error codes carry the catalogue's HTTP status, the
// per-surface documents and the /docs page are served (compressed), and the page renders offline in Chromium.
import { ERROR_CATALOG } from '@polyforge/protocol';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiPathOf } from '../../src/api/openapi/api-operation.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import { fetchDocument } from './checked-fetch.ts';
import { OpenApiResponseValidator, type OpenApiDocument } from './openapi-response-validator.ts';

/** Routes deliberately outside the API contract, with why; anything else registered must be documented. */
const UNDOCUMENTED_ROUTES: { pattern: RegExp; why: string }[] = [
  { pattern: /^\/dashboard(\/|$)/, why: 'the web dashboard: HTML pages and session-cookie JSON for its own scripts' },
  { pattern: /^\/studio(\/|$)/, why: 'Studio: HTML and session-cookie JSON for its own scripts' },
  { pattern: /^\/$/, why: 'redirects to the dashboard' },
  { pattern: /^\/webhooks\/stripe$/, why: "Stripe's signed billing callback, not a client endpoint" },
  {
    pattern: /^\/polyforge_uploads\//,
    why: "the S3-compatible STS upload endpoint: AWS Signature V4 and S3's XML, not this API's envelope (docs/compatibility.md)",
  },
];

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe('the OpenAPI document', () => {
  let harness: TestPlatform;
  let document: OpenApiDocument;
  beforeAll(async () => {
    harness = await startTestPlatform();
    document = await fetchDocument(harness.baseUrl);
  });
  afterAll(() => harness.close());

  it('documents every route the app registers (the failure lists each missing one)', () => {
    const missing = harness.platform.app.registeredRoutes
      .filter(
        (route) => route.method !== 'HEAD' && !UNDOCUMENTED_ROUTES.some((excluded) => excluded.pattern.test(route.url)),
      )
      .filter((route) => !document.paths[openApiPathOf(route.url)]?.[route.method.toLowerCase()])
      .map((route) => `${route.method} ${openApiPathOf(route.url)}`);
    const advice =
      'add an ApiOperation for each to its surface file in packages/server/src/api/openapi/ (v2-, v3-, worker- or public-surface.ts)';
    expect(missing, `routes the OpenAPI document lacks; ${advice}:\n  ${missing.join('\n  ')}`).toEqual([]);
  });

  it('documents no operation the app does not serve', () => {
    const registered = new Set(
      harness.platform.app.registeredRoutes.map((route) => `${route.method} ${openApiPathOf(route.url)}`),
    );
    const phantom = Object.entries(document.paths)
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
      .filter((operation) => !registered.has(operation));
    expect(phantom).toEqual([]);
  });

  it('gives every documented error code the HTTP status the error catalogue gives it', () => {
    const statusesOfCode = new Map<number, Set<number>>();
    for (const entry of Object.values(ERROR_CATALOG))
      statusesOfCode.set(entry.code, (statusesOfCode.get(entry.code) ?? new Set()).add(entry.httpStatus));
    const wrong: string[] = [];
    let checked = 0;
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          if (Number(status) < 400) continue;
          const code = (
            response.content?.['application/json']?.schema as {
              properties?: { code?: { const?: number; enum?: number[] } };
            }
          )?.properties?.code;
          const codes = code?.enum ?? (code?.const === undefined ? [] : [code.const]);
          if (codes.length === 0) wrong.push(`${method} ${path} ${status}: no code listed`);
          for (const value of codes) {
            checked += 1;
            if (!statusesOfCode.get(value)?.has(Number(status)))
              wrong.push(`${method} ${path}: code ${value} under HTTP ${status}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(300);
  });

  it('has schemas that compile as JSON Schema 2020-12, with one request schema per V2 task type', () => {
    const validator = new OpenApiResponseValidator(document);
    expect(validator.operations.length).toBeGreaterThan(50);
    const requests = Object.keys((document.components as { schemas: Record<string, unknown> }).schemas).filter((name) =>
      name.endsWith('Request'),
    );
    expect(requests).toHaveLength(18);
    // the checker rejects what the document does not allow: an undocumented status, an undocumented field
    expect(
      validator.check({
        method: 'GET',
        url: '/v2/openapi/user/balance',
        status: 200,
        contentType: 'application/json',
        body: { code: 0, data: { balance: 1, frozen: 0 } },
      }),
    ).toEqual([]);
    expect(
      validator.check({
        method: 'GET',
        url: '/v2/openapi/user/balance',
        status: 418,
        contentType: 'application/json',
        body: {},
      }),
    ).toHaveLength(1);
    expect(
      validator.check({
        method: 'GET',
        url: '/v2/openapi/user/balance',
        status: 200,
        contentType: 'application/json',
        body: { code: 0, data: { balance: 1, frozen: 0, extra: 1 } },
      }),
    ).not.toEqual([]);
    expect(
      validator.check({
        method: 'GET',
        url: '/v2/openapi/user/balance',
        status: 401,
        contentType: 'application/json',
        body: { code: 2001, message: 'x', suggestion: '', request_id: 'r' },
      }),
    ).not.toEqual([]);
  });

  it('serves each surface alone, without an API key, with only its own paths', async () => {
    const expectations: [string, RegExp][] = [
      ['/v2/openapi/openapi.json', /^\/v2\/openapi\//],
      ['/v3/openapi.json', /^\/v3\//],
      ['/worker/v1/openapi.json', /^\/worker\/v1\//],
    ];
    for (const [path, prefix] of expectations) {
      const response = await fetch(harness.baseUrl + path);
      expect(response.status, path).toBe(200);
      const surface = (await response.json()) as OpenApiDocument;
      expect(Object.keys(surface.paths).length).toBeGreaterThan(5);
      expect(Object.keys(surface.paths).filter((documented) => !prefix.test(documented))).toEqual([]);
    }
  });

  it('serves the reference page and its bundle compressed, and refuses unknown assets', async () => {
    for (const encoding of ['br', 'gzip']) {
      const response = await fetch(`${harness.baseUrl}/docs/assets/swagger-ui-bundle.js`, {
        headers: { 'Accept-Encoding': encoding },
      });
      expect(response.headers.get('content-encoding')).toBe(encoding);
      expect((await response.text()).length).toBeGreaterThan(1_000_000);
    }
    const document = await fetch(`${harness.baseUrl}/openapi.json`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(document.headers.get('content-encoding')).toBe('gzip');
    expect((await fetch(`${harness.baseUrl}/docs/assets/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${harness.baseUrl}/docs/assets/constructor`)).status).toBe(404);
  });

  it('renders the reference in Chromium with no request leaving this server', async () => {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const elsewhere: string[] = [];
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(harness.baseUrl) || url.startsWith('data:')) return route.continue();
        elsewhere.push(url);
        return route.abort();
      });
      await page.goto(`${harness.baseUrl}/docs`);
      await page.waitForSelector('.opblock', { timeout: 30_000 });
      const operations = await page.locator('.opblock').count();
      expect(operations).toBeGreaterThan(50);
      expect(await page.locator('.title').first().textContent()).toContain('Polyforge API');
      expect(elsewhere).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
