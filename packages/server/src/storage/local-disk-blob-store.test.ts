// The blob-store contract against local disk, each store in its own temp dir (removed afterwards).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { describeBlobStoreContract } from './blob-store.contract.ts';
import { LocalDiskBlobStore } from './local-disk-blob-store.ts';

const directories: string[] = [];
afterAll(() => Promise.all(directories.map((directory) => fs.rm(directory, { recursive: true, force: true }))));

describeBlobStoreContract('local disk', async () => {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-blobs-'));
  directories.push(directory);
  return new LocalDiskBlobStore(directory);
});
