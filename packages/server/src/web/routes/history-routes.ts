// History page: every task with filters and paging, the credit-usage chart, and the CSV export.
import type { FastifyInstance } from 'fastify';
import { TASK_STATUSES, TASK_TYPES } from '@polyforge/protocol';
import { DomainError } from '../../domain-error.ts';
import { formatCredits, formatDate, humanTaskType } from '../format.ts';
import { html } from '../html.ts';
import { taskTable } from '../pages/task-table.ts';
import { usageChart } from '../pages/usage-chart.ts';
import { sendPage } from '../respond.ts';
import {
  creditUsageByDay,
  csvLine,
  historyCount,
  historyPage,
  historyRowsForExport,
  HISTORY_PAGE_SIZE,
  MAX_SEARCH_LENGTH,
  parseHistoryFilter,
} from '../task-history.ts';
import { previewTaskIds } from '../task-previews.ts';
import type { WebContext } from '../web-context.ts';

type HistoryQuery = {
  type?: string;
  status?: string;
  wallet?: string;
  from?: string;
  to?: string;
  q?: string;
  page?: string;
};
const DAY_MS = 24 * 3600 * 1000;
const DEFAULT_CHART_DAYS = 30;
const MAX_CHART_DAYS = 366;

export function registerHistoryRoutes(web: FastifyInstance, context: WebContext): void {
  web.get<{ Querystring: HistoryQuery }>('/dashboard/history', async (request, reply) => {
    const account = request.visitor!.account;
    const query = request.query;
    const filter = parseHistoryFilter(query);
    const requestedPage = query.page === undefined ? 1 : Number(query.page);
    if (!Number.isInteger(requestedPage) || requestedPage < 1)
      throw new DomainError('invalidParameter', 'page must be a positive integer');
    const total = await historyCount(context.db, account.id, filter);
    const pageCount = Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE));
    const page = Math.min(requestedPage, pageCount); // a page past the end shows the last one
    const { rows } = await historyPage(context.db, account.id, filter, page);
    const previews = await previewTaskIds(context.db, account.id, rows);

    const todayEndMs = Math.floor(context.clock.nowMs() / DAY_MS) * DAY_MS + DAY_MS;
    const chartToMs = filter.toMs ?? todayEndMs;
    const chartFromMs = Math.max(
      filter.fromMs ?? chartToMs - DEFAULT_CHART_DAYS * DAY_MS,
      chartToMs - MAX_CHART_DAYS * DAY_MS,
    );
    const usage = await creditUsageByDay(context.db, account.id, {
      fromMs: chartFromMs,
      toMs: chartToMs,
      wallet: filter.wallet,
    });
    const usedCredits = usage.reduce((sum, bucket) => sum + bucket.credits, 0);

    const keep = (overrides: Partial<HistoryQuery>) => {
      const parameters = new URLSearchParams();
      for (const [name, value] of Object.entries({ ...query, ...overrides }))
        if (value) parameters.set(name, String(value));
      const text = parameters.toString();
      return text ? `?${text}` : '';
    };
    const option = (value: string, label: string, selected: string | undefined) =>
      html`<option value="${value}"${selected === value ? html` selected` : ''}>${label}</option>`;
    const body = html`<section class="panel">
  <h2>Filter</h2>
  <form method="get" action="/dashboard/history" class="form-row filters">
    <div class="field field-search"><label for="filter-search">Search prompts or task id</label><input id="filter-search" name="q" type="search" maxlength="${MAX_SEARCH_LENGTH}" value="${query.q ?? ''}"></div>
    <div class="field"><label for="filter-type">Type</label><select id="filter-type" name="type">${option('', 'All types', query.type ?? '')}${TASK_TYPES.map((type) => option(type, humanTaskType(type), query.type))}</select></div>
    <div class="field"><label for="filter-status">Status</label><select id="filter-status" name="status">${option('', 'All statuses', query.status ?? '')}${TASK_STATUSES.map((status) => option(status, status, query.status))}</select></div>
    <div class="field"><label for="filter-wallet">Paid from</label><select id="filter-wallet" name="wallet">${option('', 'API and Studio', query.wallet ?? '')}${option('api', 'API', query.wallet)}${option('studio', 'Studio', query.wallet)}</select></div>
    <div class="field"><label for="filter-from">From (UTC day)</label><input id="filter-from" name="from" type="date" value="${query.from ?? ''}"></div>
    <div class="field"><label for="filter-to">To (UTC day)</label><input id="filter-to" name="to" type="date" value="${query.to ?? ''}"></div>
    <button type="submit" class="button">Apply</button>
    <a class="button button-quiet" href="/dashboard/history">Clear</a>
  </form>
</section>
<section class="panel">
  <h2>Credit usage</h2>
  <p class="muted">${formatCredits(usedCredits)} credits charged from ${formatDate(chartFromMs)} to ${formatDate(chartToMs - DAY_MS)} (UTC), by the day each task finished.</p>
  ${usageChart(usage, chartFromMs, chartToMs)}
</section>
<section class="panel">
  <div class="panel-heading"><h2>Tasks</h2><a class="button button-quiet" href="/dashboard/history.csv${keep({ page: undefined })}" download>Export CSV</a></div>
  <p class="muted" data-testid="task-count">${total} task${total === 1 ? '' : 's'}${total > 0 ? `, page ${page} of ${pageCount}` : ''}</p>
  ${rows.length === 0 ? html`<p class="empty">No tasks match. Tasks created with your API keys and in Studio appear here.</p>` : taskTable(rows, account.clientId, 'Tasks', previews)}
  <nav class="pagination" aria-label="Pages">
    ${page > 1 ? html`<a class="button button-quiet" href="/dashboard/history${keep({ page: String(page - 1) })}" rel="prev">Newer</a>` : ''}
    ${page < pageCount ? html`<a class="button button-quiet" href="/dashboard/history${keep({ page: String(page + 1) })}" rel="next">Older</a>` : ''}
  </nav>
</section>`;
    return sendPage(context, request, reply, { title: 'History', section: 'history', body });
  });

  web.get<{ Querystring: HistoryQuery }>('/dashboard/history.csv', async (request, reply) => {
    const account = request.visitor!.account;
    const filter = parseHistoryFilter(request.query);
    const lines = [
      csvLine([
        'task_id',
        'type',
        'status',
        'paid_from',
        'client_id',
        'credits_charged',
        'price_credits',
        'created_at',
        'finished_at',
        'test_mode',
        'error_code',
        'prompt',
      ]),
    ];
    for await (const row of historyRowsForExport(context.db, account.id, filter)) {
      lines.push(
        csvLine([
          row.id,
          row.type,
          row.status,
          row.wallet,
          row.wallet === 'api' ? account.clientId : '',
          row.consumedCredits,
          row.costCredits,
          new Date(row.createdAt).toISOString(),
          row.finishedAt === null ? '' : new Date(row.finishedAt).toISOString(),
          row.isTest,
          row.errorCode,
          row.prompt,
        ]),
      );
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="polyforge-tasks-${formatDate(context.clock.nowMs())}.csv"`)
      .send(`${lines.join('\r\n')}\r\n`);
  });
}
