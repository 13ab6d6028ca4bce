// /v3 task endpoints: one creation endpoint per operation (translated into the shared V2 task request),
// the task by id, and several tasks by id (POST /v3/tasks/list).
import { isPlainObject } from '@polyforge/protocol';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain-error.ts';
import type { ApiContext } from '../api-context.ts';
import { createOptionsOf } from '../create-options.ts';
import { taskOutputImageResolver } from '../v3/task-output-image.ts';
import { presentTaskV3, v3StatusOf, type TaskViewV3 } from '../v3/task-view-v3.ts';
import { translateV3Request } from '../v3/translate-v3-request.ts';
import { v3Success } from '../v3/v3-envelope.ts';
import { fileTokenOf } from '../v3/v3-inputs.ts';
import { V3_OPERATIONS } from '../v3/v3-operations.ts';

/** How many ids one POST /v3/tasks/list may ask for. */
export const MAX_LISTED_TASK_IDS = 100;

/** Registers inside the /v3 prefix. */
export function registerV3TaskRoutes(app: FastifyInstance, context: ApiContext): void {
  for (const operation of V3_OPERATIONS) {
    app.post(`/${operation.path}`, async (request, reply) => {
      const { accountId, mode } = request.account;
      const resolver = taskOutputImageResolver(context, accountId);
      const body = await translateV3Request(operation, request.body, resolver);
      await explainPendingUploads(context, accountId, body);
      const options = {
        ...createOptionsOf(request.headers, context.clock.nowMs()),
        testMode: mode === 'test',
        requestId: String(request.id),
      };
      const { task, replayed } = await context.tasks.createTask(accountId, body, options);
      if (replayed) reply.header('Idempotent-Replayed', 'true');
      return v3Success({ task_id: task.id, type: task.type, status: v3StatusOf(task).status });
    });
  }

  app.get<{ Params: { taskId: string } }>('/tasks/:taskId', async (request) => {
    const { task } = await context.tasks.getTask(request.account.accountId, request.params.taskId);
    return v3Success(presentTaskV3(task, context.signer, context.baseUrlOf(request)));
  });

  app.post('/tasks/list', async (request) => {
    const taskIds = taskIdsOf(request.body);
    const baseUrl = context.baseUrlOf(request);
    const tasks: Record<string, TaskViewV3> = {};
    const missed: string[] = [];
    for (const taskId of taskIds) {
      try {
        const { task } = await context.tasks.getTask(request.account.accountId, taskId);
        tasks[taskId] = presentTaskV3(task, context.signer, baseUrl);
      } catch (error) {
        if (!(error instanceof DomainError && error.errorName === 'taskNotFound')) throw error;
        missed.push(taskId);
      }
    }
    return v3Success({ tasks, missed });
  });
}

/** A presigned token whose bytes have not been PUT yet gets a message that says so (the core only knows files). */
async function explainPendingUploads(
  context: ApiContext,
  accountId: string,
  body: Record<string, unknown>,
): Promise<void> {
  for (const fileId of fileIdsIn(body)) {
    if (await context.files.findFile(accountId, fileId)) continue;
    const pending = await context.files.findPendingUpload(accountId, fileId);
    if (!pending) continue;
    const problem = pending.expired
      ? 'its upload URL expired before the bytes arrived; presign again'
      : 'its bytes have not arrived yet; PUT them to its upload_url first';
    throw new DomainError('invalidParameter', `${fileTokenOf(fileId)} is a presigned upload, but ${problem}`);
  }
}

function fileIdsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(fileIdsIn);
  if (!isPlainObject(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === 'file_token' && typeof inner === 'string' ? [inner] : fileIdsIn(inner),
  );
}

function taskIdsOf(body: unknown): string[] {
  const taskIds = isPlainObject(body) ? body.task_ids : undefined;
  const problem = `task_ids must be a list of 1 to ${MAX_LISTED_TASK_IDS} task id strings`;
  if (
    !Array.isArray(taskIds) ||
    taskIds.length === 0 ||
    taskIds.length > MAX_LISTED_TASK_IDS ||
    !taskIds.every((id) => typeof id === 'string')
  ) {
    throw new DomainError(isPlainObject(body) ? 'invalidParameter' : 'malformedRequest', problem);
  }
  return [...new Set(taskIds as string[])];
}
