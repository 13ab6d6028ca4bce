// Sign-up, log-in and log-out of the web dashboard.
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain-error.ts';
import { html } from '../html.ts';
import { logInForm, resendVerificationForm, signUpForm, verifyEmailBody, welcomeBody } from '../pages/auth-pages.ts';
import { VERIFY_EMAIL_PATH } from '../../accounts/signup-service.ts';
import { formField, pageCsrfToken, safeNextPath, sendPage } from '../respond.ts';
import { clearSessionCookie, setSessionCookie } from '../web-cookies.ts';
import type { WebContext } from '../web-context.ts';

export function registerAuthRoutes(web: FastifyInstance, context: WebContext): void {
  web.get<{ Querystring: { next?: string; signed_out?: string } }>(
    '/dashboard/login',
    { config: { public: true } },
    async (request, reply) => {
      if (request.visitor) return reply.redirect(safeNextPath(request.query.next), 303);
      const body = logInForm({
        csrfToken: pageCsrfToken(context, request, reply),
        next: request.query.next,
        signupOpen: context.signupOpen,
      });
      const flash = request.query.signed_out ? { kind: 'info' as const, message: 'You are logged out.' } : undefined;
      return sendPage(context, request, reply, { title: 'Log in', section: 'none', body, flash });
    },
  );

  web.post('/dashboard/login', { config: { public: true } }, async (request, reply) => {
    const email = formField(request.body, 'email');
    const password =
      typeof (request.body as Record<string, unknown>)?.password === 'string'
        ? String((request.body as Record<string, unknown>).password)
        : '';
    const throttle = await context.logInThrottle.attempt(email ?? '', request.ip);
    if (!throttle.allowed) {
      request.log.warn(
        { clientAddress: request.ip, retryAfterSeconds: throttle.retryAfterSeconds },
        'log-in throttled',
      );
      const body = logInForm({
        csrfToken: pageCsrfToken(context, request, reply),
        email,
        next: formField(request.body, 'next'),
        signupOpen: context.signupOpen,
      });
      reply.header('Retry-After', String(throttle.retryAfterSeconds));
      const message = `Too many log-in attempts. Try again in ${throttle.retryAfterSeconds} seconds.`;
      return sendPage(
        context,
        request,
        reply,
        { title: 'Log in', section: 'none', body, flash: { kind: 'error', message } },
        429,
      );
    }
    const account = email && password ? await context.webAccounts.logIn(email, password) : undefined;
    if (!account) {
      await context.logInThrottle.recordFailure(request.ip);
      const body = logInForm({
        csrfToken: pageCsrfToken(context, request, reply),
        email,
        next: formField(request.body, 'next'),
        signupOpen: context.signupOpen,
      });
      return sendPage(
        context,
        request,
        reply,
        {
          title: 'Log in',
          section: 'none',
          body,
          flash: { kind: 'error', message: 'The email or the password is wrong.' },
        },
        401,
      );
    }
    const { token, expiresAt } = await context.sessions.create(account.id);
    setSessionCookie(request, reply, token, expiresAt, context.publicUrl);
    return reply.redirect(safeNextPath(formField(request.body, 'next')), 303);
  });

  web.get<{ Querystring: { invite?: string } }>(
    '/dashboard/signup',
    { config: { public: true } },
    async (request, reply) => {
      if (request.visitor) return reply.redirect('/dashboard', 303);
      const body = signUpForm({
        csrfToken: pageCsrfToken(context, request, reply),
        studioTrial: context.onboarding.studioTrialPolicy,
        ...signUpFormMode(context, request.query.invite),
      });
      return sendPage(context, request, reply, { title: 'Create an account', section: 'none', body });
    },
  );

  web.post('/dashboard/signup', { config: { public: true } }, async (request, reply) => {
    if (!context.signupOpen)
      throw new DomainError('forbidden', 'sign-up is closed on this deployment; ask its operator for an account');
    const email = formField(request.body, 'email');
    const password =
      typeof (request.body as Record<string, unknown>)?.password === 'string'
        ? String((request.body as Record<string, unknown>).password)
        : '';
    const inviteToken = formField(request.body, 'invite') || undefined;
    let signedUp;
    try {
      signedUp = await context.signups.signUp({
        email: email ?? '',
        password,
        clientAddress: request.ip,
        inviteToken,
        linkBaseUrl: context.baseUrlOf(request),
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const body = signUpForm({
        csrfToken: pageCsrfToken(context, request, reply),
        email,
        ...signUpFormMode(context, inviteToken),
      });
      if (error.retryAfterSeconds !== undefined) reply.header('Retry-After', String(error.retryAfterSeconds));
      const status = error.errorName === 'rateLimited' ? 429 : error.errorName === 'forbidden' ? 403 : 400;
      if (status === 429)
        request.log.warn(
          { clientAddress: request.ip, retryAfterSeconds: error.retryAfterSeconds },
          'sign-up throttled',
        );
      return sendPage(
        context,
        request,
        reply,
        {
          title: 'Create an account',
          section: 'none',
          body,
          flash: { kind: 'error', message: html`${capitalise(error.message)}.` },
        },
        status,
      );
    }
    const created = signedUp.account;
    const { token, expiresAt } = await context.sessions.create(created.id);
    setSessionCookie(request, reply, token, expiresAt, context.publicUrl);
    // The new session's visitor, so the page header and its forms belong to the new account.
    const session = await context.sessions.find(token);
    request.visitor = session ? { account: await context.webAccounts.getAccount(created.id), session } : undefined;
    return sendPage(context, request, reply, {
      title: 'Welcome to Polyforge',
      section: 'overview',
      body: welcomeBody({
        apiKey: created.apiKey,
        clientId: created.clientId,
        studioTrial: context.onboarding.studioTrialPolicy,
        verification: signedUp.verification && { email: created.email, sent: signedUp.verification.sent },
      }),
      scripts: ['copy-button.js'],
      flash: { kind: 'success', message: 'Your account is ready.' },
    });
  });

  web.get<{ Querystring: { token?: string } }>(
    VERIFY_EMAIL_PATH,
    { config: { public: true } },
    async (request, reply) => {
      const outcome = await context.signups.verify(String(request.query.token ?? ''));
      const body = verifyEmailBody(outcome.verified ? 'verified' : 'invalid');
      return sendPage(
        context,
        request,
        reply,
        { title: outcome.verified ? 'E-mail verified' : 'Link not valid', section: 'none', body },
        outcome.verified ? 200 : 400,
      );
    },
  );

  web.post(`${VERIFY_EMAIL_PATH}/resend`, async (request, reply) => {
    const sent = await context.signups.resendVerification(request.visitor!.account.id, context.baseUrlOf(request));
    const message = sent
      ? 'We sent a new verification link.'
      : 'Your address is verified already, or the e-mail could not be sent; try again later.';
    return sendPage(context, request, reply, {
      title: 'Verify your e-mail',
      section: 'overview',
      body: resendVerificationForm(pageCsrfToken(context, request, reply)),
      flash: { kind: sent ? 'success' : 'info', message },
    });
  });

  web.post('/dashboard/logout', { config: { public: true } }, async (request, reply) => {
    if (request.visitor) await context.sessions.destroy(request.visitor.session.tokenHash);
    clearSessionCookie(request, reply, context.publicUrl);
    return reply.redirect('/dashboard/login?signed_out=1', 303);
  });
}

function signUpFormMode(context: WebContext, inviteToken: string | undefined) {
  const mode = context.signups.policy.mode;
  return {
    signupOpen: context.signupOpen,
    inviteToken,
    needsInvitation: mode === 'invite-only',
    verifiesEmail: mode === 'verify-email',
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
