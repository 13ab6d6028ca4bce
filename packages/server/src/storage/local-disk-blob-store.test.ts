import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describeBlobStoreContract } from './blob-store.contract.ts';
import { LocalDiskBlobStore } from './local-disk-blob-store.ts';

describeBlobStoreContract('local disk', async () => new LocalDiskBlobStore(await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-blobs-'))));
