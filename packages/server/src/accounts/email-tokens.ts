// One-use tokens sent by e-mail: a sign-up's verification link and an operator's invitation. Only a SHA-256 of
// each token is stored, so the table alone cannot verify an address or redeem an invitation.
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Database, EmailTokensTable } from '../db/database-schema.ts';

export type EmailTokenPurpose = EmailTokensTable['purpose'];

export const EMAIL_TOKEN_TTL_SECONDS: Record<EmailTokenPurpose, number> = {
  verify_email: 3 * 24 * 3600,
  invite: 14 * 24 * 3600,
};

export function hashEmailToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class EmailTokens {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async issue(
    purpose: EmailTokenPurpose,
    email: string,
    accountId: string | null = null,
  ): Promise<{ token: string; expiresAt: number }> {
    const token = randomBytes(32).toString('base64url');
    const nowMs = this.clock.nowMs();
    const expiresAt = nowMs + EMAIL_TOKEN_TTL_SECONDS[purpose] * 1000;
    await this.db
      .insertInto('emailTokens')
      .values({
        tokenHash: hashEmailToken(token),
        purpose,
        email: email.trim().toLowerCase(),
        accountId,
        createdAt: nowMs,
        expiresAt,
        usedAt: null,
      })
      .execute();
    return { token, expiresAt };
  }

  /** The token's row when it is of this purpose, unused and unexpired (without using it). */
  async find(purpose: EmailTokenPurpose, token: string): Promise<EmailTokensTable | undefined> {
    if (typeof token !== 'string' || token.length < 20 || token.length > 100) return undefined;
    return this.db
      .selectFrom('emailTokens')
      .selectAll()
      .where('tokenHash', '=', hashEmailToken(token))
      .where('purpose', '=', purpose)
      .where('usedAt', 'is', null)
      .where('expiresAt', '>', this.clock.nowMs())
      .executeTakeFirst();
  }

  /** Marks the token used inside the caller's transaction; false when it was already used (a concurrent click). */
  async use(trx: Database, token: string): Promise<boolean> {
    const result = await trx
      .updateTable('emailTokens')
      .set({ usedAt: this.clock.nowMs() })
      .where('tokenHash', '=', hashEmailToken(token))
      .where('usedAt', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
