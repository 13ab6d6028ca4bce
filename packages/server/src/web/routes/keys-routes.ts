// API keys page: create (the key is shown once), name, revoke; the client id and what it is for (FAQ 12).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain-error.ts';
import { formatTime } from '../format.ts';
import { html, type Html } from '../html.ts';
import { hiddenCsrf } from '../layout.ts';
import { formField, pageCsrfToken, sendPage } from '../respond.ts';
import type { WebContext } from '../web-context.ts';

const MAX_KEY_NAME_LENGTH = 60;

export function registerKeysRoutes(web: FastifyInstance, context: WebContext): void {
  const keysPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { created?: { apiKey: string; name: string }; flash?: { kind: 'success' | 'error'; message: string } } = {},
    statusCode = 200,
  ) => {
    const account = request.visitor!.account;
    const keys = await context.accounts.listApiKeys(account.id);
    const csrfToken = pageCsrfToken(context, request, reply);
    const createdPanel: Html | string = extra.created
      ? html`<section class="panel panel-highlight" aria-labelledby="new-key-heading">
  <h2 id="new-key-heading">New key “${extra.created.name}”</h2>
  <p>Copy it now: it is shown <strong>only once</strong> and cannot be recovered (only its hash is stored).</p>
  <p class="secret"><code data-testid="new-api-key">${extra.created.apiKey}</code></p>
</section>`
      : '';
    const rows = keys
      .slice()
      .reverse()
      .map(
        (key) => html`<tr>
  <td>${key.name}</td>
  <td><code>${key.keyPrefix}…</code></td>
  <td>${key.mode === 'test' ? html`<span class="badge">test</span>` : 'live'}</td>
  <td>${formatTime(key.createdAt)}</td>
  <td>${key.lastUsedAt ? formatTime(key.lastUsedAt) : html`<span class="muted">never</span>`}</td>
  <td>${
    key.revokedAt
      ? html`<span class="badge badge-failed">revoked ${formatTime(key.revokedAt)}</span>`
      : html`<form method="post" action="/dashboard/keys/${key.id}/revoke" class="inline-form">${hiddenCsrf(csrfToken)}<button type="submit" class="button button-danger" aria-label="Revoke key ${key.name} (${key.keyPrefix})">Revoke</button></form>`
  }</td>
</tr>`,
      );
    const body = html`${createdPanel}
<section class="panel">
  <h2>Create a key</h2>
  <form method="post" action="/dashboard/keys" class="form-row">
    ${hiddenCsrf(csrfToken)}
    <div class="field"><label for="key-name">Name</label><input id="key-name" name="name" maxlength="${MAX_KEY_NAME_LENGTH}" required placeholder="e.g. production server"></div>
    <div class="field field-checkbox"><input id="key-test" name="mode" type="checkbox" value="test"><label for="key-test">Test mode (<code>tsk_test_…</code>: free sample outputs, never charged)</label></div>
    <button type="submit" class="button">Create key</button>
  </form>
</section>
<section class="panel">
  <h2>Your keys</h2>
  ${
    keys.length === 0
      ? html`<p class="empty">No keys yet.</p>`
      : html`<div class="table-wrap" role="region" aria-label="API keys" tabindex="0"><table>
  <caption class="visually-hidden">API keys</caption>
  <thead><tr><th scope="col">Name</th><th scope="col">Key</th><th scope="col">Mode</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">State</th></tr></thead>
  <tbody>${rows}</tbody></table></div>`
  }
  <p class="muted">Last use is recorded at most once a minute per key.</p>
</section>
<section class="panel">
  <h2>Client ID</h2>
  <p><code data-testid="client-id">${account.clientId}</code></p>
  <p class="muted">Your API key and your client ID are not the same. The API key (<code>tsk_…</code>) authenticates requests and is what usage
  and billing are counted against: send it as <code>Authorization: Bearer tsk_…</code>. The client ID (<code>tcli_…</code>) identifies your
  application or service; it is not used for authentication, so sending it instead of a key fails with 401.</p>
</section>`;
    return sendPage(context, request, reply, { title: 'API keys', section: 'keys', body, flash: extra.flash }, statusCode);
  };

  web.get('/dashboard/keys', async (request, reply) => keysPage(request, reply));

  web.post('/dashboard/keys', async (request, reply) => {
    const name = formField(request.body, 'name');
    if (name.length === 0 || name.length > MAX_KEY_NAME_LENGTH) {
      return keysPage(request, reply, { flash: { kind: 'error', message: `Give the key a name of 1 to ${MAX_KEY_NAME_LENGTH} characters.` } }, 400);
    }
    const mode = formField(request.body, 'mode') === 'test' ? 'test' : 'live';
    const created = await context.accounts.createApiKey(request.visitor!.account.id, name, mode);
    return keysPage(request, reply, { created: { apiKey: created.apiKey, name }, flash: { kind: 'success', message: `Key “${name}” created.` } });
  });

  web.post<{ Params: { keyId: string } }>('/dashboard/keys/:keyId/revoke', async (request, reply) => {
    const accountId = request.visitor!.account.id;
    const owned = (await context.accounts.listApiKeys(accountId)).find((key) => key.id === request.params.keyId);
    if (!owned) throw new DomainError('invalidParameter', 'no such API key on this account');
    if (owned.revokedAt === null) {
      const revoked = await context.accounts.revokeApiKey(owned.id);
      context.authenticator.forget(revoked.keyHash);
    }
    return keysPage(request, reply, { flash: { kind: 'success', message: `Key “${owned.name}” is revoked; requests with it now fail with 401.` } });
  });
}

