// BlobStore on the local file system, under the data directory. Writes go to a temp file first, then rename.
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { assertSafeBlobKey, type BlobReadStream, type BlobStore } from './blob-store.ts';

export class LocalDiskBlobStore implements BlobStore {
  constructor(private readonly rootDir: string) {}

  async checkReachable(): Promise<void> {
    await fs.mkdir(this.rootDir, { recursive: true });
    await fs.access(this.rootDir, fs.constants.R_OK | fs.constants.W_OK);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const filePath = this.pathOf(key);
    await fs.mkdir(path.dirname(filePath), { recursive: true });
    const temporaryPath = `${filePath}.${randomUUID()}.partial`;
    await fs.writeFile(temporaryPath, bytes);
    await fs.rename(temporaryPath, filePath);
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      return new Uint8Array(await fs.readFile(this.pathOf(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async openReadStream(key: string): Promise<BlobReadStream | undefined> {
    const filePath = this.pathOf(key);
    try {
      const handle = await fs.open(filePath, 'r');
      const { size } = await handle.stat();
      return { stream: handle.createReadStream(), sizeBytes: size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await fs.access(this.pathOf(key));
      return true;
    } catch {
      return false;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    assertSafeBlobKey(key);
    return path.join(this.rootDir, ...key.split('/'));
  }
}
