// The BlobStore seam: where uploaded inputs and task outputs live. Local disk today; S3 joins later with the same contract.
export interface BlobStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** Returns undefined when the key does not exist. */
  get(key: string): Promise<Uint8Array | undefined>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/** Keys are built by the platform, never by clients; still, refuse anything that could escape the store. */
export function assertSafeBlobKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.split('/').some((segment) => segment === '..' || segment === '.')) {
    throw new Error(`unsafe blob key: ${key}`);
  }
}
