// Uploaded files: type-checked by content, bounded in size, stored as blobs, owned by one account.
import type { Clock } from '../clock.ts';
import type { Database, FilesTable } from '../db/database-schema.ts';
import { preparedQuery } from '../db/prepared-query.ts';
import { DomainError } from '../domain-error.ts';
import { detectFileFormat } from '../geometry/detect-file-format.ts';
import { newId } from '../ids.ts';
import type { BlobStore } from '../storage/blob-store.ts';

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
  ) {}

  async saveUpload(accountId: string, fileName: string, bytes: Uint8Array): Promise<StoredFile> {
    if (bytes.byteLength === 0) throw new DomainError('emptyFile', 'the uploaded file is empty');
    if (bytes.byteLength > this.limits.maxUploadBytes) {
      throw new DomainError('payloadTooLarge', `files may be at most ${megabytes(this.limits.maxUploadBytes)} MB`);
    }
    const detected = detectFileFormat(bytes, fileName);
    if (!detected) {
      throw new DomainError('unsupportedFileType', `could not recognise "${safeName(fileName)}" as a JPEG, PNG or WebP image or a GLB, glTF, OBJ, STL or FBX model`);
    }
    if (detected.kind === 'image' && bytes.byteLength > this.limits.maxImageBytes) {
      throw new DomainError('payloadTooLarge', `images may be at most ${megabytes(this.limits.maxImageBytes)} MB`);
    }
    const id = newId();
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
    await this.db.insertInto('files').values({ ...stored, createdAt: this.clock.nowMs() }).execute();
    return stored;
  }

  /** Another account's file reads as missing. */
  async findFile(accountId: string, fileId: string): Promise<StoredFile | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(fileId)) return undefined;
    const [row] = await fileByIdQuery(this.db, fileId.toLowerCase(), accountId);
    return row ? { ...row, kind: row.kind as StoredFile['kind'] } : undefined;
  }

  async readBytes(file: StoredFile): Promise<Uint8Array> {
    const bytes = await this.blobs.get(file.blobKey);
    if (!bytes) throw new DomainError('fileNotFound', `the stored bytes of file ${file.id} are missing`);
    return bytes;
  }
}

function megabytes(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}

function safeName(fileName: string): string {
  return (fileName || 'upload').replace(/[^\w.\- ]/g, '_').slice(0, 200);
}
