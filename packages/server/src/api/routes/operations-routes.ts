// Routes for the operator's tooling rather than tenants: liveness (/health: the process answers), readiness
// (/ready: its database and storage answer too, 503 otherwise) and Prometheus metrics (/metrics, behind a token).
// Also counts every answered request by route pattern and status for /metrics.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain-error.ts';
import type { OperationsContext } from '../api-context.ts';

export function registerOperationsRoutes(app: FastifyInstance, operations: OperationsContext | undefined): void {
  app.get('/health', async () => ({ status: 'ok' }));
  if (!operations) return;

  app.get('/ready', async (_request, reply) => {
    const readiness = await operations.readiness.check();
    return reply
      .status(readiness.ready ? 200 : 503)
      .send({ status: readiness.ready ? 'ready' : 'not_ready', checks: readiness.checks });
  });

  app.get('/metrics', async (request, reply) => {
    if (!operations.metricsToken) {
      throw new DomainError(
        'forbidden',
        'metrics are not served on this port; set POLYFORGE_METRICS_TOKEN, or POLYFORGE_METRICS_LISTEN for a separate listener',
      );
    }
    if (!bearerMatches(request.headers.authorization, operations.metricsToken)) {
      throw new DomainError(
        'authenticationFailed',
        'GET /metrics needs Authorization: Bearer <POLYFORGE_METRICS_TOKEN>',
      );
    }
    const rendered = await operations.metrics.render();
    return reply.type(rendered.contentType).send(rendered.body);
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    operations.metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}
