// A task seen from the dashboard: its page, downloads through fresh signed links, and its state as JSON and
// Server-Sent Events for the web session (the equivalent of /v2/openapi/task/{id}/events for API keys).
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { presentTaskV2 } from '../../api/task-view-v2.ts';
import { streamTaskEvents } from '../../api/stream-task-events.ts';
import { DomainError } from '../../domain-error.ts';
import { cancelTask } from '../../tasks/cancel-task.ts';
import { taskFromRow, UUID_PATTERN } from '../../tasks/task-record.ts';
import { humanTaskType } from '../format.ts';
import { taskPageBody } from '../pages/task-page.ts';
import { pageCsrfToken, sendPage } from '../respond.ts';
import type { WebContext } from '../web-context.ts';

type TaskParams = { Params: { taskId: string } };
const THUMBNAIL_MAX_AGE_SECONDS = 24 * 3600;
/** Twice the largest size a thumbnail is shown at (128 CSS px), for sharp screens. */
const THUMBNAIL_MAX_PIXELS = 256;

export function registerTaskRoutes(web: FastifyInstance, context: WebContext): void {
  /** The task and its wallet; another account's task reads as not found. */
  const loadTask = async (accountId: string, taskId: string) => {
    const row = UUID_PATTERN.test(taskId)
      ? await context.db
          .selectFrom('tasks')
          .selectAll()
          .where('id', '=', taskId.toLowerCase())
          .where('accountId', '=', accountId)
          .executeTakeFirst()
      : undefined;
    if (!row) throw new DomainError('taskNotFound', `task ${taskId} not found`);
    return { task: taskFromRow(row), wallet: row.wallet ?? 'api' };
  };

  web.get<TaskParams>('/dashboard/tasks/:taskId', async (request, reply) => {
    const { task, wallet } = await loadTask(request.visitor!.account.id, request.params.taskId);
    const body = taskPageBody(task, wallet, pageCsrfToken(context, request, reply));
    return sendPage(context, request, reply, {
      title: `Task: ${humanTaskType(task.type)}`,
      section: 'history',
      body,
      scripts: ['task-page.js'],
    });
  });

  web.get<{ Params: { taskId: string; outputKey: string } }>(
    '/dashboard/tasks/:taskId/download/:outputKey',
    async (request, reply) => {
      const { task } = await loadTask(request.visitor!.account.id, request.params.taskId);
      const file = task.outputFiles[request.params.outputKey];
      if (!file) throw new DomainError('fileNotFound', `this task has no output "${request.params.outputKey}"`);
      return reply.redirect(context.signer.signPath(task.id, file.fileName), 303);
    },
  );

  // The task's rendered_image (the WebP still every model task makes, up to 512 px), at most 256 px, for thumbnails
  // and viewer posters. Task outputs never change, so the browser may keep it; only this account's session reads it.
  web.get<TaskParams>('/dashboard/tasks/:taskId/thumbnail', async (request, reply) => {
    const { task } = await loadTask(request.visitor!.account.id, request.params.taskId);
    const file = task.outputFiles.rendered_image;
    const bytes = file ? await context.blobs.get(file.blobKey) : undefined;
    if (!file || !bytes) throw new DomainError('fileNotFound', 'this task has no preview image');
    const etag = `"${task.id}-preview"`;
    reply.header('Cache-Control', `private, max-age=${THUMBNAIL_MAX_AGE_SECONDS}`).header('ETag', etag);
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    const small = await sharp(bytes)
      .resize(THUMBNAIL_MAX_PIXELS, THUMBNAIL_MAX_PIXELS, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    return reply.type('image/webp').send(small);
  });

  web.post<TaskParams>('/dashboard/tasks/:taskId/cancel', async (request, reply) => {
    const { task } = await cancelTask(context.cancelDependencies, request.visitor!.account.id, request.params.taskId);
    return reply.redirect(`/dashboard/tasks/${task.id}`, 303);
  });

  web.get<TaskParams>('/dashboard/api/tasks/:taskId', { config: { json: true } }, async (request) => {
    const accountId = request.visitor!.account.id;
    const { wallet } = await loadTask(accountId, request.params.taskId);
    const info = await context.tasks.getTask(accountId, request.params.taskId);
    return { code: 0, data: { ...presentTaskV2(info, context.signer, context.baseUrlOf(request)), wallet } };
  });

  web.get<TaskParams>('/dashboard/api/tasks/:taskId/events', { config: { json: true } }, (request, reply) =>
    streamTaskEvents(context, request, reply, request.visitor!.account.id, request.params.taskId),
  );
}
