import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DECODE_IMAGE_DEFAULTS } from '@polyforge/geometry/raster/decode-image';
import { drawingImage, pngDeclaring } from '@polyforge/geometry/test/fixtures/build-image-fixtures';
import { DomainError } from '../domain-error.ts';
import { isPublicAddress, refusedHostReason } from '../net/address-policy.ts';
import { fetchImageUrl, FETCH_IMAGE_URL_DEFAULTS } from './fetch-image-url.ts';
import { ImageInputs } from './image-inputs.ts';
import { IMAGE_LIMITS } from './image-limits.ts';
import { ImageSafety } from './image-safety.ts';
import { inspectImage } from './inspect-image.ts';

async function domainErrorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('inspectImage', () => {
  it('admits no image larger than geometry decodes (the two pixel bounds are one number)', () => {
    expect(IMAGE_LIMITS.maxPixels).toBe(DECODE_IMAGE_DEFAULTS.maxInputPixels);
  });

  it('reads JPEG, PNG and WebP headers', async () => {
    for (const format of ['png', 'jpeg', 'webp'] as const) {
      expect(await inspectImage(await drawingImage(64, format))).toMatchObject({
        format,
        widthPixels: 64,
        heightPixels: 64,
      });
    }
  });

  it('refuses a decompression bomb from its header, without decoding it', async () => {
    const bomb = pngDeclaring(30000, 30000);
    expect(bomb.byteLength).toBeLessThan(1000);
    const error = await domainErrorOf(inspectImage(bomb));
    expect(error.errorName).toBe('imageDimensionsOutOfRange');
    expect(error.message).toContain('30000×30000');
    expect(error.message).toContain('refused without decoding');
  });

  it('refuses images under 20 pixels per side, other formats, and bytes that are no image', async () => {
    expect((await domainErrorOf(inspectImage(await drawingImage(16)))).errorName).toBe('imageDimensionsOutOfRange');
    const gif = new Uint8Array(
      await sharp({ create: { width: 32, height: 32, channels: 3, background: '#f00' } })
        .gif()
        .toBuffer(),
    );
    expect((await domainErrorOf(inspectImage(gif))).message).toContain('GIF');
    expect((await domainErrorOf(inspectImage(new TextEncoder().encode('not an image at all')))).errorName).toBe(
      'unsupportedFileType',
    );
    const png = await drawingImage(64, 'png');
    expect((await domainErrorOf(inspectImage(png, { formats: ['jpeg'] }))).message).toContain('accepted here: JPEG');
  });
});

describe('address policy', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '224.0.0.1',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111'])('allows %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('refuses loopback names and private literals before any look-up', () => {
    expect(refusedHostReason(new URL('http://localhost:8080/a.png'))).toContain('this server');
    expect(refusedHostReason(new URL('http://[::1]/a.png'))).toContain('not a public address');
    expect(refusedHostReason(new URL('https://example.com/a.png'))).toBeUndefined();
  });
});

describe('fetchImageUrl', () => {
  let server: http.Server;
  let base: string;
  const png = new Uint8Array(256);
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      if (request.url === '/image.png') {
        response.writeHead(200, { 'content-type': 'image/png' });
        response.end(png);
      } else if (request.url === '/redirect') {
        response.writeHead(302, { location: '/image.png' });
        response.end();
      } else if (request.url === '/loop') {
        response.writeHead(302, { location: '/loop' });
        response.end();
      } else if (request.url === '/big') {
        response.writeHead(200, { 'content-type': 'image/png' });
        response.end(new Uint8Array(5000));
      } else if (request.url === '/slow') {
        setTimeout(() => response.end('late'), 3000).unref();
      } else {
        response.writeHead(404);
        response.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const allowed = { ...FETCH_IMAGE_URL_DEFAULTS, maxBytes: 1000, allowPrivateAddresses: true };

  it('fetches, follows redirects, and refuses loopback by default', async () => {
    expect((await fetchImageUrl(`${base}/image.png`, allowed)).bytes.byteLength).toBe(256);
    expect((await fetchImageUrl(`${base}/redirect`, allowed)).finalUrl).toBe(`${base}/image.png`);
    const refused = await domainErrorOf(
      fetchImageUrl(`${base}/image.png`, { ...allowed, allowPrivateAddresses: false }),
    );
    expect(refused.errorName).toBe('invalidParameter');
    expect(refused.message).toContain('not a public address');
  });

  it('bounds size, time, redirects and status', async () => {
    expect((await domainErrorOf(fetchImageUrl(`${base}/big`, allowed))).errorName).toBe('payloadTooLarge');
    expect((await domainErrorOf(fetchImageUrl(`${base}/slow`, { ...allowed, timeoutMs: 300 }))).message).toContain(
      'did not answer',
    );
    expect((await domainErrorOf(fetchImageUrl(`${base}/loop`, allowed))).message).toContain('redirected more than');
    expect((await domainErrorOf(fetchImageUrl(`${base}/missing`, allowed))).message).toContain('HTTP 404');
    expect((await domainErrorOf(fetchImageUrl('ftp://example.com/a.png', allowed))).errorName).toBe('invalidParameter');
  });
});

describe('image content check (nsfwjs, offline)', () => {
  it('scores a plain drawing as safe, and a threshold of 0 refuses it as 2008', async () => {
    const drawing = await drawingImage(128);
    const safety = new ImageSafety({ enabled: true, threshold: 0.7 });
    const scores = await safety.classify(drawing);
    const total = Object.values(scores).reduce((sum, value) => sum + value, 0);
    expect(total).toBeCloseTo(1, 3);
    const score = await safety.unsafeScoreOf(drawing);
    expect(score).toBeLessThan(0.3);
    expect(() => safety.assertAllowed(score, 'the drawing')).not.toThrow();
    const strict = new ImageSafety({ enabled: true, threshold: 0 });
    expect(() => strict.assertAllowed(score, 'the drawing')).toThrow(DomainError);
  });

  it('a URL image goes through the type, size and content checks after its fetch', async () => {
    const drawing = await drawingImage(64, 'png');
    const webp = await drawingImage(64, 'webp');
    const server = http.createServer((request, response) => response.end(request.url === '/a.webp' ? webp : drawing));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const inputs = new ImageInputs({ maxImageBytes: 1 << 20, urlFetchAllowPrivateAddresses: true });
      expect((await inputs.fetchUrlImage(`${url}/a.png`)).info.format).toBe('png');
      // URL inputs are JPEG or PNG only (tripo-api.md §4.0)
      expect((await domainErrorOf(inputs.fetchUrlImage(`${url}/a.webp`))).errorName).toBe('unsupportedFileType');
      const strict = new ImageInputs({
        maxImageBytes: 1 << 20,
        urlFetchAllowPrivateAddresses: true,
        safety: new ImageSafety({ enabled: true, threshold: 0 }),
      });
      expect((await domainErrorOf(strict.fetchUrlImage(`${url}/a.png`))).errorName).toBe('contentPolicyViolation');
      expect(() => new ImageInputs({ maxImageBytes: 1 << 20 }).checkUrlReference(`${url}/a.png`)).toThrow(
        /not a public address/,
      );
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
