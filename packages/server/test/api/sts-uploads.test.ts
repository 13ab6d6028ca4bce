// STS uploads over real HTTP with a real S3 client (the AWS SDK for JavaScript): credentials from
// POST /v2/openapi/upload/sts/token, PutObject and multipart upload to this server's endpoint, then
// {"object": {"bucket", "key"}} references on V2 and V3; and every way a request is refused.
import {
  AbortMultipartUploadCommand,
  ListObjectsV2Command,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { drawingImage } from '@polyforge/geometry/test/fixtures/build-image-fixtures';
import { apiClient } from '../harness/api-client.ts';
import { ManualClock, startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import { startLocalS3Server, type LocalS3Server } from '../scale/local-s3-server.ts';

const MAX_UPLOAD_MB = 1;

interface Grant {
  s3_host: string;
  resource_bucket: string;
  resource_uri: string;
  session_token: string;
  sts_ak: string;
  sts_sk: string;
}

function s3ClientFor(grant: Grant, overrides: { secretAccessKey?: string; sessionToken?: string } = {}): S3Client {
  return new S3Client({
    endpoint: `http://${grant.s3_host}`,
    region: 'us-west-2',
    maxAttempts: 1,
    credentials: {
      accessKeyId: grant.sts_ak,
      secretAccessKey: overrides.secretAccessKey ?? grant.sts_sk,
      sessionToken: overrides.sessionToken ?? grant.session_token,
    },
  });
}

async function s3Failure(promise: Promise<unknown>): Promise<{ name: string; status?: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    const failure = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: failure.name, status: failure.$metadata?.httpStatusCode, message: failure.message };
  }
  throw new Error('expected the S3 request to fail');
}

describe('STS uploads', () => {
  const clock = new ManualClock(Date.now());
  let platform: TestPlatform;
  let png: Uint8Array;
  let glb: Uint8Array;
  beforeAll(async () => {
    platform = await startTestPlatform({
      clock,
      environment: { POLYFORGE_MAX_UPLOAD_MB: String(MAX_UPLOAD_MB), POLYFORGE_MAX_IMAGE_MB: String(MAX_UPLOAD_MB) },
    });
    // a drawing of one object on a plain background: image_to_model refuses images with no clear object at create
    png = await drawingImage(128);
    glb = await texturedCubeGlb();
  });
  afterAll(() => platform?.close());

  async function account() {
    const created = await platform.createAccount({ credits: 200 });
    return { ...created, api: apiClient(platform.baseUrl, created.apiKey) };
  }

  async function grantFor(api: ReturnType<typeof apiClient>, format: string): Promise<Grant> {
    const response = await api.send('POST', '/v2/openapi/upload/sts/token', { json: { format } });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.data as Grant;
  }

  it("issues credentials in Tripo's shape for one key, and a PutObject there is a file on V2 and V3", async () => {
    const { api, clientId } = await account();
    const grant = await grantFor(api, 'png');
    expect(grant).toMatchObject({ s3_host: new URL(platform.baseUrl).host, resource_bucket: 'polyforge_uploads' });
    expect(grant.resource_uri).toMatch(new RegExp(`^${clientId}/\\d{8}/[0-9a-f-]{36}/input\\.png$`));
    const put = await s3ClientFor(grant).send(
      new PutObjectCommand({ Bucket: grant.resource_bucket, Key: grant.resource_uri, Body: png }),
    );
    expect(put.ETag).toMatch(/^"[0-9a-f]{32}"$/);

    const object = { bucket: grant.resource_bucket, key: grant.resource_uri };
    const v2 = await api.createTask({ type: 'image_to_model', file: { type: 'jpg', object } });
    expect(v2.status, JSON.stringify(v2.body)).toBe(200);
    const task = await api.getTask(v2.body.data.task_id);
    expect(task.body.data.input.file).toEqual({ type: 'jpg', file_token: grant.resource_uri.split('/')[2] });
    const v3 = await api.send('POST', '/v3/generation/image-to-model', {
      json: { model: 'v3.0-20250812', input: { object } },
    });
    expect(v3.status, JSON.stringify(v3.body)).toBe(200);

    const again = await s3Failure(
      s3ClientFor(grant).send(
        new PutObjectCommand({ Bucket: grant.resource_bucket, Key: grant.resource_uri, Body: png }),
      ),
    );
    expect(again).toMatchObject({ name: 'AccessDenied', status: 403, message: expect.stringMatching(/already used/) });
  });

  it('joins a multipart upload in part order into one file, and removes the staged parts', async () => {
    const { api } = await account();
    const grant = await grantFor(api, 'glb');
    const s3 = s3ClientFor(grant);
    const target = { Bucket: grant.resource_bucket, Key: grant.resource_uri };
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand(target));
    const split = Math.floor(glb.byteLength / 2);
    const second = await s3.send(
      new UploadPartCommand({ ...target, UploadId, PartNumber: 2, Body: glb.subarray(split) }),
    );
    const first = await s3.send(
      new UploadPartCommand({ ...target, UploadId, PartNumber: 1, Body: glb.subarray(0, split) }),
    );
    const outOfOrder = await s3Failure(
      s3.send(
        new CompleteMultipartUploadCommand({
          ...target,
          UploadId,
          MultipartUpload: {
            Parts: [
              { PartNumber: 2, ETag: second.ETag },
              { PartNumber: 1, ETag: first.ETag },
            ],
          },
        }),
      ),
    );
    expect(outOfOrder).toMatchObject({ name: 'InvalidPartOrder', status: 400 });
    const wrongTag = await s3Failure(
      s3.send(
        new CompleteMultipartUploadCommand({
          ...target,
          UploadId,
          MultipartUpload: {
            Parts: [
              { PartNumber: 1, ETag: second.ETag },
              { PartNumber: 2, ETag: second.ETag },
            ],
          },
        }),
      ),
    );
    expect(wrongTag).toMatchObject({ name: 'InvalidPart', status: 400 });
    const completed = await s3.send(
      new CompleteMultipartUploadCommand({
        ...target,
        UploadId,
        MultipartUpload: {
          Parts: [
            { PartNumber: 1, ETag: first.ETag },
            { PartNumber: 2, ETag: second.ETag },
          ],
        },
      }),
    );
    expect(completed.ETag).toMatch(/^"[0-9a-f]{32}-2"$/);
    expect(
      await platform.platform.db
        .selectFrom('stsUploadParts')
        .selectAll()
        .where('uploadId', '=', grant.resource_uri.split('/')[2]!)
        .execute(),
    ).toEqual([]);

    const created = await api.createTask({
      type: 'import_model',
      file: { object: { bucket: grant.resource_bucket, key: grant.resource_uri } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    await platform.drainQueue();
    expect((await api.getTask(created.body.data.task_id)).body.data.status).toBe('success');
  });

  it('bounds sizes, checks the type, and lets a refused upload be tried again', async () => {
    const { api } = await account();
    const grant = await grantFor(api, 'png');
    const s3 = s3ClientFor(grant);
    const target = { Bucket: grant.resource_bucket, Key: grant.resource_uri };
    const tooBig = new Uint8Array(MAX_UPLOAD_MB * 1024 * 1024 + 10);
    expect(await s3Failure(s3.send(new PutObjectCommand({ ...target, Body: tooBig })))).toMatchObject({ status: 400 });
    expect(
      await s3Failure(
        s3.send(new PutObjectCommand({ ...target, Body: new TextEncoder().encode('not an image at all') })),
      ),
    ).toMatchObject({ name: 'InvalidArgument', status: 400, message: expect.stringMatching(/could not recognise/) });

    const { UploadId } = await s3.send(new CreateMultipartUploadCommand(target));
    await s3.send(new UploadPartCommand({ ...target, UploadId, PartNumber: 1, Body: new Uint8Array(700 * 1024) }));
    const overLimit = await s3Failure(
      s3.send(new UploadPartCommand({ ...target, UploadId, PartNumber: 2, Body: new Uint8Array(400 * 1024) })),
    );
    expect(overLimit).toMatchObject({ name: 'EntityTooLarge', status: 400 });
    await s3.send(new AbortMultipartUploadCommand({ ...target, UploadId }));
    expect(
      await platform.platform.db
        .selectFrom('stsUploadParts')
        .selectAll()
        .where('multipartId', '=', UploadId!)
        .execute(),
    ).toEqual([]);

    await s3.send(new PutObjectCommand({ ...target, Body: png }));
    expect(
      (
        await api.createTask({
          type: 'image_to_model',
          file: { object: { bucket: grant.resource_bucket, key: grant.resource_uri } },
        })
      ).status,
    ).toBe(200);
  });

  it('refuses wrong secrets, forged tokens, other keys, unsigned and expired requests', async () => {
    const { api } = await account();
    const grant = await grantFor(api, 'png');
    const other = await grantFor(api, 'png');
    const target = { Bucket: grant.resource_bucket, Key: grant.resource_uri };
    expect(
      await s3Failure(
        s3ClientFor(grant, { secretAccessKey: other.sts_sk }).send(new PutObjectCommand({ ...target, Body: png })),
      ),
    ).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
    expect(
      await s3Failure(
        s3ClientFor(grant, { sessionToken: other.session_token }).send(new PutObjectCommand({ ...target, Body: png })),
      ),
    ).toMatchObject({ name: 'InvalidAccessKeyId', status: 403 });
    const forged = grant.session_token.replace(/\.[^.]+$/, '.AAAA');
    expect(
      await s3Failure(
        s3ClientFor(grant, { sessionToken: forged }).send(new PutObjectCommand({ ...target, Body: png })),
      ),
    ).toMatchObject({ name: 'InvalidAccessKeyId', status: 403 });
    const otherKey = await s3Failure(
      s3ClientFor(grant).send(
        new PutObjectCommand({ Bucket: grant.resource_bucket, Key: other.resource_uri, Body: png }),
      ),
    );
    expect(otherKey).toMatchObject({
      name: 'AccessDenied',
      status: 403,
      message: expect.stringMatching(/may only write/),
    });

    const unsigned = await fetch(`http://${grant.s3_host}/${grant.resource_bucket}/${grant.resource_uri}`, {
      method: 'PUT',
      body: new Uint8Array(png),
    });
    expect(unsigned.status).toBe(403);
    expect(await unsigned.text()).toMatch(/<Code>AccessDenied<\/Code>.*Signature Version 4/s);

    clock.advanceSeconds(2 * 3600);
    try {
      expect(
        await s3Failure(
          s3ClientFor(other).send(
            new PutObjectCommand({ Bucket: other.resource_bucket, Key: other.resource_uri, Body: png }),
          ),
        ),
      ).toMatchObject({ name: 'ExpiredToken', status: 400 });
    } finally {
      clock.advanceSeconds(-2 * 3600);
    }
    expect((await api.balance()).body.data).toEqual({ balance: 200, frozen: 0 });
  });

  it("answers clear errors for bad token requests and for objects that are missing, unfinished or another account's", async () => {
    const { api } = await account();
    expect((await api.send('POST', '/v2/openapi/upload/sts/token', { json: { format: '3mf' } })).body).toMatchObject({
      code: 1004,
      message: expect.stringMatching(/format must be one of/),
    });
    expect((await api.send('POST', '/v2/openapi/upload/sts/token', { json: {} })).status).toBe(400);
    expect(
      (await apiClient(platform.baseUrl).send('POST', '/v2/openapi/upload/sts/token', { json: { format: 'png' } }))
        .status,
    ).toBe(401);

    const grant = await grantFor(api, 'png');
    const object = { bucket: grant.resource_bucket, key: grant.resource_uri };
    const early = await api.createTask({ type: 'image_to_model', file: { type: 'png', object } });
    expect(early.body).toMatchObject({ code: 2019, message: expect.stringMatching(/nothing was uploaded/) });
    await s3ClientFor(grant).send(new PutObjectCommand({ Bucket: object.bucket, Key: object.key, Body: png }));

    const stranger = await account();
    expect(
      (await stranger.api.createTask({ type: 'image_to_model', file: { type: 'png', object } })).body,
    ).toMatchObject({ code: 2019, message: expect.stringMatching(/does not name a file uploaded by this account/) });
    const v3 = await stranger.api.send('POST', '/v3/generation/image-to-model', {
      json: { model: 'v3.0-20250812', input: { object } },
    });
    expect(v3.body).toMatchObject({ code: 1004, status: 'error' });
    expect(
      (
        await api.createTask({
          type: 'image_to_model',
          file: { type: 'png', object: { bucket: 'tripo-data', key: object.key } },
        })
      ).body,
    ).toMatchObject({ code: 2019, message: expect.stringMatching(/upload bucket/) });
    // a model task given an image object, and the other way round
    expect((await api.createTask({ type: 'import_model', file: { object } })).body).toMatchObject({ code: 2004 });
    expect((await api.balance()).body.data).toEqual({ balance: 200, frozen: 0 });
  });
});

describe('STS uploads on S3 storage', () => {
  let s3: LocalS3Server;
  let platform: TestPlatform;
  beforeAll(async () => {
    s3 = await startLocalS3Server();
    platform = await startTestPlatform({ environment: { STORAGE_URL: s3.storageUrl({ prefix: 'sts/' }) } });
  });
  afterAll(async () => {
    await platform?.close();
    await s3?.close();
  });

  it("stages parts and stores the joined file in the operator's bucket, behind the same endpoint", async () => {
    const account = await platform.createAccount({ credits: 50 });
    const api = apiClient(platform.baseUrl, account.apiKey);
    const grant = (await api.send('POST', '/v2/openapi/upload/sts/token', { json: { format: 'glb' } })).body
      .data as Grant;
    const client = s3ClientFor(grant);
    const target = { Bucket: grant.resource_bucket, Key: grant.resource_uri };
    const glb = await texturedCubeGlb();
    const { UploadId } = await client.send(new CreateMultipartUploadCommand(target));
    const half = Math.floor(glb.byteLength / 2);
    const parts = [];
    for (const [index, bytes] of [glb.subarray(0, half), glb.subarray(half)].entries()) {
      const uploaded = await client.send(
        new UploadPartCommand({ ...target, UploadId, PartNumber: index + 1, Body: bytes }),
      );
      parts.push({ PartNumber: index + 1, ETag: uploaded.ETag });
    }
    const bucket = new S3Client({
      ...s3.storageConfig(),
      forcePathStyle: true,
      credentials: s3.storageConfig().credentials,
    });
    const keys = async (prefix: string) =>
      ((await bucket.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }))).Contents ?? []).map(
        (object) => object.Key!,
      );
    expect(await keys('sts/staging/sts/')).toHaveLength(2);
    await client.send(new CompleteMultipartUploadCommand({ ...target, UploadId, MultipartUpload: { Parts: parts } }));
    expect(await keys('sts/staging/sts/')).toEqual([]);
    expect(await keys(`sts/uploads/${account.accountId}/`)).toEqual([
      `sts/uploads/${account.accountId}/${grant.resource_uri.split('/')[2]}.glb`,
    ]);
    bucket.destroy();

    const created = await api.createTask({
      type: 'import_model',
      file: { object: { bucket: grant.resource_bucket, key: grant.resource_uri } },
    });
    await platform.drainQueue();
    expect((await api.getTask(created.body.data.task_id)).body.data.status).toBe('success');
  });
});
