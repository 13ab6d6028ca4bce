// V2 uploads: multipart with one part named "file"; answers an image_token (a UUID) usable as file_token.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiContext } from '../api-context.ts';
import { readUploadPart } from '../read-upload-part.ts';

export function registerV2UploadRoutes(app: FastifyInstance, context: ApiContext): void {
  const uploadHandler = async (request: FastifyRequest) => {
    const part = await readUploadPart(request, context.maxUploadBytes, 'uploads must be multipart/form-data with one part named "file"');
    const stored = await context.files.saveUpload(request.account.accountId, part.fileName, part.bytes);
    return { code: 0, data: { image_token: stored.id, file_token: stored.id, type: stored.format } };
  };
  app.post('/v2/openapi/upload', uploadHandler);
  app.post('/v2/openapi/upload/sts', uploadHandler);
}
