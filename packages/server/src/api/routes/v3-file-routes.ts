// /v3 uploads: multipart POST /v3/files, and presigned uploads (POST /v3/files/presign or
// /v3/files/upload-credentials, then a PUT of the bytes to the signed URL this server serves).
import { isPlainObject } from '@polyforge/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain-error.ts';
import type { StoredFile } from '../../files/file-store.ts';
import type { ApiContext } from '../api-context.ts';
import { readUploadPart } from '../read-upload-part.ts';
import { isoTime } from '../v3/task-view-v3.ts';
import { V3_UPLOAD_PATH_PREFIX, v3Success } from '../v3/v3-envelope.ts';
import { fileTokenOf } from '../v3/v3-inputs.ts';

/** Presigned upload URLs stay valid this long (the V3 docs say about 30 minutes). */
export const PRESIGNED_UPLOAD_TTL_SECONDS = 30 * 60;

/** Registers inside the /v3 prefix. */
export function registerV3FileRoutes(app: FastifyInstance, context: ApiContext): void {
  app.post('/files', async (request) => {
    const part = await readUploadPart(
      request,
      context.maxUploadBytes,
      'POST /v3/files takes multipart/form-data with one part named "file"',
    );
    const stored = await context.files.saveUpload(request.account.accountId, part.fileName, part.bytes);
    return v3Success(fileView(stored));
  });

  app.post('/files/presign', async (request) => {
    const slot = await issueUploadSlot(context, request);
    return v3Success({
      file_token: slot.fileToken,
      presigned_url: slot.url,
      upload_url: slot.url,
      method: 'PUT',
      expires_in: PRESIGNED_UPLOAD_TTL_SECONDS,
    });
  });

  // Large files: the same signed PUT (no STS credentials, there is no S3 here); see docs/compatibility.md.
  app.post('/files/upload-credentials', async (request) => {
    const slot = await issueUploadSlot(context, request);
    return v3Success({
      file_token: slot.fileToken,
      upload_url: slot.url,
      method: 'PUT',
      expires_at: isoTime(slot.expiresAt),
      expires_in: PRESIGNED_UPLOAD_TTL_SECONDS,
    });
  });

  // The PUT target: any Content-Type, raw bytes up to the upload limit; the type is read from the bytes.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: context.maxUploadBytes }, (_request, body, done) =>
      done(null, body),
    );
    scope.put<{ Params: { uploadId: string }; Querystring: { signature?: string } }>(
      `${V3_UPLOAD_PATH_PREFIX.replace(/^\/v3/, '')}:uploadId`,
      { bodyLimit: context.maxUploadBytes },
      async (request) => {
        const body = request.body;
        const bytes = Buffer.isBuffer(body)
          ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
          : new Uint8Array(0);
        const stored = await context.files.completePendingUpload(
          request.params.uploadId,
          request.query.signature,
          bytes,
        );
        return v3Success(fileView(stored));
      },
    );
  });
}

function fileView(stored: StoredFile) {
  return { file_token: fileTokenOf(stored.id), type: stored.format, size: stored.sizeBytes };
}

async function issueUploadSlot(
  context: ApiContext,
  request: FastifyRequest,
): Promise<{ fileToken: string; url: string; expiresAt: number }> {
  const body = request.body ?? {};
  if (!isPlainObject(body))
    throw new DomainError('malformedRequest', 'The request body must be a JSON object such as {"format": "glb"}');
  const format = body.format ?? body.file_type ?? body.type;
  if (format !== undefined && typeof format !== 'string')
    throw new DomainError('invalidParameter', 'format must be a string such as "glb" or "png"');
  const slot = await context.files.createPendingUpload(request.account.accountId, {
    format,
    ttlSeconds: PRESIGNED_UPLOAD_TTL_SECONDS,
  });
  const url = `${context.baseUrlOf(request)}${V3_UPLOAD_PATH_PREFIX}${slot.id}?signature=${slot.secret}`;
  return { fileToken: fileTokenOf(slot.id), url, expiresAt: slot.expiresAt };
}
