// A task lease as the worker protocol hands it to a worker (POST /worker/v1/lease, GET /worker/v1/leases/{id};
// docs/worker-protocol.md): the one definition the server and the TypeScript worker SDK share.

export interface WorkerLeaseInput {
  name: string;
  kind: 'image' | 'model';
  format: string;
  file_name: string;
  size_bytes: number;
  /** Path of the input's download under the worker API, relative to its base URL. */
  path: string;
  /** The same download as an absolute URL. */
  url: string;
}

export interface WorkerLease {
  lease_id: string;
  task_id: string;
  /** the id of the API request that created the task (its X-Request-Id): log it, pass it on to providers */
  request_id: string | null;
  task_type: string;
  model_version: string | null;
  attempt: number;
  max_attempts: number;
  lease_expires_at: number;
  lease_seconds: number;
  heartbeat_interval_seconds: number;
  request: Record<string, unknown>;
  inputs: WorkerLeaseInput[];
}
