// A local stand-in for the Stripe API, for tests: creates Checkout Sessions (POST /v1/checkout/sessions), and a
// payment page (GET /pay/<id>) that "pays" by sending Stripe's real signed checkout.session.completed webhook to
// the platform, then redirects to the session's success_url as Stripe does.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

export const FAKE_STRIPE_SECRET_KEY = 'sk_test_polyforge_fake';
export const FAKE_STRIPE_WEBHOOK_SECRET = 'whsec_polyforge_fake_secret';

export interface FakeCheckoutSession {
  id: string;
  object: 'checkout.session';
  url: string;
  amount_total: number;
  currency: string;
  payment_status: 'unpaid' | 'paid';
  status: 'open' | 'complete';
  mode: string;
  client_reference_id: string;
  customer_email: string;
  metadata: Record<string, string>;
  success_url: string;
  cancel_url: string;
}

export interface FakeStripe {
  apiUrl: string;
  sessions: Map<string, FakeCheckoutSession>;
  /** the form fields of each create call, as Stripe received them */
  createRequests: URLSearchParams[];
  /** where /pay sends the webhook */
  webhookUrl: string;
  /** a signed event body and header for `session` (paid unless told otherwise) */
  signedEvent(
    session: FakeCheckoutSession,
    options?: { eventId?: string; type?: string; paymentStatus?: string; secret?: string; timestamp?: number },
  ): { body: string; signature: string };
  close(): Promise<void>;
}

const webhooks = new Stripe(FAKE_STRIPE_SECRET_KEY).webhooks;

export async function startFakeStripe(): Promise<FakeStripe> {
  const sessions = new Map<string, FakeCheckoutSession>();
  const createRequests: URLSearchParams[] = [];
  const fake = {} as FakeStripe;

  const signedEvent: FakeStripe['signedEvent'] = (session, options = {}) => {
    const paid = { ...session, payment_status: options.paymentStatus ?? 'paid', status: 'complete' };
    const body = JSON.stringify({
      id: options.eventId ?? `evt_${randomBytes(12).toString('hex')}`,
      object: 'event',
      api_version: '2025-01-27',
      created: Math.floor(Date.now() / 1000),
      type: options.type ?? 'checkout.session.completed',
      data: { object: paid },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
    });
    const signature = webhooks.generateTestHeaderString({
      payload: body,
      secret: options.secret ?? FAKE_STRIPE_WEBHOOK_SECRET,
      timestamp: options.timestamp,
    });
    return { body, signature };
  };

  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', fake.apiUrl);
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method === 'POST' && url.pathname === '/v1/checkout/sessions') {
      if (request.headers.authorization !== `Bearer ${FAKE_STRIPE_SECRET_KEY}`)
        return send(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      createRequests.push(form);
      const id = `cs_test_${randomBytes(12).toString('hex')}`;
      const quantity = Number(form.get('line_items[0][quantity]') ?? 1);
      const session: FakeCheckoutSession = {
        id,
        object: 'checkout.session',
        url: `${fake.apiUrl}/pay/${id}`,
        amount_total: Number(form.get('line_items[0][price_data][unit_amount]')) * quantity,
        currency: form.get('line_items[0][price_data][currency]') ?? 'usd',
        payment_status: 'unpaid',
        status: 'open',
        mode: form.get('mode') ?? '',
        client_reference_id: form.get('client_reference_id') ?? '',
        customer_email: form.get('customer_email') ?? '',
        metadata: Object.fromEntries(
          [...form].filter(([key]) => key.startsWith('metadata[')).map(([key, value]) => [key.slice(9, -1), value]),
        ),
        success_url: form.get('success_url') ?? '',
        cancel_url: form.get('cancel_url') ?? '',
      };
      sessions.set(id, session);
      return send(200, session);
    }
    const pay = /^\/pay\/(cs_test_[0-9a-f]+)$/.exec(url.pathname);
    if (request.method === 'GET' && pay && sessions.has(pay[1])) {
      const session = sessions.get(pay[1])!;
      const { body, signature } = signedEvent(session);
      await fetch(fake.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': signature },
        body,
      });
      response.writeHead(303, { location: session.success_url });
      return response.end();
    }
    send(404, { error: { type: 'invalid_request_error', message: `no fake for ${request.method} ${url.pathname}` } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.sessions = sessions;
  fake.createRequests = createRequests;
  fake.webhookUrl = '';
  fake.signedEvent = signedEvent;
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}

export function fakeStripeEnvironment(fake: FakeStripe): Record<string, string> {
  return {
    POLYFORGE_STRIPE_SECRET_KEY: FAKE_STRIPE_SECRET_KEY,
    POLYFORGE_STRIPE_WEBHOOK_SECRET: FAKE_STRIPE_WEBHOOK_SECRET,
    POLYFORGE_STRIPE_API_URL: fake.apiUrl,
  };
}
