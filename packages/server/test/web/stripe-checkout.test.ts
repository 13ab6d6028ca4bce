// Buying credits: Stripe Checkout through the billing pages, credited only by a signed webhook, exactly once.
// The Stripe SDK talks to a local fake of the Stripe API; events are signed with Stripe's real scheme.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import { fakeStripeEnvironment, startFakeStripe, type FakeStripe } from './fake-stripe-server.ts';
import { uniqueEmail, WebClient } from './web-client.ts';

describe('buying credits with Stripe Checkout', () => {
  let harness: TestPlatform;
  let stripe: FakeStripe;
  beforeAll(async () => {
    stripe = await startFakeStripe();
    harness = await startTestPlatform({ environment: fakeStripeEnvironment(stripe) });
    stripe.webhookUrl = `${harness.baseUrl}/webhooks/stripe`;
  });
  afterAll(async () => {
    await harness.close();
    await stripe.close();
  });

  async function signedInAccount(label: string) {
    const browser = new WebClient(harness.baseUrl);
    const email = uniqueEmail(label);
    await browser.signUp(email);
    const accountId = (
      await harness.platform.db.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirstOrThrow()
    ).id;
    return { browser, accountId, email };
  }

  const postEvent = (event: { body: string; signature?: string }) =>
    fetch(`${harness.baseUrl}/webhooks/stripe`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(event.signature ? { 'stripe-signature': event.signature } : {}),
      },
      body: event.body,
    });
  const balance = (accountId: string, wallet: 'api' | 'studio') =>
    harness.platform.ledger.balance(harness.platform.db, accountId, wallet);

  async function startCheckout(browser: WebClient, wallet: 'api' | 'studio', dollars: string) {
    await browser.get(wallet === 'api' ? '/dashboard/billing' : '/studio/credits');
    const response = await browser.postForm('/dashboard/billing/checkout', { wallet, dollars });
    expect(response.status).toBe(303);
    const sessionId = /\/pay\/(cs_test_[0-9a-f]+)$/.exec(response.location ?? '')?.[1];
    expect(sessionId).toBeDefined();
    return stripe.sessions.get(sessionId!)!;
  }

  it('opens a Checkout Session at $1 = 100 credits and credits the API wallet once on the signed webhook', async () => {
    const { browser, accountId, email } = await signedInAccount('buyer');
    const session = await startCheckout(browser, 'api', '12');
    const sent = stripe.createRequests.at(-1)!;
    expect(sent.get('mode')).toBe('payment');
    expect(sent.get('line_items[0][price_data][unit_amount]')).toBe('1200');
    expect(sent.get('line_items[0][price_data][currency]')).toBe('usd');
    expect(sent.get('customer_email')).toBe(email);
    expect(sent.get('metadata[wallet]')).toBe('api');
    expect(sent.get('success_url')).toBe(`${harness.baseUrl}/dashboard/billing?checkout=success`);
    expect((await browser.get('/dashboard/billing')).text).toContain('awaiting payment');

    const event = stripe.signedEvent(session);
    const first = await postEvent(event);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ received: true, outcome: 'credited', credits: 1200 });
    expect(await balance(accountId, 'api')).toEqual({ balance: 1500, frozen: 0 });

    // Stripe retries deliveries: the same event again, and another event for the same session, credit nothing
    expect(await (await postEvent(event)).json()).toMatchObject({ outcome: 'duplicate' });
    expect(
      await (await postEvent(stripe.signedEvent(session, { type: 'checkout.session.async_payment_succeeded' }))).json(),
    ).toMatchObject({ outcome: 'duplicate' });
    expect(await balance(accountId, 'api')).toEqual({ balance: 1500, frozen: 0 });
    expect(await balance(accountId, 'studio')).toEqual({ balance: 300, frozen: 0 }); // Studio's own trial only

    const grants = await harness.platform.ledger.listGrants(harness.platform.db, accountId, 'api');
    expect(grants.find((grant) => grant.source === 'purchase')).toMatchObject({
      creditsGranted: 1200,
      expiresAt: null,
    });
    const page = await browser.get('/dashboard/billing');
    expect(page.text).toContain('credited');
    expect(page.text).toContain('Purchase');
  });

  it('credits nothing for forged, tampered, stale or unsigned events', async () => {
    const { browser, accountId } = await signedInAccount('forger');
    const session = await startCheckout(browser, 'api', '5');
    const forged = stripe.signedEvent(session, { secret: 'whsec_not_the_right_one' });
    const genuine = stripe.signedEvent(session);
    const tampered = {
      body: genuine.body.replace('"amount_total":500', '"amount_total":50000'),
      signature: genuine.signature,
    };
    const stale = stripe.signedEvent(session, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    for (const event of [
      forged,
      tampered,
      stale,
      { body: genuine.body },
      { body: genuine.body, signature: 't=1,v1=00' },
    ]) {
      const response = await postEvent(event);
      expect(response.status).toBe(400);
      expect((await response.json()).message).toContain('signature');
    }
    expect(await balance(accountId, 'api')).toEqual({ balance: 300, frozen: 0 });
    expect(
      await harness.platform.db
        .selectFrom('stripeEvents')
        .selectAll()
        .where('id', '=', JSON.parse(genuine.body).id)
        .execute(),
    ).toHaveLength(0);
    // the genuine delivery still works afterwards
    expect(await (await postEvent(genuine)).json()).toMatchObject({ outcome: 'credited', credits: 500 });
    expect(await balance(accountId, 'api')).toEqual({ balance: 800, frozen: 0 });
  });

  it('ignores unpaid sessions, other event types and sessions it did not open', async () => {
    const { browser, accountId } = await signedInAccount('ignored');
    const session = await startCheckout(browser, 'api', '3');
    expect(await (await postEvent(stripe.signedEvent(session, { paymentStatus: 'unpaid' }))).json()).toMatchObject({
      outcome: 'ignored',
    });
    expect(
      await (await postEvent(stripe.signedEvent(session, { type: 'payment_intent.created' }))).json(),
    ).toMatchObject({ outcome: 'ignored' });
    const unknown = { ...session, id: 'cs_test_not_ours' };
    expect(await (await postEvent(stripe.signedEvent(unknown))).json()).toMatchObject({ outcome: 'duplicate' });
    expect(await balance(accountId, 'api')).toEqual({ balance: 300, frozen: 0 });
  });

  it('buys Studio credits through the Studio entry, into the Studio wallet only', async () => {
    const { browser, accountId } = await signedInAccount('studio-buyer');
    const session = await startCheckout(browser, 'studio', '2');
    expect(session.success_url).toBe(`${harness.baseUrl}/studio/credits?checkout=success`);
    // the fake's payment page sends the signed webhook and returns to the success URL, as Stripe does
    const paid = await fetch(session.url, { redirect: 'manual' });
    expect(paid.status).toBe(303);
    expect(await balance(accountId, 'studio')).toEqual({ balance: 500, frozen: 0 }); // trial 300 + 200 bought
    expect(await balance(accountId, 'api')).toEqual({ balance: 300, frozen: 0 });
    const page = await browser.get('/studio/credits?checkout=success');
    expect(page.text).toContain('Payment received');
    expect(page.text).toMatch(/data-testid="balance">500</);
  });

  it('refuses amounts outside $1–$10,000 and non-whole dollars', async () => {
    const { browser } = await signedInAccount('amounts');
    await browser.get('/dashboard/billing');
    for (const dollars of ['0', '10001', '2.5', 'ten']) {
      const response = await browser.postForm('/dashboard/billing/checkout', { wallet: 'api', dollars });
      expect(response.status).toBe(400);
      expect(response.text).toContain('whole dollars');
    }
  });
});

describe('billing without Stripe', () => {
  let harness: TestPlatform;
  beforeAll(async () => {
    harness = await startTestPlatform();
  });
  afterAll(() => harness.close());

  it('says how an admin grants credits, and refuses a checkout with 2002', async () => {
    const browser = new WebClient(harness.baseUrl);
    await browser.signUp(uniqueEmail('no-stripe'));
    const page = await browser.get('/dashboard/billing');
    expect(page.text).toContain('Buying credits is not set up on this deployment');
    expect(page.text).toContain('npx polyforge credits grant --account');
    const checkout = await browser.postForm('/dashboard/billing/checkout', { wallet: 'api', dollars: '10' });
    expect(checkout.status).toBe(400);
    expect(checkout.text).toContain('Not available on this deployment');
    const webhook = await fetch(`${harness.baseUrl}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(webhook.status).toBe(400);
    expect((await webhook.json()).code).toBe(2002);
  });
});
