// Forward-only migrations, in order. Never edit a released migration; add the next one.
import type { Migration } from 'kysely';
import * as initial from './0001-initial.ts';
import * as idempotencyCancelDeadline from './0002-idempotency-cancel-deadline.ts';
import * as webhooks from './0003-webhooks.ts';
import * as testMode from './0004-test-mode.ts';

export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-idempotency-cancel-deadline': idempotencyCancelDeadline,
  '0003-webhooks': webhooks,
  '0004-test-mode': testMode,
};
