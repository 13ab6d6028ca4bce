// BlobStore on S3 or an S3-compatible server (MinIO, R2, Ceph...), through the AWS SDK v3; downloads can be
// served as short-lived presigned GET URLs so the bytes never pass through an API process.
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { StorageConfig } from '../config.ts';
import { assertSafeBlobKey, type BlobReadStream, type BlobStore, type DownloadUrlOptions } from './blob-store.ts';

export type S3StorageConfig = Extract<StorageConfig, { kind: 's3' }>;

export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;

  constructor(private readonly config: S3StorageConfig) {
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials,
      // The SDK's default CRC32 trailers on uploads are not understood by every S3-compatible server; integrity
      // is covered by TLS and by Content-MD5-free plain PUTs, which all of them accept.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
    });
  }

  /** Fails with a message naming the setting when the bucket cannot be reached (called at boot). */
  async checkBucket(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.config.bucket }));
    } catch (error) {
      throw new Error(
        `STORAGE_URL: cannot reach bucket "${this.config.bucket}"${this.config.endpoint ? ` at ${this.config.endpoint}` : ''}: ${describe(error)}`,
      );
    }
  }

  checkReachable(): Promise<void> {
    return this.checkBucket();
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.config.bucket,
        Key: this.objectKey(key),
        Body: bytes,
        ContentLength: bytes.byteLength,
      }),
    );
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    const opened = await this.openReadStream(key);
    if (!opened) return undefined;
    const chunks: Buffer[] = [];
    for await (const chunk of opened.stream) chunks.push(chunk as Buffer);
    return new Uint8Array(Buffer.concat(chunks));
  }

  async openReadStream(key: string): Promise<BlobReadStream | undefined> {
    try {
      const response = await this.client.send(
        new GetObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }),
      );
      return { stream: response.Body as Readable, sizeBytes: response.ContentLength };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }));
  }

  /**
   * A presigned GET URL valid for ttlSeconds, or undefined in proxy mode (the route then streams the object).
   * It does not check that the object exists: S3 answers 404 NoSuchKey itself.
   */
  async downloadUrl(key: string, options: DownloadUrlOptions): Promise<string | undefined> {
    if (this.config.downloadMode !== 'redirect') return undefined;
    const command = new GetObjectCommand({
      Bucket: this.config.bucket,
      Key: this.objectKey(key),
      ResponseContentType: options.contentType,
      ResponseContentDisposition: `attachment; filename="${options.fileName}"`,
      ResponseCacheControl: 'private, max-age=0, no-store',
    });
    return getSignedUrl(this.client, command, { expiresIn: options.ttlSeconds });
  }

  close(): void {
    this.client.destroy();
  }

  private objectKey(key: string): string {
    assertSafeBlobKey(key);
    return this.config.prefix + key;
  }
}

function isMissing(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  return error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404;
}

function describe(error: unknown): string {
  if (error instanceof S3ServiceException) return `${error.name} (HTTP ${error.$metadata.httpStatusCode ?? '?'})`;
  return (error as Error)?.message ?? String(error);
}
