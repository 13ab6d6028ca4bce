// Buying credits with Stripe Checkout at $1 = 100 credits (pricing.txt), for either wallet. The purchase is
// credited only by Stripe's signed `checkout.session.completed` webhook, exactly once: the event id and the
// checkout's open → completed step are committed with the grant, so replays and duplicate events credit nothing.
import Stripe from 'stripe';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database-schema.ts';
import { DomainError } from '../domain-error.ts';
import type { Ledger } from './ledger.ts';
import { WALLET_LABELS, type Wallet } from './wallets.ts';

export const CREDITS_PER_DOLLAR = 100;
export const PURCHASE_DOLLARS = { min: 1, max: 10_000 } as const;
const CURRENCY = 'usd';
/** Stripe's own default: a signed event older than this is refused, so a captured delivery cannot be replayed later. */
const SIGNATURE_TOLERANCE_SECONDS = 300;
const CREDITING_EVENTS = new Set(['checkout.session.completed', 'checkout.session.async_payment_succeeded']);

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  /** a Stripe-compatible API (a local fake in tests); absent = api.stripe.com */
  apiUrl?: string;
}

export interface StartCheckoutOptions {
  accountId: string;
  email: string;
  wallet: Wallet;
  dollars: number;
  successUrl: string;
  cancelUrl: string;
}

export type WebhookOutcome =
  | { outcome: 'credited'; accountId: string; wallet: Wallet; credits: number }
  | { outcome: 'duplicate' | 'ignored'; reason: string };

export class StripeCheckout {
  private readonly stripe: Stripe;
  /** origin of a Stripe-compatible API set in the settings (its payment pages may be plain http, e.g. a local fake) */
  readonly customApiOrigin?: string;

  constructor(
    private readonly db: Database,
    private readonly ledger: Ledger,
    private readonly clock: Clock,
    private readonly settings: StripeSettings,
  ) {
    const api = settings.apiUrl ? new URL(settings.apiUrl) : undefined;
    this.customApiOrigin = api?.origin;
    this.stripe = new Stripe(settings.secretKey, {
      maxNetworkRetries: 1,
      timeout: 20_000,
      ...(api
        ? {
            host: api.hostname,
            port: api.port || (api.protocol === 'http:' ? 80 : 443),
            protocol: api.protocol === 'http:' ? 'http' : 'https',
          }
        : {}),
    });
  }

  /** Opens a Stripe Checkout Session for `dollars` worth of credits; returns the page to send the buyer to. */
  async startCheckout(options: StartCheckoutOptions): Promise<{ sessionId: string; url: string; credits: number }> {
    const { dollars } = options;
    if (!Number.isInteger(dollars) || dollars < PURCHASE_DOLLARS.min || dollars > PURCHASE_DOLLARS.max) {
      throw new DomainError(
        'invalidParameter',
        `buy between $${PURCHASE_DOLLARS.min} and $${PURCHASE_DOLLARS.max}, in whole dollars`,
      );
    }
    const credits = dollars * CREDITS_PER_DOLLAR;
    const amountCents = dollars * 100;
    let session: Stripe.Checkout.Session;
    try {
      session = await this.stripe.checkout.sessions.create({
        mode: 'payment',
        customer_email: options.email,
        client_reference_id: options.accountId,
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: CURRENCY,
              unit_amount: amountCents,
              product_data: { name: `${credits.toLocaleString('en-US')} ${WALLET_LABELS[options.wallet]} credits` },
            },
          },
        ],
        metadata: { account_id: options.accountId, wallet: options.wallet, credits: String(credits) },
        success_url: options.successUrl,
        cancel_url: options.cancelUrl,
      });
    } catch (error) {
      throw new DomainError('internal', `Stripe refused to open a checkout: ${(error as Error).message}`);
    }
    if (!session.url) throw new DomainError('internal', 'Stripe opened a checkout without a payment page URL');
    await this.db
      .insertInto('checkoutSessions')
      .values({
        id: session.id,
        accountId: options.accountId,
        wallet: options.wallet,
        credits,
        amountCents,
        currency: CURRENCY,
        status: 'open',
        grantId: null,
        createdAt: this.clock.nowMs(),
        completedAt: null,
      })
      .execute();
    return { sessionId: session.id, url: session.url, credits };
  }

  /** Verifies and applies one webhook delivery. A bad signature throws (HTTP 400); anything else answers 200. */
  async handleWebhook(rawBody: Buffer, signatureHeader: string | undefined): Promise<WebhookOutcome> {
    let event: Stripe.Event;
    try {
      if (!signatureHeader) throw new Error('no Stripe-Signature header');
      event = this.stripe.webhooks.constructEvent(
        rawBody,
        signatureHeader,
        this.settings.webhookSecret,
        SIGNATURE_TOLERANCE_SECONDS,
        undefined,
        this.clock.nowMs(),
      );
    } catch (error) {
      throw new DomainError(
        'invalidParameter',
        `the Stripe webhook signature does not verify (${(error as Error).message}); nothing was credited`,
      );
    }
    if (!CREDITING_EVENTS.has(event.type))
      return { outcome: 'ignored', reason: `event type ${event.type} credits nothing` };
    const session = event.data.object as Stripe.Checkout.Session;
    if (session.payment_status !== 'paid')
      return { outcome: 'ignored', reason: `payment status is ${session.payment_status}; waiting for the payment` };

    return this.db.transaction().execute(async (trx): Promise<WebhookOutcome> => {
      const recorded = await trx
        .insertInto('stripeEvents')
        .values({ id: event.id, eventType: event.type, receivedAt: this.clock.nowMs() })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .returning(['id'])
        .execute();
      if (recorded.length === 0) return { outcome: 'duplicate', reason: `event ${event.id} was already applied` };
      const checkout = await trx
        .updateTable('checkoutSessions')
        .set({ status: 'completed', completedAt: this.clock.nowMs() })
        .where('id', '=', session.id)
        .where('status', '=', 'open')
        .returning(['accountId', 'wallet', 'credits', 'amountCents', 'currency'])
        .executeTakeFirst();
      if (!checkout)
        return { outcome: 'duplicate', reason: `checkout ${session.id} is unknown here or was already credited` };
      if (session.amount_total !== checkout.amountCents || session.currency !== checkout.currency) {
        throw new DomainError(
          'invalidParameter',
          `checkout ${session.id} was paid ${session.amount_total} ${session.currency}, not ${checkout.amountCents} ${checkout.currency}; nothing was credited`,
        );
      }
      const wallet = checkout.wallet as Wallet;
      const { grantId } = await this.ledger.grant(trx, {
        accountId: checkout.accountId,
        credits: checkout.credits,
        source: 'purchase',
        wallet,
        note: `Stripe checkout ${session.id}`,
      });
      await trx.updateTable('checkoutSessions').set({ grantId }).where('id', '=', session.id).execute();
      return { outcome: 'credited', accountId: checkout.accountId, wallet, credits: checkout.credits };
    });
  }

  /** The account's checkouts, newest first, for the billing page. */
  async listCheckouts(accountId: string, limit = 20) {
    return this.db
      .selectFrom('checkoutSessions')
      .selectAll()
      .where('accountId', '=', accountId)
      .orderBy('createdAt', 'desc')
      .limit(limit)
      .execute();
  }
}
