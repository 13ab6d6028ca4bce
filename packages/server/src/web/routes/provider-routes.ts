// The hosted 3D providers on the dashboard: /dashboard/models (any account) lists the deployment's own model names
// and their prices; /dashboard/admin/provider-costs (admins) shows each provider's state and its cost against the
// credits its tasks earned, per day (billing/provider-cost-report.ts).
import type { FastifyInstance } from 'fastify';
import { providerCostReport } from '../../billing/provider-cost-report.ts';
import { html } from '../html.ts';
import { sendPage } from '../respond.ts';
import type { WebContext } from '../web-context.ts';

const DAY_MS = 86_400_000;
const MODEL_TASK_TYPES = ['text_to_model', 'image_to_model', 'multiview_to_model'] as const;

export function registerProviderRoutes(web: FastifyInstance, context: WebContext): void {
  web.get('/dashboard/models', async (request, reply) => {
    const models = context.engines.deploymentModels;
    const rows = models.names().flatMap((name) =>
      MODEL_TASK_TYPES.flatMap((taskType) => {
        const price = models.priceOf(name, taskType);
        return price ? [{ name, taskType, price }] : [];
      }),
    );
    const body = html`<section class="panel">
  <h2>Model versions of this deployment</h2>
  <p class="muted">Besides the Tripo model versions, this deployment serves these names: pass one as <code>model_version</code> (V2) or
  <code>model</code> (V3). Prices are in credits per task; options applied after the model (quad, smart_low_poly) add the usual surcharges.</p>
  ${
    rows.length === 0
      ? html`<p class="empty">None: this deployment serves the Tripo model versions only.</p>`
      : html`<div class="table-wrap" role="region" aria-label="Model versions" tabindex="0"><table>
  <caption class="visually-hidden">Model versions and prices</caption>
  <thead><tr><th scope="col">model_version</th><th scope="col">Task type</th><th scope="col">Textured</th><th scope="col">No texture</th></tr></thead>
  <tbody>${rows.map((row) => html`<tr><td><code>${row.name}</code></td><td>${row.taskType}</td><td data-testid="price-${row.name}-${row.taskType}">${row.price.textured}</td><td>${row.price.untextured}</td></tr>`)}</tbody>
</table></div>`
  }
</section>`;
    return sendPage(context, request, reply, { title: 'Model versions', section: 'overview', body });
  });

  web.get<{ Querystring: { days?: string } }>(
    '/dashboard/admin/provider-costs',
    { config: { admin: true } },
    async (request, reply) => {
      const days = Math.min(366, Math.max(1, Number(request.query.days ?? 30) || 30));
      const toMs = (Math.floor(Date.now() / DAY_MS) + 1) * DAY_MS;
      const rows = await providerCostReport(context.db, { fromMs: toMs - days * DAY_MS, toMs });
      const health = context.engines.providerHealth();
      const body = html`<p><a href="/dashboard/admin">← Accounts</a> · <a href="/dashboard/models">Model versions and prices</a></p>
<section class="panel">
  <h2>Providers now</h2>
  ${
    health.length === 0
      ? html`<p class="empty">No 3D provider is configured (set POLYFORGE_MESHY_API_KEY, ..._RODIN_..., ..._STABILITY_..., ..._FAL_... or ..._REPLICATE_...).</p>`
      : html`<div class="table-wrap" role="region" aria-label="Providers" tabindex="0"><table>
  <caption class="visually-hidden">Provider state in this process</caption>
  <thead><tr><th scope="col">Provider</th><th scope="col">State</th><th scope="col">In flight</th><th scope="col">Waiting</th><th scope="col">Limits</th><th scope="col">Last failure</th></tr></thead>
  <tbody>${health.map(
    (entry) =>
      html`<tr><td>${entry.provider}</td><td data-testid="provider-state-${entry.provider}">${entry.status === 'ok' ? 'ok' : `degraded (breaker ${entry.breaker.state.replace('_', '-')})`}</td><td>${entry.in_flight}</td><td>${entry.waiting}</td><td>${entry.max_concurrent} at once, ${entry.tasks_per_minute}/min</td><td>${entry.breaker.lastFailure ?? ''}</td></tr>`,
  )}</tbody></table></div>`
  }
</section>
<section class="panel">
  <h2>Cost against credits earned, last ${days} days</h2>
  <p class="muted">Per UTC day. Cost is what providers reported or the price file's provider_costs estimate; credits are those captured on the tasks each provider served ($1 = 100 credits).</p>
  ${
    rows.length === 0
      ? html`<p class="empty">No provider calls in this period.</p>`
      : html`<div class="table-wrap" role="region" aria-label="Provider costs" tabindex="0"><table>
  <caption class="visually-hidden">Provider cost per day</caption>
  <thead><tr><th scope="col">Day</th><th scope="col">Provider</th><th scope="col">Served</th><th scope="col">Failed</th><th scope="col">Skipped</th><th scope="col">Cost</th><th scope="col">Unpriced calls</th><th scope="col">Credits earned</th><th scope="col">Margin</th></tr></thead>
  <tbody>${rows.map(
    (row) =>
      html`<tr><td>${row.day}</td><td>${row.provider}</td><td>${row.tasks_served}</td><td>${row.failed_calls}</td><td>${row.skipped_calls}</td><td data-testid="cost-${row.day}-${row.provider}">$${row.provider_cost_usd.toFixed(2)}</td><td>${row.calls_without_cost}</td><td>${row.credits_earned} ($${row.credits_earned_usd.toFixed(2)})</td><td>$${row.margin_usd.toFixed(2)}</td></tr>`,
  )}</tbody></table></div>`
  }
</section>`;
      return sendPage(context, request, reply, { title: 'Admin: provider costs', section: 'admin', body });
    },
  );
}
