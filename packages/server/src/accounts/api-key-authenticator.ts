// Turns an Authorization header into an account, with a short in-memory cache so polling stays cheap.
// A revoked key stops working at once in this process and within CACHE_TTL_MS in others.
import { DomainError } from '../domain-error.ts';
import { hashApiKey } from '../ids.ts';
import type { AccountStore, AuthenticatedKey } from './account-store.ts';

const CACHE_TTL_MS = 2000;
const LAST_USED_WRITE_INTERVAL_MS = 60_000;

export class ApiKeyAuthenticator {
  private readonly cache = new Map<string, { key: AuthenticatedKey; expiresAtMs: number }>();
  private readonly lastUsedWrites = new Map<string, number>();

  constructor(private readonly accounts: AccountStore) {}

  async authenticate(authorizationHeader: string | undefined): Promise<AuthenticatedKey> {
    const token = parseBearer(authorizationHeader);
    const keyHash = hashApiKey(token);
    const nowMs = Date.now();
    const cached = this.cache.get(keyHash);
    let key = cached && cached.expiresAtMs > nowMs ? cached.key : undefined;
    if (!key) {
      key = await this.accounts.findActiveKey(keyHash);
      if (!key) throw new DomainError('authenticationFailed', 'the API key is unknown or has been revoked');
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(keyHash, { key, expiresAtMs: nowMs + CACHE_TTL_MS });
    }
    this.recordUse(key.keyId, nowMs);
    return key;
  }

  forget(keyHash: string): void {
    this.cache.delete(keyHash);
  }

  private recordUse(keyId: string, nowMs: number): void {
    const lastWriteMs = this.lastUsedWrites.get(keyId) ?? 0;
    if (nowMs - lastWriteMs < LAST_USED_WRITE_INTERVAL_MS) return;
    this.lastUsedWrites.set(keyId, nowMs);
    this.accounts.touchKey(keyId).catch(() => undefined);
  }
}

function parseBearer(authorizationHeader: string | undefined): string {
  if (!authorizationHeader) {
    throw new DomainError('authenticationFailed', 'missing Authorization header; send "Authorization: Bearer tsk_..."');
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorizationHeader);
  if (!match) throw new DomainError('authenticationFailed', 'the Authorization header must be "Bearer <API key>"');
  const token = match[1];
  if (token.startsWith('tcli_')) {
    throw new DomainError(
      'authenticationFailed',
      'this is a client ID (tcli_...), not an API key. The client ID identifies your application and is not used for authentication; send your API key, which starts with tsk_',
    );
  }
  if (!token.startsWith('tsk_')) throw new DomainError('authenticationFailed', 'API keys start with tsk_');
  return token;
}
