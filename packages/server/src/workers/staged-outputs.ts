// Outputs a worker uploads under its lease: checked (key, extension, size, content), then staged until complete
// publishes them with the task's success; dropped when the lease ends any other way.
import { detectFileFormat } from '@polyforge/geometry/read/detect-file-format';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database-schema.ts';
import { DomainError } from '../domain-error.ts';
import type { BlobStore } from '../storage/blob-store.ts';

const OUTPUT_KEY = /^[a-z][a-z0-9_]{0,63}(\.[a-z][a-z0-9_]{0,63})?$/;
const EXTENSION = /^[a-z0-9]{1,8}$/;
export const STAGED_OUTPUT_TTL_MS = 24 * 3600 * 1000;
/** Extensions whose content we can recognise must match it. */
const CHECKED_EXTENSIONS: Record<string, string> = {
  glb: 'glb',
  gltf: 'gltf',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  webp: 'webp',
  stl: 'stl',
  obj: 'obj',
  fbx: 'fbx',
};

export interface CheckedOutput {
  /** the extension, lowercased */
  cleanExtension: string;
  /** what the bytes are, when recognised */
  detected: ReturnType<typeof detectFileFormat>;
}

/** Refuses an output whose key, extension or size is invalid, or whose bytes are not what its extension says. */
export function checkOutput(
  outputKey: string,
  extension: string,
  bytes: Uint8Array,
  maxOutputBytes: number,
): CheckedOutput {
  if (!OUTPUT_KEY.test(outputKey))
    throw new DomainError(
      'invalidParameter',
      `"${outputKey}" is not an output key (snake_case, e.g. model, pbr_model, generate_multiview_image.front_view_url)`,
    );
  const cleanExtension = extension.toLowerCase();
  if (!EXTENSION.test(cleanExtension))
    throw new DomainError(
      'invalidParameter',
      'the extension query parameter must be 1 to 8 letters or digits, e.g. glb',
    );
  if (bytes.byteLength === 0) throw new DomainError('emptyFile', 'the output is empty');
  if (bytes.byteLength > maxOutputBytes)
    throw new DomainError('payloadTooLarge', `outputs may be at most ${Math.round(maxOutputBytes / 1048576)} MB`);
  const expected = CHECKED_EXTENSIONS[cleanExtension];
  const detected = detectFileFormat(bytes, `${outputKey}.${cleanExtension}`);
  if (expected && detected?.format !== expected) {
    throw new DomainError(
      'unsupportedFileType',
      `the bytes are not a ${cleanExtension.toUpperCase()} file${detected ? ` (they look like ${detected.format})` : ''}`,
    );
  }
  return { cleanExtension, detected };
}

/** Stores a checked output under the lease. Re-uploading a key replaces it. */
export async function stageOutput(
  stores: { db: Database; blobs: BlobStore; clock: Clock },
  leaseId: string,
  outputKey: string,
  bytes: Uint8Array,
  contentType: string | undefined,
  { cleanExtension, detected }: CheckedOutput,
) {
  const { db, blobs, clock } = stores;
  const blobKey = `worker-uploads/${leaseId}/${outputKey.replace(/\./g, '__')}.${cleanExtension}`;
  await blobs.put(blobKey, bytes);
  const mimeType =
    detected?.mimeType ??
    (contentType && /^[\w.+-]+\/[\w.+-]+$/.test(contentType) ? contentType : 'application/octet-stream');
  const row = {
    leaseId,
    outputKey,
    blobKey,
    extension: cleanExtension,
    mimeType,
    sizeBytes: bytes.byteLength,
    createdAt: clock.nowMs(),
  };
  await db
    .insertInto('leaseOutputs')
    .values(row)
    .onConflict((conflict) =>
      conflict.columns(['leaseId', 'outputKey']).doUpdateSet({
        blobKey,
        extension: cleanExtension,
        mimeType,
        sizeBytes: bytes.byteLength,
        createdAt: row.createdAt,
      }),
    )
    .execute();
  return { output_key: outputKey, size_bytes: bytes.byteLength, mime_type: mimeType };
}

/** Deletes a lease's staged outputs (pass their blob keys when already known, to save a read). */
export async function dropStagedOutputs(
  db: Database,
  blobs: BlobStore,
  leaseId: string,
  knownBlobKeys?: string[],
): Promise<void> {
  const blobKeys =
    knownBlobKeys ??
    (await db.selectFrom('leaseOutputs').select(['blobKey']).where('leaseId', '=', leaseId).execute()).map(
      (row) => row.blobKey,
    );
  for (const blobKey of blobKeys) await blobs.delete(blobKey).catch(() => undefined);
  if (blobKeys.length > 0) await db.deleteFrom('leaseOutputs').where('leaseId', '=', leaseId).execute();
}
