// The worker protocol over HTTP (/worker/v1): external workers in any language authenticate with a worker
// token, lease tasks, read their inputs, heartbeat, upload outputs, complete or fail. docs/worker-protocol.md.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DOWNLOAD_MIME_TYPES } from './worker-output-types.ts';
import type { WorkerService } from '../../workers/worker-service.ts';
import type { WorkerToken, WorkerTokenStore } from '../../workers/worker-token-store.ts';
import {
  completeBodySchema,
  failBodySchema,
  heartbeatBodySchema,
  leaseBodySchema,
  parseWorkerBody,
  registerBodySchema,
} from '../../workers/worker-protocol-schemas.ts';

export const WORKER_PATH_PREFIX = '/worker/v1';

export interface WorkerRoutesContext {
  workers: WorkerService;
  tokens: WorkerTokenStore;
  maxOutputBytes: number;
  baseUrlOf(request: FastifyRequest): string;
}

declare module 'fastify' {
  interface FastifyRequest {
    workerToken: WorkerToken;
  }
}

type LeaseParams = { Params: { leaseId: string } };

export async function registerWorkerRoutes(app: FastifyInstance, context: WorkerRoutesContext): Promise<void> {
  await app.register(
    async (scope) => {
      scope.decorateRequest('workerToken', null as unknown as WorkerToken);
      // outputs arrive as raw bytes of any type
      scope.addContentTypeParser(
        '*',
        { parseAs: 'buffer', bodyLimit: context.maxOutputBytes },
        (_request, body, done) => done(null, body),
      );
      scope.addHook('onRequest', async (request) => {
        request.workerToken = await context.tokens.authenticate(request.headers.authorization);
      });

      scope.post('/register', async (request) => {
        const body = parseWorkerBody(registerBodySchema, request.body);
        const worker = await context.workers.register(request.workerToken, body);
        return {
          code: 0,
          data: {
            worker_id: worker.workerId,
            name: worker.name,
            capabilities: worker.capabilities,
            task_types: worker.taskTypes,
            model_versions: worker.modelVersions,
            lease_seconds: context.workers.leaseSeconds,
            heartbeat_interval_seconds: Math.max(1, Math.floor(context.workers.leaseSeconds / 3)),
          },
        };
      });

      scope.post('/lease', async (request, reply) => {
        const body = parseWorkerBody(leaseBodySchema, request.body);
        // a worker that hangs up during the long poll must not be handed a task nobody will run
        const abort = new AbortController();
        const onClose = () => abort.abort();
        reply.raw.once('close', onClose);
        try {
          const lease = await context.workers.lease(
            request.workerToken,
            body.worker_id,
            body.wait_seconds,
            abort.signal,
          );
          return { code: 0, data: { lease: lease ? withUrls(lease, context.baseUrlOf(request)) : null } };
        } finally {
          reply.raw.off('close', onClose);
        }
      });

      scope.get<LeaseParams>('/leases/:leaseId', async (request) => {
        const lease = await context.workers.getLease(request.workerToken, request.params.leaseId);
        return { code: 0, data: { lease: withUrls(lease, context.baseUrlOf(request)) } };
      });

      scope.get<{ Params: { leaseId: string; name: string } }>(
        '/leases/:leaseId/inputs/:name',
        async (request, reply) => {
          const { bytes, input } = await context.workers.readInput(
            request.workerToken,
            request.params.leaseId,
            request.params.name,
          );
          return reply
            .header('Content-Type', input.mimeType)
            .header('Content-Disposition', `attachment; filename="${input.fileName.replace(/"/g, '')}"`)
            .header('Cache-Control', 'no-store')
            .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        },
      );

      scope.post<LeaseParams>('/leases/:leaseId/heartbeat', async (request) => {
        const body = parseWorkerBody(heartbeatBodySchema, request.body);
        return {
          code: 0,
          data: await context.workers.heartbeat(request.workerToken, request.params.leaseId, body.progress),
        };
      });

      scope.put<{ Params: { leaseId: string; outputKey: string }; Querystring: { extension?: string } }>(
        '/leases/:leaseId/outputs/:outputKey',
        async (request) => {
          const bytes = Buffer.isBuffer(request.body) ? new Uint8Array(request.body) : new Uint8Array();
          const extension = request.query.extension ?? extensionOf(request.headers['content-type']);
          const stored = await context.workers.putOutput(
            request.workerToken,
            request.params.leaseId,
            request.params.outputKey,
            extension,
            bytes,
            request.headers['content-type'],
          );
          return { code: 0, data: stored };
        },
      );

      scope.post<LeaseParams>('/leases/:leaseId/complete', async (request) => {
        const body = parseWorkerBody(completeBodySchema, request.body);
        return {
          code: 0,
          data: await context.workers.complete(request.workerToken, request.params.leaseId, body.result),
        };
      });

      scope.post<LeaseParams>('/leases/:leaseId/fail', async (request) => {
        const body = parseWorkerBody(failBodySchema, request.body);
        return { code: 0, data: await context.workers.fail(request.workerToken, request.params.leaseId, body) };
      });
    },
    { prefix: WORKER_PATH_PREFIX },
  );
}

function withUrls<T extends { inputs: { path: string }[] }>(
  lease: T,
  baseUrl: string,
): T & { inputs: (T['inputs'][number] & { url: string })[] } {
  return { ...lease, inputs: lease.inputs.map((input) => ({ ...input, url: baseUrl + input.path })) };
}

function extensionOf(contentType: string | undefined): string {
  const mimeType = contentType?.split(';')[0].trim().toLowerCase() ?? '';
  return DOWNLOAD_MIME_TYPES[mimeType] ?? '';
}
