// A browser-like HTTP client for web-route tests: a cookie jar, no automatic redirects, CSRF token scraping,
// form posts. What a browser sends, without a browser (the browser tests use Chromium).
export interface WebResponse {
  status: number;
  headers: Headers;
  text: string;
  location: string | null;
  setCookies: string[];
}

export class WebClient {
  readonly cookies = new Map<string, string>();
  /** the CSRF token of the last page fetched (from <meta name="csrf-token">) */
  csrfToken = '';

  constructor(readonly baseUrl: string) {}

  async request(
    method: string,
    path: string,
    init: { form?: Record<string, string>; json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {},
  ): Promise<WebResponse> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    let body: BodyInit | undefined = init.body;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body, redirect: 'manual' });
    const setCookies = response.headers.getSetCookie();
    for (const cookie of setCookies) {
      const [pair, ...attributes] = cookie.split(';');
      const [name, ...valueParts] = pair.split('=');
      const value = valueParts.join('=');
      // only a deletion (clearCookie's 1970 expiry) counts: tests run the server on a manual clock
      const expired =
        attributes.some(
          (attribute) => /^\s*expires=/i.test(attribute) && Date.parse(attribute.split('=')[1]) < Date.UTC(2000, 0, 1),
        ) || value === '';
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    const text = await response.text();
    const token = /<meta name="csrf-token" content="([^"]*)">/.exec(text)?.[1];
    if (token) this.csrfToken = token;
    return {
      status: response.status,
      headers: response.headers,
      text,
      location: response.headers.get('location'),
      setCookies,
    };
  }

  get(path: string) {
    return this.request('GET', path);
  }

  /** Posts a form with the current CSRF token (unless the form names its own _csrf). */
  postForm(path: string, form: Record<string, string> = {}, headers?: Record<string, string>) {
    return this.request('POST', path, { form: { _csrf: this.csrfToken, ...form }, headers });
  }

  postJson(path: string, json: unknown, headers: Record<string, string> = {}) {
    return this.request('POST', path, { json, headers: { 'x-csrf-token': this.csrfToken, ...headers } });
  }

  /** Signs up through the form (reading the sign-up page first for its CSRF cookie and token). */
  async signUp(email: string, password = 'correct horse battery'): Promise<{ apiKey: string; response: WebResponse }> {
    await this.get('/dashboard/signup');
    const response = await this.postForm('/dashboard/signup', { email, password });
    const apiKey =
      /<code data-testid="new-api-key">|<code>(tsk_[A-Za-z0-9_-]+)<\/code>/.exec(response.text)?.[1] ??
      /(tsk_[A-Za-z0-9_-]{20,})/.exec(response.text)?.[1] ??
      '';
    return { apiKey, response };
  }

  async logIn(email: string, password: string): Promise<WebResponse> {
    await this.get('/dashboard/login');
    return this.postForm('/dashboard/login', { email, password });
  }
}

let counter = 0;
export function uniqueEmail(label: string): string {
  counter += 1;
  return `${label}-${process.pid}-${Date.now().toString(36)}-${counter}@test.local`;
}
