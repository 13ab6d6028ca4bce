// A secret shown once across a post/redirect/get: the POST seals it into a short-lived cookie (AES-256-GCM,
// bound to the session and to an expiry), the GET that follows opens it and clears the cookie. A refresh of
// that GET finds no cookie, so it neither shows the secret again nor repeats the POST's action; nothing is
// kept on the server, so any API process can answer the GET.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isSecureRequest } from './web-cookies.ts';

const REVEAL_TTL_MS = 2 * 60 * 1000;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface RevealOptions {
  cookieName: string;
  /** the path of the page that shows the secret: the cookie is sent there only */
  path: string;
  /** HMAC key of the deployment (the CSRF secret); the cipher key is derived from it */
  secret: string;
  /** the session's token hash: another session cannot open the cookie */
  binding: string;
  nowMs: number;
  publicUrl?: string;
}

function cipherKey(secret: string, cookieName: string): Buffer {
  return createHmac('sha256', secret).update(`one-time-reveal\n${cookieName}`).digest();
}

export function sealReveal(
  request: FastifyRequest,
  reply: FastifyReply,
  options: RevealOptions,
  payload: Record<string, string>,
): void {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', cipherKey(options.secret, options.cookieName), iv);
  cipher.setAAD(Buffer.from(options.binding));
  const plain = Buffer.from(JSON.stringify({ ...payload, expiresAt: options.nowMs + REVEAL_TTL_MS }));
  const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]).toString('base64url');
  reply.setCookie(options.cookieName, sealed, {
    path: options.path,
    httpOnly: true,
    sameSite: 'strict',
    secure: isSecureRequest(request, options.publicUrl),
    maxAge: REVEAL_TTL_MS / 1000,
  });
}

/** Opens and clears the cookie; undefined when there is none, it is not this session's, or it has expired. */
export function openReveal(
  request: FastifyRequest,
  reply: FastifyReply,
  options: RevealOptions,
): Record<string, string> | undefined {
  const sealed = request.cookies[options.cookieName];
  if (!sealed) return undefined;
  reply.clearCookie(options.cookieName, {
    path: options.path,
    httpOnly: true,
    sameSite: 'strict',
    secure: isSecureRequest(request, options.publicUrl),
  });
  try {
    const bytes = Buffer.from(sealed, 'base64url');
    if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
    const decipher = createDecipheriv(
      'aes-256-gcm',
      cipherKey(options.secret, options.cookieName),
      bytes.subarray(0, IV_BYTES),
    );
    decipher.setAAD(Buffer.from(options.binding));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const plain = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]);
    const payload = JSON.parse(plain.toString('utf8')) as Record<string, string | number>;
    if (typeof payload.expiresAt !== 'number' || payload.expiresAt < options.nowMs) return undefined;
    const { expiresAt: _expiresAt, ...rest } = payload;
    return rest as Record<string, string>;
  } catch {
    return undefined; // tampered, from another session, or from another deployment's secret
  }
}
