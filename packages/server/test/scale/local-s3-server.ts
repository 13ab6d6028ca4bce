// Starts s3rver (an S3-compatible server on local disk) on an ephemeral loopback port, for tests and benchmarks.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import type { S3StorageConfig } from '../../src/storage/s3-blob-store.ts';

export interface LocalS3Server {
  endpoint: string;
  bucket: string;
  /** a STORAGE_URL that points the platform at this server */
  storageUrl(options?: { prefix?: string; download?: 'redirect' | 'proxy' }): string;
  storageConfig(options?: { prefix?: string; download?: 'redirect' | 'proxy' }): S3StorageConfig;
  close(): Promise<void>;
}

// s3rver's fixed development credentials; it checks request signatures against them.
const ACCESS_KEY_ID = 'S3RVER';
const SECRET_ACCESS_KEY = 'S3RVER';

export async function startLocalS3Server(bucket = 'polyforge-test'): Promise<LocalS3Server> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-s3rver-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    storageUrl: (options = {}) => {
      const query = new URLSearchParams({
        endpoint,
        region: 'us-east-1',
        force_path_style: 'true',
        access_key_id: ACCESS_KEY_ID,
        secret_access_key: SECRET_ACCESS_KEY,
      });
      if (options.prefix) query.set('prefix', options.prefix);
      if (options.download) query.set('download', options.download);
      return `s3://${bucket}?${query.toString()}`;
    },
    storageConfig: (options = {}) => ({
      kind: 's3',
      bucket,
      endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      prefix: options.prefix ?? '',
      credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY },
      downloadMode: options.download ?? 'redirect',
    }),
    async close() {
      await server.close();
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}
