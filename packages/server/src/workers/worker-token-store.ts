// Worker tokens (pfw_...): what external workers authenticate with, never a customer key. Stored as SHA-256
// (tokens carry 256 random bits), each limited to a set of worker pools ("capabilities"); revocable.
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database-schema.ts';
import { DomainError } from '../domain-error.ts';
import { newId } from '../ids.ts';

export const WORKER_TOKEN_PREFIX = 'pfw_';
const CAPABILITY = /^([a-z0-9][a-z0-9_.-]{0,63}|\*)$/;
const CACHE_TTL_MS = 2000;

export interface WorkerToken {
  tokenId: string;
  name: string;
  /** worker pool names, or ["*"] for every pool */
  capabilities: string[];
}

export interface CreatedWorkerToken extends WorkerToken {
  token: string;
}

export class WorkerTokenStore {
  private readonly cache = new Map<string, { token: WorkerToken; expiresAtMs: number }>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async create(name: string, capabilities: readonly string[]): Promise<CreatedWorkerToken> {
    const cleanName = name.trim();
    if (!/^[\w .:-]{1,100}$/.test(cleanName))
      throw new DomainError(
        'invalidParameter',
        'the worker token name must be 1 to 100 letters, digits, spaces or ". : _ -"',
      );
    const pools = [...new Set(capabilities.map((capability) => capability.trim()).filter(Boolean))];
    if (pools.length === 0)
      throw new DomainError(
        'invalidParameter',
        'give at least one capability (a worker pool name from the routing file, or "*")',
      );
    const bad = pools.find((pool) => !CAPABILITY.test(pool));
    if (bad)
      throw new DomainError(
        'invalidParameter',
        `"${bad}" is not a worker pool name (lowercase letters, digits, "_", "." and "-"), nor "*"`,
      );
    const token = `${WORKER_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const tokenId = newId();
    await this.db
      .insertInto('workerTokens')
      .values({
        id: tokenId,
        name: cleanName,
        tokenHash: hashToken(token),
        tokenPrefix: token.slice(0, 10),
        capabilitiesJson: JSON.stringify(pools),
        createdAt: this.clock.nowMs(),
        revokedAt: null,
        lastUsedAt: null,
      })
      .execute();
    return { tokenId, name: cleanName, capabilities: pools, token };
  }

  async list() {
    const rows = await this.db.selectFrom('workerTokens').selectAll().orderBy('createdAt').execute();
    return rows.map((row) => ({
      token_id: row.id,
      name: row.name,
      prefix: row.tokenPrefix,
      capabilities: JSON.parse(row.capabilitiesJson) as string[],
      created_at: row.createdAt,
      revoked_at: row.revokedAt,
      last_used_at: row.lastUsedAt,
    }));
  }

  /** Revokes by token id or by the token itself. */
  async revoke(tokenIdOrToken: string): Promise<string> {
    const row = await this.db
      .selectFrom('workerTokens')
      .select(['id', 'tokenHash'])
      .where((eb) => eb.or([eb('id', '=', tokenIdOrToken), eb('tokenHash', '=', hashToken(tokenIdOrToken))]))
      .executeTakeFirst();
    if (!row) throw new DomainError('invalidParameter', 'no such worker token');
    await this.db
      .updateTable('workerTokens')
      .set({ revokedAt: this.clock.nowMs() })
      .where('id', '=', row.id)
      .where('revokedAt', 'is', null)
      .execute();
    this.cache.delete(row.tokenHash);
    return row.id;
  }

  /** Turns an Authorization header into a worker token; a customer key, a revoked or unknown token → 401. */
  async authenticate(authorizationHeader: string | undefined): Promise<WorkerToken> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorizationHeader ?? '');
    if (!match)
      throw new DomainError(
        'authenticationFailed',
        'workers send "Authorization: Bearer pfw_..." (a worker token from `polyforge workers token create`)',
      );
    const token = match[1];
    if (token.startsWith('tsk_'))
      throw new DomainError(
        'authenticationFailed',
        'this is a customer API key; workers authenticate with a worker token (pfw_...)',
      );
    if (!token.startsWith(WORKER_TOKEN_PREFIX))
      throw new DomainError('authenticationFailed', 'worker tokens start with pfw_');
    const tokenHash = hashToken(token);
    const nowMs = Date.now();
    const cached = this.cache.get(tokenHash);
    if (cached && cached.expiresAtMs > nowMs) return cached.token;
    const row = await this.db
      .selectFrom('workerTokens')
      .select(['id', 'name', 'capabilitiesJson'])
      .where('tokenHash', '=', tokenHash)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    if (!row) throw new DomainError('authenticationFailed', 'the worker token is unknown or has been revoked');
    const workerToken: WorkerToken = {
      tokenId: row.id,
      name: row.name,
      capabilities: JSON.parse(row.capabilitiesJson),
    };
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(tokenHash, { token: workerToken, expiresAtMs: nowMs + CACHE_TTL_MS });
    this.db
      .updateTable('workerTokens')
      .set({ lastUsedAt: this.clock.nowMs() })
      .where('id', '=', row.id)
      .execute()
      .catch(() => undefined);
    return workerToken;
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
