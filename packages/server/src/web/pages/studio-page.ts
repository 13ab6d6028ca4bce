// Studio's home: make a model from a prompt, an image or a model file (typed, chosen or dropped), and the gallery
// of my models with thumbnails and live progress. studio.js drives uploads, prices and creation; each model opens
// on its own page (studio-model-page.ts).
import { countOf, formatCredits, formatTime } from '../format.ts';
import { html, jsonForScript, type Html } from '../html.ts';
import type { HistoryRow } from '../task-history.ts';
import { modelTitle } from '../studio-models.ts';
import { statusBadge, thumbnail } from './task-table.ts';

/** What Studio offers to start a model from. */
export const STUDIO_START_TYPES = ['text_to_model', 'image_to_model', 'import_model'] as const;

export interface StudioView {
  served: string[];
  balance: { balance: number; frozen: number };
  /** the trial line (pages/trial-note.ts) */
  trial: Html | string;
  gallery: HistoryRow[];
  previews: Map<string, string>;
  page: number;
  pageCount: number;
  total: number;
  search: string;
  maxUploadBytes: number;
}

const START_LABELS: Record<(typeof STUDIO_START_TYPES)[number], string> = {
  text_to_model: 'Text prompt',
  image_to_model: 'Image',
  import_model: 'Model file',
};

export function studioPageBody(view: StudioView): Html {
  const served = new Set(view.served);
  const firstServed = STUDIO_START_TYPES.findIndex((type) => served.has(type));
  const pageLink = (page: number) =>
    `/studio?${new URLSearchParams({ ...(view.search ? { q: view.search } : {}), page: String(page) })}#gallery-heading`;
  return html`<script type="application/json" id="studio-config">${jsonForScript({ served: view.served, balance: view.balance.balance, maxUploadBytes: view.maxUploadBytes })}</script>
<div class="studio-bar">
  <div><p class="studio-credits">Studio credits: <strong data-testid="studio-balance">${formatCredits(view.balance.balance)}</strong>${
    view.balance.frozen > 0
      ? html` <span class="muted">(${formatCredits(view.balance.frozen)} held by models in progress)</span>`
      : ''
  }</p>${view.trial}</div>
  <a class="button button-quiet" href="/studio/credits">Top up Studio credits</a>
</div>
<section class="panel create-panel" aria-labelledby="create-heading">
  <h2 id="create-heading">Create a model</h2>
  <form id="studio-create" class="create-form" novalidate>
    <fieldset class="segmented">
      <legend>Start from</legend>
      ${STUDIO_START_TYPES.map(
        (type, index) => html`<span class="segment">
        <input type="radio" name="start" id="start-${type}" value="${type}"${served.has(type) ? '' : html` disabled`}${index === firstServed ? html` checked` : ''}>
        <label for="start-${type}">${START_LABELS[type]}${served.has(type) ? '' : html` <span class="unavailable">(not on this deployment)</span>`}</label></span>`,
      )}
    </fieldset>
    <div class="field" data-start="text_to_model"><label for="studio-prompt">Describe the model</label>
      <textarea id="studio-prompt" name="prompt" rows="2" maxlength="1024" placeholder="a small ceramic teapot with a bamboo handle"></textarea></div>
    <div class="drop-zone" data-role="drop-zone" data-start="image_to_model import_model" hidden>
      <label for="studio-file" class="drop-label"><span class="drop-title">Drop an image or a model file here</span>
      <span class="muted">or choose one: JPEG, PNG, WebP images; GLB, glTF, OBJ, STL, FBX models (up to ${Math.floor(view.maxUploadBytes / 1024 / 1024)} MB)</span></label>
      <input id="studio-file" name="file" type="file" accept="image/png,image/jpeg,image/webp,.glb,.gltf,.obj,.stl,.fbx,model/gltf-binary">
      <p class="muted" data-role="file-name" aria-live="polite"></p>
    </div>
    <div class="create-row">
      <p class="price" aria-live="polite" data-role="create-price"></p>
      <button type="submit" class="button button-large" data-role="create-button" disabled>Create model</button>
    </div>
    <p class="error-text" role="alert" data-role="create-error" hidden></p>
  </form>
</section>
<section class="panel" aria-labelledby="gallery-heading">
  <div class="panel-heading"><h2 id="gallery-heading">My models</h2>
  <form method="get" action="/studio" class="form-row search-row" role="search">
    <div class="field"><label for="gallery-search" class="visually-hidden">Search my models</label><input id="gallery-search" name="q" type="search" placeholder="Search prompts" value="${view.search}"></div>
    <button type="submit" class="button button-quiet">Search</button>
  </form></div>
  <p class="muted" data-testid="gallery-count">${countOf(view.total, 'model')}${view.pageCount > 1 ? `, page ${view.page} of ${view.pageCount}` : ''}</p>
  ${
    view.gallery.length === 0
      ? html`<p class="empty">${view.search ? 'No model matches this search.' : 'No models yet. Describe one above to make your first.'}</p>`
      : html`<ul class="gallery" data-testid="gallery">${view.gallery.map((row) => galleryCard(row, view.previews.get(row.id)))}</ul>`
  }
  <nav class="pagination" aria-label="Gallery pages">
    ${view.page > 1 ? html`<a class="button button-quiet" href="${pageLink(view.page - 1)}" rel="prev">Newer</a>` : ''}
    ${view.page < view.pageCount ? html`<a class="button button-quiet" href="${pageLink(view.page + 1)}" rel="next">Older</a>` : ''}
  </nav>
</section>`;
}

function galleryCard(row: HistoryRow, previewTaskId: string | undefined): Html {
  const active = row.status === 'queued' || row.status === 'running';
  return html`<li class="gallery-card" data-task-id="${row.id}"${active ? html` data-active="true"` : ''}>
  <a href="/studio/models/${row.id}">${thumbnail(previewTaskId, 128)}<span class="gallery-title">${modelTitle(row.type, row.input)}</span></a>
  <span class="gallery-meta">${statusBadge(row.status)} <span class="muted">${formatTime(row.createdAt)}</span></span>
  ${active ? html`<progress max="100" value="0" aria-label="Progress of ${modelTitle(row.type, row.input)}"></progress>` : ''}
</li>`;
}
