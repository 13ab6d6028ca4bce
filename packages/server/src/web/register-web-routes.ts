// Mounts the web dashboard (/dashboard) and Studio (/studio) on the API's Fastify app: cookies, form bodies,
// the built static assets (static-assets.ts), the session and access hooks, CSRF, and HTML errors.
import { randomBytes } from 'node:crypto';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { onError, sendError, toWireError } from '../api/on-error.ts';
import { DomainError } from '../domain-error.ts';
import { csrfTokenMatches, CSRF_FIELD, CSRF_HEADER, sameOriginRequest } from './csrf.ts';
import { renderErrorPage } from './pages/error-page.ts';
import { registerAdminRoutes } from './routes/admin-routes.ts';
import { registerProviderRoutes } from './routes/provider-routes.ts';
import { registerAuthRoutes } from './routes/auth-routes.ts';
import { registerBillingRoutes } from './routes/billing-routes.ts';
import { registerHistoryRoutes } from './routes/history-routes.ts';
import { registerKeysRoutes } from './routes/keys-routes.ts';
import { registerOverviewRoutes } from './routes/overview-routes.ts';
import { registerStripeWebhookRoute } from './routes/stripe-webhook-route.ts';
import { registerStudioRoutes } from './routes/studio-routes.ts';
import { sendHtml } from './respond.ts';
import { registerStaticAssetRoute } from './static-asset-route.ts';
import { staticAssets } from './static-assets.ts';
import { registerTaskRoutes } from './routes/task-routes.ts';
import { ANONYMOUS_CSRF_COOKIE, SESSION_COOKIE } from './web-cookies.ts';
import type { WebContext } from './web-context.ts';

const FORM_BODY_LIMIT_BYTES = 64 * 1024;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function registerWebRoutes(app: FastifyInstance, context: WebContext): Promise<void> {
  registerStaticAssetRoute(app);

  await app.register(async (stripeScope) => registerStripeWebhookRoute(stripeScope, context));

  await app.register(async (web) => {
    await web.register(cookie);
    await web.register(formbody, { bodyLimit: FORM_BODY_LIMIT_BYTES });
    web.decorateRequest('visitor', undefined);
    web.decorateRequest('cspNonce', '');
    web.decorateRequest('staticAssets', undefined);
    web.addHook('onRequest', async (request) => {
      // built on the first web request of the process (about a second), then shared by every page
      request.staticAssets = await staticAssets();
    });
    web.addHook('onRequest', (request, reply) => identifyVisitor(context, request, reply));
    web.addHook('preHandler', async (request) => checkCsrf(context, request));
    web.setErrorHandler((error, request, reply) => {
      if (request.routeOptions.config?.json) return onError(error as FastifyError, request, reply);
      const wire = toWireError(error);
      if (wire.httpStatus >= 500) request.log.error({ err: error }, 'web request failed');
      return sendHtml(
        request,
        reply.status(wire.httpStatus),
        renderErrorPage(request, context, wire.httpStatus, wire.body.message),
      );
    });

    web.get('/', { config: { public: true } }, async (request, reply) =>
      reply.redirect(request.visitor ? '/dashboard' : '/dashboard/login', 303),
    );
    registerAuthRoutes(web, context);
    registerOverviewRoutes(web, context);
    registerKeysRoutes(web, context);
    registerBillingRoutes(web, context);
    registerHistoryRoutes(web, context);
    registerTaskRoutes(web, context);
    registerAdminRoutes(web, context);
    registerProviderRoutes(web, context);
    registerStudioRoutes(web, context);
  });
}

/** Finds the visitor's session; refuses (401 JSON, or a redirect to log-in) routes that need one. Returns the reply when it answered. */
async function identifyVisitor(
  context: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply | undefined> {
  request.cspNonce = randomBytes(16).toString('base64');
  reply.header(
    'Content-Security-Policy',
    `default-src 'self'; script-src 'self' 'nonce-${request.cspNonce}'; style-src 'self'; img-src 'self' data: blob: https: http:; connect-src * blob: data:; object-src 'none'; base-uri 'none'; form-action 'self' https:${context.stripe?.customApiOrigin ? ` ${context.stripe.customApiOrigin}` : ''}; frame-ancestors 'none'`,
  );
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('Referrer-Policy', 'same-origin');
  reply.header('Cache-Control', 'no-store');

  const session = await context.sessions.find(request.cookies[SESSION_COOKIE]);
  if (session) {
    const account = await context.webAccounts.getAccount(session.accountId).catch(() => undefined);
    if (account) request.visitor = { account, session };
  }
  const config = request.routeOptions.config ?? {};
  if (!config.public && !request.visitor) {
    if (config.json)
      return sendError(
        reply,
        new DomainError(
          'authenticationFailed',
          'log in to the dashboard first (the session is missing or has expired)',
        ),
      );
    const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
    return reply.redirect(`/dashboard/login${next}`, 303);
  }
  if (config.admin && !request.visitor?.account.isAdmin) {
    throw new DomainError(
      'forbidden',
      'this page is for admin accounts; an operator grants admin with "polyforge accounts set-admin"',
    );
  }
  return undefined;
}

async function checkCsrf(context: WebContext, request: FastifyRequest): Promise<void> {
  if (SAFE_METHODS.has(request.method) || request.routeOptions.config?.skipCsrf) return;
  if (!sameOriginRequest(request.headers as Record<string, string>, request.host, context.publicUrl)) {
    throw new DomainError('forbidden', 'cross-site requests are refused; use the forms of this site');
  }
  const binding = request.visitor ? request.visitor.session.tokenHash : request.cookies[ANONYMOUS_CSRF_COOKIE];
  const headerToken = request.headers[CSRF_HEADER];
  const bodyToken =
    typeof request.body === 'object' && request.body !== null
      ? (request.body as Record<string, unknown>)[CSRF_FIELD]
      : undefined;
  if (!csrfTokenMatches(context.csrfSecret, binding, typeof headerToken === 'string' ? headerToken : bodyToken)) {
    throw new DomainError(
      'forbidden',
      "the form's security token (CSRF) is missing or out of date; reload the page and try again",
    );
  }
}
