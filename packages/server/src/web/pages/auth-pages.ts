// Log-in, sign-up and the welcome page that shows the first API key once.
import { PASSWORD_LENGTH } from '../../accounts/passwords.ts';
import { TRIAL_CREDITS, TRIAL_DAYS } from '../../accounts/account-onboarding.ts';
import { html, type Html } from '../html.ts';
import { hiddenCsrf } from '../layout.ts';

export function logInForm(options: { csrfToken: string; email?: string; next?: string; signupOpen: boolean }): Html {
  return html`<section class="panel panel-narrow">
  <form method="post" action="/dashboard/login" class="stack">
    ${hiddenCsrf(options.csrfToken)}
    <input type="hidden" name="next" value="${options.next ?? ''}">
    <div class="field">
      <label for="email">Email</label>
      <input id="email" name="email" type="email" autocomplete="username" required value="${options.email ?? ''}">
    </div>
    <div class="field">
      <label for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required>
    </div>
    <button type="submit" class="button">Log in</button>
  </form>
  ${options.signupOpen ? html`<p class="muted">New here? <a href="/dashboard/signup">Create an account</a> and get ${TRIAL_CREDITS} free API credits for ${TRIAL_DAYS} days.</p>` : ''}
  <p class="muted">An account made with the ops CLI (or the demo account) logs in once an operator sets its password:
  <code>npx polyforge accounts set-password --account &lt;email&gt;</code>.</p>
</section>`;
}

export function signUpForm(options: { csrfToken: string; email?: string; signupOpen: boolean }): Html {
  if (!options.signupOpen) {
    return html`<section class="panel panel-narrow"><p>Sign-up is closed on this deployment. Ask its operator for an account
    (<code>npx polyforge accounts create --email you@example.com</code>), then <a href="/dashboard/login">log in</a>.</p></section>`;
  }
  return html`<section class="panel panel-narrow">
  <p>Every new account gets <strong>${TRIAL_CREDITS} free API credits</strong>, valid ${TRIAL_DAYS} days.</p>
  <form method="post" action="/dashboard/signup" class="stack">
    ${hiddenCsrf(options.csrfToken)}
    <div class="field">
      <label for="email">Email</label>
      <input id="email" name="email" type="email" autocomplete="email" required value="${options.email ?? ''}">
    </div>
    <div class="field">
      <label for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="new-password" required minlength="${PASSWORD_LENGTH.min}" maxlength="${PASSWORD_LENGTH.max}" aria-describedby="password-help">
      <p id="password-help" class="help">At least ${PASSWORD_LENGTH.min} characters. A passphrase is good.</p>
    </div>
    <button type="submit" class="button">Create account</button>
  </form>
  <p class="muted">Already have an account? <a href="/dashboard/login">Log in</a>.</p>
</section>`;
}

export function welcomeBody(options: { apiKey: string; clientId: string }): Html {
  return html`<section class="panel">
  <h2>Your first API key</h2>
  <p>Copy it now: it is shown <strong>only once</strong>. You can create and revoke keys on the <a href="/dashboard/keys">API keys</a> page.</p>
  <p class="secret" data-testid="new-api-key"><code>${options.apiKey}</code></p>
  <p>Your client ID is <code>${options.clientId}</code>. It identifies your application and is <em>not</em> a credential:
  authenticate with the API key (<code>Authorization: Bearer tsk_...</code>).</p>
  <p><a class="button" href="/dashboard">Go to the dashboard</a> <a class="button button-quiet" href="/studio">Open Studio</a></p>
</section>`;
}
