export * from './error-catalog.ts';
export * from './task-status.ts';
export * from './task-types.ts';
export * from './task-requests/index.ts';
export * from './webhook-signature.ts';
export * from './worker-lease.ts';
export * from './json-values.ts';
export * from './responses/index.ts';
