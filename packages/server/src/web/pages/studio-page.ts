// Studio: make a model from a prompt, an image or a file, see it in 3D, then convert, simplify, rig and animate
// it; paid from the Studio wallet. The page is server-rendered; studio.js drives uploads, quotes and progress.
import { RIG_V2_PRESETS, SOURCE_TASK_RULES, type TaskType } from '@polyforge/protocol';
import { formatCredits, formatTime, humanTaskType } from '../format.ts';
import { html, jsonForScript, type Html } from '../html.ts';
import { statusBadge } from './task-table.ts';
import type { HistoryRow } from '../task-history.ts';

/** What Studio offers to start a model, and what it offers to do with one. */
export const STUDIO_START_TYPES = ['text_to_model', 'image_to_model', 'import_model'] as const;
export const STUDIO_ACTION_TYPES = ['convert_model', 'highpoly_to_lowpoly', 'animate_prerigcheck', 'animate_rig', 'animate_retarget'] as const;
/** Formats the convert action offers (validated again by the API's schema). */
const CONVERT_CHOICES = ['GLB', 'GLTF', 'OBJ', 'STL', 'FBX', 'USDZ', '3MF'] as const;
const ANIMATION_CHOICES = RIG_V2_PRESETS.filter((preset) => preset.split(':').length === 2);

export interface StudioView {
  served: string[];
  balance: { balance: number; frozen: number };
  recent: HistoryRow[];
  /** the model the page opens with (?task=...), when it is a Studio or API task of this account */
  currentTaskId?: string;
}

const START_LABELS: Record<(typeof STUDIO_START_TYPES)[number], string> = {
  text_to_model: 'A text prompt',
  image_to_model: 'An image',
  import_model: 'A model file (GLB, glTF, OBJ, STL)',
};

export function studioPageBody(view: StudioView): Html {
  const served = new Set(view.served);
  const unavailable = html`<span class="unavailable">not available on this deployment</span>`;
  const actionRules = Object.fromEntries(STUDIO_ACTION_TYPES.map((type) => [type, SOURCE_TASK_RULES[type as TaskType]?.allowedTypes ?? []]));
  return html`<script type="application/json" id="studio-config">${jsonForScript({ served: view.served, currentTaskId: view.currentTaskId ?? null, actionRules })}</script>
<div class="studio-bar">
  <p>Studio credits: <strong data-testid="studio-balance">${formatCredits(view.balance.balance)}</strong>${view.balance.frozen > 0 ? html` <span class="muted">(${formatCredits(view.balance.frozen)} frozen)</span>` : ''}</p>
  <a class="button button-quiet" href="/studio/credits">Buy Studio credits</a>
</div>
<p class="note">Studio has its own wallet and prices, separate from your API credits.</p>
<div class="studio-grid">
<section class="panel" aria-labelledby="create-heading">
  <h2 id="create-heading">Create a model</h2>
  <form id="studio-create" class="stack" novalidate>
    <fieldset>
      <legend>Start from</legend>
      ${STUDIO_START_TYPES.map(
        (type, index) => html`<div class="field-checkbox">
        <input type="radio" name="start" id="start-${type}" value="${type}"${served.has(type) ? '' : html` disabled`}${index === firstServed(served) ? html` checked` : ''}>
        <label for="start-${type}">${START_LABELS[type]}${served.has(type) ? '' : html` — ${unavailable}`}</label></div>`,
      )}
    </fieldset>
    <div class="field" data-start="text_to_model"><label for="studio-prompt">Prompt</label><textarea id="studio-prompt" name="prompt" rows="3" maxlength="1024" placeholder="a small ceramic teapot"></textarea></div>
    <div class="field" data-start="image_to_model" hidden><label for="studio-image">Image (JPEG, PNG or WebP)</label><input id="studio-image" name="image" type="file" accept="image/png,image/jpeg,image/webp"></div>
    <div class="field" data-start="import_model" hidden><label for="studio-model-file">Model file</label><input id="studio-model-file" name="model_file" type="file" accept=".glb,.gltf,.obj,.stl,model/gltf-binary"></div>
    <p class="price" aria-live="polite" data-role="create-price"></p>
    <button type="submit" class="button" data-role="create-button"${firstServed(served) === -1 ? html` disabled` : ''}>Create</button>
    <p class="error-text" role="alert" data-role="create-error" hidden></p>
  </form>
</section>
<section class="panel" aria-labelledby="current-heading">
  <h2 id="current-heading">Current model</h2>
  <div data-role="current-empty"><p class="empty">Create a model, or open one of your recent models below.</p></div>
  <div data-role="current" hidden>
    <p><span data-role="current-title"></span> · <span data-role="current-status" aria-live="polite"></span>
      <a data-role="current-link" href="#">Task details</a></p>
    <progress max="100" value="0" data-role="current-progress" aria-label="Progress of the current task"></progress>
    <p class="error-text" role="alert" data-role="current-error" hidden></p>
    <div class="viewer" data-role="viewer" tabindex="0" role="img" data-testid="model-viewer" aria-label="Interactive 3D view of the model. Drag or use arrow keys to turn it, scroll or +/- to zoom." hidden>
      <p class="viewer-status" aria-live="polite"></p>
    </div>
    <div class="viewer-tools"><button type="button" class="button button-quiet" data-viewer-action="reset">Reset view</button>
    <button type="button" class="button button-quiet" data-viewer-action="rotate" aria-pressed="false">Auto-rotate</button></div>
    <ul class="downloads" data-role="downloads"></ul>
  </div>
</section>
</div>
<section class="panel" aria-labelledby="actions-heading">
  <h2 id="actions-heading">Next steps for this model</h2>
  <p class="muted" data-role="actions-hint">Open a finished model to convert, simplify, rig or animate it.</p>
  <div class="actions-grid">
    ${action('convert_model', 'Convert', served, unavailable, html`<div class="field"><label for="convert-format">Format</label><select id="convert-format" name="format">${CONVERT_CHOICES.map((format) => html`<option value="${format}">${format}</option>`)}</select></div>`)}
    ${action('highpoly_to_lowpoly', 'Make low-poly', served, unavailable, html`<div class="field"><label for="lowpoly-faces">Face limit</label><input id="lowpoly-faces" name="face_limit" type="number" min="100" max="500000" step="100" value="5000"></div>`)}
    ${action('animate_prerigcheck', 'Check if riggable', served, unavailable, html``)}
    ${action('animate_rig', 'Rig', served, unavailable, html``)}
    ${action('animate_retarget', 'Animate', served, unavailable, html`<div class="field"><label for="animation">Animation</label><select id="animation" name="animation">${ANIMATION_CHOICES.map((preset) => html`<option value="${preset}">${preset.replace('preset:', '')}</option>`)}</select></div>`)}
  </div>
</section>
<section class="panel" aria-labelledby="recent-heading">
  <h2 id="recent-heading">Your Studio models</h2>
  ${
    view.recent.length === 0
      ? html`<p class="empty">Nothing made in Studio yet.</p>`
      : html`<ul class="recent-list">${view.recent.map(
          (row) => html`<li><a href="/studio?task=${row.id}">${humanTaskType(row.type)}</a> ${statusBadge(row.status)} <span class="muted">${formatTime(row.createdAt)} · ${formatCredits(row.consumedCredits)} credits</span></li>`,
        )}</ul>`
  }
</section>`;
}

function firstServed(served: Set<string>): number {
  return STUDIO_START_TYPES.findIndex((type) => served.has(type));
}

function action(type: (typeof STUDIO_ACTION_TYPES)[number], label: string, served: Set<string>, unavailable: Html, fields: Html): Html {
  const isServed = served.has(type);
  return html`<form class="action-card" data-action="${type}" novalidate>
  <h3>${label}</h3>
  ${isServed ? fields : ''}
  <p class="price" aria-live="polite" data-role="action-price">${isServed ? '' : unavailable}</p>
  <button type="submit" class="button" disabled>${label}</button>
</form>`;
}
