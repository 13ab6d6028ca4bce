// Server-rendered HTML with escaping by default: html`...` escapes every interpolated value unless it is
// already Html (another html`` fragment or raw()). A dozen lines, so no template engine is pulled in for it.
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

type Interpolated = Html | string | number | boolean | null | undefined | readonly Interpolated[];

function render(value: Interpolated): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolated[]): Html {
  let text = strings[0];
  for (let index = 0; index < values.length; index += 1) text += render(values[index]) + strings[index + 1];
  return new Html(text);
}

/** Trusted markup (never user input). */
export function raw(text: string): Html {
  return new Html(text);
}

/** JSON for a <script type="application/json"> block: "<" is escaped so the data cannot close the element. */
export function jsonForScript(value: unknown): Html {
  return new Html(JSON.stringify(value).replace(/</g, '\\u003c'));
}
