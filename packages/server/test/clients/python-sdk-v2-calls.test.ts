// The official Python SDK's V2 requests (tripo3d_v2_calls.py, with Debian's python3-aiohttp and python3-boto3)
// against Polyforge behind a TLS-terminating reverse proxy: POLYFORGE_PUBLIC_URL=https://..., STS uploads with
// boto3's upload_file (PutObject and multipart), the default image model, import, convert and a parameter error.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { texturedCubeDocument, toGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { drawingImage } from '@polyforge/geometry/test/fixtures/build-image-fixtures';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import { startTlsReverseProxy, type TlsReverseProxy } from '../harness/tls-reverse-proxy.ts';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('./tripo3d_v2_calls.py', import.meta.url));
/** Debian's interpreter, where python3-aiohttp and python3-boto3 are installed (.ci/run installs them) */
const PYTHON = process.env.POLYFORGE_TEST_PYTHON ?? '/usr/bin/python3';
const BOTO3_MULTIPART_THRESHOLD_BYTES = 8 * 1024 * 1024;

async function bigGlb(): Promise<Uint8Array> {
  // a cube whose texture is 1800×1800 of uncompressed noise: a valid model of about 9.7 MB
  const document = texturedCubeDocument();
  const noise = await sharp({
    create: {
      width: 1800,
      height: 1800,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 60 },
    },
  })
    .png({ compressionLevel: 0 })
    .toBuffer();
  document.getRoot().listTextures()[0]!.setImage(new Uint8Array(noise)).setMimeType('image/png');
  return toGlb(document);
}

describe('official Python SDK calls over HTTPS with STS uploads', () => {
  let proxy: TlsReverseProxy;
  let platform: TestPlatform;
  let fixtureDir: string;
  let big: Uint8Array;
  beforeAll(async () => {
    proxy = await startTlsReverseProxy();
    platform = await startTestPlatform({ workers: true, environment: { POLYFORGE_PUBLIC_URL: proxy.origin } });
    proxy.setUpstream(platform.baseUrl);
    fixtureDir = await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-pysdk-'));
    big = await bigGlb();
    await fs.writeFile(path.join(fixtureDir, 'small.png'), await drawingImage(128));
    await fs.writeFile(path.join(fixtureDir, 'big.glb'), big);
    await fs.writeFile(path.join(fixtureDir, 'not-a-model.glb'), 'this is plain text, not a model');
  });
  afterAll(async () => {
    await platform?.close();
    await proxy?.close();
    if (fixtureDir) await fs.rm(fixtureDir, { recursive: true, force: true });
  });

  it("runs the SDK's calls unchanged: STS PutObject and multipart, generate_image, import, convert", async () => {
    expect(big.byteLength).toBeGreaterThan(BOTO3_MULTIPART_THRESHOLD_BYTES);
    const account = await platform.createAccount({ credits: 100 });
    const { stdout } = await run(PYTHON, [SCRIPT], {
      env: {
        PATH: process.env.PATH,
        HOME: fixtureDir,
        TRIPO_API_KEY: account.apiKey,
        POLYFORGE_V2_BASE_URL: `${proxy.origin}/v2/openapi`,
        FIXTURE_DIR: fixtureDir,
        SSL_CERT_FILE: proxy.certificateFile,
        AWS_CA_BUNDLE: proxy.certificateFile,
        AWS_CONFIG_FILE: path.join(fixtureDir, 'none'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(fixtureDir, 'none'),
      },
      timeout: 240_000,
    }).catch((error: { stdout?: string; stderr?: string }) => {
      throw new Error(`the Python SDK calls failed:\n${error.stdout ?? ''}\n${(error.stderr ?? '').slice(-3000)}`);
    });
    const seen = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(seen.balance).toEqual({ balance: 100, frozen: 0 });
    expect(seen.generate_image).toMatchObject({
      status: 'success',
      png: true,
      input: {
        type: 'generate_image',
        model_version: 'polyforge_basic',
        file: { type: 'jpg', file_token: expect.any(String) },
      },
    });
    expect(seen.import_model).toMatchObject({ status: 'success', input: { file: { file_token: expect.any(String) } } });
    expect(seen.convert_model).toEqual({ status: 'success', zip: true });
    expect(seen.convert_vertex_colours).toEqual({ status: 400, code: 1004 });
    expect(seen.bad_upload).toMatch(/InvalidArgument/);
    // generate_image 5, import free, convert 5; the refused convert charged nothing
    expect(seen.balance_after).toEqual({ balance: 100 - 5 - 5, frozen: 0 });

    // the multipart upload left no staged parts, and the stored file is the whole model
    expect(await platform.platform.db.selectFrom('stsUploadParts').selectAll().execute()).toEqual([]);
    const stored = await platform.platform.db
      .selectFrom('files')
      .select(['sizeBytes', 'format'])
      .where('accountId', '=', account.accountId)
      .where('format', '=', 'glb')
      .execute();
    expect(stored.map((file) => Number(file.sizeBytes))).toEqual([big.byteLength]);
  });
});
