// The HTML error page of web routes: the catalog's message, and a way back.
import type { FastifyRequest } from 'fastify';
import { html } from '../html.ts';
import { renderPage } from '../layout.ts';
import { pageCsrfToken } from '../respond.ts';
import type { WebContext } from '../web-context.ts';

const TITLES: Record<number, string> = {
  400: 'That did not work',
  401: 'Please log in',
  403: 'Not allowed',
  404: 'Not found',
  429: 'Too many requests',
};

export function renderErrorPage(
  request: FastifyRequest,
  context: WebContext,
  statusCode: number,
  message: string,
): string {
  const title = TITLES[statusCode] ?? (statusCode >= 500 ? 'Something went wrong on our side' : 'That did not work');
  const body = html`<section class="panel">
  <p class="error-text">${message}</p>
  <p><a class="button" href="${request.visitor ? '/dashboard' : '/dashboard/login'}">Back to the dashboard</a></p>
</section>`;
  return renderPage({
    title,
    section: 'none',
    body,
    account: request.visitor?.account,
    csrfToken: pageCsrfToken(context, request),
    cspNonce: request.cspNonce || 'none',
    assets: request.staticAssets,
  });
}
