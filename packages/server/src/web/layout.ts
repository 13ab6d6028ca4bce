// The page shell shared by the dashboard and Studio: header with navigation, skip link, flash message, footer.
import type { WebAccount } from '../accounts/web-accounts.ts';
import { html, raw, type Html } from './html.ts';
import { CSRF_FIELD } from './csrf.ts';
import type { AssetEntry, StaticAssets } from './static-assets.ts';

export type Section = 'overview' | 'keys' | 'billing' | 'history' | 'studio' | 'studio-credits' | 'admin' | 'none';

export interface PageOptions {
  title: string;
  section: Section;
  body: Html;
  account?: WebAccount;
  csrfToken: string;
  cspNonce: string;
  /** the built assets (absent only on an error page answered before they were ready: then unstyled) */
  assets?: StaticAssets;
  /** shown above the content: a confirmation or an error */
  flash?: { kind: 'success' | 'error' | 'info'; message: string | Html };
  /** page scripts (ES modules); what they load lazily is fetched when needed */
  scripts?: AssetEntry[];
}

const NAVIGATION: { section: Section; label: string; href: string; adminOnly?: boolean }[] = [
  { section: 'overview', label: 'Overview', href: '/dashboard' },
  { section: 'keys', label: 'API keys', href: '/dashboard/keys' },
  { section: 'billing', label: 'Billing', href: '/dashboard/billing' },
  { section: 'history', label: 'History', href: '/dashboard/history' },
  { section: 'studio', label: 'Studio', href: '/studio' },
  { section: 'admin', label: 'Admin', href: '/dashboard/admin', adminOnly: true },
];

export function hiddenCsrf(token: string): Html {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${token}">`;
}

export function renderPage(options: PageOptions): string {
  const { account, assets } = options;
  const links = NAVIGATION.filter((item) => !item.adminOnly || account?.isAdmin).map(
    (item) =>
      html`<li><a href="${item.href}"${raw(item.section === options.section || (item.section === 'studio' && options.section === 'studio-credits') ? ' aria-current="page"' : '')}>${item.label}</a></li>`,
  );
  const flash = options.flash
    ? html`<div class="flash flash-${options.flash.kind}" role="${options.flash.kind === 'error' ? 'alert' : 'status'}">${options.flash.message}</div>`
    : '';
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${options.csrfToken}">
<title>${options.title} · Polyforge</title>
<link rel="icon" href="data:,">
${assets ? html`<link rel="stylesheet" href="${assets.urlOf('app.css')}">` : ''}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
  <a class="brand" href="${account ? '/dashboard' : '/dashboard/login'}"><span aria-hidden="true">◆</span> Polyforge</a>
  ${
    account
      ? html`<nav aria-label="Main"><ul class="nav-links">${links}</ul></nav>
  <div class="account-menu">
    <span class="account-email" title="${account.email}">${account.email}</span>
    <form method="post" action="/dashboard/logout">${hiddenCsrf(options.csrfToken)}<button type="submit" class="button button-quiet">Log out</button></form>
  </div>`
      : ''
  }
</header>
<main id="main" tabindex="-1">
<h1>${options.title}</h1>
${flash}
${options.body}
</main>
<footer class="site-footer"><p>Polyforge · API docs: <code>/v2/openapi</code> · Times are UTC.</p></footer>
${assets ? (options.scripts ?? []).map((script) => html`<script type="module" src="${assets.urlOf(script)}"></script>`) : ''}
</body>
</html>`;
  return page.text;
}
