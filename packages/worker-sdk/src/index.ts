// Public surface of the TypeScript worker SDK.
export { PolyforgeWorker, TaskError } from './polyforge-worker.ts';
export type { LeasedTask, OutputFile, PolyforgeWorkerOptions, TaskHandler, TaskOutput } from './polyforge-worker.ts';
export { WorkerApiClient, WorkerApiError } from './worker-api-client.ts';
export type { Lease, LeaseInput, Registration } from './worker-api-client.ts';
