// The table of tasks used by the overview and the history page.
import { html, type Html } from '../html.ts';
import { formatCredits, formatTime, humanTaskType } from '../format.ts';
import type { HistoryRow } from '../task-history.ts';

export function statusBadge(status: string): Html {
  return html`<span class="badge badge-${status}">${status}</span>`;
}

export function walletBadge(wallet: string): Html {
  return wallet === 'studio' ? html`<span class="badge badge-studio">Studio</span>` : html`<span class="badge badge-api">API</span>`;
}

/** Credits column: what was charged, or what is held while the task runs. */
export function creditsCell(row: Pick<HistoryRow, 'status' | 'costCredits' | 'consumedCredits'>): Html {
  if (row.status === 'success') return row.consumedCredits === 0 ? html`0 <span class="muted">(free)</span>` : html`${formatCredits(row.consumedCredits)}`;
  if (row.status === 'queued' || row.status === 'running') return html`${formatCredits(row.costCredits)} <span class="muted">held</span>`;
  return html`0 <span class="muted">(${row.costCredits > 0 ? 'refunded' : 'free'})</span>`;
}

export function taskTable(rows: HistoryRow[], clientId: string, caption: string): Html {
  return html`<div class="table-wrap" role="region" aria-label="${caption}" tabindex="0">
<table>
  <caption class="visually-hidden">${caption}</caption>
  <thead><tr><th scope="col">Task</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Credits</th><th scope="col">Created</th><th scope="col">Source</th></tr></thead>
  <tbody>
  ${rows.map(
    (row) => html`<tr>
    <td><a href="/dashboard/tasks/${row.id}"><code>${row.id.slice(0, 8)}</code></a>${row.isTest ? html` <span class="badge">test</span>` : ''}</td>
    <td>${humanTaskType(row.type)}</td>
    <td>${statusBadge(row.status)}</td>
    <td>${creditsCell(row)}</td>
    <td>${formatTime(row.createdAt)}</td>
    <td>${walletBadge(row.wallet)} ${row.wallet === 'api' ? html`<code class="muted" title="client id">${clientId}</code>` : ''}</td>
  </tr>`,
  )}
  </tbody>
</table>
</div>`;
}
