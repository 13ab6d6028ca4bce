// A task lease as the worker protocol hands it to a worker (POST /worker/v1/lease, GET /worker/v1/leases/{id};
// docs/worker-protocol.md): the one definition the server and the TypeScript worker SDK share.
import type { z } from 'zod';
import type { workerLeaseInputSchema, workerLeaseSchema } from './responses/worker-responses.ts';

export type WorkerLeaseInput = z.output<typeof workerLeaseInputSchema>;
export type WorkerLease = z.output<typeof workerLeaseSchema>;
