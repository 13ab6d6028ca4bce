// Log-in, sign-up and the welcome page that shows the first API key once.
import { PASSWORD_LENGTH } from '../../accounts/passwords.ts';
import { TRIAL_CREDITS, TRIAL_DAYS } from '../../accounts/account-onboarding.ts';
import type { StudioTrialPolicy } from '../../billing/studio-trial.ts';
import { countOf } from '../format.ts';
import { html, type Html } from '../html.ts';
import { hiddenCsrf } from '../layout.ts';
import { copyButton } from './copy-button.ts';

/** "and 300 free Studio credits for 14 days", or nothing when the operator turned Studio's trial off. */
function studioTrialPhrase(trial: StudioTrialPolicy | undefined): Html | string {
  return trial && trial.credits > 0
    ? html`, and <strong>${trial.credits} free Studio credits</strong> for ${countOf(trial.days, 'day')}`
    : '';
}

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

export function signUpForm(options: {
  csrfToken: string;
  email?: string;
  signupOpen: boolean;
  studioTrial?: StudioTrialPolicy;
  inviteToken?: string;
  needsInvitation?: boolean;
  verifiesEmail?: boolean;
}): Html {
  if (options.needsInvitation && !options.inviteToken) {
    return html`<section class="panel panel-narrow"><p>Sign-up on this deployment is by invitation. Ask its operator for one
    (<code>npx polyforge accounts invite --email you@example.com</code>); the link in it opens this page.</p></section>`;
  }
  if (!options.signupOpen) {
    return html`<section class="panel panel-narrow"><p>Sign-up is closed on this deployment. Ask its operator for an account
    (<code>npx polyforge accounts create --email you@example.com</code>), then <a href="/dashboard/login">log in</a>.</p></section>`;
  }
  return html`<section class="panel panel-narrow">
  <p>Every new account gets <strong>${TRIAL_CREDITS} free API credits</strong>, valid ${TRIAL_DAYS} days${studioTrialPhrase(options.studioTrial)}${options.verifiesEmail ? ', once you open the link we e-mail you' : ''}.</p>
  <form method="post" action="/dashboard/signup" class="stack">
    ${hiddenCsrf(options.csrfToken)}
    ${options.inviteToken ? html`<input type="hidden" name="invite" value="${options.inviteToken}">` : ''}
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

export function welcomeBody(options: {
  apiKey: string;
  clientId: string;
  studioTrial?: StudioTrialPolicy;
  verification?: { email: string; sent: boolean };
}): Html {
  const studioCredits = options.studioTrial?.credits ?? 0;
  return html`${options.verification ? verificationNotice(options.verification) : ''}${
    studioCredits > 0
      ? html`<section class="panel panel-highlight">
  <h2>Make your first model</h2>
  <p>Studio, the web app, is ready with <strong>${studioCredits} free Studio credits</strong> (valid ${countOf(options.studioTrial!.days, 'day')}): type a prompt or drop an image or a model file.</p>
  <p><a class="button" href="/studio">Open Studio</a></p>
</section>`
      : ''
  }<section class="panel">
  <h2>Your first API key</h2>
  <p>Copy it now: it is shown <strong>only once</strong>. You can create and revoke keys on the <a href="/dashboard/keys">API keys</a> page.</p>
  <div class="secret-row"><p class="secret" data-testid="new-api-key"><code id="welcome-api-key">${options.apiKey}</code></p>${copyButton('welcome-api-key', 'Copy key')}</div>
  <p>Your client ID is <code>${options.clientId}</code>. It identifies your application and is <em>not</em> a credential:
  authenticate with the API key (<code>Authorization: Bearer tsk_...</code>).</p>
  <p><a class="button${studioCredits > 0 ? ' button-quiet' : ''}" href="/dashboard">Go to the dashboard</a>${studioCredits > 0 ? '' : html` <a class="button button-quiet" href="/studio">Open Studio</a>`}</p>
</section>`;
}

function verificationNotice(verification: { email: string; sent: boolean }): Html {
  if (!verification.sent) {
    return html`<section class="panel"><p>We could not send the verification e-mail to <strong>${verification.email}</strong> just now.
    Use <em>Send the link again</em> on the dashboard in a few minutes; your ${TRIAL_CREDITS} trial credits arrive once the address is verified.</p></section>`;
  }
  return html`<section class="panel"><p>We sent a link to <strong>${verification.email}</strong>. Open it to verify the address:
  your ${TRIAL_CREDITS} free trial credits arrive then.</p></section>`;
}

export function verifyEmailBody(outcome: 'verified' | 'invalid'): Html {
  if (outcome === 'verified') {
    return html`<section class="panel panel-narrow"><p>Your e-mail address is verified and your ${TRIAL_CREDITS} free trial credits (valid ${TRIAL_DAYS} days)
    are in your balance.</p><p><a class="button" href="/dashboard">Go to the dashboard</a></p></section>`;
  }
  return html`<section class="panel panel-narrow"><p>This link is not valid: it was used already, it expired, or it was copied incompletely.
  Log in and use <em>Send the link again</em> for a new one.</p><p><a class="button" href="/dashboard/login">Log in</a></p></section>`;
}

export function resendVerificationForm(csrfToken: string): Html {
  return html`<section class="panel"><p>Verify your e-mail address to receive your ${TRIAL_CREDITS} free trial credits.</p>
  <form method="post" action="/dashboard/verify-email/resend">${hiddenCsrf(csrfToken)}<button type="submit" class="button button-quiet">Send the link again</button></form></section>`;
}
