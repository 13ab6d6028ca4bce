// The webhook signature scheme (Tripo V3): header `Tripo-Webhook-Signature: t=<unix seconds>,v1=<hex>` where
// v1 = HMAC-SHA256(secret, "<t>.<raw body>"). Verification rejects stale timestamps, so a captured delivery
// cannot be replayed later. Shared by the server (signing) and the SDK (verifying). The HMAC is @noble/hashes
// rather than node:crypto so the SDK also runs in browsers and edge runtimes.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export const WEBHOOK_SIGNATURE_HEADER = 'Tripo-Webhook-Signature';
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export function signWebhookPayload(secret: string, rawBody: string, timestampSeconds: number): string {
  return `t=${timestampSeconds},v1=${hmacHex(secret, timestampSeconds, rawBody)}`;
}

export type WebhookVerification = { valid: true; timestampSeconds: number } | { valid: false; reason: string };

export function verifyWebhookSignature(
  rawBody: string,
  signatureHeader: string | undefined,
  secret: string,
  options: { toleranceSeconds?: number; nowSeconds?: number } = {},
): WebhookVerification {
  if (!signatureHeader) return { valid: false, reason: `missing ${WEBHOOK_SIGNATURE_HEADER} header` };
  const parts = signatureHeader.split(',').map((part) => part.trim().split('='));
  const timestamp = Number(parts.find(([key]) => key === 't')?.[1]);
  const signatures = parts.filter(([key]) => key === 'v1').map(([, value]) => value ?? '');
  if (!Number.isInteger(timestamp) || signatures.length === 0)
    return { valid: false, reason: 'malformed signature header' };
  const nowSeconds = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(nowSeconds - timestamp) > (options.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS)) {
    return { valid: false, reason: 'timestamp outside the tolerance window (possible replay)' };
  }
  const expected = hmacHex(secret, timestamp, rawBody);
  const matches = signatures.some((signature) => equalInConstantTime(signature, expected));
  return matches ? { valid: true, timestampSeconds: timestamp } : { valid: false, reason: 'signature does not match' };
}

function hmacHex(secret: string, timestampSeconds: number, rawBody: string): string {
  return bytesToHex(hmac(sha256, utf8ToBytes(secret), utf8ToBytes(`${timestampSeconds}.${rawBody}`)));
}

/** Compares every character whatever the first difference, so the time taken says nothing about the secret. */
function equalInConstantTime(given: string, expected: string): boolean {
  if (given.length !== expected.length) return false;
  let difference = 0;
  for (let index = 0; index < expected.length; index++)
    difference |= given.charCodeAt(index) ^ expected.charCodeAt(index);
  return difference === 0;
}
