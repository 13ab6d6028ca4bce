// V2 uploads: multipart with one part named "file" (answers an image_token, a UUID usable as file_token), and
// STS credentials for the S3-compatible upload endpoint (files/sts/, routes/s3-upload-routes.ts).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain-error.ts';
import type { ApiContext } from '../api-context.ts';
import { readUploadPart } from '../read-upload-part.ts';

export function registerV2UploadRoutes(app: FastifyInstance, context: ApiContext): void {
  const uploadHandler = async (request: FastifyRequest) => {
    const part = await readUploadPart(
      request,
      context.maxUploadBytes,
      'uploads must be multipart/form-data with one part named "file"',
    );
    const stored = await context.files.saveUpload(request.account.accountId, part.fileName, part.bytes);
    return { code: 0, data: { image_token: stored.id, file_token: stored.id, type: stored.format } };
  };
  app.post('/v2/openapi/upload', uploadHandler);
  app.post('/v2/openapi/upload/sts', uploadHandler);

  // {"format": "png"} → temporary S3 credentials for one object key; the client PUTs there, then references the
  // file as {"object": {"bucket": resource_bucket, "key": resource_uri}}. s3_host is this server as the
  // client reaches it (POLYFORGE_PUBLIC_URL behind a proxy); the official Python SDK prefixes it with https://.
  app.post('/v2/openapi/upload/sts/token', async (request) => {
    const body = request.body ?? {};
    if (typeof body !== 'object' || Array.isArray(body))
      throw new DomainError('malformedRequest', 'The request body must be a JSON object such as {"format": "png"}');
    const base = new URL(context.baseUrlOf(request));
    const s3Host = base.host + base.pathname.replace(/\/$/, '');
    const grant = await context.sts.uploads.issue(request.account, (body as { format?: unknown }).format, s3Host);
    return { code: 0, data: grant };
  });
}
