// API keys page: create (post/redirect/get: the key is shown once, with a copy button, and a refresh creates
// nothing), revoke after a confirmation page; the client id and what it is for (FAQ 12).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain-error.ts';
import { formatTime } from '../format.ts';
import { html, type Html } from '../html.ts';
import { hiddenCsrf } from '../layout.ts';
import { openReveal, sealReveal, type RevealOptions } from '../one-time-reveal.ts';
import { copyButton } from '../pages/copy-button.ts';
import { formField, pageCsrfToken, sendPage } from '../respond.ts';
import type { WebContext } from '../web-context.ts';

const MAX_KEY_NAME_LENGTH = 60;
const KEYS_PATH = '/dashboard/keys';
const NEW_KEY_COOKIE = 'pf_new_key';

export function registerKeysRoutes(web: FastifyInstance, context: WebContext): void {
  const revealOptions = (request: FastifyRequest): RevealOptions => ({
    cookieName: NEW_KEY_COOKIE,
    path: KEYS_PATH,
    secret: context.csrfSecret,
    binding: request.visitor!.session.tokenHash,
    nowMs: context.clock.nowMs(),
    publicUrl: context.publicUrl,
  });

  const keysPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: {
      created?: { apiKey: string; name: string };
      flash?: { kind: 'success' | 'error' | 'info'; message: string };
      name?: string;
    } = {},
    statusCode = 200,
  ) => {
    const account = request.visitor!.account;
    const keys = await context.accounts.listApiKeys(account.id);
    const csrfToken = pageCsrfToken(context, request, reply);
    const createdPanel: Html | string = extra.created
      ? html`<section class="panel panel-highlight" aria-labelledby="new-key-heading">
  <h2 id="new-key-heading">New key “${extra.created.name}”</h2>
  <p>Copy it now: it is shown <strong>only once</strong> and cannot be recovered (only its hash is stored).</p>
  <div class="secret-row"><p class="secret"><code id="new-api-key" data-testid="new-api-key">${extra.created.apiKey}</code></p>${copyButton('new-api-key', 'Copy key')}</div>
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
      : html`<a class="button button-danger" href="${KEYS_PATH}/${key.id}/revoke" aria-label="Revoke key ${key.name} (${key.keyPrefix})">Revoke…</a>`
  }</td>
</tr>`,
      );
    const body = html`${createdPanel}
<section class="panel">
  <h2>Create a key</h2>
  <form method="post" action="${KEYS_PATH}" class="form-row">
    ${hiddenCsrf(csrfToken)}
    <div class="field"><label for="key-name">Name</label><input id="key-name" name="name" maxlength="${MAX_KEY_NAME_LENGTH}" required placeholder="e.g. production server" value="${extra.name ?? ''}"></div>
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
    return sendPage(
      context,
      request,
      reply,
      {
        title: 'API keys',
        section: 'keys',
        body,
        flash: extra.flash,
        scripts: extra.created ? ['copy-button.js'] : [],
      },
      statusCode,
    );
  };

  /** The keys of this account; another account's key reads as not found. */
  const ownedKey = async (request: FastifyRequest<{ Params: { keyId: string } }>) => {
    const owned = (await context.accounts.listApiKeys(request.visitor!.account.id)).find(
      (key) => key.id === request.params.keyId,
    );
    if (!owned) throw new DomainError('invalidParameter', 'no such API key on this account');
    return owned;
  };

  web.get<{ Querystring: { created?: string; revoked?: string } }>(KEYS_PATH, async (request, reply) => {
    const keys = await context.accounts.listApiKeys(request.visitor!.account.id);
    if (request.query.created) {
      const created = keys.find((key) => key.id === request.query.created);
      const revealed = openReveal(request, reply, revealOptions(request));
      if (created && revealed?.keyId === created.id) {
        return keysPage(request, reply, {
          created: { apiKey: revealed.apiKey, name: created.name },
          flash: { kind: 'success', message: `Key “${created.name}” created.` },
        });
      }
      if (created) {
        const message = `Key “${created.name}” was created. Its secret was shown once and cannot be shown again; if you did not copy it, revoke this key and create another.`;
        return keysPage(request, reply, { flash: { kind: 'info', message } });
      }
    }
    const revoked = request.query.revoked
      ? keys.find((key) => key.id === request.query.revoked && key.revokedAt !== null)
      : undefined;
    if (revoked)
      return keysPage(request, reply, {
        flash: { kind: 'success', message: `Key “${revoked.name}” is revoked; requests with it now fail with 401.` },
      });
    return keysPage(request, reply);
  });

  web.post(KEYS_PATH, async (request, reply) => {
    const name = formField(request.body, 'name');
    if (name.length === 0 || name.length > MAX_KEY_NAME_LENGTH) {
      // nothing was created, so answering here (not redirecting) is safe: a refresh repeats only the refusal
      return keysPage(
        request,
        reply,
        { flash: { kind: 'error', message: `Give the key a name of 1 to ${MAX_KEY_NAME_LENGTH} characters.` }, name },
        400,
      );
    }
    const mode = formField(request.body, 'mode') === 'test' ? 'test' : 'live';
    const created = await context.accounts.createApiKey(request.visitor!.account.id, name, mode);
    sealReveal(request, reply, revealOptions(request), { keyId: created.keyId, apiKey: created.apiKey });
    return reply.redirect(`${KEYS_PATH}?created=${encodeURIComponent(created.keyId)}`, 303);
  });

  web.get<{ Params: { keyId: string } }>(`${KEYS_PATH}/:keyId/revoke`, async (request, reply) => {
    const key = await ownedKey(request);
    if (key.revokedAt !== null) return reply.redirect(`${KEYS_PATH}?revoked=${encodeURIComponent(key.id)}`, 303);
    const body = html`<section class="panel panel-narrow panel-danger" aria-labelledby="revoke-heading">
  <h2 id="revoke-heading">Revoke “${key.name}” (<code>${key.keyPrefix}…</code>)?</h2>
  <p>Every request made with this key fails with 401 from the moment you revoke it. This cannot be undone; a revoked key
  stays in the list so its use can be audited.</p>
  <form method="post" action="${KEYS_PATH}/${key.id}/revoke" class="form-row">
    ${hiddenCsrf(pageCsrfToken(context, request, reply))}
    <button type="submit" class="button button-danger-solid">Revoke key</button>
    <a class="button button-quiet" href="${KEYS_PATH}">Keep the key</a>
  </form>
</section>`;
    return sendPage(context, request, reply, { title: 'Revoke an API key', section: 'keys', body });
  });

  web.post<{ Params: { keyId: string } }>(`${KEYS_PATH}/:keyId/revoke`, async (request, reply) => {
    const owned = await ownedKey(request);
    if (owned.revokedAt === null) {
      const revoked = await context.accounts.revokeApiKey(owned.id);
      context.authenticator.forget(revoked.keyHash);
    }
    return reply.redirect(`${KEYS_PATH}?revoked=${encodeURIComponent(owned.id)}`, 303);
  });
}
