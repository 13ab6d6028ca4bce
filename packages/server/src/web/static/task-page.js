// Task page: follows a running task over Server-Sent Events (progress, status) and shows its model in 3D.
import { mountViewer, wireViewerTools } from './model-viewer.js';

const summary = document.getElementById('task-summary');
if (summary && summary.dataset.taskFinal !== 'true') followTask(summary.dataset.taskId);

const viewer = document.querySelector('.viewer[data-model-url]');
if (viewer) {
  mountViewer(viewer, viewer.dataset.modelUrl, viewer.dataset.format).then(
    (handle) => wireViewerTools(viewer.parentElement, handle),
    () => undefined, // the viewer already says what went wrong
  );
}

function followTask(taskId) {
  const source = new EventSource(`/dashboard/api/tasks/${taskId}/events`);
  const status = summary.querySelector('[data-live="status"]');
  const progress = summary.querySelector('[data-live="progress"]');
  const progressText = summary.querySelector('[data-live="progress-text"]');
  const show = (task) => {
    status.innerHTML = '';
    const badge = document.createElement('span');
    badge.className = `badge badge-${task.status}`;
    badge.textContent = task.status;
    status.append(badge);
    progress.value = task.progress;
    progressText.textContent = `${task.progress}%`;
  };
  source.addEventListener('update', (event) => show(JSON.parse(event.data)));
  source.addEventListener('finalized', (event) => {
    show(JSON.parse(event.data));
    source.close();
    window.location.reload();
  });
  source.addEventListener('error', () => {
    // the browser retries on its own; once the task has ended the page reload above has happened
  });
}
