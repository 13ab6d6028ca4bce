// The table of tasks used by the overview and the history page: a thumbnail of each model (its rendered_image),
// the prompt, status, credits and where it was paid from.
import { html, type Html } from '../html.ts';
import { formatCredits, formatTime, humanTaskType } from '../format.ts';
import type { HistoryRow } from '../task-history.ts';

const PROMPT_PREVIEW_CHARACTERS = 90;

export function statusBadge(status: string): Html {
  return html`<span class="badge badge-${status}">${status}</span>`;
}

export function walletBadge(wallet: string): Html {
  return wallet === 'studio'
    ? html`<span class="badge badge-studio">Studio</span>`
    : html`<span class="badge badge-api">API</span>`;
}

/** Credits column: what was charged, or what is held while the task runs. */
export function creditsCell(row: Pick<HistoryRow, 'status' | 'costCredits' | 'consumedCredits'>): Html {
  if (row.status === 'success')
    return row.consumedCredits === 0
      ? html`0 <span class="muted">(free)</span>`
      : html`${formatCredits(row.consumedCredits)}`;
  if (row.status === 'queued' || row.status === 'running')
    return html`${formatCredits(row.costCredits)} <span class="muted">held</span>`;
  return html`0 <span class="muted">(${row.costCredits > 0 ? 'refunded' : 'free'})</span>`;
}

/** A decorative thumbnail (the row names the task in text), or an empty frame of the same size. */
export function thumbnail(previewTaskId: string | undefined, sizePixels = 48): Html {
  return previewTaskId
    ? html`<img class="thumbnail" src="/dashboard/tasks/${previewTaskId}/thumbnail" alt="" width="${sizePixels}" height="${sizePixels}" loading="lazy" decoding="async">`
    : html`<span class="thumbnail thumbnail-empty" aria-hidden="true"></span>`;
}

export function shortPrompt(prompt: string | null): Html | string {
  if (!prompt) return html`<span class="muted">—</span>`;
  return prompt.length <= PROMPT_PREVIEW_CHARACTERS
    ? prompt
    : html`<span title="${prompt}">${prompt.slice(0, PROMPT_PREVIEW_CHARACTERS - 1)}…</span>`;
}

export function taskTable(
  rows: HistoryRow[],
  clientId: string,
  caption: string,
  previews: Map<string, string> = new Map(),
): Html {
  return html`<div class="table-wrap" role="region" aria-label="${caption}" tabindex="0">
<table class="task-table">
  <caption class="visually-hidden">${caption}</caption>
  <thead><tr><th scope="col">Task</th><th scope="col">Type</th><th scope="col">Prompt</th><th scope="col">Status</th><th scope="col">Credits</th><th scope="col">Created</th><th scope="col">Source</th></tr></thead>
  <tbody>
  ${rows.map(
    (row) => html`<tr>
    <td class="task-cell"><a href="/dashboard/tasks/${row.id}">${thumbnail(previews.get(row.id))}<code>${row.id.slice(0, 8)}</code></a>${row.isTest ? html` <span class="badge">test</span>` : ''}</td>
    <td>${humanTaskType(row.type)}</td>
    <td class="prompt-cell">${shortPrompt(row.prompt)}</td>
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
