// Sends due webhook deliveries, signed, with retries and exponential backoff for 24 hours. Runs beside the task
// workers on its own timer, so a slow or dead endpoint never holds up task processing. Every send goes through the
// outbound address policy at connect time; the delivery log shows the tenant a status code or a kind of failure,
// never the address that was refused or dialled.
import { signWebhookPayload, WEBHOOK_SIGNATURE_HEADER } from '@polyforge/protocol';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database-schema.ts';
import { ADDRESS_POLICY_DEFAULTS, AddressPolicy } from '../net/address-policy.ts';
import { guardedHttpRequest, OutboundRequestError } from '../net/guarded-http-request.ts';
import { NO_TELEMETRY, type PlatformTelemetry } from '../observability/telemetry.ts';

export const WEBHOOK_DELIVERY_DEFAULTS = {
  timeoutMs: 10_000,
  firstRetryDelayMs: 10_000,
  maxRetryDelayMs: 3_600_000,
  giveUpAfterMs: 24 * 3_600_000,
  batchSize: 20,
  /** how long a claimed delivery stays invisible to other dispatchers while it is being sent */
  claimMs: 60_000,
} as const;

export class WebhookDispatcher {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly options: typeof WEBHOOK_DELIVERY_DEFAULTS = WEBHOOK_DELIVERY_DEFAULTS,
    private readonly addressPolicy: AddressPolicy = new AddressPolicy(ADDRESS_POLICY_DEFAULTS),
    private readonly log: (message: string, details?: Record<string, unknown>) => void = () => undefined,
    private readonly telemetry: PlatformTelemetry = NO_TELEMETRY,
  ) {}

  /** Sends every delivery that is due now; returns how many were attempted. */
  async runOnce(): Promise<number> {
    const nowMs = this.clock.nowMs();
    const due = await this.db
      .selectFrom('webhookDeliveries')
      .innerJoin('webhookEndpoints', 'webhookEndpoints.id', 'webhookDeliveries.endpointId')
      .select([
        'webhookDeliveries.id as id',
        'webhookDeliveries.eventId as eventId',
        'webhookDeliveries.eventType as eventType',
        'webhookDeliveries.payloadJson as payloadJson',
        'webhookDeliveries.attempts as attempts',
        'webhookDeliveries.createdAt as createdAt',
        'webhookEndpoints.url as url',
        'webhookEndpoints.secret as secret',
      ])
      .where('webhookDeliveries.status', '=', 'pending')
      .where('webhookDeliveries.nextAttemptAt', '<=', nowMs)
      .orderBy('webhookDeliveries.nextAttemptAt')
      .limit(this.options.batchSize)
      .execute();
    let attempted = 0;
    for (const delivery of due) {
      const claimed = await this.db
        .updateTable('webhookDeliveries')
        .set({ nextAttemptAt: nowMs + this.options.claimMs })
        .where('id', '=', delivery.id)
        .where('status', '=', 'pending')
        .where('nextAttemptAt', '<=', nowMs)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue;
      attempted += 1;
      await this.send(delivery);
    }
    return attempted;
  }

  private async send(delivery: {
    id: string;
    eventId: string;
    eventType: string;
    payloadJson: string;
    attempts: number;
    createdAt: number;
    url: string;
    secret: string;
  }): Promise<void> {
    const attempt = delivery.attempts + 1;
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const response = await guardedHttpRequest(new URL(delivery.url), {
        policy: this.addressPolicy,
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Polyforge-Webhooks/1',
          [WEBHOOK_SIGNATURE_HEADER]: signWebhookPayload(
            delivery.secret,
            delivery.payloadJson,
            Math.floor(this.clock.nowMs() / 1000),
          ),
          'Tripo-Webhook-Id': delivery.eventId,
          'Tripo-Webhook-Event': delivery.eventType,
          'Tripo-Webhook-Delivery': delivery.id,
        },
        body: delivery.payloadJson,
        timeoutMs: this.options.timeoutMs,
        maxResponseBytes: 0,
        discardBody: true,
      });
      statusCode = response.status;
      // redirects are not followed: the endpoint registered is the one that must answer 2xx
      if (statusCode < 200 || statusCode >= 300) error = `endpoint answered HTTP ${statusCode}`;
    } catch (caught) {
      const failure =
        caught instanceof OutboundRequestError
          ? caught
          : new OutboundRequestError('unreachable', 'the target could not be reached', String(caught));
      error = `could not reach the endpoint: ${failure.message}`;
      this.log('webhook delivery failed', { deliveryId: delivery.id, kind: failure.kind, detail: failure.detail });
    }
    const nowMs = this.clock.nowMs();
    if (error === null) this.telemetry.webhookDelivery('delivered');
    if (error === null) {
      await this.db
        .updateTable('webhookDeliveries')
        .set({
          status: 'delivered',
          attempts: attempt,
          lastStatusCode: statusCode,
          lastError: null,
          deliveredAt: nowMs,
        })
        .where('id', '=', delivery.id)
        .execute();
      return;
    }
    const delayMs = Math.min(this.options.firstRetryDelayMs * 2 ** (attempt - 1), this.options.maxRetryDelayMs);
    const givesUp = nowMs + delayMs - delivery.createdAt > this.options.giveUpAfterMs;
    this.telemetry.webhookDelivery(givesUp ? 'gave_up' : 'failed_attempt');
    await this.db
      .updateTable('webhookDeliveries')
      .set({
        status: givesUp ? 'failed' : 'pending',
        attempts: attempt,
        lastStatusCode: statusCode,
        lastError: error,
        nextAttemptAt: nowMs + delayMs,
      })
      .where('id', '=', delivery.id)
      .execute();
  }
}
