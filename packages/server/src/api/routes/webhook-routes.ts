// Webhook endpoints of the calling account: register (the signing secret is shown once), list, remove, and the
// delivery log of one endpoint.
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../api-context.ts';

export function registerWebhookRoutes(app: FastifyInstance, context: ApiContext): void {
  app.post<{ Body: { url?: unknown } }>('/v2/openapi/webhooks', async (request) => {
    const endpoint = await context.webhooks.createEndpoint(request.account.accountId, request.body?.url);
    return {
      code: 0,
      data: {
        id: endpoint.id,
        url: endpoint.url,
        secret: endpoint.secret,
        created_at: new Date(endpoint.createdAt).toISOString(),
      },
    };
  });

  app.get('/v2/openapi/webhooks', async (request) => {
    const endpoints = await context.webhooks.listEndpoints(request.account.accountId);
    return {
      code: 0,
      data: {
        webhooks: endpoints.map((endpoint) => ({
          id: endpoint.id,
          url: endpoint.url,
          created_at: new Date(endpoint.createdAt).toISOString(),
        })),
      },
    };
  });

  app.delete<{ Params: { webhookId: string } }>('/v2/openapi/webhooks/:webhookId', async (request) => {
    await context.webhooks.deleteEndpoint(request.account.accountId, request.params.webhookId);
    return { code: 0, data: { id: request.params.webhookId, deleted: true } };
  });

  app.get<{ Params: { webhookId: string }; Querystring: { limit?: string } }>(
    '/v2/openapi/webhooks/:webhookId/deliveries',
    async (request) => {
      const deliveries = await context.webhooks.listDeliveries(
        request.account.accountId,
        request.params.webhookId,
        Number(request.query.limit ?? 50),
      );
      return {
        code: 0,
        data: {
          deliveries: deliveries.map((delivery) => ({
            id: delivery.id,
            event_id: delivery.eventId,
            event_type: delivery.eventType,
            status: delivery.status,
            attempts: delivery.attempts,
            last_status_code: delivery.lastStatusCode,
            last_error: delivery.lastError,
            next_attempt_at: delivery.status === 'pending' ? new Date(delivery.nextAttemptAt).toISOString() : null,
            created_at: new Date(delivery.createdAt).toISOString(),
            delivered_at: delivery.deliveredAt === null ? null : new Date(delivery.deliveredAt).toISOString(),
          })),
        },
      };
    },
  );
}
