// GET /dashboard/assets/<name>-<hash>.<ext>: the built assets, with long-lived immutable caching (the name changes
// when the content does), an ETag, and the brotli or gzip form the browser accepts.
import type { FastifyInstance } from 'fastify';
import { ASSETS_PREFIX, chooseEncoding, staticAssets } from './static-assets.ts';

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

export function registerStaticAssetRoute(app: FastifyInstance): void {
  app.get<{ Params: { fileName: string } }>(`${ASSETS_PREFIX}/:fileName`, async (request, reply) => {
    const asset = (await staticAssets()).files.get(request.params.fileName);
    reply.header('X-Content-Type-Options', 'nosniff');
    if (!asset)
      return reply
        .status(404)
        .header('Cache-Control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send('no such asset (pages name assets by content hash; reload the page)');
    reply
      .header('Cache-Control', `public, max-age=${ONE_YEAR_SECONDS}, immutable`)
      .header('ETag', asset.etag)
      .header('Vary', 'Accept-Encoding')
      .type(asset.contentType);
    if (request.headers['if-none-match'] === asset.etag) return reply.status(304).send();
    const encoding = chooseEncoding(request.headers['accept-encoding'], asset);
    if (encoding === 'br') return reply.header('Content-Encoding', 'br').send(asset.brotli);
    if (encoding === 'gzip') return reply.header('Content-Encoding', 'gzip').send(asset.gzip);
    return reply.send(asset.body);
  });
}
