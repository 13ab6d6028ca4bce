// POST /webhooks/stripe: Stripe's signed events. The signature covers the exact bytes, so this scope keeps the
// body raw; no session or CSRF applies (the signature is the credential).
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain-error.ts';
import type { WebContext } from '../web-context.ts';

export const STRIPE_WEBHOOK_PATH = '/webhooks/stripe';
const WEBHOOK_BODY_LIMIT_BYTES = 1024 * 1024;

export function registerStripeWebhookRoute(scope: FastifyInstance, context: WebContext): void {
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser(
    /^application\/json/,
    { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT_BYTES },
    (_request, body, done) => done(null, body),
  );

  scope.post(STRIPE_WEBHOOK_PATH, async (request) => {
    if (!context.stripe) throw new DomainError('notAvailable', 'Stripe is not configured on this deployment');
    if (!Buffer.isBuffer(request.body)) throw new DomainError('malformedRequest', 'a Stripe event is a JSON body');
    const signature = request.headers['stripe-signature'];
    const result = await context.stripe.handleWebhook(
      request.body,
      typeof signature === 'string' ? signature : undefined,
    );
    if (result.outcome === 'credited')
      request.log.info(
        { accountId: result.accountId, wallet: result.wallet, credits: result.credits },
        'Stripe purchase credited',
      );
    return { received: true, ...result };
  });
}
