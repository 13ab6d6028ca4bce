// Task page: follows a queued or running task over Server-Sent Events (status, queue position, progress) from the
// moment the page starts, and only then loads the 3D viewer, lazily, when the task has a model to show.
const summary = document.getElementById('task-summary');
if (summary && summary.dataset.taskFinal !== 'true') followTask(summary.dataset.taskId);

const viewer = document.querySelector('.viewer[data-model-url]');
if (viewer) {
  import('./model-viewer.js')
    .then(({ mountViewer, wireViewerTools }) =>
      mountViewer(viewer, viewer.dataset.modelUrl, viewer.dataset.format).then((handle) =>
        wireViewerTools(viewer.closest('[data-viewer-panel]'), handle),
      ),
    )
    .catch(() => undefined); // the viewer already says what went wrong
}

function followTask(taskId) {
  const source = new EventSource(`/dashboard/api/tasks/${taskId}/events`);
  summary.dataset.live = 'connecting';
  const status = summary.querySelector('[data-live="status"]');
  const progress = summary.querySelector('[data-live="progress"]');
  const progressText = summary.querySelector('[data-live="progress-text"]');
  const show = (task) => {
    const badge = document.createElement('span');
    badge.className = `badge badge-${task.status}`;
    badge.textContent =
      task.status === 'queued' && Number.isInteger(task.queuing_num)
        ? `queued (position ${task.queuing_num + 1})`
        : task.status;
    status.replaceChildren(badge);
    const percent = task.status === 'success' ? 100 : task.progress;
    progress.value = percent;
    progressText.textContent = `${percent}%`;
  };
  source.addEventListener('open', () => {
    summary.dataset.live = 'open';
  });
  source.addEventListener('update', (event) => show(JSON.parse(event.data)));
  source.addEventListener('finalized', (event) => {
    show(JSON.parse(event.data));
    source.close();
    summary.dataset.live = 'done';
    window.location.reload(); // the server renders the outputs, the viewer and the charge
  });
}
