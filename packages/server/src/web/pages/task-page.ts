// One task: summary, live progress, the 3D viewer of its model, preview, downloads, and its input.
import { isFinalStatus } from '@polyforge/protocol';
import type { TaskRecord } from '../../tasks/task-record.ts';
import { formatCredits, formatTime, humanTaskType } from '../format.ts';
import { html, type Html } from '../html.ts';
import { hiddenCsrf } from '../layout.ts';
import { statusBadge, walletBadge } from './task-table.ts';
import { viewerPanel } from './viewer-panel.ts';
import { viewableModelOf } from '../studio-models.ts';

export function taskPageBody(task: TaskRecord, wallet: string, csrfToken: string): Html {
  const final = isFinalStatus(task.status);
  const model = viewableModelOf(task);
  const outputs = Object.entries(task.outputFiles);
  const preview = task.outputFiles.rendered_image;
  return html`<section class="panel" data-task-id="${task.id}" data-task-final="${final ? 'true' : 'false'}" id="task-summary">
  <dl class="facts">
    <div><dt>Type</dt><dd>${humanTaskType(task.type)}${task.isTest ? html` <span class="badge">test mode</span>` : ''}</dd></div>
    <div><dt>Status</dt><dd><span data-live="status" aria-live="polite">${statusBadge(task.status)}</span></dd></div>
    <div><dt>Progress</dt><dd><progress max="100" value="${task.status === 'success' ? 100 : task.progress}" data-live="progress" aria-label="Progress">${task.progress}%</progress> <span data-live="progress-text">${task.status === 'success' ? 100 : task.progress}%</span></dd></div>
    <div><dt>Paid from</dt><dd>${walletBadge(wallet)}</dd></div>
    <div><dt>Price</dt><dd>${formatCredits(task.costCredits)} credits</dd></div>
    <div><dt>Charged</dt><dd data-testid="charged-credits">${formatCredits(task.consumedCredits)} credits${final && task.status !== 'success' && task.costCredits > 0 ? ' (refunded)' : ''}</dd></div>
    <div><dt>Created</dt><dd>${formatTime(task.createdAt)}</dd></div>
    <div><dt>Finished</dt><dd>${formatTime(task.finishedAt)}</dd></div>
    <div><dt>Task id</dt><dd><code>${task.id}</code></dd></div>
  </dl>
  ${task.errorCode !== null || task.errorMessage ? html`<p class="error-text" role="alert">Error ${task.errorCode ?? ''}: ${task.errorMessage ?? ''}</p>` : ''}
  ${
    !final
      ? html`<form method="post" action="/dashboard/tasks/${task.id}/cancel" class="inline-form">${hiddenCsrf(csrfToken)}<button type="submit" class="button button-danger">Cancel task</button></form>`
      : ''
  }
</section>
${
  model
    ? html`<section class="panel"><div class="panel-heading"><h2>Model</h2><a class="button button-quiet" href="/studio/models/${task.id}">Open in Studio</a></div>
${viewerPanel({ idPrefix: 'task-viewer', modelUrl: `/dashboard/tasks/${task.id}/download/${model.outputKey}`, format: model.extension, posterUrl: preview ? `/dashboard/tasks/${task.id}/thumbnail` : undefined })}</section>`
    : task.status === 'success' && preview
      ? html`<section class="panel"><h2>Preview</h2><p class="muted">This format has no 3D view here; this is a still render.</p><img class="preview" src="/dashboard/tasks/${task.id}/thumbnail" alt="Rendered preview of the model" width="128" height="128"></section>`
      : ''
}
<section class="panel">
  <h2>Outputs</h2>
  ${
    outputs.length === 0
      ? html`<p class="empty">${final ? 'This task has no output files.' : 'Outputs appear here when the task has finished.'}</p>`
      : html`<ul class="downloads">${outputs.map(
          ([outputKey, file]) =>
            html`<li><a class="button button-quiet" href="/dashboard/tasks/${task.id}/download/${outputKey}" download="${file.fileName}">Download ${outputKey.replaceAll('_', ' ')}</a> <span class="muted">${file.fileName}, ${(file.sizeBytes / 1024).toFixed(1)} KiB</span></li>`,
        )}</ul>
  <p class="muted">Each download gets a fresh signed link, valid for a short time.</p>`
  }
</section>
<section class="panel">
  <h2>Input</h2>
  <pre class="code-block" tabindex="0" aria-label="Task input as JSON"><code>${JSON.stringify(task.input, null, 2)}</code></pre>
</section>`;
}
