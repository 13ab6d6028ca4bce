// The worker protocol's HTTP calls (/worker/v1, docs/worker-protocol.md), one method each; errors carry the
// HTTP status and the platform's error code so the worker loop can tell a lost lease (409) from an outage.
import type { WorkerLease, WorkerLeaseInput } from '@polyforge/protocol';

export type Lease = WorkerLease;
export type LeaseInput = WorkerLeaseInput;

export interface Registration {
  worker_id: string;
  name: string;
  capabilities: string[];
  task_types: string[] | null;
  model_versions: string[] | null;
  lease_seconds: number;
  heartbeat_interval_seconds: number;
}

export class WorkerApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'WorkerApiError';
  }

  /** The lease is gone (expired, finished, given to another worker): stop working on the task. */
  get leaseLost(): boolean {
    return this.httpStatus === 409;
  }
}

export class WorkerApiClient {
  private readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly token: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.baseUrl = baseUrl.replace(/\/$/, '');
  }

  register(body: {
    name?: string;
    capabilities?: string[];
    task_types?: string[];
    model_versions?: string[];
    version?: string;
  }): Promise<Registration> {
    return this.json('POST', '/worker/v1/register', body);
  }

  async lease(workerId: string, waitSeconds: number, signal?: AbortSignal): Promise<Lease | null> {
    const data = await this.json<{ lease: Lease | null }>(
      'POST',
      '/worker/v1/lease',
      { worker_id: workerId, wait_seconds: waitSeconds },
      signal,
    );
    return data.lease;
  }

  heartbeat(leaseId: string, progress?: number): Promise<{ lease_expires_at: number; cancel_requested: boolean }> {
    return this.json('POST', `/worker/v1/leases/${leaseId}/heartbeat`, progress === undefined ? {} : { progress });
  }

  async readInput(leaseId: string, name: string): Promise<Uint8Array> {
    const response = await this.send('GET', `/worker/v1/leases/${leaseId}/inputs/${encodeURIComponent(name)}`);
    return new Uint8Array(await response.arrayBuffer());
  }

  async uploadOutput(
    leaseId: string,
    outputKey: string,
    bytes: Uint8Array,
    extension: string,
    contentType = 'application/octet-stream',
  ): Promise<void> {
    await this.send(
      'PUT',
      `/worker/v1/leases/${leaseId}/outputs/${encodeURIComponent(outputKey)}?extension=${encodeURIComponent(extension)}`,
      {
        body: new Uint8Array(bytes),
        headers: { 'Content-Type': contentType },
      },
    );
  }

  complete(leaseId: string, result?: Record<string, unknown>): Promise<{ status: 'success' | 'cancelled' }> {
    return this.json('POST', `/worker/v1/leases/${leaseId}/complete`, result ? { result } : {});
  }

  fail(
    leaseId: string,
    failure: { retryable: boolean; message: string; error_code?: number },
  ): Promise<{ status: 'queued' | 'failed' | 'cancelled' }> {
    return this.json('POST', `/worker/v1/leases/${leaseId}/fail`, failure);
  }

  private async json<T>(method: string, path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    const response = await this.send(method, path, {
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json' },
      signal,
    });
    const envelope = (await response.json()) as { code: number; data: T };
    return envelope.data;
  }

  private async send(
    method: string,
    path: string,
    init: { body?: BodyInit; headers?: Record<string, string>; signal?: AbortSignal } = {},
  ): Promise<Response> {
    const response = await this.fetchImpl(this.baseUrl + path, {
      method,
      body: init.body,
      headers: { Authorization: `Bearer ${this.token}`, ...init.headers },
      signal: init.signal,
    });
    if (response.ok) return response;
    const text = await response.text();
    let code: number | undefined;
    let message = text.slice(0, 300);
    try {
      const parsed = JSON.parse(text) as { code?: number; message?: string };
      code = parsed.code;
      message = parsed.message ?? message;
    } catch {
      // not JSON
    }
    throw new WorkerApiError(
      response.status,
      code,
      `${method} ${path}: HTTP ${response.status}${code !== undefined ? ` (code ${code})` : ''}: ${message}`,
    );
  }
}
