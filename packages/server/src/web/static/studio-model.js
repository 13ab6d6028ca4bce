// A model's page in Studio: follows its progress live (subscribing before anything heavy loads), then loads the
// 3D viewer lazily; re-prices a next step when its options change and clears that step's old error; suggests a
// low-poly face limit from the model's triangle count.
import { debounce, describePrice, errorText, followTask, post } from './studio-api.js';

const summary = document.getElementById('model-summary');
const balanceElement = document.querySelector('[data-testid="studio-balance"]');
const balance = () => Number((balanceElement?.textContent ?? '').replace(/[^\d]/g, ''));

if (summary?.dataset.taskFinal === 'false') {
  const status = document.querySelector('[data-live="status"]');
  const progress = document.querySelector('[data-live="progress"]');
  const progressText = document.querySelector('[data-live="progress-text"]');
  summary.dataset.live = 'connecting';
  const show = (task) => {
    const badge = document.createElement('span');
    badge.className = `badge badge-${task.status}`;
    badge.textContent =
      task.status === 'queued' && Number.isInteger(task.queuing_num)
        ? `queued (position ${task.queuing_num + 1})`
        : task.status === 'running'
          ? `running, ${task.progress}%`
          : task.status;
    status.replaceChildren(badge);
    const percent = task.status === 'success' ? 100 : task.progress;
    progress.value = percent;
    progressText.textContent = `${percent}%`;
  };
  followTask(summary.dataset.taskId, {
    onOpen: () => {
      summary.dataset.live = 'open';
    },
    onUpdate: show,
    onFinal(task) {
      show(task);
      summary.dataset.live = 'done';
      window.location.reload(); // the server renders the viewer, the downloads and the next steps
    },
  });
}

const viewer = document.querySelector('.viewer[data-model-url]');
if (viewer) {
  import('./model-viewer.js')
    .then(async ({ mountViewer, wireViewerTools }) => {
      const handle = await mountViewer(viewer, viewer.dataset.modelUrl, viewer.dataset.format);
      wireViewerTools(viewer.closest('[data-viewer-panel]'), handle);
      suggestFaceLimit(handle.triangles);
    })
    .catch(() => undefined); // the viewer already says what went wrong
}

/** A quarter of the model's triangles, within the field's range, unless the user has typed a value. */
function suggestFaceLimit(triangles) {
  const input = document.querySelector('input[data-auto-face-limit]');
  if (!input || !triangles) return;
  const min = Number(input.min);
  const max = Number(input.max);
  const step = Number(input.step) || 1;
  input.value = String(Math.min(max, Math.max(min, Math.round(triangles / 4 / step) * step)));
  input.closest('form').dispatchEvent(new Event('change'));
}

for (const form of document.querySelectorAll('form.action-card')) {
  const price = form.querySelector('[data-role="action-price"]');
  const error = form.querySelector('[data-role="action-error"]');
  const button = form.querySelector('button[type="submit"]');
  const targetId = form.action.split('/').at(-2);
  let generation = 0;
  const requote = debounce(async () => {
    const mine = ++generation;
    const fields = Object.fromEntries([...new FormData(form)].filter(([name]) => name !== '_csrf' && name !== 'from'));
    const faceLimit = form.querySelector('input[name="face_limit"]');
    if (faceLimit && !faceLimit.checkValidity()) {
      price.textContent = `Choose ${faceLimit.min} to ${faceLimit.max} faces.`;
      button.disabled = true;
      return;
    }
    try {
      const quote = await post(`/studio/api/models/${targetId}/quote-next`, fields);
      if (mine !== generation) return;
      const { fragment, affordable } = describePrice(quote, balance());
      price.replaceChildren(fragment);
      button.disabled = !quote.available || !affordable;
    } catch (failure) {
      if (mine !== generation) return;
      price.textContent = '';
      error.textContent = errorText(failure);
      error.hidden = false;
      button.disabled = true;
    }
  }, 250);
  const changed = () => {
    error.hidden = true; // an error belongs to the options it was about
    error.textContent = '';
    requote();
  };
  form.addEventListener('change', changed);
  form.addEventListener('input', changed);
  form.addEventListener('submit', (event) => {
    if (button.disabled) {
      event.preventDefault();
      return;
    }
    // one click is one task: a second click while the first is on its way does nothing
    setTimeout(() => {
      button.disabled = true;
      button.textContent = 'Starting…';
    });
  });
}
