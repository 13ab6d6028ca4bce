// Who may create an account on the web, and how many from one place: the operator's sign-up mode, and a
// per-client-address throttle counted from the accounts themselves (a hash of the address, an IPv6 address's /64
// so one host cannot walk its prefix), which every API process sees alike.
import { createHash } from 'node:crypto';
import net from 'node:net';
import type { Clock } from '../clock.ts';
import type { SignupMode } from '../config.ts';
import type { Database } from '../db/database-schema.ts';
import { DomainError } from '../domain-error.ts';

const HOUR_MS = 3600_000;

export class SignupPolicy {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    readonly mode: SignupMode,
    /** 0 = no limit */
    private readonly perAddressPerHour: number,
  ) {}

  /** Whether sign-up credits the trial at once (open), after the e-mail check (verify-email), or with an invitation. */
  get grantsTrialAtSignup(): boolean {
    return this.mode === 'open' || this.mode === 'invite-only';
  }

  /** Throws when this address has made its hour's sign-ups already (429, Retry-After: when the oldest one ages out). */
  async checkAddress(addressHash: string): Promise<void> {
    if (this.perAddressPerHour <= 0) return;
    const sinceMs = this.clock.nowMs() - HOUR_MS;
    const recent = await this.db
      .selectFrom('accounts')
      .select('createdAt')
      .where('signupAddressHash', '=', addressHash)
      .where('createdAt', '>', sinceMs)
      .orderBy('createdAt')
      .limit(this.perAddressPerHour)
      .execute();
    if (recent.length < this.perAddressPerHour) return;
    const retryAfterSeconds = Math.max(1, Math.ceil((recent[0].createdAt + HOUR_MS - this.clock.nowMs()) / 1000));
    throw new DomainError(
      'rateLimited',
      `too many accounts were created from your network in the last hour; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`,
      {
        retryAfterSeconds,
      },
    );
  }
}

/** SHA-256 of the client address, an IPv6 address reduced to its /64 (IPv4-mapped IPv6 read as IPv4). */
export function hashClientAddress(address: string): string {
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  let key = plain;
  if (net.isIPv6(plain)) {
    const socketAddress = new net.SocketAddress({ address: plain, family: 'ipv6' });
    key = `${expandedGroups(socketAddress.address).slice(0, 4).join(':')}::/64`;
  }
  return createHash('sha256').update(key).digest('hex');
}

function expandedGroups(address: string): string[] {
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  return [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups].map((group) => group.padStart(4, '0'));
}
