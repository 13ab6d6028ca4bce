// The 3D viewer's markup: the container (with the preview still as its poster until the model is drawn), the view
// controls (lighting, wireframe, auto-rotate, reset) and the animation controls; static/viewer-tools.js wires them.
import { html, type Html } from '../html.ts';

const LIGHTING_LABELS: Record<string, string> = {
  studio: 'Studio',
  soft: 'Soft daylight',
  dramatic: 'Dramatic',
  flat: 'Flat (colours only)',
};
const SPEEDS = [0.25, 0.5, 1, 1.5, 2] as const;

export interface ViewerPanelOptions {
  /** prefix of the controls' ids, unique on the page */
  idPrefix: string;
  modelUrl: string;
  /** glb | gltf | stl | fbx */
  format: string;
  /** the task's rendered_image, shown until the 3D view is ready */
  posterUrl?: string;
}

export function viewerPanel(options: ViewerPanelOptions): Html {
  const id = (name: string) => `${options.idPrefix}-${name}`;
  return html`<div class="viewer-panel" data-viewer-panel>
<div class="viewer" data-model-url="${options.modelUrl}" data-format="${options.format}" tabindex="0" role="img" data-testid="model-viewer"
  aria-label="Interactive 3D view of the model. Drag or use arrow keys to turn it, scroll or +/- to zoom.">
  ${options.posterUrl ? html`<img class="viewer-poster" src="${options.posterUrl}" alt="" width="128" height="128">` : ''}
  <p class="viewer-status" aria-live="polite">Loading the 3D view…</p>
</div>
<div class="viewer-tools" role="group" aria-label="View">
  <div class="field field-inline"><label for="${id('lighting')}">Lighting</label>
    <select id="${id('lighting')}" data-viewer-control="lighting" disabled>${Object.entries(LIGHTING_LABELS).map(([value, label]) => html`<option value="${value}">${label}</option>`)}</select></div>
  <button type="button" class="button button-quiet" data-viewer-control="wireframe" aria-pressed="false" disabled>Wireframe</button>
  <button type="button" class="button button-quiet" data-viewer-control="rotate" aria-pressed="false" disabled>Auto-rotate</button>
  <button type="button" class="button button-quiet" data-viewer-control="reset" disabled>Reset view</button>
</div>
<div class="animation-controls" role="group" aria-label="Animation playback" data-animation-controls hidden>
  <button type="button" class="button" data-animation-control="play" disabled>Pause</button>
  <div class="field field-inline"><label for="${id('clip')}">Animation</label><select id="${id('clip')}" data-animation-control="clip" disabled></select></div>
  <div class="field field-inline"><label for="${id('speed')}">Speed</label>
    <select id="${id('speed')}" data-animation-control="speed" disabled>${SPEEDS.map((speed) => html`<option value="${speed}"${speed === 1 ? html` selected` : ''}>${speed}×</option>`)}</select></div>
  <div class="field field-inline field-grow"><label for="${id('time')}">Time</label>
    <input id="${id('time')}" type="range" min="0" max="1" step="0.01" value="0" data-animation-control="time" disabled>
    <span class="muted" data-animation-time aria-hidden="true"></span></div>
</div>
</div>`;
}
