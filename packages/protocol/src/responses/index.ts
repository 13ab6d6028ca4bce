// Public surface of the wire response schemas: envelopes, task views, and each surface's response data.
export * from './envelopes.ts';
export * from './task-views.ts';
export * from './v2-responses.ts';
export * from './v3-responses.ts';
export * from './worker-responses.ts';
