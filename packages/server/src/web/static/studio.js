// Studio home: make a model from a prompt, an image or a model file (chosen, or dropped anywhere on the create
// panel), priced live from the Studio wallet; then open the new model's page. Models in progress in the gallery
// follow their progress and show their thumbnail when they finish.
import { debounce, describePrice, errorText, followTask, post } from './studio-api.js';

const config = JSON.parse(document.getElementById('studio-config').textContent);
const createForm = document.getElementById('studio-create');
const panel = createForm.closest('.create-panel');
const price = createForm.querySelector('[data-role="create-price"]');
const button = createForm.querySelector('[data-role="create-button"]');
const errorElement = createForm.querySelector('[data-role="create-error"]');
const dropZone = createForm.querySelector('[data-role="drop-zone"]');
const fileInput = createForm.querySelector('#studio-file');
const fileName = createForm.querySelector('[data-role="file-name"]');
const prompt = createForm.querySelector('#studio-prompt');
/** start type → the uploaded file reference */
const uploads = {};
let uploading = false;
/** bumps with every change, so a slow quote never overwrites a newer one */
let generation = 0;

const selectedStart = () => createForm.querySelector('input[name="start"]:checked')?.value;

function showError(error) {
  errorElement.textContent = typeof error === 'string' ? error : errorText(error);
  errorElement.hidden = false;
}

function clearError() {
  errorElement.hidden = true;
  errorElement.textContent = '';
}

function createRequest() {
  const start = selectedStart();
  if (start === 'text_to_model') {
    const text = prompt.value.trim();
    return text ? { type: 'text_to_model', prompt: text } : undefined;
  }
  return uploads[start] ? { type: start, file: uploads[start] } : undefined;
}

const refreshQuote = debounce(async () => {
  const mine = ++generation;
  const request = createRequest();
  if (!request || uploading) {
    if (!uploading)
      price.textContent =
        selectedStart() === 'text_to_model'
          ? 'Describe a model to see its price.'
          : 'Choose or drop a file to see the price.';
    button.disabled = true;
    return;
  }
  price.textContent = 'Working out the price…';
  button.disabled = true;
  try {
    const quote = await post('/studio/api/quote', request);
    if (mine !== generation) return;
    const { fragment, affordable } = describePrice(quote, config.balance);
    price.replaceChildren(fragment);
    button.disabled = !quote.available || !affordable;
  } catch (error) {
    if (mine !== generation) return;
    price.textContent = '';
    showError(error);
    button.disabled = true;
  }
}, 250);

function showStartFields() {
  const start = selectedStart();
  for (const field of createForm.querySelectorAll('[data-start]'))
    field.hidden = !field.dataset.start.split(' ').includes(start);
  clearError();
  refreshQuote();
}

async function upload(file) {
  clearError();
  if (file.size > config.maxUploadBytes) {
    showError(
      `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; uploads are at most ${Math.floor(config.maxUploadBytes / 1024 / 1024)} MB.`,
    );
    return;
  }
  uploading = true;
  button.disabled = true;
  price.textContent = `Uploading ${file.name}…`;
  const form = new FormData();
  form.append('file', file, file.name);
  try {
    const uploaded = await post('/studio/api/upload', form);
    const start = uploaded.kind === 'image' ? 'image_to_model' : 'import_model';
    delete uploads.image_to_model;
    delete uploads.import_model;
    uploads[start] = { type: uploaded.type, file_token: uploaded.file_token };
    const radio = createForm.querySelector(`#start-${start}`);
    if (radio && !radio.disabled) radio.checked = true;
    fileName.textContent = `${file.name} (${uploaded.kind === 'image' ? 'image' : `${uploaded.type.toUpperCase()} model`}) is ready.`;
    for (const field of createForm.querySelectorAll('[data-start]'))
      field.hidden = !field.dataset.start.split(' ').includes(selectedStart());
  } catch (error) {
    price.textContent = '';
    fileName.textContent = '';
    showError(error);
  } finally {
    uploading = false;
  }
  refreshQuote();
}

createForm.addEventListener('change', (event) => {
  if (event.target.name === 'start') showStartFields();
  if (event.target === fileInput && fileInput.files?.[0]) upload(fileInput.files[0]);
});
prompt.addEventListener('input', () => {
  clearError();
  refreshQuote();
});

// Drag and drop: anywhere on the create panel; the file input stays the keyboard's way in.
let dragDepth = 0;
panel.addEventListener('dragenter', (event) => {
  if (!event.dataTransfer?.types.includes('Files')) return;
  event.preventDefault();
  dragDepth += 1;
  panel.classList.add('dragging');
  if (selectedStart() === 'text_to_model') dropZone.hidden = false;
});
panel.addEventListener('dragover', (event) => {
  if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
});
panel.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) {
    panel.classList.remove('dragging');
    if (selectedStart() === 'text_to_model') dropZone.hidden = true;
  }
});
panel.addEventListener('drop', (event) => {
  event.preventDefault();
  dragDepth = 0;
  panel.classList.remove('dragging');
  const file = event.dataTransfer?.files?.[0];
  if (file) upload(file);
  else showStartFields();
});

createForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const request = createRequest();
  if (!request) return refreshQuote();
  button.disabled = true;
  clearError();
  price.textContent = 'Starting…';
  try {
    const { task_id: taskId } = await post('/studio/api/tasks', request);
    window.location.assign(`/studio/models/${taskId}`);
  } catch (error) {
    price.textContent = '';
    showError(error);
    button.disabled = false;
  }
});

// Gallery: live progress of models being made (a few at a time: each is one open connection).
const MAX_FOLLOWED = 3; // a browser opens at most six connections to a host; leave room for the page
for (const card of [...document.querySelectorAll('.gallery-card[data-active="true"]')].slice(0, MAX_FOLLOWED)) {
  const progress = card.querySelector('progress');
  const badge = card.querySelector('.badge');
  const show = (task) => {
    badge.className = `badge badge-${task.status}`;
    badge.textContent = task.status;
    if (progress) progress.value = task.status === 'success' ? 100 : task.progress;
  };
  followTask(card.dataset.taskId, {
    onUpdate: show,
    onFinal(task) {
      show(task);
      progress?.remove();
      card.removeAttribute('data-active');
      if (task.output?.rendered_image) {
        const image = document.createElement('img');
        image.className = 'thumbnail';
        image.src = `/dashboard/tasks/${task.task_id}/thumbnail`;
        image.alt = '';
        image.width = 128;
        image.height = 128;
        card.querySelector('.thumbnail')?.replaceWith(image);
      }
    },
  });
}

showStartFields();
