// A loopback HTTP server standing in for one hosted 3D provider in tests: records every request, checks the key,
// and lets each test script how the provider behaves (errors on create, a failing task, a model link that expired
// or hangs...). The provider-specific fakes (fake-providers.ts) speak each provider's documented wire format on it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** when the request's body had arrived (epoch ms, sub-millisecond) */
  atMs: number;
}

/** How the fake answers the request that creates a task. */
export type CreateBehaviour =
  | 'ok'
  | 'auth'
  | 'credits'
  | 'content'
  | 'rate_limited'
  | 'rate_limited_once'
  | 'server_error'
  | 'malformed'
  | 'huge'
  | 'hang';
/** How the provider-side task ends ('no_model': it succeeds without a GLB link, a malformed answer; Meshy's fake). */
export type TaskBehaviour = 'ok' | 'failed' | 'content' | 'no_model';
/** How the model link answers. */
export type DownloadBehaviour = 'ok' | 'expired' | 'hang' | 'not_glb' | 'too_large';

export interface FakeBehaviour {
  create: CreateBehaviour;
  task: TaskBehaviour;
  download: DownloadBehaviour;
  /** status polls answered "still running" before the task ends */
  pollsBeforeDone: number;
  /** milliseconds the fake waits before answering a create (the benchmark's stand-in for generation time) */
  createDelayMs: number;
}

export const DEFAULT_BEHAVIOUR: FakeBehaviour = {
  create: 'ok',
  task: 'ok',
  download: 'ok',
  pollsBeforeDone: 1,
  createDelayMs: 0,
};

export interface FakeContext {
  request: RecordedRequest;
  response: http.ServerResponse;
  url: URL;
}

export type FakeRoute = (context: FakeContext) => boolean | Promise<boolean>;

export class FakeProviderServer {
  readonly requests: RecordedRequest[] = [];
  /** provider tasks created and not yet ended, and the most there were at once */
  active = 0;
  maxActive = 0;
  behaviour: FakeBehaviour = { ...DEFAULT_BEHAVIOUR };
  /** the GLB served at model links */
  model: Uint8Array = new Uint8Array();
  private readonly server: http.Server;
  private readonly routes: FakeRoute[] = [];
  private rateLimitedOnce = false;

  constructor(
    readonly name: string,
    readonly apiKey: string,
    /** how this provider carries the key (e.g. "Bearer <key>", "Key <key>") */
    private readonly authorization: string,
  ) {
    this.server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const recorded = {
          method: request.method ?? '',
          path: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks),
          atMs: performance.timeOrigin + performance.now(),
        };
        this.requests.push(recorded);
        void this.dispatch({ request: recorded, response, url: new URL(request.url ?? '/', 'http://fake') });
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  route(route: FakeRoute): void {
    this.routes.push(route);
  }

  /** Scripts the next tasks' behaviour (the rest stays default) and forgets the recorded requests. */
  script(behaviour: Partial<FakeBehaviour>): void {
    this.behaviour = { ...DEFAULT_BEHAVIOUR, ...behaviour };
    this.requests.length = 0;
    this.rateLimitedOnce = false;
    this.maxActive = this.active;
  }

  /** Requests that reached the provider's API (downloads of model links excluded). */
  apiRequests(): RecordedRequest[] {
    return this.requests.filter((request) => !request.path.startsWith('/files/'));
  }

  authorized(context: FakeContext): boolean {
    return context.request.headers.authorization === this.authorization;
  }

  /**
   * Answers a create per the scripted behaviour with the provider's error shapes; true when it answered (the
   * caller then stops), false when the create should succeed.
   */
  async answerCreateBehaviour(context: FakeContext, errors: ProviderErrorShapes): Promise<boolean> {
    const { response } = context;
    if (this.behaviour.createDelayMs > 0)
      await new Promise((resolve) => setTimeout(resolve, this.behaviour.createDelayMs));
    switch (this.behaviour.create) {
      case 'ok':
        return false;
      case 'rate_limited_once':
        if (this.rateLimitedOnce) return false;
        this.rateLimitedOnce = true;
        json(response, 429, errors.rateLimited, { 'Retry-After': '0' });
        return true;
      case 'rate_limited':
        json(response, 429, errors.rateLimited, { 'Retry-After': '0' });
        return true;
      case 'auth':
        json(response, 401, errors.auth);
        return true;
      case 'credits':
        json(response, errors.creditsStatus ?? 402, errors.credits);
        return true;
      case 'content':
        json(response, errors.contentStatus ?? 400, errors.content);
        return true;
      case 'server_error':
        json(response, 500, errors.server);
        return true;
      case 'malformed':
        response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"result": "unterminated');
        return true;
      case 'huge':
        // a 3 MB JSON answer: more than any task object
        response
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(`{"padding": "${'x'.repeat(3 * 1024 * 1024)}"}`);
        return true;
      case 'hang':
        // never answers; the client's timeout must end it
        return true;
    }
  }

  taskStarted(): void {
    this.active += 1;
    this.maxActive = Math.max(this.maxActive, this.active);
  }

  taskEnded(): void {
    this.active -= 1;
  }

  /** The model link of a provider task, served by this fake under /files/. */
  modelUrl(id: string): string {
    return `${this.url}/files/${encodeURIComponent(id)}.glb?Expires=1893456000&Signature=fake`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async dispatch(context: FakeContext): Promise<void> {
    if (context.url.pathname.startsWith('/files/')) return this.serveModel(context);
    for (const route of this.routes) if (await route(context)) return;
    json(context.response, 404, { message: `no route ${context.request.method} ${context.url.pathname}` });
  }

  private serveModel({ response }: FakeContext): void {
    switch (this.behaviour.download) {
      case 'ok':
        response
          .writeHead(200, { 'Content-Type': 'model/gltf-binary', 'Content-Length': String(this.model.byteLength) })
          .end(Buffer.from(this.model));
        return;
      case 'expired':
        // what S3 / CloudFront answer for a signed URL past its expiry
        response
          .writeHead(403, { 'Content-Type': 'application/xml' })
          .end('<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>');
        return;
      case 'not_glb':
        response.writeHead(200, { 'Content-Type': 'model/gltf-binary' }).end('<html>not a model</html>');
        return;
      case 'too_large':
        response
          .writeHead(200, { 'Content-Type': 'model/gltf-binary', 'Content-Length': String(64 * 1024 * 1024) })
          .end();
        return;
      case 'hang':
        response.writeHead(200, { 'Content-Type': 'model/gltf-binary' });
        response.write(Buffer.from(this.model.subarray(0, 12)));
        return;
    }
  }
}

export interface ProviderErrorShapes {
  auth: unknown;
  credits: unknown;
  creditsStatus?: number;
  content: unknown;
  contentStatus?: number;
  rateLimited: unknown;
  server: unknown;
}

export function json(
  response: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** The JSON body of a recorded request. */
export function jsonOf(request: RecordedRequest): any {
  return JSON.parse(request.body.toString('utf8'));
}
