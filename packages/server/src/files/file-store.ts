// Uploaded files: type-checked by content, bounded in size, stored as blobs, owned by one account.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Database, FilesTable } from '../db/database-schema.ts';
import { preparedQuery } from '../db/prepared-query.ts';
import { DomainError } from '../domain-error.ts';
import { detectFileFormat } from '@polyforge/geometry/read/detect-file-format';
import { newId } from '../ids.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import { ImageInputs } from '../images/image-inputs.ts';
import { inspectImage } from '../images/inspect-image.ts';

const fileByIdQuery = preparedQuery<Omit<FilesTable, 'createdAt'>, [string, string]>((db, slot) =>
  db
    .selectFrom('files')
    .select(['id', 'accountId', 'fileName', 'kind', 'format', 'mimeType', 'sizeBytes', 'blobKey'])
    .where('id', '=', slot(0))
    .where('accountId', '=', slot(1)),
);

export interface StoredFile {
  id: string;
  accountId: string;
  fileName: string;
  kind: 'image' | 'model';
  format: string;
  mimeType: string;
  sizeBytes: number;
  blobKey: string;
}

export interface SaveUploadOptions {
  /** the file id to use (a presigned slot's id); a new UUID otherwise */
  id?: string;
  /** the format the uploader announced; bytes of another format are refused */
  expectedFormat?: string | null;
}

/** Formats a presigned upload may announce (`jpg` is read as `jpeg`). */
export const PRESIGNED_UPLOAD_FORMATS = ['jpg', 'jpeg', 'png', 'webp', 'glb', 'gltf', 'obj', 'fbx', 'stl'] as const;

export interface PendingUpload {
  id: string;
  accountId: string;
  /** the URL credential; only its hash is stored */
  secret: string;
  format: string | null;
  expiresAt: number;
}

export interface PendingUploadOptions {
  format?: string;
  ttlSeconds: number;
  /** the slot's id (an STS upload names it in its credentials first); a new UUID otherwise */
  id?: string;
  /** the credential the bytes must come with; a random one otherwise */
  secret?: string;
}

export interface UploadLimits {
  maxUploadBytes: number;
  maxImageBytes: number;
}

export class FileStore {
  constructor(
    private readonly db: Database,
    private readonly blobs: BlobStore,
    private readonly clock: Clock,
    private readonly limits: UploadLimits,
    /** input-image checks: content policy and `url` fetching (images/image-inputs.ts) */
    private readonly images: ImageInputs = new ImageInputs({ maxImageBytes: limits.maxImageBytes }),
  ) {}

  async saveUpload(
    accountId: string,
    fileName: string,
    bytes: Uint8Array,
    options: SaveUploadOptions = {},
  ): Promise<StoredFile> {
    if (bytes.byteLength === 0) throw new DomainError('emptyFile', 'the uploaded file is empty');
    if (bytes.byteLength > this.limits.maxUploadBytes) {
      throw new DomainError('payloadTooLarge', `files may be at most ${megabytes(this.limits.maxUploadBytes)} MB`);
    }
    const detected = detectFileFormat(bytes, fileName);
    if (!detected) {
      throw new DomainError(
        'unsupportedFileType',
        `could not recognise "${safeName(fileName)}" as a JPEG, PNG or WebP image or a GLB, glTF, OBJ, STL or FBX model`,
      );
    }
    if (detected.kind === 'image' && bytes.byteLength > this.limits.maxImageBytes) {
      throw new DomainError('payloadTooLarge', `images may be at most ${megabytes(this.limits.maxImageBytes)} MB`);
    }
    // dimensions and decodability from the header: a decompression bomb is refused before it is stored
    if (detected.kind === 'image') await inspectImage(bytes, { label: `"${safeName(fileName)}"` });
    if (options.expectedFormat && options.expectedFormat !== detected.format) {
      throw new DomainError(
        'unsupportedFileType',
        `this upload was announced as ${options.expectedFormat}, but the bytes are a ${detected.format} ${detected.kind}`,
      );
    }
    const id = options.id ?? newId();
    const blobKey = `uploads/${accountId}/${id}.${detected.extension}`;
    await this.blobs.put(blobKey, bytes);
    const stored: StoredFile = {
      id,
      accountId,
      fileName: safeName(fileName),
      kind: detected.kind,
      format: detected.format,
      mimeType: detected.mimeType,
      sizeBytes: bytes.byteLength,
      blobKey,
    };
    await this.db
      .insertInto('files')
      .values({ ...stored, createdAt: this.clock.nowMs() })
      .execute();
    return stored;
  }

  /** Another account's file reads as missing. */
  async findFile(accountId: string, fileId: string): Promise<StoredFile | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(fileId)) return undefined;
    const [row] = await fileByIdQuery(this.db, fileId.toLowerCase(), accountId);
    return row ? { ...row, kind: row.kind as StoredFile['kind'] } : undefined;
  }

  /** Issues a presigned upload slot; its id becomes the file's id once the bytes arrive (completePendingUpload). */
  async createPendingUpload(accountId: string, options: PendingUploadOptions): Promise<PendingUpload> {
    const format = options.format === undefined ? null : normaliseUploadFormat(options.format);
    const nowMs = this.clock.nowMs();
    const upload: PendingUpload = {
      id: options.id ?? newId(),
      accountId,
      secret: options.secret ?? randomBytes(32).toString('base64url'),
      format,
      expiresAt: nowMs + options.ttlSeconds * 1000,
    };
    await this.db
      .insertInto('pendingUploads')
      .values({
        id: upload.id,
        accountId,
        secretHash: hashSecret(upload.secret),
        format,
        createdAt: nowMs,
        expiresAt: upload.expiresAt,
        completedAt: null,
      })
      .execute();
    return upload;
  }

  /** The slot with this id, if this account issued it (to explain a token whose bytes have not arrived yet). */
  async findPendingUpload(
    accountId: string,
    uploadId: string,
  ): Promise<{ completed: boolean; expired: boolean } | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(uploadId)) return undefined;
    const row = await this.db
      .selectFrom('pendingUploads')
      .select(['completedAt', 'expiresAt'])
      .where('id', '=', uploadId.toLowerCase())
      .where('accountId', '=', accountId)
      .executeTakeFirst();
    return row
      ? { completed: row.completedAt !== null, expired: Number(row.expiresAt) < this.clock.nowMs() }
      : undefined;
  }

  /**
   * Stores the bytes PUT to a presigned URL. The secret is the credential (no API key); a slot takes one
   * upload: it is claimed first, and given back when the bytes are refused, so the client can PUT again.
   */
  async completePendingUpload(uploadId: string, secret: string | undefined, bytes: Uint8Array): Promise<StoredFile> {
    const row = /^[0-9a-f-]{36}$/i.test(uploadId)
      ? await this.db
          .selectFrom('pendingUploads')
          .selectAll()
          .where('id', '=', uploadId.toLowerCase())
          .executeTakeFirst()
      : undefined;
    if (!row || !secret || !sameSecret(row.secretHash, secret))
      throw new DomainError('forbidden', 'this upload URL is not valid');
    if (Number(row.expiresAt) < this.clock.nowMs())
      throw new DomainError(
        'forbidden',
        'this upload URL has expired; ask for a new one (POST /v3/files/presign, or /v2/openapi/upload/sts/token)',
      );
    const claimed = await this.db
      .updateTable('pendingUploads')
      .set({ completedAt: this.clock.nowMs() })
      .where('id', '=', row.id)
      .where('completedAt', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1)
      throw new DomainError(
        'forbidden',
        'this upload URL was already used; ask for a new one (POST /v3/files/presign, or /v2/openapi/upload/sts/token)',
      );
    try {
      const extension = row.format ?? 'bin';
      return await this.saveUpload(row.accountId, `upload.${extension}`, bytes, {
        id: row.id,
        expectedFormat: row.format,
      });
    } catch (error) {
      await this.db.updateTable('pendingUploads').set({ completedAt: null }).where('id', '=', row.id).execute();
      throw error;
    }
  }

  /**
   * Create time, for an image a task uses: its limits and the content policy (2008). The classifier's score is
   * computed once per file and kept in its row; files stored before the check existed are inspected then.
   */
  async checkImageForTask(file: StoredFile, label: string): Promise<void> {
    const row = await this.db
      .selectFrom('files')
      .select(['unsafeScore'])
      .where('id', '=', file.id)
      .where('accountId', '=', file.accountId)
      .executeTakeFirst();
    let score = row?.unsafeScore ?? null;
    if (score === null) {
      const bytes = await this.readBytes(file);
      await inspectImage(bytes, { label });
      score = await this.images.safety.unsafeScoreOf(bytes);
      await this.db.updateTable('files').set({ unsafeScore: score }).where('id', '=', file.id).execute();
    }
    this.images.safety.assertAllowed(Number(score), label);
  }

  /** Create time, for a `url` reference: refused schemes and addresses, without fetching it. */
  checkImageUrl(url: string): void {
    this.images.checkUrlReference(url);
  }

  /** Worker side: fetches a `url` reference with every check (size, time, address, type, limits, content policy). */
  async fetchReferencedImage(
    url: string,
  ): Promise<{ bytes: Uint8Array; format: string; kind: 'image'; fileName: string }> {
    const fetched = await this.images.fetchUrlImage(url);
    return {
      bytes: fetched.bytes,
      format: fetched.info.format,
      kind: 'image',
      fileName: `url-input.${fetched.info.format === 'jpeg' ? 'jpg' : fetched.info.format}`,
    };
  }

  async readBytes(file: StoredFile): Promise<Uint8Array> {
    const bytes = await this.blobs.get(file.blobKey);
    if (!bytes) throw new DomainError('fileNotFound', `the stored bytes of file ${file.id} are missing`);
    return bytes;
  }
}

function normaliseUploadFormat(format: string): string {
  const lower = format.toLowerCase();
  if (!(PRESIGNED_UPLOAD_FORMATS as readonly string[]).includes(lower)) {
    throw new DomainError(
      'unsupportedFileType',
      `format must be one of ${PRESIGNED_UPLOAD_FORMATS.join(', ')} (got ${JSON.stringify(format).slice(0, 40)})`,
    );
  }
  return lower === 'jpg' ? 'jpeg' : lower;
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function sameSecret(expectedHash: string, secret: string): boolean {
  const expected = Buffer.from(expectedHash, 'hex');
  const given = Buffer.from(hashSecret(secret), 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function megabytes(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}

function safeName(fileName: string): string {
  return (fileName || 'upload').replace(/[^\w.\- ]/g, '_').slice(0, 200);
}
