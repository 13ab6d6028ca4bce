// The built web assets over HTTP: content-hashed URLs in the pages, a year of immutable caching, brotli and gzip
// by Accept-Encoding (each decompressing to the same bytes), ETags, nothing else served; pages compressed too.
import { request } from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, staticAssets } from '../../src/web/static-assets.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import { uniqueEmail, WebClient } from './web-client.ts';

/** A raw GET (no automatic decompression, unlike fetch), with the headers given. */
function rawGet(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('static assets', () => {
  let harness: TestPlatform;
  let studio: string;
  beforeAll(async () => {
    harness = await startTestPlatform();
    const browser = new WebClient(harness.baseUrl);
    await browser.signUp(uniqueEmail('assets'));
    studio = (await browser.get('/studio')).text;
    await (
      await staticAssets()
    ).compressed;
  });
  afterAll(() => harness.close());

  it('names every script and stylesheet by its content hash and caches it for a year', async () => {
    const urls = [...studio.matchAll(/(?:src|href)="(\/dashboard\/assets\/[^"]+)"/g)].map((match) => match[1]);
    expect(urls).toEqual([
      expect.stringMatching(/^\/dashboard\/assets\/app-[A-Z0-9]{8}\.css$/),
      expect.stringMatching(/^\/dashboard\/assets\/studio-[A-Z0-9]{8}\.js$/),
    ]);
    expect(studio).not.toContain('importmap');
    for (const url of urls) {
      const response = await rawGet(harness.baseUrl + url);
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.headers['content-type']).toMatch(url.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      const again = await rawGet(harness.baseUrl + url, { 'if-none-match': String(response.headers.etag) });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
    }
  });

  it('sends brotli or gzip as the browser accepts, each the same file, and the 3D viewer only as a lazy chunk', async () => {
    const assets = await staticAssets();
    const [viewerChunk] = [...assets.files]
      .filter(([name, asset]) => name.startsWith('chunk-') && asset.body.includes('WebGLRenderer'))
      .map(([name]) => name);
    expect(viewerChunk).toBeDefined();
    const studioScript = /src="\/dashboard\/assets\/(studio-[A-Z0-9]+\.js)"/.exec(studio)![1];
    expect(assets.files.get(studioScript)!.body.includes('WebGLRenderer')).toBe(false); // three.js is not in the page script
    const url = `${harness.baseUrl}/dashboard/assets/${viewerChunk}`;
    const plain = await rawGet(url);
    const brotli = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br' });
    const gzip = await rawGet(url, { 'accept-encoding': 'gzip;q=1.0, br;q=0' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(brotli.headers.vary).toBe('Accept-Encoding');
    expect(zlib.brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);
    expect(zlib.gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    expect(brotli.body.length).toBeLessThan(plain.body.length / 4);
    // figures for the closing note: the viewer chunk raw, gzip and brotli
    console.info(
      `viewer chunk ${viewerChunk}: ${plain.body.length} B, gzip ${gzip.body.length} B, brotli ${brotli.body.length} B`,
    );
  });

  it('serves nothing but the built files', async () => {
    for (const path of [
      '/dashboard/assets/studio.js',
      '/dashboard/assets/model-viewer.js',
      '/dashboard/assets/app.css',
      '/dashboard/assets/..%2F..%2Fconfig.ts',
      '/dashboard/assets/chunk-AAAAAAAA.js',
    ]) {
      const response = await rawGet(harness.baseUrl + path);
      expect(response.status, path).toBe(404);
      expect(response.headers['cache-control']).toBe('no-store');
    }
    expect((await rawGet(`${harness.baseUrl}/dashboard/vendor/three/build/three.module.js`)).status).toBe(404);
  });

  it('compresses the pages too', async () => {
    const page = await rawGet(`${harness.baseUrl}/dashboard/login`, { 'accept-encoding': 'br' });
    expect(page.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(page.body).toString()).toContain('<h1>Log in</h1>');
    expect((await rawGet(`${harness.baseUrl}/dashboard/login`)).body.toString()).toContain('<h1>Log in</h1>');
  });

  it('chooses the encoding from Accept-Encoding, honouring q=0', () => {
    const both = { brotli: true, gzip: true };
    expect(chooseEncoding(undefined, both)).toBeUndefined();
    expect(chooseEncoding('gzip, deflate, br, zstd', both)).toBe('br');
    expect(chooseEncoding('gzip', both)).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5', both)).toBe('gzip');
    expect(chooseEncoding('*', both)).toBe('gzip');
    expect(chooseEncoding('br', { gzip: true })).toBeUndefined();
    expect(chooseEncoding('identity', both)).toBeUndefined();
  });
});
