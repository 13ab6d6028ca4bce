// Builds the HTTP app: JSON everywhere, a request id on every response (and in every error body and log line),
// Bearer auth on the API, one error edge, and connections that never finish their headers cut quickly.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import websocket from '@fastify/websocket';
import type { AuthenticatedKey } from '../accounts/account-store.ts';
import { DomainError } from '../domain-error.ts';
import { registerBodyDepthLimit } from './body-depth.ts';
import type { ApiContext } from './api-context.ts';
import { MAX_PATH_PARAMETER_LENGTH, onClientError, onError, onFrameworkError, sendError } from './on-error.ts';
import { registerDownloadRoutes } from './routes/download-routes.ts';
import { registerV2AccountRoutes } from './routes/v2-account-routes.ts';
import { registerV2TaskRoutes } from './routes/v2-task-routes.ts';
import { registerV2TaskExtraRoutes } from './routes/v2-task-extra-routes.ts';
import { registerWebhookRoutes } from './routes/webhook-routes.ts';
import { registerV2UploadRoutes } from './routes/v2-upload-routes.ts';
import { registerS3UploadRoutes } from './routes/s3-upload-routes.ts';
import { DOWNLOAD_PATH_PREFIX } from '../files/download-signer.ts';
import { registerWebRoutes } from '../web/register-web-routes.ts';
import type { WebContext } from '../web/web-context.ts';
import { rateLimitHook } from './rate-limit-hook.ts';
import { registerV3Routes } from './routes/v3-routes.ts';
import { V3_UPLOAD_PATH_PREFIX } from './v3/v3-envelope.ts';
import { registerOperationsRoutes } from './routes/operations-routes.ts';
import { acceptableRequestId, type Logger } from '../observability/logger.ts';
import type { TraceSpan, Tracing } from '../observability/tracing.ts';
import { isPublicDocumentUrl, registerOpenApiRoutes } from './openapi/register-openapi-routes.ts';
import { recordRoutes } from './openapi/route-inventory.ts';

declare module 'fastify' {
  interface FastifyRequest {
    account: AuthenticatedKey;
    traceSpan?: TraceSpan;
  }
}

const JSON_BODY_LIMIT_BYTES = 20 * 1024 * 1024;
const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 300_000;

export interface CreateAppOptions {
  logLevel?: string;
  /** the process's structured logger (observability/logger.ts); without it, Fastify's own at logLevel */
  logger?: Logger;
  /** a client that has not sent its whole header block by then is cut off */
  headersTimeoutMs?: number;
  /** a request (headers and body) must arrive within this; long enough for the largest upload on a slow link */
  requestTimeoutMs?: number;
  /** OpenTelemetry: a server span per request (observability/tracing.ts); absent = off */
  tracing?: Tracing;
  /**
   * peers whose X-Forwarded-For/-Proto/-Host Fastify believes (request.ip, .protocol, .host); empty or absent = none,
   * so a client's own X-Forwarded-* headers change nothing
   */
  trustedProxies?: readonly string[];
  /** mounts the web dashboard and Studio (/dashboard, /studio); their own session auth, not the API key's */
  web?: WebContext;
}

export async function createApp(context: ApiContext, options: CreateAppOptions = {}): Promise<FastifyInstance> {
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const app = Fastify({
    ...(options.logger
      ? { loggerInstance: options.logger as FastifyBaseLogger }
      : { logger: options.logLevel && options.logLevel !== 'silent' ? { level: options.logLevel } : false }),
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    trustProxy: options.trustedProxies?.length ? [...options.trustedProxies] : false,
    // a caller's own X-Request-Id is kept when it is a plain token, so one id follows a call through its systems
    genReqId: (request) => acceptableRequestId(request.headers['x-request-id']) ?? randomUUID(),
    requestTimeout: requestTimeoutMs,
    // Node checks these timeouts every connectionsCheckingInterval (30 s by default): a stalled header block was held
    // for up to headersTimeout + 30 s. Check every second.
    http: {
      headersTimeout: options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS,
      requestTimeout: requestTimeoutMs,
      connectionsCheckingInterval: 1000,
    },
    routerOptions: { maxParamLength: MAX_PATH_PARAMETER_LENGTH },
    frameworkErrors: onFrameworkError,
    clientErrorHandler: onClientError,
  });
  recordRoutes(app);
  await app.register(multipart, { limits: { fileSize: context.maxUploadBytes, files: 1, fields: 10, parts: 12 } });
  await app.register(websocket);

  app.decorateRequest('account', null as unknown as AuthenticatedKey);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Tripo-Trace-ID', request.id);
    reply.header('X-Request-Id', request.id);
    const isV3 = request.url === '/v3' || request.url.startsWith('/v3/') || request.url.startsWith('/v3?');
    if (!(request.url.startsWith('/v2/openapi/') || isV3) || request.url.startsWith(DOWNLOAD_PATH_PREFIX)) return;
    // a presigned upload PUT carries its own signature instead of an API key
    if (request.method === 'PUT' && request.url.startsWith(V3_UPLOAD_PATH_PREFIX)) return;
    if (isPublicDocumentUrl(request.url)) return;
    request.account = await context.authenticator.authenticate(request.headers.authorization);
    if (request.account.mode === 'test') reply.header('X-Polyforge-Mode', 'test');
  });
  if (options.tracing?.enabled) registerRequestSpans(app, options.tracing);
  // after authentication: counts each request against its API key (X-RateLimit-* headers, 429 / 1007)
  if (context.rateLimit) app.addHook('onRequest', rateLimitHook(context.rateLimit));
  app.setErrorHandler(onError);
  registerBodyDepthLimit(app);
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, new DomainError('routeNotFound', `no route for ${request.method} ${request.url.split('?')[0]}`)),
  );

  registerOperationsRoutes(app, context.operations);
  registerV2TaskRoutes(app, context);
  registerV2TaskExtraRoutes(app, context);
  registerWebhookRoutes(app, context);
  registerV2AccountRoutes(app, context);
  registerV2UploadRoutes(app, context);
  await registerS3UploadRoutes(app, context);
  registerDownloadRoutes(app, context);
  await registerV3Routes(app, context);
  registerOpenApiRoutes(app);
  if (options.web) await registerWebRoutes(app, options.web);
  return app;
}

/** A server span per request, continuing the caller's traceparent; named by the route pattern, never the raw URL. */
function registerRequestSpans(app: FastifyInstance, tracing: Tracing): void {
  app.addHook('onRequest', async (request) => {
    const traceparent = typeof request.headers.traceparent === 'string' ? request.headers.traceparent : undefined;
    const route = request.routeOptions.url ?? 'unmatched';
    request.traceSpan = tracing.startSpan(
      `${request.method} ${route}`,
      { 'http.request.method': request.method, 'http.route': route, 'polyforge.request_id': String(request.id) },
      { traceparent },
    );
  });
  app.addHook('onResponse', async (request, reply) => {
    request.traceSpan?.setAttributes({
      'http.response.status_code': reply.statusCode,
      'polyforge.account_id': request.account?.accountId,
    });
    request.traceSpan?.end(reply.statusCode >= 500 ? 'error' : 'ok');
  });
}
