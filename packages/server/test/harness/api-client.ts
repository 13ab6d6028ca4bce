// A raw HTTP helper for API tests: sends exactly what a client would and returns status, headers and JSON.
export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export function apiClient(baseUrl: string, apiKey?: string) {
  const headers = (extra: Record<string, string> = {}): Record<string, string> => ({
    ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}),
    ...extra,
  });
  async function send(
    method: string,
    path: string,
    init: { json?: unknown; rawBody?: string; headers?: Record<string, string>; form?: FormData } = {},
  ): Promise<ApiResponse> {
    const requestHeaders = headers(init.headers);
    let body: BodyInit | undefined;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      requestHeaders['Content-Type'] = 'application/json';
    } else if (init.rawBody !== undefined) {
      body = init.rawBody;
      requestHeaders['Content-Type'] ??= 'application/json';
    } else if (init.form) {
      body = init.form;
    }
    const response = await fetch(baseUrl + path, { method, headers: requestHeaders, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed };
  }
  return {
    send,
    createTask: (json: unknown, extraHeaders?: Record<string, string>) =>
      send('POST', '/v2/openapi/task', { json, headers: extraHeaders }),
    quote: (json: unknown) => send('POST', '/v2/openapi/task/quote', { json }),
    getTask: (taskId: string) => send('GET', `/v2/openapi/task/${taskId}`),
    balance: () => send('GET', '/v2/openapi/user/balance'),
    async upload(bytes: Uint8Array, fileName: string, fieldName = 'file') {
      const form = new FormData();
      form.append(fieldName, new Blob([new Uint8Array(bytes)]), fileName);
      return send('POST', '/v2/openapi/upload', { form });
    },
  };
}
