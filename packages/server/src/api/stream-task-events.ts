// One task followed live as Server-Sent Events, for API keys (/v2/openapi/task/{id}/events) and the dashboard's
// session (/dashboard/api/tasks/{id}/events): an `update` event per change, `finalized` with the final state, or
// `error` with the wire error if the watch fails. Unknown or foreign tasks are refused (2001) before the stream starts.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isFinalStatus } from '@polyforge/protocol';
import type { DownloadSigner } from '../files/download-signer.ts';
import type { TaskService } from '../tasks/task-service.ts';
import { watchTask } from '../tasks/watch-task.ts';
import { v2ErrorBodyOf } from './on-error.ts';
import { presentTaskV2 } from './task-view-v2.ts';

export interface TaskEventSource {
  tasks: TaskService;
  signer: DownloadSigner;
  baseUrlOf(request: FastifyRequest): string;
}

export async function streamTaskEvents(
  source: TaskEventSource,
  request: FastifyRequest,
  reply: FastifyReply,
  accountId: string,
  taskId: string,
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  await source.tasks.getTask(accountId, taskId);
  const abort = new AbortController();
  request.raw.on('close', () => abort.abort());
  reply.hijack();
  reply.raw.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
    ...extraHeaders,
  });
  try {
    for await (const info of watchTask(source.tasks, accountId, taskId, abort.signal)) {
      const event = isFinalStatus(info.task.status) ? 'finalized' : 'update';
      reply.raw.write(
        `event: ${event}\ndata: ${JSON.stringify(presentTaskV2(info, source.signer, source.baseUrlOf(request)))}\n\n`,
      );
    }
  } catch (error) {
    reply.raw.write(`event: error\ndata: ${JSON.stringify(v2ErrorBodyOf(error, request))}\n\n`);
  }
  reply.raw.end();
}
