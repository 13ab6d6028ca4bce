// Studio page script: uploads, live Studio-wallet quotes, task creation, progress over Server-Sent Events, the
// 3D viewer of the result, and the follow-up actions (convert, low-poly, rig, animate) on the current model.
import { mountViewer, wireViewerTools } from './model-viewer.js';

const config = JSON.parse(document.getElementById('studio-config').textContent);
const csrfToken = document.querySelector('meta[name="csrf-token"]').content;
const served = new Set(config.served);
const MODEL_KEYS = ['pbr_model', 'model', 'base_model'];
const VIEWABLE = new Set(['glb', 'gltf', 'stl', 'fbx']);

const createForm = document.getElementById('studio-create');
const createPrice = createForm.querySelector('[data-role="create-price"]');
const createButton = createForm.querySelector('[data-role="create-button"]');
const createError = createForm.querySelector('[data-role="create-error"]');
const current = document.querySelector('[data-role="current"]');
const currentEmpty = document.querySelector('[data-role="current-empty"]');
const viewerElement = current.querySelector('[data-role="viewer"]');
const uploads = {}; // start type → file reference from the last upload
let viewerHandle;
let currentTask;
let events;

async function post(path, body) {
  const isForm = body instanceof FormData;
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'X-CSRF-Token': csrfToken, ...(isForm ? {} : { 'Content-Type': 'application/json' }) },
    body: isForm ? body : JSON.stringify(body),
  });
  return unwrap(response);
}

async function get(path) {
  return unwrap(await fetch(path, { credentials: 'same-origin' }));
}

async function unwrap(response) {
  const body = await response.json().catch(() => ({}));
  if (!response.ok || body.code !== 0) {
    const error = new Error(body.message || `the server answered ${response.status}`);
    error.suggestion = body.suggestion;
    throw error;
  }
  return body.data;
}

function describePrice(quote) {
  if (!quote.available) return 'Not available on this deployment.';
  return quote.credits === 0 ? 'Free.' : `Costs ${quote.credits.toLocaleString('en-US')} Studio credits.`;
}

function debounce(action, delayMs) {
  let timer;
  return (...parameters) => {
    clearTimeout(timer);
    timer = setTimeout(() => action(...parameters), delayMs);
  };
}

// ---- create -----------------------------------------------------------------------------------------------

function selectedStart() {
  return createForm.querySelector('input[name="start"]:checked')?.value;
}

function createRequest() {
  const start = selectedStart();
  if (start === 'text_to_model') {
    const prompt = createForm.querySelector('#studio-prompt').value.trim();
    return prompt ? { type: 'text_to_model', prompt } : undefined;
  }
  const file = uploads[start];
  return file ? { type: start, file } : undefined;
}

const refreshCreateQuote = debounce(async () => {
  createError.hidden = true;
  const request = createRequest();
  if (!request) {
    createPrice.textContent = selectedStart() === 'text_to_model' ? 'Write a prompt to see the price.' : 'Choose a file to see the price.';
    createButton.disabled = true;
    return;
  }
  try {
    const quote = await post('/studio/api/quote', request);
    createPrice.textContent = describePrice(quote);
    createButton.disabled = !quote.available;
  } catch (error) {
    createPrice.textContent = '';
    showError(createError, error);
    createButton.disabled = true;
  }
}, 300);

function showStartFields() {
  const start = selectedStart();
  for (const field of createForm.querySelectorAll('[data-start]')) field.hidden = field.dataset.start !== start;
  refreshCreateQuote();
}

async function uploadFile(start, input) {
  delete uploads[start];
  const file = input.files?.[0];
  if (!file) return refreshCreateQuote();
  createPrice.textContent = `Uploading ${file.name}…`;
  createButton.disabled = true;
  const form = new FormData();
  form.append('file', file, file.name);
  try {
    const uploaded = await post('/studio/api/upload', form);
    uploads[start] = { type: uploaded.type, file_token: uploaded.file_token };
  } catch (error) {
    createPrice.textContent = '';
    showError(createError, error);
    return;
  }
  refreshCreateQuote();
}

createForm.addEventListener('change', (event) => {
  if (event.target.name === 'start') showStartFields();
  if (event.target.id === 'studio-image') uploadFile('image_to_model', event.target);
  if (event.target.id === 'studio-model-file') uploadFile('import_model', event.target);
});
createForm.querySelector('#studio-prompt').addEventListener('input', refreshCreateQuote);
createForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const request = createRequest();
  if (!request) return refreshCreateQuote();
  createButton.disabled = true;
  createError.hidden = true;
  try {
    const { task_id: taskId } = await post('/studio/api/tasks', request);
    await openTask(taskId);
  } catch (error) {
    showError(createError, error);
  } finally {
    createButton.disabled = false;
  }
});

function showError(element, error) {
  element.textContent = `${error.message}${error.suggestion ? ` ${error.suggestion}` : ''}`;
  element.hidden = false;
}

// ---- the current task -------------------------------------------------------------------------------------

async function openTask(taskId) {
  events?.close();
  history.replaceState(null, '', `/studio?task=${taskId}`);
  current.hidden = false;
  currentEmpty.hidden = true;
  current.querySelector('[data-role="current-link"]').href = `/dashboard/tasks/${taskId}`;
  const errorElement = current.querySelector('[data-role="current-error"]');
  errorElement.hidden = true;
  let task;
  try {
    task = await get(`/dashboard/api/tasks/${taskId}`);
  } catch (error) {
    showError(errorElement, error);
    return;
  }
  showTask(task);
  if (task.status === 'queued' || task.status === 'running') {
    events = new EventSource(`/dashboard/api/tasks/${taskId}/events`);
    events.addEventListener('update', (event) => showTask(JSON.parse(event.data)));
    events.addEventListener('finalized', (event) => {
      events.close();
      showTask(JSON.parse(event.data));
      refreshBalance();
    });
  }
}

function showTask(task) {
  currentTask = task;
  current.querySelector('[data-role="current-title"]').textContent = task.type.replaceAll('_', ' ');
  const status = current.querySelector('[data-role="current-status"]');
  status.textContent = task.status === 'running' ? `running, ${task.progress}%` : task.status === 'queued' ? `queued (position ${task.queuing_num + 1})` : task.status;
  status.className = `badge badge-${task.status}`;
  const progress = current.querySelector('[data-role="current-progress"]');
  progress.value = task.status === 'success' ? 100 : task.progress;
  progress.hidden = task.status !== 'queued' && task.status !== 'running';
  const errorElement = current.querySelector('[data-role="current-error"]');
  if (task.error_msg) showError(errorElement, { message: `Error ${task.error_code}: ${task.error_msg}` });
  else errorElement.hidden = true;
  if (task.status === 'success') showOutputs(task);
  else clearOutputs();
  refreshActions();
}

function clearOutputs() {
  viewerHandle?.dispose();
  viewerHandle = undefined;
  viewerElement.hidden = true;
  current.querySelector('[data-role="downloads"]').innerHTML = '';
}

function showOutputs(task) {
  clearOutputs();
  const list = current.querySelector('[data-role="downloads"]');
  const facts = [];
  for (const [key, value] of Object.entries(task.output)) {
    if (typeof value === 'string' && /^https?:\/\//.test(value)) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.className = 'button button-quiet';
      link.href = `/dashboard/tasks/${task.task_id}/download/${key}`;
      link.textContent = `Download ${key.replaceAll('_', ' ')} (${extensionOf(value).toUpperCase()})`;
      item.append(link);
      list.append(item);
    } else if (value !== null && typeof value !== 'object') {
      facts.push(`${key.replaceAll('_', ' ')}: ${value}`);
    }
  }
  if (facts.length) {
    const item = document.createElement('li');
    item.textContent = facts.join(' · ');
    list.append(item);
  }
  const modelKey = MODEL_KEYS.find((key) => typeof task.output[key] === 'string' && VIEWABLE.has(extensionOf(task.output[key])));
  if (!modelKey) return;
  viewerElement.hidden = false;
  mountViewer(viewerElement, `/dashboard/tasks/${task.task_id}/download/${modelKey}`, extensionOf(task.output[modelKey])).then(
    (handle) => {
      viewerHandle = handle;
    },
    () => undefined,
  );
}

function extensionOf(url) {
  return new URL(url, window.location.href).pathname.split('.').pop().toLowerCase();
}

async function refreshBalance() {
  try {
    const balance = await get('/studio/api/balance');
    document.querySelector('[data-testid="studio-balance"]').textContent = balance.balance.toLocaleString('en-US');
  } catch {
    // the figure stays as it was; the next page load shows the right one
  }
}

// ---- follow-up actions ------------------------------------------------------------------------------------

function actionRequest(form) {
  const type = form.dataset.action;
  const request = { type, original_model_task_id: currentTask.task_id };
  if (type === 'convert_model') request.format = form.querySelector('[name="format"]').value;
  if (type === 'highpoly_to_lowpoly') request.face_limit = Number(form.querySelector('[name="face_limit"]').value);
  if (type === 'animate_retarget') request.animation = form.querySelector('[name="animation"]').value;
  return request;
}

function refreshActions() {
  const usable = currentTask?.status === 'success';
  document.querySelector('[data-role="actions-hint"]').hidden = usable;
  for (const form of document.querySelectorAll('form[data-action]')) {
    const type = form.dataset.action;
    const button = form.querySelector('button');
    const price = form.querySelector('[data-role="action-price"]');
    if (!served.has(type)) continue;
    const applies = usable && (config.actionRules[type] ?? []).includes(currentTask.type);
    button.disabled = !applies;
    price.textContent = usable && !applies ? `Needs a ${config.actionRules[type].map((name) => name.replaceAll('_', ' ')).join(' or ')} model.` : '';
    if (applies) quoteAction(form);
  }
}

async function quoteAction(form) {
  const price = form.querySelector('[data-role="action-price"]');
  const button = form.querySelector('button');
  try {
    const quote = await post('/studio/api/quote', actionRequest(form));
    price.textContent = describePrice(quote);
    button.disabled = !quote.available;
  } catch (error) {
    price.textContent = error.message;
    button.disabled = true;
  }
}

for (const form of document.querySelectorAll('form[data-action]')) {
  form.addEventListener('change', () => currentTask?.status === 'success' && quoteAction(form));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      const { task_id: taskId } = await post('/studio/api/tasks', actionRequest(form));
      await openTask(taskId);
    } catch (error) {
      form.querySelector('[data-role="action-price"]').textContent = error.message;
      button.disabled = false;
    }
  });
}

wireViewerTools(document, {
  reset: () => viewerHandle?.reset(),
  setAutoRotate: (on) => viewerHandle?.setAutoRotate(on),
});
showStartFields();
if (config.currentTaskId) openTask(config.currentTaskId);
