// A loopback stand-in for OpenAI's POST /v1/moderations that answers in its documented shape: one result per
// input string, one result for a multi-modal input; every category with a flag, a score and the input types.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const OPENAI_MODERATION_CATEGORIES = [
  'harassment',
  'harassment/threatening',
  'hate',
  'hate/threatening',
  'illicit',
  'illicit/violent',
  'self-harm',
  'self-harm/intent',
  'self-harm/instructions',
  'sexual',
  'sexual/minors',
  'violence',
  'violence/graphic',
] as const;

export interface RecordedModerationRequest {
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: { model?: string; input?: unknown };
}

export interface FakeOpenAiModeration {
  baseUrl: string;
  requests: RecordedModerationRequest[];
  /** text containing the key → the categories flagged for it */
  textFlags: Map<string, string[]>;
  /** categories flagged for any image input */
  imageFlags: string[];
  /** answer every request with this HTTP status instead (e.g. 500), or 0 for normal answers */
  failWithStatus: number;
  close(): Promise<void>;
}

type ModerationPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

export async function startFakeOpenAiModeration(): Promise<FakeOpenAiModeration> {
  const fake: Omit<FakeOpenAiModeration, 'baseUrl' | 'close'> = {
    requests: [],
    textFlags: new Map(),
    imageFlags: [],
    failWithStatus: 0,
  };
  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    fake.requests.push({
      path: request.url ?? '',
      authorization: request.headers.authorization,
      contentType: request.headers['content-type'],
      body,
    });
    const reply = (status: number, payload: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(payload));
    };
    if (fake.failWithStatus)
      return reply(fake.failWithStatus, {
        error: { message: 'The server had an error while processing your request.', type: 'server_error' },
      });
    if (request.method !== 'POST' || request.url !== '/v1/moderations')
      return reply(404, { error: { message: 'Unknown request URL', type: 'invalid_request_error' } });
    if (request.headers.authorization !== 'Bearer sk-test-moderation')
      return reply(401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } });
    const input = body.input;
    let results;
    if (typeof input === 'string') {
      results = [resultFor(flagsOfText(input), ['text'])];
    } else if (Array.isArray(input) && input.every((item) => typeof item === 'string')) {
      results = input.map((text: string) => resultFor(flagsOfText(text), ['text']));
    } else if (Array.isArray(input)) {
      const parts = input as ModerationPart[];
      const flags = parts.flatMap((part) => (part.type === 'image_url' ? fake.imageFlags : flagsOfText(part.text)));
      results = [resultFor(flags, parts.some((part) => part.type === 'image_url') ? ['text', 'image'] : ['text'])];
    } else {
      return reply(400, { error: { message: "'input' is a required property", type: 'invalid_request_error' } });
    }
    reply(200, { id: `modr-${fake.requests.length}`, model: body.model ?? 'omni-moderation-latest', results });
  });
  const flagsOfText = (text: string) =>
    [...fake.textFlags].filter(([key]) => text.includes(key)).flatMap(([, flags]) => flags);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(fake, {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

function resultFor(flags: readonly string[], inputTypes: string[]) {
  const categories: Record<string, boolean> = {};
  const scores: Record<string, number> = {};
  const applied: Record<string, string[]> = {};
  for (const category of OPENAI_MODERATION_CATEGORIES) {
    categories[category] = flags.includes(category);
    scores[category] = flags.includes(category) ? 0.93 : 0.0004;
    applied[category] = inputTypes;
  }
  return { flagged: flags.length > 0, categories, category_scores: scores, category_applied_input_types: applied };
}
