// An account's webhook endpoints and the log of deliveries to them.
import { randomBytes } from 'node:crypto';
import { isHttpUrl } from '@polyforge/protocol';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database-schema.ts';
import { DomainError } from '../domain-error.ts';
import { newId } from '../ids.ts';
import { ADDRESS_POLICY_DEFAULTS, AddressPolicy } from '../net/address-policy.ts';

export const MAX_ENDPOINTS_PER_ACCOUNT = 10;

export class WebhookStore {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly addressPolicy: AddressPolicy = new AddressPolicy(ADDRESS_POLICY_DEFAULTS),
  ) {}

  async createEndpoint(
    accountId: string,
    url: unknown,
  ): Promise<{ id: string; url: string; secret: string; createdAt: number }> {
    if (typeof url !== 'string' || !isHttpUrl(url))
      throw new DomainError('invalidParameter', 'url must be an absolute http(s) URL');
    // IP literals (in any spelling the URL parser normalises) and local names are refused here; names are judged
    // again at every delivery, on the address the connection resolves (webhook-dispatcher.ts)
    if (this.addressPolicy.refusalOf(new URL(url))) {
      throw new DomainError(
        'invalidParameter',
        'url must point at a public address; loopback, private, link-local and reserved addresses are refused',
      );
    }
    const active = await this.listEndpoints(accountId);
    if (active.length >= MAX_ENDPOINTS_PER_ACCOUNT) {
      throw new DomainError(
        'invalidParameter',
        `an account may have at most ${MAX_ENDPOINTS_PER_ACCOUNT} webhook endpoints`,
      );
    }
    const endpoint = {
      id: newId(),
      accountId,
      url,
      secret: `whsec_${randomBytes(24).toString('base64url')}`,
      createdAt: this.clock.nowMs(),
      disabledAt: null,
    };
    await this.db.insertInto('webhookEndpoints').values(endpoint).execute();
    return { id: endpoint.id, url, secret: endpoint.secret, createdAt: endpoint.createdAt };
  }

  async listEndpoints(accountId: string) {
    return this.db
      .selectFrom('webhookEndpoints')
      .select(['id', 'url', 'createdAt'])
      .where('accountId', '=', accountId)
      .where('disabledAt', 'is', null)
      .orderBy('createdAt')
      .execute();
  }

  async deleteEndpoint(accountId: string, endpointId: string): Promise<void> {
    const result = await this.db
      .updateTable('webhookEndpoints')
      .set({ disabledAt: this.clock.nowMs() })
      .where('id', '=', endpointId)
      .where('accountId', '=', accountId)
      .where('disabledAt', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw new DomainError('webhookEndpointNotFound', `webhook endpoint ${endpointId} not found`);
  }

  async listDeliveries(accountId: string, endpointId: string, limit = 50) {
    // another account's endpoint (or none) reads as not found, rather than as an empty log
    const endpoint = await this.db
      .selectFrom('webhookEndpoints')
      .select('id')
      .where('id', '=', endpointId)
      .where('accountId', '=', accountId)
      .executeTakeFirst();
    if (!endpoint) throw new DomainError('webhookEndpointNotFound', `webhook endpoint ${endpointId} not found`);
    return this.db
      .selectFrom('webhookDeliveries')
      .select([
        'id',
        'eventId',
        'eventType',
        'status',
        'attempts',
        'nextAttemptAt',
        'lastStatusCode',
        'lastError',
        'createdAt',
        'deliveredAt',
      ])
      .where('accountId', '=', accountId)
      .where('endpointId', '=', endpointId)
      .orderBy('createdAt', 'desc')
      .limit(Math.min(Math.max(limit, 1), 200))
      .execute();
  }
}
