// The platform on S3 storage end to end (s3rver): uploads and outputs land in the bucket, and the public link stays
// our own signed route, which redirects to a presigned S3 URL (or streams the object in proxy mode), also for
// clients that send Authorization: Bearer on downloads.
import { S3Client, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { apiClient } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import { startLocalS3Server, type LocalS3Server } from './local-s3-server.ts';

describe('S3 storage', () => {
  let s3: LocalS3Server;
  let cubeGlb: Uint8Array;
  beforeAll(async () => {
    s3 = await startLocalS3Server();
    cubeGlb = await texturedCubeGlb();
  });
  afterAll(() => s3.close());

  async function importedCube(harness: TestPlatform) {
    const account = await harness.createAccount();
    const client = apiClient(harness.baseUrl, account.apiKey);
    const upload = await client.upload(cubeGlb, 'cube.glb');
    expect(upload.status).toBe(200);
    const created = await client.createTask({
      type: 'import_model',
      file: { type: 'glb', file_token: upload.body.data.image_token },
    });
    await harness.drainQueue();
    const task = (await client.getTask(created.body.data.task_id)).body.data;
    expect(task.status).toBe('success');
    return { account, task };
  }

  async function objectKeys(prefix: string): Promise<string[]> {
    const client = new S3Client({
      ...s3.storageConfig(),
      forcePathStyle: true,
      credentials: s3.storageConfig().credentials,
    });
    const listed = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }));
    client.destroy();
    return (listed.Contents ?? []).map((object) => object.Key!);
  }

  it('stores inputs and outputs in the bucket and redirects signed links to presigned S3 URLs', async () => {
    const harness = await startTestPlatform({ environment: { STORAGE_URL: s3.storageUrl({ prefix: 'redirect/' }) } });
    try {
      const { account, task } = await importedCube(harness);
      expect(await objectKeys(`redirect/uploads/${account.accountId}/`)).toHaveLength(1);
      expect(await objectKeys(`redirect/tasks/${task.task_id}/`)).toContain(`redirect/tasks/${task.task_id}/model.glb`);

      const link = task.output.model as string;
      expect(link.startsWith(harness.baseUrl)).toBe(true);
      const redirect = await fetch(link, { redirect: 'manual' });
      expect(redirect.status).toBe(302);
      const location = redirect.headers.get('location')!;
      expect(location.startsWith(`${s3.endpoint}/${s3.bucket}/redirect/tasks/${task.task_id}/model.glb?`)).toBe(true);
      expect(location).toMatch(/X-Amz-Expires=60\b/);
      expect(redirect.headers.get('cache-control')).toMatch(/no-store/);

      // A client that sends its API key on downloads (the Python SDK, spec §10): fetch drops Authorization on
      // the cross-origin redirect, so S3 does not see two authentication mechanisms.
      const followed = await fetch(link, { headers: { Authorization: `Bearer ${account.apiKey}` } });
      expect(followed.status).toBe(200);
      expect(followed.headers.get('content-disposition')).toBe('attachment; filename="model.glb"');
      const bytes = new Uint8Array(await followed.arrayBuffer());
      expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('glTF');

      // our signature is still checked first: a forged link never reaches S3
      const forged = await fetch(link.replace(/signature=[^&]+/, 'signature=AAAA'), { redirect: 'manual' });
      expect(forged.status).toBe(403);
      expect((await forged.json()).code).toBe(1005);
      const missing = await fetch(link.replace('/model.glb?', '/other.glb?'), { redirect: 'manual' });
      expect(missing.status).toBe(403);
    } finally {
      await harness.close();
    }
  });

  it('streams the object through the API in proxy mode', async () => {
    const harness = await startTestPlatform({
      environment: { STORAGE_URL: s3.storageUrl({ prefix: 'proxy/', download: 'proxy' }) },
    });
    try {
      const { task } = await importedCube(harness);
      const download = await fetch(task.output.model, {
        redirect: 'manual',
        headers: { Authorization: 'Bearer tsk_anything' },
      });
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('model/gltf-binary');
      const bytes = new Uint8Array(await download.arrayBuffer());
      expect(Number(download.headers.get('content-length'))).toBe(bytes.byteLength);
      expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('glTF');
    } finally {
      await harness.close();
    }
  });

  it('parses STORAGE_URL and names the setting when it is wrong', () => {
    const config = loadConfig({
      STORAGE_URL: 's3://my-bucket?endpoint=http://127.0.0.1:9000/&region=eu-west-1&force_path_style=true&prefix=pf/',
      AWS_ACCESS_KEY_ID: 'id',
      AWS_SECRET_ACCESS_KEY: 'secret',
    });
    expect(config.storage).toEqual({
      kind: 's3',
      bucket: 'my-bucket',
      endpoint: 'http://127.0.0.1:9000',
      region: 'eu-west-1',
      forcePathStyle: true,
      prefix: 'pf/',
      credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
      downloadMode: 'redirect',
    });
    expect(loadConfig({}).storage.kind).toBe('local');
    expect(loadConfig({ STORAGE_URL: 's3://b-1' }).storage).toMatchObject({
      region: 'us-east-1',
      credentials: undefined,
      forcePathStyle: false,
    });
    expect(() => loadConfig({ STORAGE_URL: 's3://bkt?endpoint=ftp://x' })).toThrow(
      /STORAGE_URL: endpoint must be an http/,
    );
    expect(() => loadConfig({ STORAGE_URL: 's3://bkt?colour=red' })).toThrow(/STORAGE_URL: unknown setting "colour"/);
    expect(() => loadConfig({ STORAGE_URL: 's3://B_' })).toThrow(/STORAGE_URL/);
    expect(() => loadConfig({ STORAGE_URL: 's3://bucket?access_key_id=x' })).toThrow(
      /both an access key id and a secret/,
    );
    expect(() => loadConfig({ STORAGE_URL: 'http://bucket' })).toThrow(/STORAGE_URL/);
  });

  it('fails at boot, naming STORAGE_URL, when the bucket cannot be reached', async () => {
    await expect(
      startTestPlatform({
        environment: { STORAGE_URL: s3.storageUrl().replace(`s3://${s3.bucket}`, 's3://missing-bucket') },
      }),
    ).rejects.toThrow(/STORAGE_URL: cannot reach bucket "missing-bucket"/);
  });
});
