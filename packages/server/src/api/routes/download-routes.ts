// Output downloads: no API key needed (the signature is the credential); an Authorization header is ignored,
// since several SDKs send it on downloads.
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
      if (verdict === 'expired') throw new DomainError('forbidden', 'this download link has expired; get the task again for a fresh link');
      if (verdict === 'invalid' || !FILE_NAME.test(fileName)) throw new DomainError('forbidden', 'this download link is not valid');
      const bytes = await context.blobs.get(`tasks/${taskId}/${fileName}`);
      if (!bytes) throw new DomainError('fileNotFound', 'this output no longer exists');
      return reply
        .header('Content-Type', mimeTypeOf(fileName))
        .header('Content-Disposition', `attachment; filename="${fileName}"`)
        .header('Cache-Control', 'private, max-age=0, no-store')
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );
}

const MIME_TYPES: Record<string, string> = {
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
  return MIME_TYPES[fileName.split('.').pop() ?? ''] ?? 'application/octet-stream';
}
