// Builds the HTTP app: JSON everywhere, a trace id on every response, Bearer auth on the API, one error edge.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import websocket from '@fastify/websocket';
import type { AuthenticatedKey } from '../accounts/account-store.ts';
import { DomainError } from '../domain-error.ts';
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
import { isPublicDocumentUrl, registerOpenApiRoutes } from './openapi/register-openapi-routes.ts';
import { recordRoutes } from './openapi/route-inventory.ts';

declare module 'fastify' {
  interface FastifyRequest {
    account: AuthenticatedKey;
  }
}

const JSON_BODY_LIMIT_BYTES = 20 * 1024 * 1024;

export interface CreateAppOptions {
  logLevel?: string;
  /** mounts the web dashboard and Studio (/dashboard, /studio); their own session auth, not the API key's */
  web?: WebContext;
}

export async function createApp(context: ApiContext, options: CreateAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logLevel && options.logLevel !== 'silent' ? { level: options.logLevel } : false,
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    genReqId: () => randomUUID(),
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
    const isV3 = request.url === '/v3' || request.url.startsWith('/v3/') || request.url.startsWith('/v3?');
    if (!(request.url.startsWith('/v2/openapi/') || isV3) || request.url.startsWith(DOWNLOAD_PATH_PREFIX)) return;
    // a presigned upload PUT carries its own signature instead of an API key
    if (request.method === 'PUT' && request.url.startsWith(V3_UPLOAD_PATH_PREFIX)) return;
    if (isPublicDocumentUrl(request.url)) return;
    request.account = await context.authenticator.authenticate(request.headers.authorization);
    if (request.account.mode === 'test') reply.header('X-Polyforge-Mode', 'test');
  });
  // after authentication: counts each request against its API key (X-RateLimit-* headers, 429 / 1007)
  if (context.rateLimit) app.addHook('onRequest', rateLimitHook(context.rateLimit));
  app.setErrorHandler(onError);
  app.setNotFoundHandler((request, reply) => sendError(reply, new DomainError('routeNotFound', `no route for ${request.method} ${request.url.split('?')[0]}`)));

  app.get('/health', async () => ({ status: 'ok' }));
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
