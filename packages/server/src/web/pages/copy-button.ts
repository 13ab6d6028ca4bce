// A "Copy" button for a secret or an id shown on the page (static/copy-button.js wires it; without script it
// stays hidden and the text can still be selected by hand).
import { html, type Html } from '../html.ts';

export function copyButton(targetId: string, label = 'Copy'): Html {
  return html`<span class="copy-control"><button type="button" class="button button-quiet" data-copy-target="${targetId}" hidden>${label}</button>
<span class="copy-status" role="status" data-copy-status-for="${targetId}"></span></span>`;
}
