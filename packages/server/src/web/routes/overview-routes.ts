// The dashboard's landing page (both wallets, the client id, recent tasks) and the password change.
import { resendVerificationForm } from '../pages/auth-pages.ts';
import type { FastifyInstance } from 'fastify';
import { verifyPassword } from '../../accounts/passwords.ts';
import { DomainError } from '../../domain-error.ts';
import { formatCredits } from '../format.ts';
import { html } from '../html.ts';
import { trialNote } from '../pages/trial-note.ts';
import { hiddenCsrf } from '../layout.ts';
import { taskTable } from '../pages/task-table.ts';
import { pageCsrfToken, sendPage } from '../respond.ts';
import { historyPage } from '../task-history.ts';
import { previewTaskIds } from '../task-previews.ts';
import type { WebContext } from '../web-context.ts';

export function registerOverviewRoutes(web: FastifyInstance, context: WebContext): void {
  const overview = async (
    request: import('fastify').FastifyRequest,
    reply: import('fastify').FastifyReply,
    flash?: { kind: 'success' | 'error'; message: string },
    statusCode = 200,
  ) => {
    const account = request.visitor!.account;
    const [api, studio, recent, apiGrants, studioGrants, verified] = await Promise.all([
      context.ledger.balance(context.db, account.id, 'api'),
      context.ledger.balance(context.db, account.id, 'studio'),
      historyPage(context.db, account.id, {}, 1, 5),
      context.ledger.listGrants(context.db, account.id, 'api'),
      context.ledger.listGrants(context.db, account.id, 'studio'),
      context.signups.policy.mode !== 'verify-email' || context.signups.isVerified(account.id),
    ]);
    const previews = await previewTaskIds(context.db, account.id, recent.rows);
    const nowMs = context.clock.nowMs();
    const csrfToken = pageCsrfToken(context, request, reply);
    const body = html`${verified ? '' : resendVerificationForm(csrfToken)}<div class="cards">
  <section class="card" aria-labelledby="api-wallet">
    <h2 id="api-wallet">API credits</h2>
    <p class="figure" data-testid="api-balance">${formatCredits(api.balance)}</p>
    <p class="muted">${formatCredits(api.frozen)} frozen by running tasks</p>
    ${trialNote(apiGrants, nowMs, 'api-trial')}
    <p><a href="/dashboard/billing">Billing</a></p>
  </section>
  <section class="card" aria-labelledby="studio-wallet">
    <h2 id="studio-wallet">Studio credits</h2>
    <p class="figure" data-testid="studio-balance">${formatCredits(studio.balance)}</p>
    <p class="muted">${formatCredits(studio.frozen)} frozen · a separate wallet</p>
    ${trialNote(studioGrants, nowMs, 'studio-trial')}
    <p><a href="/studio">Open Studio</a> · <a href="/studio/credits">Top up Studio credits</a></p>
  </section>
  <section class="card" aria-labelledby="limits">
    <h2 id="limits">Limits</h2>
    <p class="figure">${account.activeTasks} / ${account.concurrencyLimit}</p>
    <p class="muted">tasks queued or running / concurrency limit</p>
    <p><a href="/dashboard/models">Model versions and prices</a></p>
  </section>
</div>
<section class="panel">
  <h2>Your client ID</h2>
  <p><code data-testid="client-id">${account.clientId}</code></p>
  <p class="muted">The client ID (<code>tcli_…</code>) identifies your application; it is not a credential. Requests authenticate with an
  <a href="/dashboard/keys">API key</a> (<code>tsk_…</code>): sending the client ID instead fails with 401.</p>
</section>
<section class="panel">
  <h2>Recent tasks</h2>
  ${recent.rows.length === 0 ? html`<p class="empty">No tasks yet. Create one with the API, or try <a href="/studio">Studio</a>.</p>` : taskTable(recent.rows, account.clientId, 'Recent tasks', previews)}
  <p><a href="/dashboard/history">All tasks and credit usage</a></p>
</section>
<section class="panel panel-narrow">
  <h2>Change password</h2>
  <form method="post" action="/dashboard/password" class="stack">
    ${hiddenCsrf(csrfToken)}
    <input type="text" name="username" autocomplete="username" value="${account.email}" hidden>
    ${account.hasPassword ? html`<div class="field"><label for="current-password">Current password</label><input id="current-password" name="current_password" type="password" autocomplete="current-password" required></div>` : ''}
    <div class="field"><label for="new-password">New password</label><input id="new-password" name="new_password" type="password" autocomplete="new-password" minlength="8" required></div>
    <button type="submit" class="button">Change password</button>
  </form>
  <p class="muted">Other browsers logged in to this account are logged out.</p>
</section>`;
    return sendPage(context, request, reply, { title: 'Overview', section: 'overview', body, flash }, statusCode);
  };

  web.get('/dashboard', async (request, reply) => overview(request, reply));

  web.post('/dashboard/password', async (request, reply) => {
    const { account, session } = request.visitor!;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const current = typeof body.current_password === 'string' ? body.current_password : '';
    const next = typeof body.new_password === 'string' ? body.new_password : '';
    const row = await context.db
      .selectFrom('accounts')
      .select('passwordHash')
      .where('id', '=', account.id)
      .executeTakeFirstOrThrow();
    if (row.passwordHash && !(await verifyPassword(current, row.passwordHash))) {
      return overview(
        request,
        reply,
        { kind: 'error', message: 'The current password is wrong; the password was not changed.' },
        400,
      );
    }
    try {
      await context.webAccounts.setPassword(account.id, next);
    } catch (error) {
      if (error instanceof DomainError)
        return overview(
          request,
          reply,
          { kind: 'error', message: `The password was not changed: ${error.message}.` },
          400,
        );
      throw error;
    }
    await context.sessions.destroyAllOf(account.id, session.tokenHash);
    request.visitor!.account = await context.webAccounts.getAccount(account.id);
    return overview(request, reply, { kind: 'success', message: 'Your password was changed.' });
  });
}
