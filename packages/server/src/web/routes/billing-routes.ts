// Billing pages, one per wallet: the API's (/dashboard/billing) and the Studio's own top-up entry
// (/studio/credits). Balance, frozen credits, each grant with its expiry, buying through Stripe Checkout.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CREDITS_PER_DOLLAR, PURCHASE_DOLLARS } from '../../billing/stripe-checkout.ts';
import { isWallet, WALLET_LABELS, type Wallet } from '../../billing/wallets.ts';
import { DomainError } from '../../domain-error.ts';
import { describeExpiry, formatCredits, formatTime } from '../format.ts';
import { html } from '../html.ts';
import { hiddenCsrf } from '../layout.ts';
import { formField, pageCsrfToken, sendPage } from '../respond.ts';
import type { WebContext } from '../web-context.ts';

const SOURCE_LABELS: Record<string, string> = {
  trial: 'Free trial',
  grant: 'Granted by an admin',
  purchase: 'Purchase',
};
const PAGE_OF: Record<Wallet, string> = { api: '/dashboard/billing', studio: '/studio/credits' };

export function registerBillingRoutes(web: FastifyInstance, context: WebContext): void {
  web.get<{ Querystring: { checkout?: string } }>('/dashboard/billing', async (request, reply) =>
    walletPage(context, request, reply, 'api'),
  );
  web.get<{ Querystring: { checkout?: string } }>('/studio/credits', async (request, reply) =>
    walletPage(context, request, reply, 'studio'),
  );

  web.post('/dashboard/billing/checkout', async (request, reply) => {
    const wallet = formField(request.body, 'wallet');
    if (!isWallet(wallet)) throw new DomainError('invalidParameter', 'wallet must be api or studio');
    if (!context.stripe)
      throw new DomainError(
        'notAvailable',
        'buying credits is not set up on this deployment; an admin can grant credits',
      );
    const dollars = Number(formField(request.body, 'dollars'));
    const base = context.baseUrlOf(request);
    const checkout = await context.stripe.startCheckout({
      accountId: request.visitor!.account.id,
      email: request.visitor!.account.email,
      wallet,
      dollars,
      successUrl: `${base}${PAGE_OF[wallet]}?checkout=success`,
      cancelUrl: `${base}${PAGE_OF[wallet]}?checkout=cancelled`,
    });
    return reply.redirect(checkout.url, 303);
  });
}

async function walletPage(
  context: WebContext,
  request: FastifyRequest<{ Querystring: { checkout?: string } }>,
  reply: FastifyReply,
  wallet: Wallet,
) {
  const account = request.visitor!.account;
  const nowMs = context.clock.nowMs();
  const [balance, grants, checkouts] = await Promise.all([
    context.ledger.balance(context.db, account.id, wallet),
    context.ledger.listGrants(context.db, account.id, wallet),
    context.stripe ? context.stripe.listCheckouts(account.id) : Promise.resolve([]),
  ]);
  const label = WALLET_LABELS[wallet];
  const csrfToken = pageCsrfToken(context, request, reply);
  const other: Wallet = wallet === 'api' ? 'studio' : 'api';
  const buy = context.stripe
    ? html`<form method="post" action="/dashboard/billing/checkout" class="form-row">
    ${hiddenCsrf(csrfToken)}
    <input type="hidden" name="wallet" value="${wallet}">
    <div class="field"><label for="dollars">Amount in US dollars</label>
      <input id="dollars" name="dollars" type="number" inputmode="numeric" min="${PURCHASE_DOLLARS.min}" max="${PURCHASE_DOLLARS.max}" step="1" value="10" required aria-describedby="dollars-help">
      <p id="dollars-help" class="help">$1 = ${CREDITS_PER_DOLLAR} credits. Purchased credits never expire.</p></div>
    <button type="submit" class="button">Buy ${label} credits with Stripe</button>
  </form>`
    : html`<p>Buying credits is not set up on this deployment (the operator has not configured Stripe).</p>
  <p>An admin grants credits in the <strong>Admin</strong> console (open the account, then “Grant credits”), or on the command line:</p>
  <pre><code>npx polyforge credits grant --account ${account.id} --credits 1000${wallet === 'studio' ? ' --wallet studio' : ''}</code></pre>`;
  const flash =
    request.query.checkout === 'success'
      ? {
          kind: 'success' as const,
          message:
            'Payment received. The credits appear here as soon as Stripe confirms it (usually within seconds); reload to see them.',
        }
      : request.query.checkout === 'cancelled'
        ? { kind: 'info' as const, message: 'The checkout was cancelled; nothing was charged.' }
        : undefined;
  const walletCheckouts = checkouts.filter((checkout) => checkout.wallet === wallet);
  const body = html`<div class="cards">
  <section class="card"><h2>Balance</h2><p class="figure" data-testid="balance">${formatCredits(balance.balance)}</p><p class="muted">${label} credits you can spend</p></section>
  <section class="card"><h2>Frozen</h2><p class="figure" data-testid="frozen">${formatCredits(balance.frozen)}</p><p class="muted">held by queued or running tasks; refunded if they fail</p></section>
</div>
<p class="note">${
    wallet === 'api'
      ? html`These are the credits of the <strong>API</strong>. Studio has its own wallet and prices (<a href="/studio/credits">Studio credits</a>); credits never move between the two.`
      : html`These are the credits of <strong>Studio</strong>, the web app. The API has its own wallet and prices (<a href="/dashboard/billing">API billing</a>); credits never move between the two.`
  }</p>
<section class="panel">
  <h2>Buy credits</h2>
  ${buy}
</section>
<section class="panel">
  <h2>Grants</h2>
  ${
    grants.length === 0
      ? html`<p class="empty">No ${label} credits yet.</p>`
      : html`<div class="table-wrap" role="region" aria-label="Credit grants" tabindex="0"><table>
  <caption class="visually-hidden">${label} credit grants</caption>
  <thead><tr><th scope="col">Granted</th><th scope="col">Source</th><th scope="col">Credits</th><th scope="col">Left</th><th scope="col">Expiry</th></tr></thead>
  <tbody>${grants
    .slice()
    .reverse()
    .map(
      (grant) => html`<tr${grant.expiresAt !== null && grant.expiresAt <= nowMs ? html` class="row-expired"` : ''}>
    <td>${formatTime(grant.createdAt)}</td><td>${SOURCE_LABELS[grant.source] ?? grant.source}</td>
    <td>${formatCredits(grant.creditsGranted)}</td><td>${formatCredits(grant.creditsRemaining)}</td>
    <td>${grant.source === 'trial' && grant.expiresAt !== null ? html`trial ends ${formatTime(grant.expiresAt)} · ` : ''}${describeExpiry(grant.expiresAt, nowMs)}</td></tr>`,
    )}</tbody></table></div>`
  }
  <p class="muted">Credits that expire are spent first.</p>
</section>
${
  walletCheckouts.length > 0
    ? html`<section class="panel"><h2>Purchases</h2><div class="table-wrap" role="region" aria-label="Purchases" tabindex="0"><table>
  <caption class="visually-hidden">Purchases</caption>
  <thead><tr><th scope="col">Started</th><th scope="col">Amount</th><th scope="col">Credits</th><th scope="col">State</th></tr></thead>
  <tbody>${walletCheckouts.map(
    (
      checkout,
    ) => html`<tr><td>${formatTime(checkout.createdAt)}</td><td>$${(checkout.amountCents / 100).toFixed(2)}</td><td>${formatCredits(checkout.credits)}</td>
    <td>${checkout.status === 'completed' ? html`<span class="badge badge-success">credited ${formatTime(checkout.completedAt)}</span>` : html`<span class="badge">awaiting payment</span>`}</td></tr>`,
  )}</tbody></table></div></section>`
    : ''
}
<p class="muted">Your account id (for an admin): <code>${account.id}</code> · <a href="${PAGE_OF[other]}">${WALLET_LABELS[other]} wallet</a></p>`;
  return sendPage(context, request, reply, {
    title: wallet === 'api' ? 'Billing' : 'Studio credits',
    section: wallet === 'api' ? 'billing' : 'studio-credits',
    body,
    flash,
  });
}
