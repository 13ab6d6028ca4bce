// Studio: the page, and the JSON calls its script makes with the web session (upload, quote, create), all paid
// from and priced for the Studio wallet.
import type { FastifyInstance } from 'fastify';
import { readUploadPart } from '../../api/read-upload-part.ts';
import { UUID_PATTERN } from '../../tasks/task-record.ts';
import { studioPageBody } from '../pages/studio-page.ts';
import { sendPage } from '../respond.ts';
import { historyPage } from '../task-history.ts';
import type { WebContext } from '../web-context.ts';

const json = { config: { json: true } };

export function registerStudioRoutes(web: FastifyInstance, context: WebContext): void {
  web.get<{ Querystring: { task?: string } }>('/studio', async (request, reply) => {
    const accountId = request.visitor!.account.id;
    const [balance, recent] = await Promise.all([context.ledger.balance(context.db, accountId, 'studio'), historyPage(context.db, accountId, { wallet: 'studio' }, 1, 12)]);
    const requested = request.query.task;
    const currentTaskId = requested && UUID_PATTERN.test(requested) ? requested.toLowerCase() : undefined;
    const body = studioPageBody({ served: context.engines.servedTaskTypes(), balance, recent: recent.rows, currentTaskId });
    return sendPage(context, request, reply, { title: 'Studio', section: 'studio', body, scripts: ['studio.js'], usesThree: true });
  });

  web.get('/studio/api/balance', json, async (request) => ({ code: 0, data: await context.ledger.balance(context.db, request.visitor!.account.id, 'studio') }));

  web.post('/studio/api/upload', json, async (request) => {
    const part = await readUploadPart(request, context.maxUploadBytes, 'uploads are multipart/form-data with one part named "file"');
    const stored = await context.files.saveUpload(request.visitor!.account.id, part.fileName, part.bytes);
    return { code: 0, data: { file_token: stored.id, type: stored.format, kind: stored.kind } };
  });

  web.post('/studio/api/quote', json, async (request) => {
    const quote = await context.tasks.quoteTask(request.visitor!.account.id, request.body, { wallet: 'studio' });
    return { code: 0, data: quote };
  });

  web.post('/studio/api/tasks', json, async (request) => {
    const { task } = await context.tasks.createTask(request.visitor!.account.id, request.body, { wallet: 'studio', requestId: String(request.id) });
    return { code: 0, data: { task_id: task.id } };
  });
}
