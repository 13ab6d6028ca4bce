// V2 task endpoints: create, quote, get.
import type { FastifyInstance } from 'fastify';
import { taskResponseJsonV2 } from '../task-view-v2.ts';
import { createOptionsOf } from '../create-options.ts';
import type { ApiContext } from '../api-context.ts';

export function registerV2TaskRoutes(app: FastifyInstance, context: ApiContext): void {
  app.post('/v2/openapi/task', async (request, reply) => {
    const { task, replayed } = await context.tasks.createTask(request.account.accountId, request.body, {
      ...createOptionsOf(request.headers, context.clock.nowMs()),
      testMode: request.account.mode === 'test',
      requestId: String(request.id),
    });
    if (replayed) reply.header('Idempotent-Replayed', 'true');
    return { code: 0, data: { task_id: task.id } };
  });

  app.post('/v2/openapi/task/quote', async (request) => {
    const quote = await context.tasks.quoteTask(request.account.accountId, request.body);
    return { code: 0, data: quote };
  });

  app.get<{ Params: { taskId: string } }>('/v2/openapi/task/:taskId', async (request, reply) => {
    const info = await context.tasks.getTask(request.account.accountId, request.params.taskId);
    // already JSON: a finished task's body is reused within the second its links are signed for
    reply.type('application/json; charset=utf-8');
    return taskResponseJsonV2(info, context.signer, context.baseUrlOf(request));
  });
}
