// The /v3 surface (tripo-api.md §6) as one Fastify plugin under the /v3 prefix, with its own not-found
// handler: an unknown route is 4001, a known route with the wrong method is 405/1003.
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain-error.ts';
import type { ApiContext } from '../api-context.ts';
import { sendError } from '../on-error.ts';
import { registerV3AccountRoutes } from './v3-account-routes.ts';
import { registerV3FileRoutes } from './v3-file-routes.ts';
import { registerV3TaskRoutes } from './v3-task-routes.ts';

export const V3_PREFIX = '/v3';

export async function registerV3Routes(app: FastifyInstance, context: ApiContext): Promise<void> {
  await app.register(
    async (scope) => {
      // JSON (and multipart for POST /v3/files) only: any other Content-Type is 415/1003
      scope.removeContentTypeParser('text/plain');
      const routes: { methods: string[]; pattern: RegExp }[] = [];
      scope.addHook('onRoute', (route) => {
        routes.push({ methods: [route.method].flat().map(String), pattern: patternOf(route.url) });
      });
      registerV3TaskRoutes(scope, context);
      registerV3FileRoutes(scope, context);
      registerV3AccountRoutes(scope, context);

      scope.setNotFoundHandler((request, reply) => {
        const path = request.url.split('?')[0]!;
        const allowed = [
          ...new Set(routes.filter((route) => route.pattern.test(path)).flatMap((route) => route.methods)),
        ];
        if (allowed.length > 0) {
          reply.header('Allow', allowed.join(', '));
          return sendError(
            reply,
            new DomainError(
              'methodNotAllowed',
              `${request.method} ${path} is not allowed; use ${allowed.join(' or ')}`,
            ),
          );
        }
        return sendError(reply, new DomainError('routeNotFound', `no route for ${request.method} ${path}`));
      });
    },
    { prefix: V3_PREFIX },
  );
}

/** `/v3/tasks/:taskId` → a pattern matching concrete paths. */
function patternOf(url: string): RegExp {
  const escaped = url
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}$`);
}
