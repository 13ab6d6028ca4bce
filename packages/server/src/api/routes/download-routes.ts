// Output downloads: no API key needed (the signature is the credential); an Authorization header is ignored,
// since several SDKs send it on downloads. On S3 in redirect mode the route answers 302 to a presigned S3 URL:
// S3 would refuse that URL with an Authorization header, but fetch/undici, aiohttp, reqwest and Go's net/http
// drop Authorization on a cross-origin redirect, so every client of spec §10 gets the bytes from S3 directly.
// Where S3 shares the API's origin or is not reachable by clients, `download=proxy` streams through instead.
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain-error.ts';
import { DOWNLOAD_PATH_PREFIX } from '../../files/download-signer.ts';
import type { ApiContext } from '../api-context.ts';

const FILE_NAME = /^[a-z0-9_]+\.[a-z0-9]+$/;

export function registerDownloadRoutes(app: FastifyInstance, context: ApiContext): void {
  app.get<{ Params: { taskId: string; fileName: string }; Querystring: { expires?: string; signature?: string } }>(
    `${DOWNLOAD_PATH_PREFIX}/:taskId/:fileName`,
    async (request, reply) => {
      const { taskId, fileName } = request.params;
      const verdict = context.signer.verify(taskId, fileName, request.query.expires, request.query.signature);
      if (verdict === 'expired')
        throw new DomainError('forbidden', 'this download link has expired; get the task again for a fresh link');
      if (verdict === 'invalid' || !FILE_NAME.test(fileName))
        throw new DomainError('forbidden', 'this download link is not valid');
      const blobKey = `tasks/${taskId}/${fileName}`;
      const missing = () =>
        new DomainError(
          'fileNotFound',
          'this output no longer exists (it may have been deleted after its data-retention period)',
        );
      const { blobs } = context;
      reply.header('Cache-Control', 'private, max-age=0, no-store');
      if (blobs.downloadUrl) {
        if (!(await blobs.exists(blobKey))) throw missing();
        const url = await blobs.downloadUrl(blobKey, {
          ttlSeconds: context.signer.ttlSeconds,
          fileName,
          contentType: mimeTypeOf(fileName),
        });
        if (url) return reply.redirect(url, 302);
      }
      reply
        .header('Content-Type', mimeTypeOf(fileName))
        .header('Content-Disposition', `attachment; filename="${fileName}"`);
      if (blobs.openReadStream) {
        const opened = await blobs.openReadStream(blobKey);
        if (!opened) throw missing();
        if (opened.sizeBytes !== undefined) reply.header('Content-Length', opened.sizeBytes);
        return reply.send(opened.stream);
      }
      const bytes = await blobs.get(blobKey);
      if (!bytes) throw missing();
      return reply.send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );
}

/** Output file extension → the Content-Type its download answers with (the OpenAPI document lists them). */
export const OUTPUT_CONTENT_TYPES: Record<string, string> = {
  glb: 'model/gltf-binary',
  gltf: 'model/gltf+json',
  obj: 'model/obj',
  stl: 'model/stl',
  fbx: 'application/octet-stream',
  usdz: 'model/vnd.usdz+zip',
  zip: 'application/zip',
  webp: 'image/webp',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

function mimeTypeOf(fileName: string): string {
  return OUTPUT_CONTENT_TYPES[fileName.split('.').pop() ?? ''] ?? 'application/octet-stream';
}
