// Admin console (admin accounts only): accounts, grant credits to either wallet, concurrency limit (enforced by
// the next create), volume discount, and data-retention period.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_VOLUME_DISCOUNT_PERCENT } from '../../billing/volume-discount.ts';
import { isWallet, WALLETS, WALLET_LABELS } from '../../billing/wallets.ts';
import { DomainError } from '../../domain-error.ts';
import { countOf, formatCredits, formatTime } from '../format.ts';
import { html } from '../html.ts';
import { hiddenCsrf } from '../layout.ts';
import { formField, pageCsrfToken, sendPage } from '../respond.ts';
import type { WebContext } from '../web-context.ts';

const PAGE_SIZE = 25;
const DONE_MESSAGES: Record<string, string> = {
  grant: 'Credits granted.',
  concurrency: 'Concurrency limit saved; the API applies it to the next task created.',
  discount: 'Volume discount saved; quotes and new tasks use it now.',
  retention: 'Data-retention period saved; the retention sweeper applies it on its next pass.',
};

type AccountParams = { Params: { accountId: string } };

export function registerAdminRoutes(web: FastifyInstance, context: WebContext): void {
  const admin = { config: { admin: true } };

  web.get<{ Querystring: { search?: string; page?: string } }>('/dashboard/admin', admin, async (request, reply) => {
    const search = request.query.search ?? '';
    const requestedPage = Math.max(1, Math.floor(Number(request.query.page ?? 1)) || 1);
    let { accounts, total } = await context.webAccounts.listAccounts({
      search,
      limit: PAGE_SIZE,
      offset: (requestedPage - 1) * PAGE_SIZE,
    });
    const page = Math.min(requestedPage, Math.max(1, Math.ceil(total / PAGE_SIZE))); // past the end: the last page
    if (page !== requestedPage)
      ({ accounts, total } = await context.webAccounts.listAccounts({
        search,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }));
    const balances = await Promise.all(
      accounts.map(async (account) => ({
        api: await context.ledger.balance(context.db, account.id, 'api'),
        studio: await context.ledger.balance(context.db, account.id, 'studio'),
      })),
    );
    const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const link = (target: number) =>
      `/dashboard/admin?${new URLSearchParams({ ...(search ? { search } : {}), page: String(target) })}`;
    const body = html`<p><a href="/dashboard/admin/provider-costs">3D providers: state and cost against credits earned</a></p>
<section class="panel">
  <form method="get" action="/dashboard/admin" class="form-row" role="search">
    <div class="field"><label for="search">Email contains</label><input id="search" name="search" type="search" value="${search}"></div>
    <button type="submit" class="button">Search</button>
  </form>
</section>
<section class="panel">
  <p class="muted">${total} account${total === 1 ? '' : 's'}, page ${page} of ${pageCount}</p>
  ${
    accounts.length === 0
      ? html`<p class="empty">No accounts match.</p>`
      : html`<div class="table-wrap" role="region" aria-label="Accounts" tabindex="0"><table>
  <caption class="visually-hidden">Accounts</caption>
  <thead><tr><th scope="col">Email</th><th scope="col">Created</th><th scope="col">API credits</th><th scope="col">Studio credits</th><th scope="col">Concurrency</th><th scope="col">Discount</th><th scope="col">Retention</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
  <tbody>${accounts.map(
    (account, index) => html`<tr>
    <td>${account.email}${account.isAdmin ? html` <span class="badge">admin</span>` : ''}</td>
    <td>${formatTime(account.createdAt)}</td>
    <td>${formatCredits(balances[index].api.balance)}</td>
    <td>${formatCredits(balances[index].studio.balance)}</td>
    <td>${account.activeTasks} / ${account.concurrencyLimit}</td>
    <td>${account.volumeDiscountPercent}%</td>
    <td>${retentionLabel(account.retentionDays, context.defaultRetentionDays)}</td>
    <td><a href="/dashboard/admin/accounts/${account.id}" aria-label="Manage ${account.email}">Manage</a></td>
  </tr>`,
  )}</tbody></table></div>`
  }
  <nav class="pagination" aria-label="Pages">
    ${page > 1 ? html`<a class="button button-quiet" href="${link(page - 1)}">Previous</a>` : ''}
    ${page < pageCount ? html`<a class="button button-quiet" href="${link(page + 1)}">Next</a>` : ''}
  </nav>
</section>`;
    return sendPage(context, request, reply, { title: 'Admin: accounts', section: 'admin', body });
  });

  web.get<AccountParams & { Querystring: { done?: string } }>(
    '/dashboard/admin/accounts/:accountId',
    admin,
    async (request, reply) => {
      const account = await context.webAccounts.getAccount(request.params.accountId);
      const [api, studio] = await Promise.all([
        context.ledger.balance(context.db, account.id, 'api'),
        context.ledger.balance(context.db, account.id, 'studio'),
      ]);
      const csrf = hiddenCsrf(pageCsrfToken(context, request, reply));
      const action = (name: string) => `/dashboard/admin/accounts/${account.id}/${name}`;
      const body = html`<p><a href="/dashboard/admin">← All accounts</a></p>
<section class="panel">
  <dl class="facts">
    <div><dt>Email</dt><dd data-testid="admin-account-email">${account.email}</dd></div>
    <div><dt>Account id</dt><dd><code>${account.id}</code></dd></div>
    <div><dt>Client id</dt><dd><code>${account.clientId}</code></dd></div>
    <div><dt>Created</dt><dd>${formatTime(account.createdAt)}</dd></div>
    <div><dt>API credits</dt><dd>${formatCredits(api.balance)} (${formatCredits(api.frozen)} frozen)</dd></div>
    <div><dt>Studio credits</dt><dd>${formatCredits(studio.balance)} (${formatCredits(studio.frozen)} frozen)</dd></div>
    <div><dt>Active tasks</dt><dd>${account.activeTasks}</dd></div>
    <div><dt>Web log-in</dt><dd>${account.hasPassword ? 'has a password' : 'no password yet'}${account.isAdmin ? ' · admin' : ''}</dd></div>
  </dl>
</section>
<div class="cards">
<section class="card"><h2>Grant credits</h2>
  <form method="post" action="${action('grant')}" class="stack">${csrf}
    <div class="field"><label for="grant-wallet">Wallet</label><select id="grant-wallet" name="wallet">${WALLETS.map((wallet) => html`<option value="${wallet}">${WALLET_LABELS[wallet]}</option>`)}</select></div>
    <div class="field"><label for="grant-credits">Credits</label><input id="grant-credits" name="credits" type="number" min="1" step="1" required></div>
    <div class="field"><label for="grant-expiry">Expires after (days, empty = never)</label><input id="grant-expiry" name="expires_in_days" type="number" min="1" step="1"></div>
    <button type="submit" class="button">Grant</button>
  </form></section>
<section class="card"><h2>Concurrency limit</h2>
  <form method="post" action="${action('concurrency')}" class="stack">${csrf}
    <div class="field"><label for="concurrency">Tasks queued or running at once</label><input id="concurrency" name="concurrency" type="number" min="1" step="1" required value="${account.concurrencyLimit}"></div>
    <button type="submit" class="button">Save limit</button>
  </form></section>
<section class="card"><h2>Volume discount</h2>
  <form method="post" action="${action('discount')}" class="stack">${csrf}
    <div class="field"><label for="discount">Percent off API prices</label><input id="discount" name="percent" type="number" min="0" max="${MAX_VOLUME_DISCOUNT_PERCENT}" step="1" required value="${account.volumeDiscountPercent}" aria-describedby="discount-help">
    <p id="discount-help" class="help">Applied to quotes and new API tasks, rounded down to whole credits. Studio keeps its own prices.</p></div>
    <button type="submit" class="button">Save discount</button>
  </form></section>
<section class="card"><h2>Data retention</h2>
  <form method="post" action="${action('retention')}" class="stack">${csrf}
    <div class="field"><label for="retention">Keep inputs and outputs for (days)</label><input id="retention" name="retention_days" type="number" min="0" step="1" value="${account.retentionDays ?? ''}" aria-describedby="retention-help">
    <p id="retention-help" class="help">Empty = the deployment default (${retentionLabel(null, context.defaultRetentionDays)}); 0 = keep forever. Now: ${retentionLabel(account.retentionDays, context.defaultRetentionDays)}.</p></div>
    <button type="submit" class="button">Save retention</button>
  </form></section>
</div>`;
      const done = request.query.done ? DONE_MESSAGES[request.query.done] : undefined;
      return sendPage(context, request, reply, {
        title: `Admin: ${account.email}`,
        section: 'admin',
        body,
        flash: done ? { kind: 'success', message: done } : undefined,
      });
    },
  );

  const back = (accountId: string, done: string) => `/dashboard/admin/accounts/${accountId}?done=${done}`;

  web.post<AccountParams>('/dashboard/admin/accounts/:accountId/grant', admin, async (request, reply) => {
    const wallet = formField(request.body, 'wallet');
    if (!isWallet(wallet)) throw new DomainError('invalidParameter', 'wallet must be api or studio');
    const credits = integerField(request, 'credits');
    const expiryText = formField(request.body, 'expires_in_days');
    const expiresInDays = expiryText === '' ? undefined : integerField(request, 'expires_in_days');
    if (expiresInDays !== undefined && expiresInDays < 1)
      throw new DomainError('invalidParameter', 'the expiry is a number of days, at least 1');
    await context.onboarding.grantCredits(request.params.accountId, credits, expiresInDays, wallet);
    return reply.redirect(back(request.params.accountId, 'grant'), 303);
  });

  web.post<AccountParams>('/dashboard/admin/accounts/:accountId/concurrency', admin, async (request, reply) => {
    await context.accounts.setConcurrencyLimit(request.params.accountId, integerField(request, 'concurrency'));
    return reply.redirect(back(request.params.accountId, 'concurrency'), 303);
  });

  web.post<AccountParams>('/dashboard/admin/accounts/:accountId/discount', admin, async (request, reply) => {
    await context.webAccounts.setVolumeDiscount(request.params.accountId, integerField(request, 'percent'));
    return reply.redirect(back(request.params.accountId, 'discount'), 303);
  });

  web.post<AccountParams>('/dashboard/admin/accounts/:accountId/retention', admin, async (request, reply) => {
    const text = formField(request.body, 'retention_days');
    await context.accounts.setRetentionDays(
      request.params.accountId,
      text === '' ? null : integerField(request, 'retention_days'),
    );
    return reply.redirect(back(request.params.accountId, 'retention'), 303);
  });
}

function integerField(request: FastifyRequest, name: string): number {
  const text = formField(request.body, name);
  const value = Number(text);
  if (text === '' || !Number.isInteger(value))
    throw new DomainError('invalidParameter', `${name.replaceAll('_', ' ')} must be a whole number`);
  return value;
}

function retentionLabel(retentionDays: number | null, defaultDays: number): string {
  if (retentionDays === null) return `default: ${defaultDays === 0 ? 'kept forever' : countOf(defaultDays, 'day')}`;
  return retentionDays === 0 ? 'kept forever' : countOf(retentionDays, 'day');
}
