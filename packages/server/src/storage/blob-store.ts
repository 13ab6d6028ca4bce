// The BlobStore seam: where uploaded inputs and task outputs live. Local disk by default, S3 for scale-out;
// both pass the same contract suite (blob-store.contract.ts).
import type { Readable } from 'node:stream';

export interface BlobStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** Returns undefined when the key does not exist. */
  get(key: string): Promise<Uint8Array | undefined>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Streams the blob (large downloads without holding it in memory); undefined when the key does not exist. */
  openReadStream?(key: string): Promise<BlobReadStream | undefined>;
  /**
   * A URL where the client can fetch the blob directly for ttlSeconds (S3 presigned GET), or undefined when the
   * platform should serve the bytes itself.
   */
  downloadUrl?(key: string, options: DownloadUrlOptions): Promise<string | undefined>;
  /** Resolves when the store can be reached and written (the readiness check); rejects with the reason otherwise. */
  checkReachable(): Promise<void>;
  close?(): void;
}

export interface BlobReadStream {
  stream: Readable;
  sizeBytes?: number;
}

export interface DownloadUrlOptions {
  ttlSeconds: number;
  fileName: string;
  contentType: string;
}

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/** Keys are built by the platform, never by clients; still, refuse anything that could escape the store. */
export function assertSafeBlobKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.split('/').some((segment) => segment === '..' || segment === '.')) {
    throw new Error(`unsafe blob key: ${key}`);
  }
}
