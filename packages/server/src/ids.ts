// Identifier and secret generation. Task ids and upload tokens are UUIDs because V2 clients validate them as such.
import { createHash, randomBytes, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

export function newApiKey(mode: 'live' | 'test' = 'live'): string {
  return `${mode === 'test' ? 'tsk_test_' : 'tsk_'}${randomBytes(32).toString('base64url')}`;
}

export function newClientId(): string {
  return `tcli_${randomBytes(16).toString('hex')}`;
}

/** API keys carry 256 random bits, so a fast hash is as safe as a slow one here and keeps auth cheap. */
export function hashApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('hex');
}
