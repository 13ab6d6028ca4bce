// STS uploads (POST /v2/openapi/upload/sts/token): the parts of S3 multipart uploads to this server's upload
// endpoint, staged as blobs until CompleteMultipartUpload joins them (the slot itself is a pending_uploads row).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sts_upload_parts')
    .addColumn('multipart_id', 'text', (c) => c.notNull())
    .addColumn('part_number', 'integer', (c) => c.notNull())
    // the pending_uploads slot the multipart upload writes
    .addColumn('upload_id', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('etag', 'text', (c) => c.notNull())
    .addColumn('blob_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('sts_upload_parts_pk', ['multipart_id', 'part_number'])
    .execute();
  await db.schema.createIndex('sts_upload_parts_created').on('sts_upload_parts').column('created_at').execute();
}
