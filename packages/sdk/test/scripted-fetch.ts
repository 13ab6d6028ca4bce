// A fetch stand-in that answers from a script, for the few client behaviours a real server cannot be made to show
// on demand (a proxy's HTML 502, a 503 then success, a task that stays queued).

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
}

export type ScriptedAnswer = Response | Error | (() => Response);

export function scriptedFetch(answers: ScriptedAnswer[]): {
  fetch: typeof globalThis.fetch;
  requests: RecordedRequest[];
} {
  const requests: RecordedRequest[] = [];
  const fetchFunction = async (input: string | URL | Request, init: RequestInit = {}) => {
    requests.push({
      url: String(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: init.body,
    });
    // The last answer repeats (cloned, so its body can be read again).
    const isLast = answers.length === 1;
    const answer = isLast ? answers[0] : answers.shift();
    if (answer === undefined) throw new Error('script exhausted');
    if (answer instanceof Error) throw answer;
    if (typeof answer === 'function') return answer();
    return isLast ? answer.clone() : answer;
  };
  return { fetch: fetchFunction as typeof globalThis.fetch, requests };
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}
