// Studio: the home page (create + gallery), a model's page with its next steps (plain forms: post, then redirect
// to the new model), and the JSON calls studio.js makes with the web session (upload, quote, create), all paid
// from and priced for the Studio wallet.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toWireError } from '../../api/on-error.ts';
import { DomainError } from '../../domain-error.ts';
import { taskFromRow, UUID_PATTERN } from '../../tasks/task-record.ts';
import { studioModelBody, studioModelTitle, type PricedPlan } from '../pages/studio-model-page.ts';
import { readUploadPart } from '../../api/read-upload-part.ts';
import { studioPageBody } from '../pages/studio-page.ts';
import { trialNote } from '../pages/trial-note.ts';
import { formField, pageCsrfToken, sendPage } from '../respond.ts';
import { planStudioActions, studioActionRequest } from '../studio-actions.ts';
import { ancestorsOf, derivedFrom, loadOwnTask, MODEL_TASK_TYPES } from '../studio-models.ts';
import { historyCount, historyPage, MAX_SEARCH_LENGTH, type HistoryFilter } from '../task-history.ts';
import { previewTaskIds } from '../task-previews.ts';
import type { WebContext } from '../web-context.ts';

const json = { config: { json: true } };
const GALLERY_PAGE_SIZE = 24;
type ModelParams = { Params: { taskId: string } };

export function registerStudioRoutes(web: FastifyInstance, context: WebContext): void {
  web.get<{ Querystring: { task?: string; page?: string; q?: string } }>('/studio', async (request, reply) => {
    const requested = request.query.task;
    if (requested && UUID_PATTERN.test(requested))
      return reply.redirect(`/studio/models/${requested.toLowerCase()}`, 303);
    const accountId = request.visitor!.account.id;
    const search = (request.query.q ?? '').trim().slice(0, MAX_SEARCH_LENGTH);
    const filter: HistoryFilter = { wallet: 'studio', types: MODEL_TASK_TYPES, ...(search ? { search } : {}) };
    const [balance, grants, total] = await Promise.all([
      context.ledger.balance(context.db, accountId, 'studio'),
      context.ledger.listGrants(context.db, accountId, 'studio'),
      historyCount(context.db, accountId, filter),
    ]);
    const pageCount = Math.max(1, Math.ceil(total / GALLERY_PAGE_SIZE));
    const page = Math.min(Math.max(1, Math.floor(Number(request.query.page ?? 1)) || 1), pageCount);
    const { rows } = await historyPage(context.db, accountId, filter, page, GALLERY_PAGE_SIZE);
    const body = studioPageBody({
      served: context.engines.servedTaskTypes(),
      balance,
      trial: trialNote(grants, context.clock.nowMs(), 'studio-trial'),
      gallery: rows,
      previews: await previewTaskIds(context.db, accountId, rows),
      page,
      pageCount,
      total,
      search,
      maxUploadBytes: context.maxUploadBytes,
    });
    return sendPage(context, request, reply, { title: 'Studio', section: 'studio', body, scripts: ['studio.js'] });
  });

  const modelPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    taskId: string,
    failed?: { type: string; message: string; statusCode: number },
  ) => {
    const accountId = request.visitor!.account.id;
    const loaded = UUID_PATTERN.test(taskId) ? await loadOwnTask(context.db, accountId, taskId) : undefined;
    if (!loaded) throw new DomainError('taskNotFound', `task ${taskId} not found`);
    const { task } = loaded;
    const ancestors = await ancestorsOf(context.db, accountId, task);
    const chain = [task, ...ancestors];
    const [derived, checks, balance, previews] = await Promise.all([
      derivedFrom(context.db, accountId, task.id),
      rigChecksOf(
        context,
        accountId,
        chain.map((entry) => entry.id),
      ),
      context.ledger.balance(context.db, accountId, 'studio'),
      previewTaskIds(context.db, accountId, [
        { id: task.id, type: task.type, input: task.input, hasPreview: Boolean(task.outputFiles.rendered_image) },
      ]),
    ]);
    const plans: PricedPlan[] = await Promise.all(
      planStudioActions(chain, checks).map(async (plan) => {
        const priced: PricedPlan = { ...plan };
        if (failed?.type === plan.type) priced.error = failed.message;
        if (!plan.target) return priced;
        try {
          priced.quote = await context.tasks.quoteTask(
            accountId,
            studioActionRequest(plan.type, plan.target.id, plan.defaults),
            { wallet: 'studio' },
          );
        } catch (error) {
          priced.quote = { credits: 0, available: false };
          priced.error ??= toWireError(error).body.message;
        }
        return priced;
      }),
    );
    const body = studioModelBody({
      task,
      ancestors,
      derived,
      plans,
      balance: balance.balance,
      csrfToken: pageCsrfToken(context, request, reply),
      previewTaskId: previews.get(task.id),
    });
    return sendPage(
      context,
      request,
      reply,
      { title: studioModelTitle(task), section: 'studio', body, scripts: ['studio-model.js'] },
      failed?.statusCode ?? 200,
    );
  };

  web.get<ModelParams>('/studio/models/:taskId', async (request, reply) =>
    modelPage(request, reply, request.params.taskId),
  );

  // A next step, one click: create the task on the model it applies to, then show the new model (a refresh of
  // that page creates nothing). A refusal (no credits, bad option) is shown in the step's card on the model page.
  web.post<ModelParams>('/studio/models/:taskId/next', async (request, reply) => {
    const accountId = request.visitor!.account.id;
    const type = formField(request.body, 'type');
    const from = formField(request.body, 'from');
    const backTo = UUID_PATTERN.test(from) ? from : request.params.taskId;
    try {
      const body = studioActionRequest(type, request.params.taskId, fieldsOf(request.body));
      const { task } = await context.tasks.createTask(accountId, body, { wallet: 'studio' });
      return reply.redirect(`/studio/models/${task.id}`, 303);
    } catch (error) {
      const wire = toWireError(error);
      if (wire.httpStatus >= 500) throw error;
      const message = `${wire.body.message}${wire.body.suggestion ? ` ${wire.body.suggestion}` : ''}`;
      return modelPage(request, reply, backTo, { type, message, statusCode: wire.httpStatus });
    }
  });

  web.post<ModelParams>('/studio/api/models/:taskId/quote-next', json, async (request) => {
    const fields = fieldsOf(request.body);
    const body = studioActionRequest(fields.type ?? '', request.params.taskId, fields);
    return { code: 0, data: await context.tasks.quoteTask(request.visitor!.account.id, body, { wallet: 'studio' }) };
  });

  web.get('/studio/api/balance', json, async (request) => ({
    code: 0,
    data: await context.ledger.balance(context.db, request.visitor!.account.id, 'studio'),
  }));

  web.post('/studio/api/upload', json, async (request) => {
    const part = await readUploadPart(
      request,
      context.maxUploadBytes,
      'uploads are multipart/form-data with one part named "file"',
    );
    const stored = await context.files.saveUpload(request.visitor!.account.id, part.fileName, part.bytes);
    return { code: 0, data: { file_token: stored.id, type: stored.format, kind: stored.kind } };
  });

  web.post('/studio/api/quote', json, async (request) => {
    const quote = await context.tasks.quoteTask(request.visitor!.account.id, request.body, { wallet: 'studio' });
    return { code: 0, data: quote };
  });

  web.post('/studio/api/tasks', json, async (request) => {
    const { task } = await context.tasks.createTask(request.visitor!.account.id, request.body, {
      wallet: 'studio',
      requestId: String(request.id),
    });
    return { code: 0, data: { task_id: task.id } };
  });
}

/** Form or JSON fields as strings (the step's options). */
function fieldsOf(body: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (typeof body !== 'object' || body === null) return fields;
  for (const name of ['type', 'format', 'face_limit', 'prompt', 'rig_type', 'animation']) {
    const value = formField(body, name);
    if (value) fields[name] = value;
  }
  return fields;
}

/** Rig checks made from any model of the chain (their result picks the rig type a Rig step starts with). */
async function rigChecksOf(context: WebContext, accountId: string, chainIds: string[]) {
  const rows = await context.db
    .selectFrom('tasks')
    .selectAll()
    .where('accountId', '=', accountId)
    .where('type', '=', 'animate_prerigcheck')
    .where('status', '=', 'success')
    .orderBy('createdAt', 'desc')
    .limit(50)
    .execute();
  return rows.map(taskFromRow).filter((check) => chainIds.includes(String(check.input.original_model_task_id)));
}
