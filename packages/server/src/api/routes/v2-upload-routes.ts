// V2 uploads: multipart with one part named "file"; answers an image_token (a UUID) usable as file_token.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain-error.ts';
import type { ApiContext } from '../api-context.ts';

export function registerV2UploadRoutes(app: FastifyInstance, context: ApiContext): void {
  const uploadHandler = async (request: FastifyRequest) => {
    if (!request.isMultipart()) throw new DomainError('malformedRequest', 'uploads must be multipart/form-data with one part named "file"');
    const part = await request.file({ limits: { fileSize: context.maxUploadBytes, files: 1 } });
    if (!part || part.fieldname !== 'file') throw new DomainError('malformedRequest', 'the multipart body needs a part named "file"');
    const bytes = await part.toBuffer();
    const stored = await context.files.saveUpload(request.account.accountId, part.filename, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { code: 0, data: { image_token: stored.id, file_token: stored.id, type: stored.format } };
  };
  app.post('/v2/openapi/upload', uploadHandler);
  app.post('/v2/openapi/upload/sts', uploadHandler);
}
