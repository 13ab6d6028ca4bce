// S3 multipart uploads to the STS upload endpoint (what boto3's upload_file does above 8 MB): parts are staged
// as blobs with a row each, bounded together by the upload limit, and CompleteMultipartUpload joins them into
// the slot's file. Abandoned parts are swept when later multipart uploads start.
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../clock.ts';
import type { Database } from '../../db/database-schema.ts';
import type { FileStore } from '../file-store.ts';
import type { BlobStore } from '../../storage/blob-store.ts';
import { S3ProtocolError } from './s3-protocol-error.ts';
import { md5Hex, STS_CREDENTIAL_TTL_SECONDS, tooLarge, type AuthorisedUpload } from './sts-uploads.ts';

/** S3's own bounds on part numbers. */
const MAX_PART_NUMBER = 10_000;
/** Parts older than the credentials (plus a margin) belong to uploads nobody can complete any more. */
const ABANDONED_AFTER_MS = (STS_CREDENTIAL_TTL_SECONDS + 3600) * 1000;
const SWEEP_BATCH = 100;

export interface CompletedPart {
  partNumber: number;
  etag: string;
}

export interface StsMultipartUploadsDependencies {
  db: Database;
  files: FileStore;
  blobs: BlobStore;
  clock: Clock;
  maxUploadBytes: number;
}

export class StsMultipartUploads {
  constructor(private readonly deps: StsMultipartUploadsDependencies) {}

  /** CreateMultipartUpload: an id naming the slot, so only its credentials can add parts. */
  async create(upload: AuthorisedUpload): Promise<string> {
    await this.assertSlotOpen(upload);
    await this.sweepAbandonedParts();
    return `${upload.scope.uploadId}.${randomBytes(12).toString('hex')}`;
  }

  async uploadPart(
    upload: AuthorisedUpload,
    multipartId: string,
    partNumberText: string,
    bytes: Uint8Array,
  ): Promise<{ etag: string }> {
    this.assertOwnUpload(upload, multipartId);
    const partNumber = Number(partNumberText);
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > MAX_PART_NUMBER) {
      throw new S3ProtocolError(
        'InvalidArgument',
        400,
        `partNumber must be an integer between 1 and ${MAX_PART_NUMBER}`,
      );
    }
    await this.assertSlotOpen(upload);
    const { db, blobs, clock, maxUploadBytes } = this.deps;
    const others = await db
      .selectFrom('stsUploadParts')
      .select((expression) => expression.fn.sum<number | string | null>('sizeBytes').as('total'))
      .where('multipartId', '=', multipartId)
      .where('partNumber', '!=', partNumber)
      .executeTakeFirst();
    if (Number(others?.total ?? 0) + bytes.byteLength > maxUploadBytes) throw tooLarge(maxUploadBytes);
    const etag = md5Hex(bytes);
    const blobKey = `staging/sts/${multipartId}/${partNumber}`;
    await blobs.put(blobKey, bytes);
    const row = {
      multipartId,
      partNumber,
      uploadId: upload.scope.uploadId,
      sizeBytes: bytes.byteLength,
      etag,
      blobKey,
      createdAt: clock.nowMs(),
    };
    await db
      .insertInto('stsUploadParts')
      .values(row)
      .onConflict((conflict) =>
        conflict
          .columns(['multipartId', 'partNumber'])
          .doUpdateSet({ sizeBytes: row.sizeBytes, etag, createdAt: row.createdAt }),
      )
      .execute();
    return { etag };
  }

  /** CompleteMultipartUpload: the listed parts, in order and with their ETags, become the slot's file. */
  async complete(upload: AuthorisedUpload, multipartId: string, parts: CompletedPart[]): Promise<{ etag: string }> {
    this.assertOwnUpload(upload, multipartId);
    if (parts.length === 0)
      throw new S3ProtocolError('MalformedXML', 400, 'CompleteMultipartUpload needs at least one Part');
    parts.forEach((part, index) => {
      if (index > 0 && part.partNumber <= parts[index - 1]!.partNumber)
        throw new S3ProtocolError('InvalidPartOrder', 400, 'the list of parts was not in ascending order');
    });
    const { db, blobs, files, maxUploadBytes } = this.deps;
    const stored = await db.selectFrom('stsUploadParts').selectAll().where('multipartId', '=', multipartId).execute();
    if (stored.length === 0)
      throw new S3ProtocolError(
        'NoSuchUpload',
        404,
        'the specified multipart upload does not exist or was already completed or aborted',
      );
    const byNumber = new Map(stored.map((row) => [Number(row.partNumber), row]));
    const chosen = parts.map((part) => {
      const row = byNumber.get(part.partNumber);
      if (!row || row.etag !== part.etag.replace(/"/g, '')) {
        throw new S3ProtocolError(
          'InvalidPart',
          400,
          `part ${part.partNumber} was not uploaded or its ETag does not match`,
        );
      }
      return row;
    });
    if (chosen.reduce((total, row) => total + Number(row.sizeBytes), 0) > maxUploadBytes)
      throw tooLarge(maxUploadBytes);
    const pieces: Uint8Array[] = [];
    for (const row of chosen) {
      const bytes = await blobs.get(row.blobKey);
      if (!bytes)
        throw new S3ProtocolError('InvalidPart', 400, `part ${row.partNumber} is no longer stored; upload it again`);
      pieces.push(bytes);
    }
    await files.completePendingUpload(
      upload.scope.uploadId,
      upload.secretAccessKey,
      new Uint8Array(Buffer.concat(pieces)),
    );
    await this.deleteParts(stored);
    const digest = createHash('md5');
    for (const row of chosen) digest.update(Buffer.from(row.etag, 'hex'));
    return { etag: `${digest.digest('hex')}-${chosen.length}` };
  }

  /** AbortMultipartUpload: its staged parts are deleted (the slot stays open for another try). */
  async abort(upload: AuthorisedUpload, multipartId: string): Promise<void> {
    this.assertOwnUpload(upload, multipartId);
    await this.deleteParts(
      await this.deps.db.selectFrom('stsUploadParts').selectAll().where('multipartId', '=', multipartId).execute(),
    );
  }

  /** Deletes the parts of multipart uploads whose credentials expired long ago (bounded). */
  async sweepAbandonedParts(): Promise<number> {
    const cutoff = this.deps.clock.nowMs() - ABANDONED_AFTER_MS;
    const rows = await this.deps.db
      .selectFrom('stsUploadParts')
      .selectAll()
      .where('createdAt', '<', cutoff)
      .limit(SWEEP_BATCH)
      .execute();
    await this.deleteParts(rows);
    return rows.length;
  }

  private async deleteParts(rows: { multipartId: string; partNumber: number; blobKey: string }[]): Promise<void> {
    for (const row of rows) {
      await this.deps.blobs.delete(row.blobKey);
      await this.deps.db
        .deleteFrom('stsUploadParts')
        .where('multipartId', '=', row.multipartId)
        .where('partNumber', '=', row.partNumber)
        .execute();
    }
  }

  private assertOwnUpload(upload: AuthorisedUpload, multipartId: string): void {
    if (!multipartId.startsWith(`${upload.scope.uploadId}.`) || !/^[0-9a-f-]{36}\.[0-9a-f]{24}$/.test(multipartId)) {
      throw new S3ProtocolError('NoSuchUpload', 404, 'the specified multipart upload does not exist');
    }
  }

  private async assertSlotOpen(upload: AuthorisedUpload): Promise<void> {
    const slot = await this.deps.files.findPendingUpload(upload.scope.accountId, upload.scope.uploadId);
    if (!slot || slot.completed)
      throw new S3ProtocolError(
        'AccessDenied',
        403,
        'this upload was already completed; ask for new credentials with POST /v2/openapi/upload/sts/token',
      );
  }
}
