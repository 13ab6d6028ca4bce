// A fetch that holds every answer against the OpenAPI document as it passes: problems collect in `problems`,
// so a test can drive the API any way it likes (raw requests, a generated client) and check them all at the end.
import { OpenApiResponseValidator, type OpenApiDocument } from './openapi-response-validator.ts';

export interface CheckedFetch {
  fetch: typeof globalThis.fetch;
  validator: OpenApiResponseValidator;
  problems: string[];
}

export async function fetchDocument(baseUrl: string): Promise<OpenApiDocument> {
  const response = await fetch(`${baseUrl}/openapi.json`);
  if (response.status !== 200) throw new Error(`GET /openapi.json answered ${response.status}`);
  return (await response.json()) as OpenApiDocument;
}

export function checkedFetch(document: OpenApiDocument): CheckedFetch {
  const validator = new OpenApiResponseValidator(document);
  const problems: string[] = [];
  const checked: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const response = await fetch(request);
    const url = new URL(request.url);
    const contentType = response.headers.get('content-type');
    let body: unknown;
    // streams (SSE) and files are left to the caller; only JSON answers are read here, from a clone
    if (contentType?.startsWith('application/json')) {
      try {
        body = await response.clone().json();
      } catch {
        body = undefined;
      }
    }
    problems.push(
      ...validator.check({
        method: request.method,
        url: url.pathname + url.search,
        status: response.status,
        contentType,
        body,
      }),
    );
    return response;
  };
  return { fetch: checked, validator, problems };
}
