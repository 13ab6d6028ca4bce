// Web sessions: a random 256-bit token in an HttpOnly cookie; the server keeps only its SHA-256, with an expiry.
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database-schema.ts';

export interface WebSession {
  accountId: string;
  /** SHA-256 of the cookie value: the row's key, and what CSRF tokens are bound to */
  tokenHash: string;
  expiresAt: number;
}

const LAST_SEEN_WRITE_INTERVAL_MS = 5 * 60_000;

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class SessionStore {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    readonly ttlSeconds: number,
  ) {}

  /** Opens a session; returns the cookie value (never stored) and when it expires. */
  async create(accountId: string): Promise<{ token: string; expiresAt: number }> {
    const nowMs = this.clock.nowMs();
    await this.db.deleteFrom('webSessions').where('expiresAt', '<=', nowMs).execute();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = nowMs + this.ttlSeconds * 1000;
    await this.db
      .insertInto('webSessions')
      .values({ tokenHash: hashSessionToken(token), accountId, createdAt: nowMs, expiresAt, lastSeenAt: nowMs })
      .execute();
    return { token, expiresAt };
  }

  /** The live session of a cookie value, or undefined (unknown, expired, or logged out). */
  async find(token: string | undefined): Promise<WebSession | undefined> {
    if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
    const tokenHash = hashSessionToken(token);
    const row = await this.db
      .selectFrom('webSessions')
      .select(['accountId', 'expiresAt', 'lastSeenAt'])
      .where('tokenHash', '=', tokenHash)
      .executeTakeFirst();
    const nowMs = this.clock.nowMs();
    if (!row) return undefined;
    if (row.expiresAt <= nowMs) {
      await this.db.deleteFrom('webSessions').where('tokenHash', '=', tokenHash).execute();
      return undefined;
    }
    if (nowMs - row.lastSeenAt > LAST_SEEN_WRITE_INTERVAL_MS) {
      await this.db.updateTable('webSessions').set({ lastSeenAt: nowMs }).where('tokenHash', '=', tokenHash).execute();
    }
    return { accountId: row.accountId, tokenHash, expiresAt: row.expiresAt };
  }

  async destroy(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('webSessions').where('tokenHash', '=', tokenHash).execute();
  }

  /** Ends every session of the account (after a password change), except `keepTokenHash` if given. */
  async destroyAllOf(accountId: string, keepTokenHash?: string): Promise<void> {
    let query = this.db.deleteFrom('webSessions').where('accountId', '=', accountId);
    if (keepTokenHash !== undefined) query = query.where('tokenHash', '!=', keepTokenHash);
    await query.execute();
  }
}
