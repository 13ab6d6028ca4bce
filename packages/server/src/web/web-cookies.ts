// The web cookies: the session (HttpOnly, SameSite=Lax, Secure on https, expiring with the session) and the
// random value that CSRF tokens are bound to before log-in.
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'pf_session';
export const ANONYMOUS_CSRF_COOKIE = 'pf_csrf';

export function isSecureRequest(request: FastifyRequest, publicUrl: string | undefined): boolean {
  return request.protocol === 'https' || (publicUrl?.startsWith('https://') ?? false);
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: number,
  publicUrl: string | undefined,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecureRequest(request, publicUrl),
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, publicUrl: string | undefined): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecureRequest(request, publicUrl),
  });
}

/** The visitor's pre-log-in CSRF binding, set on first sight (a session cookie: it ends with the browser). */
export function anonymousCsrfBinding(
  request: FastifyRequest,
  reply: FastifyReply,
  publicUrl: string | undefined,
): string {
  const existing = request.cookies[ANONYMOUS_CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{22,64}$/.test(existing)) return existing;
  const value = randomBytes(24).toString('base64url');
  reply.setCookie(ANONYMOUS_CSRF_COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecureRequest(request, publicUrl),
  });
  request.cookies[ANONYMOUS_CSRF_COOKIE] = value;
  return value;
}
