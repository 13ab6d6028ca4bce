// Web log-in passwords: argon2id (memory-hard) at OWASP's baseline cost, stored in the encoded PHC form so the
// parameters travel with each hash and can be raised later without breaking old ones.
import { randomBytes } from 'node:crypto';
import { argon2id, argon2Verify } from 'hash-wasm';

/** OWASP Password Storage Cheat Sheet, argon2id: m=19 MiB, t=2, p=1 (about 60 ms here). */
export const PASSWORD_HASH_OPTIONS = { parallelism: 1, iterations: 2, memorySize: 19_456, hashLength: 32 } as const;

export const PASSWORD_LENGTH = { min: 8, max: 256 } as const;

export async function hashPassword(password: string): Promise<string> {
  return argon2id({ password, salt: randomBytes(16), ...PASSWORD_HASH_OPTIONS, outputType: 'encoded' });
}

export async function verifyPassword(password: string, encodedHash: string): Promise<boolean> {
  try {
    return await argon2Verify({ password, hash: encodedHash });
  } catch {
    return false; // a malformed stored hash never matches
  }
}

/** Spent on log-ins for unknown emails, so their timing does not tell which emails have accounts. */
let decoyHash: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(password, await decoyHash);
  return false;
}

/** Why a new password is refused, or undefined when it is acceptable (NIST SP 800-63B: length, not composition). */
export function passwordProblem(password: string): string | undefined {
  if (password.length < PASSWORD_LENGTH.min) return `the password needs at least ${PASSWORD_LENGTH.min} characters`;
  if (password.length > PASSWORD_LENGTH.max) return `the password may have at most ${PASSWORD_LENGTH.max} characters`;
  if (password.trim().length === 0) return 'the password cannot be only spaces';
  return undefined;
}
