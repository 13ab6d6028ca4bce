// CSRF protection for every state-changing web request: an HMAC token bound to the session (or, before log-in,
// to a random cookie), sent back in a form field or header, plus a refusal of cross-site Origin headers.
// OWASP's "signed double-submit cookie" bound to the session; SameSite=Lax cookies are a further layer.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export function csrfTokenFor(secret: string, binding: string): string {
  return createHmac('sha256', secret).update(`csrf\n${binding}`).digest('base64url');
}

export function csrfTokenMatches(secret: string, binding: string | undefined, token: unknown): boolean {
  if (!binding || typeof token !== 'string' || token.length === 0) return false;
  const expected = Buffer.from(csrfTokenFor(secret, binding));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A state-changing request must come from our own pages: no cross-site Origin or Sec-Fetch-Site. */
export function sameOriginRequest(
  headers: { origin?: string; 'sec-fetch-site'?: string | string[] },
  host: string,
  publicUrl?: string,
): boolean {
  const fetchSite = headers['sec-fetch-site'];
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return false;
  const origin = headers.origin;
  if (origin === undefined) return true;
  if (origin === 'null') return false;
  try {
    const originHost = new URL(origin).host;
    return originHost === host || (publicUrl !== undefined && originHost === new URL(publicUrl).host);
  } catch {
    return false;
  }
}
