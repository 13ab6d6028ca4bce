// Sending a page: the CSRF token for its forms, the built assets for its head, the visitor for its header, and
// the HTML compressed when the browser accepts it.
import zlib from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { csrfTokenFor } from './csrf.ts';
import { renderPage, type PageOptions } from './layout.ts';
import { chooseEncoding } from './static-assets.ts';
import { anonymousCsrfBinding } from './web-cookies.ts';
import type { WebContext } from './web-context.ts';

/** Pages below this go out as they are. */
const COMPRESS_HTML_MIN_BYTES = 1024;
/** Brotli quality for pages made per request: a few hundred microseconds for a 30 KB page, within 10% of the best. */
const HTML_BROTLI_QUALITY = 5;

export function pageCsrfToken(context: WebContext, request: FastifyRequest, reply?: FastifyReply): string {
  if (request.visitor) return csrfTokenFor(context.csrfSecret, request.visitor.session.tokenHash);
  if (!reply) return '';
  return csrfTokenFor(context.csrfSecret, anonymousCsrfBinding(request, reply, context.publicUrl));
}

export function sendPage(
  context: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
  options: Omit<PageOptions, 'csrfToken' | 'cspNonce' | 'account' | 'assets'>,
  statusCode = 200,
): FastifyReply {
  const page = renderPage({
    ...options,
    account: request.visitor?.account,
    csrfToken: pageCsrfToken(context, request, reply),
    cspNonce: request.cspNonce,
    assets: request.staticAssets,
  });
  return sendHtml(request, reply.status(statusCode), page);
}

/** An HTML document, brotli- or gzip-compressed when the browser says it takes that. */
export function sendHtml(request: FastifyRequest, reply: FastifyReply, page: string): FastifyReply {
  reply.type('text/html; charset=utf-8').header('Vary', 'Accept-Encoding');
  const bytes = Buffer.from(page);
  const encoding =
    bytes.length >= COMPRESS_HTML_MIN_BYTES
      ? chooseEncoding(request.headers['accept-encoding'], { brotli: true, gzip: true })
      : undefined;
  if (encoding === 'br')
    return reply
      .header('Content-Encoding', 'br')
      .send(zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: HTML_BROTLI_QUALITY } }));
  if (encoding === 'gzip') return reply.header('Content-Encoding', 'gzip').send(zlib.gzipSync(bytes, { level: 6 }));
  return reply.send(bytes);
}

/** A same-site path to go back to after log-in; anything else becomes /dashboard. */
export function safeNextPath(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\'))
    return '/dashboard';
  return next;
}

/** Form fields arrive as strings (or arrays when repeated); this reads one as a trimmed string. */
export function formField(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null) return '';
  const value = (body as Record<string, unknown>)[name];
  if (Array.isArray(value)) return String(value[0] ?? '').trim();
  return typeof value === 'string' ? value.trim() : '';
}
