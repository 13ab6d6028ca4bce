// A model in Studio: live progress with the preview still as soon as there is one, the 3D viewer, downloads,
// every next step as a one-click form with the defaults for this model, and where it came from and what was made
// from it. studio-model.js follows progress, loads the viewer lazily and re-prices a step when its options change.
import { isFinalStatus } from '@polyforge/protocol';
import type { TaskRecord } from '../../tasks/task-record.ts';
import { countOf, formatCredits, formatTime, humanTaskType } from '../format.ts';
import { html, type Html } from '../html.ts';
import { hiddenCsrf } from '../layout.ts';
import {
  ACTION_LABELS,
  LOW_POLY_FACE_LIMIT,
  TEXTURE_PROMPT_MAX_LENGTH,
  type StudioActionPlan,
} from '../studio-actions.ts';
import { modelTitle, viewableModelOf } from '../studio-models.ts';
import { statusBadge, thumbnail } from './task-table.ts';
import { viewerPanel } from './viewer-panel.ts';

export interface PricedPlan extends StudioActionPlan {
  quote?: { credits: number; available: boolean };
  /** the error of the last try of this step (only on the page that answers that try) */
  error?: string;
}

export interface StudioModelView {
  task: TaskRecord;
  ancestors: TaskRecord[];
  derived: TaskRecord[];
  plans: PricedPlan[];
  balance: number;
  csrfToken: string;
  /** the task whose rendered_image stands for this one, if any */
  previewTaskId?: string;
}

export function studioModelTitle(task: TaskRecord): string {
  return modelTitle(task.type, task.input);
}

export function studioModelBody(view: StudioModelView): Html {
  const { task } = view;
  const active = !isFinalStatus(task.status);
  const ownModel = viewableModelOf(task);
  const shown = ownModel
    ? { task, model: ownModel }
    : view.ancestors
        .map((ancestor) => ({ task: ancestor, model: viewableModelOf(ancestor) }))
        .find((entry) => entry.model && entry.task.status === 'success');
  const source = view.ancestors[0];
  const previewUrl = view.previewTaskId ? `/dashboard/tasks/${view.previewTaskId}/thumbnail` : undefined;
  const downloads = Object.entries(task.outputFiles).filter(([key]) => key !== 'rendered_image');
  const facts = Object.entries(task.result).filter(([, value]) => value !== null && typeof value !== 'object');

  const stage = active
    ? html`<div class="generation" data-testid="generation">
  ${previewUrl ? html`<img class="generation-preview" src="${previewUrl}" alt="Preview of the source model" width="128" height="128">` : html`<span class="generation-placeholder" aria-hidden="true">◆</span>`}
  <p><span data-live="status" aria-live="polite">${statusBadge(task.status)}</span></p>
  <progress max="100" value="${task.progress}" data-live="progress" aria-label="Progress of this model">${task.progress}%</progress>
  <p class="muted"><span data-live="progress-text">${task.progress}%</span> · the page updates by itself; you can leave it and come back.</p>
</div>`
    : shown?.model
      ? html`${shown.task.id !== task.id ? html`<p class="note">This step's result (${humanTaskType(task.type)}) has no 3D view here; showing the model it was made from.</p>` : ''}
${viewerPanel({ idPrefix: 'studio-viewer', modelUrl: `/dashboard/tasks/${shown.task.id}/download/${shown.model.outputKey}`, format: shown.model.extension, posterUrl: previewUrl })}`
      : previewUrl
        ? html`<img class="preview" src="${previewUrl}" alt="Rendered preview of the model" width="128" height="128">`
        : html`<p class="empty">No 3D view for this result.</p>`;

  return html`<div class="model-header" id="model-summary" data-task-id="${task.id}" data-task-final="${active ? 'false' : 'true'}">
  <p class="breadcrumbs"><a href="/studio">Studio</a>${source ? html` · made from <a href="/studio/models/${source.id}">${modelTitle(source.type, source.input)}</a>` : ''}</p>
  <p class="model-facts">${statusBadge(task.status)} <span>${humanTaskType(task.type)}</span> · <span>${formatTime(task.createdAt)}</span> ·
    <span>${task.status === 'success' ? `${formatCredits(task.consumedCredits)} credits` : active ? `${formatCredits(task.costCredits)} credits held` : 'nothing charged'}</span>
    · <a href="/dashboard/tasks/${task.id}">Task details</a></p>
  ${task.errorMessage ? html`<p class="error-text" role="alert">Error ${task.errorCode ?? ''}: ${task.errorMessage}</p>` : ''}
</div>
<div class="model-grid">
<section class="panel model-stage" aria-label="Model">
  ${stage}
  ${
    downloads.length > 0
      ? html`<h2 class="downloads-heading">Download</h2><ul class="downloads downloads-inline">${downloads.map(
          ([
            key,
            file,
          ]) => html`<li><a class="button${key === downloads[0][0] ? '' : ' button-quiet'}" href="/dashboard/tasks/${task.id}/download/${key}" download="${file.fileName}">
          ${file.fileName.split('.').pop()!.toUpperCase()} <span class="button-note">${key.replaceAll('_', ' ')}, ${(file.sizeBytes / 1024).toFixed(0)} KiB</span></a></li>`,
        )}</ul>`
      : ''
  }
  ${facts.length > 0 ? html`<dl class="facts facts-compact">${facts.map(([key, value]) => html`<div><dt>${key.replaceAll('_', ' ')}</dt><dd>${String(value)}</dd></div>`)}</dl>` : ''}
</section>
<section class="panel" aria-labelledby="next-steps-heading">
  <h2 id="next-steps-heading">Next steps</h2>
  <p class="muted">Studio credits: <strong data-testid="studio-balance">${formatCredits(view.balance)}</strong> · <a href="/studio/credits">Top up</a></p>
  <div class="actions-list">${view.plans.map((plan) => actionCard(plan, task, view))}</div>
</section>
</div>
${
  view.derived.length > 0
    ? html`<section class="panel" aria-labelledby="derived-heading"><h2 id="derived-heading">Made from this model</h2>
  <ul class="gallery gallery-small">${view.derived.map(
    (
      child,
    ) => html`<li class="gallery-card"><a href="/studio/models/${child.id}">${thumbnail(child.outputFiles.rendered_image ? child.id : view.previewTaskId, 96)}
    <span class="gallery-title">${modelTitle(child.type, child.input)}</span></a> ${statusBadge(child.status)}</li>`,
  )}</ul></section>`
    : ''
}`;
}

function actionCard(plan: PricedPlan, task: TaskRecord, view: StudioModelView): Html {
  const label = ACTION_LABELS[plan.type];
  const id = (name: string) => `action-${plan.type}-${name}`;
  const target = plan.target;
  if (!target) {
    return html`<div class="action-card action-card-off" data-action="${plan.type}"><h3>${label}</h3><p class="muted">${plan.unavailableReason ?? ''}</p></div>`;
  }
  const quote = plan.quote;
  const short = quote !== undefined && quote.available && quote.credits > view.balance;
  const priceText = !quote
    ? ''
    : !quote.available
      ? 'Not available on this deployment.'
      : quote.credits === 0
        ? 'Free.'
        : `${countOf(quote.credits, 'Studio credit')}.`;
  const select = (
    name: string,
    fieldLabel: string,
    format: (value: string) => string = (value) => value,
  ) => html`<div class="field"><label for="${id(name)}">${fieldLabel}</label>
    <select id="${id(name)}" name="${name}">${(plan.choices[name] ?? []).map((value) => html`<option value="${value}"${value === plan.defaults[name] ? html` selected` : ''}>${format(value)}</option>`)}</select></div>`;
  const fields =
    plan.type === 'convert_model'
      ? select('format', 'Format')
      : plan.type === 'highpoly_to_lowpoly'
        ? html`<div class="field"><label for="${id('faces')}">Face limit</label>
    <input id="${id('faces')}" name="face_limit" type="number" inputmode="numeric" min="${LOW_POLY_FACE_LIMIT.min}" max="${LOW_POLY_FACE_LIMIT.max}" step="${LOW_POLY_FACE_LIMIT.step}" value="${plan.defaults.face_limit}" required data-auto-face-limit aria-describedby="${id('faces-help')}">
    <p id="${id('faces-help')}" class="help">${formatCredits(LOW_POLY_FACE_LIMIT.min)} to ${formatCredits(LOW_POLY_FACE_LIMIT.max)} faces.</p></div>`
        : plan.type === 'texture_model'
          ? html`<div class="field"><label for="${id('prompt')}">Describe the look (optional)</label><input id="${id('prompt')}" name="prompt" maxlength="${TEXTURE_PROMPT_MAX_LENGTH}" placeholder="weathered bronze"></div>`
          : plan.type === 'animate_rig'
            ? select('rig_type', 'Rig type')
            : plan.type === 'animate_retarget'
              ? select('animation', 'Animation', (value) =>
                  value
                    .replace(/^preset:/, '')
                    .replace(':', ' ')
                    .replaceAll('_', ' '),
                )
              : '';
  return html`<form class="action-card" data-action="${plan.type}" method="post" action="/studio/models/${target.id}/next">
  ${hiddenCsrf(view.csrfToken)}<input type="hidden" name="type" value="${plan.type}"><input type="hidden" name="from" value="${task.id}">
  <h3>${label}</h3>
  ${target.id !== task.id ? html`<p class="help">Applies to <a href="/studio/models/${target.id}">${modelTitle(target.type, target.input)}</a>, the model this one was made from.</p>` : ''}
  ${fields}
  <p class="price" aria-live="polite" data-role="action-price">${priceText}${short ? html` You have ${formatCredits(view.balance)}: <a href="/studio/credits">top up Studio credits</a>.` : ''}</p>
  <p class="error-text" role="alert" data-role="action-error"${plan.error ? '' : html` hidden`}>${plan.error ?? ''}</p>
  <button type="submit" class="button"${quote && quote.available && !short ? '' : html` disabled`}>${label}</button>
</form>`;
}
