// The JSON calls of Studio's scripts: the session cookie authenticates, the page's CSRF token goes in a header,
// and a refusal becomes an Error carrying the server's message and suggestion.
const csrfToken = document.querySelector('meta[name="csrf-token"]')?.content ?? '';

export async function post(path, body) {
  const isForm = body instanceof FormData;
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'X-CSRF-Token': csrfToken, ...(isForm ? {} : { 'Content-Type': 'application/json' }) },
    body: isForm ? body : JSON.stringify(body),
  });
  return unwrap(response);
}

export async function get(path) {
  return unwrap(await fetch(path, { credentials: 'same-origin' }));
}

async function unwrap(response) {
  const body = await response.json().catch(() => ({}));
  if (!response.ok || body.code !== 0) {
    const error = new Error(body.message || `the server answered ${response.status}`);
    error.suggestion = body.suggestion;
    error.code = body.code;
    throw error;
  }
  return body.data;
}

export function errorText(error) {
  return `${error.message}${error.suggestion ? ` ${error.suggestion}` : ''}`;
}

/** "Costs 20 Studio credits." and, when the balance is short, how to top up (as DOM nodes: the link is real). */
export function describePrice(quote, balance) {
  const fragment = document.createDocumentFragment();
  if (!quote.available) {
    fragment.append('Not available on this deployment.');
    return { fragment, affordable: false };
  }
  fragment.append(
    quote.credits === 0
      ? 'Free.'
      : `${quote.credits.toLocaleString('en-US')} Studio credit${quote.credits === 1 ? '' : 's'}.`,
  );
  const affordable = balance === undefined || quote.credits <= balance;
  if (!affordable) {
    fragment.append(` You have ${balance.toLocaleString('en-US')}: `);
    const link = document.createElement('a');
    link.href = '/studio/credits';
    link.textContent = 'top up Studio credits';
    fragment.append(link, '.');
  }
  return { fragment, affordable };
}

export function debounce(action, delayMs) {
  let timer;
  return (...parameters) => {
    clearTimeout(timer);
    timer = setTimeout(() => action(...parameters), delayMs);
  };
}

/** Follows a task over Server-Sent Events; `onUpdate` gets each state, `onFinal` the last one. Returns the source. */
export function followTask(taskId, { onUpdate, onFinal, onOpen }) {
  const source = new EventSource(`/dashboard/api/tasks/${taskId}/events`);
  if (onOpen) source.addEventListener('open', onOpen);
  source.addEventListener('update', (event) => onUpdate(JSON.parse(event.data)));
  source.addEventListener('finalized', (event) => {
    source.close();
    onFinal(JSON.parse(event.data));
  });
  return source;
}
