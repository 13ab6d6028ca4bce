// Beyond the Tripo V2 surface: list tasks, cancel a task (or every task a filter matches), and follow one live
// (WebSocket and Server-Sent Events).
import type { FastifyInstance } from 'fastify';
import { isFinalStatus, isPlainObject, type CancelTasksResult } from '@polyforge/protocol';
import { cancelTask } from '../../tasks/cancel-task.ts';
import { cancelTasks } from '../../tasks/cancel-tasks.ts';
import { listTasks } from '../../tasks/list-tasks.ts';
import { watchTask } from '../../tasks/watch-task.ts';
import { DomainError } from '../../domain-error.ts';
import { presentTaskV2 } from '../task-view-v2.ts';
import { streamTaskEvents } from '../stream-task-events.ts';
import type { ApiContext } from '../api-context.ts';
import { v2ErrorBodyOf } from '../on-error.ts';

interface ListQuery {
  status?: string;
  type?: string;
  created_after?: string;
  created_before?: string;
  limit?: string;
  cursor?: string;
}

export function registerV2TaskExtraRoutes(app: FastifyInstance, context: ApiContext): void {
  app.get<{ Querystring: ListQuery }>('/v2/openapi/tasks', async (request) => {
    const query = request.query;
    const page = await listTasks(context.db, request.account.accountId, {
      status: query.status,
      type: query.type,
      createdAfterMs: timeOf(query.created_after, 'created_after'),
      createdBeforeMs: timeOf(query.created_before, 'created_before'),
      limit: query.limit === undefined ? undefined : Number(query.limit),
      cursor: query.cursor,
    });
    const baseUrl = context.baseUrlOf(request);
    return {
      code: 0,
      data: {
        tasks: page.tasks.map((task) =>
          presentTaskV2({ task, queuePosition: -1, estimatedSecondsLeft: null }, context.signer, baseUrl),
        ),
        next_cursor: page.nextCursor,
      },
    };
  });

  // Bulk cancel by the list filters (a JSON body): a backlog goes in one call instead of one per task.
  app.post('/v2/openapi/tasks/cancel', async (request) => {
    const body = request.body ?? {};
    if (!isPlainObject(body))
      throw new DomainError(
        'malformedRequest',
        'the body must be a JSON object of filters such as {"status": "queued"}',
      );
    const text = (name: string) => {
      const value = body[name];
      if (value !== undefined && typeof value !== 'string')
        throw new DomainError('invalidParameter', `${name} must be a string`);
      return value as string | undefined;
    };
    if (body.limit !== undefined && typeof body.limit !== 'number')
      throw new DomainError('invalidParameter', 'limit must be a number');
    const summary = await cancelTasks(context.cancelDependencies, request.account.accountId, {
      status: text('status'),
      type: text('type'),
      createdAfterMs: timeOf(text('created_after'), 'created_after'),
      createdBeforeMs: timeOf(text('created_before'), 'created_before'),
      limit: body.limit as number | undefined,
    });
    const data: CancelTasksResult = {
      matched: summary.matched,
      ...summary.counts,
      task_ids: summary.taskIds,
      has_more: summary.hasMore,
    };
    return { code: 0, data };
  });

  app.post<{ Params: { taskId: string } }>('/v2/openapi/task/:taskId/cancel', async (request) => {
    const { result, task } = await cancelTask(
      context.cancelDependencies,
      request.account.accountId,
      request.params.taskId,
    );
    return { code: 0, data: { task_id: task.id, result, status: task.status } };
  });

  app.get<{ Params: { taskId: string } }>('/v2/openapi/task/:taskId/events', (request, reply) =>
    streamTaskEvents(context, request, reply, request.account.accountId, request.params.taskId, {
      'X-Tripo-Trace-ID': request.id,
    }),
  );

  app.route<{ Params: { taskId: string } }>({
    method: 'GET',
    url: '/v2/openapi/task/watch/:taskId',
    // a plain GET (no Upgrade) would otherwise get an empty 404
    handler: async () => {
      throw new DomainError(
        'malformedRequest',
        'this endpoint speaks WebSocket: send "Connection: Upgrade" and "Upgrade: websocket", or follow /events (Server-Sent Events)',
      );
    },
    wsHandler: (socket, request) => {
      const abort = new AbortController();
      socket.on('close', () => abort.abort());
      const { accountId } = request.account;
      (async () => {
        try {
          for await (const info of watchTask(context.tasks, accountId, request.params.taskId, abort.signal)) {
            const event = isFinalStatus(info.task.status) ? 'finalized' : 'update';
            socket.send(
              JSON.stringify({ event, data: presentTaskV2(info, context.signer, context.baseUrlOf(request)) }),
            );
          }
          socket.close(1000, 'finalized');
        } catch (error) {
          socket.send(JSON.stringify(v2ErrorBodyOf(error, request)));
          socket.close(1008, error instanceof DomainError ? error.errorName : 'error');
        }
      })();
    },
  });
}

function timeOf(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const milliseconds = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value);
  if (!Number.isFinite(milliseconds))
    throw new DomainError('invalidParameter', `${name} must be unix seconds or an ISO-8601 time`);
  return milliseconds;
}
