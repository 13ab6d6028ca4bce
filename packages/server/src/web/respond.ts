// Sending a page: the CSRF token for its forms, the nonce for its import map, the visitor for its header.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { csrfTokenFor } from './csrf.ts';
import { renderPage, type PageOptions } from './layout.ts';
import { anonymousCsrfBinding } from './web-cookies.ts';
import type { WebContext } from './web-context.ts';

export function pageCsrfToken(context: WebContext, request: FastifyRequest, reply?: FastifyReply): string {
  if (request.visitor) return csrfTokenFor(context.csrfSecret, request.visitor.session.tokenHash);
  if (!reply) return '';
  return csrfTokenFor(context.csrfSecret, anonymousCsrfBinding(request, reply, context.publicUrl));
}

export function sendPage(
  context: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
  options: Omit<PageOptions, 'csrfToken' | 'cspNonce' | 'account'>,
  statusCode = 200,
): FastifyReply {
  const page = renderPage({ ...options, account: request.visitor?.account, csrfToken: pageCsrfToken(context, request, reply), cspNonce: request.cspNonce });
  return reply.status(statusCode).type('text/html; charset=utf-8').send(page);
}

/** A same-site path to go back to after log-in; anything else becomes /dashboard. */
export function safeNextPath(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/dashboard';
  return next;
}

/** Form fields arrive as strings (or arrays when repeated); this reads one as a trimmed string. */
export function formField(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null) return '';
  const value = (body as Record<string, unknown>)[name];
  if (Array.isArray(value)) return String(value[0] ?? '').trim();
  return typeof value === 'string' ? value.trim() : '';
}
