// Forward-only migrations, in order. Never edit a released migration; add the next one.
import type { Migration } from 'kysely';
import * as initial from './0001-initial.ts';
import * as idempotencyCancelDeadline from './0002-idempotency-cancel-deadline.ts';
import * as webhooks from './0003-webhooks.ts';
import * as testMode from './0004-test-mode.ts';
import * as v3Uploads from './0005-v3-uploads.ts';
import * as imageInputs from './0006-image-inputs.ts';
import * as workers from './0007-workers.ts';
import * as dashboard from './0008-dashboard.ts';
import * as scale from './0009-scale.ts';
import * as stsUploadParts from './0010-sts-upload-parts.ts';
import * as providerCalls from './0011-provider-calls.ts';
import * as production from './0012-production.ts';

export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-idempotency-cancel-deadline': idempotencyCancelDeadline,
  '0003-webhooks': webhooks,
  '0004-test-mode': testMode,
  '0005-v3-uploads': v3Uploads,
  '0006-image-inputs': imageInputs,
  '0007-workers': workers,
  '0008-dashboard': dashboard,
  '0009-scale': scale,
  '0010-sts-upload-parts': stsUploadParts,
  '0011-provider-calls': providerCalls,
  '0012-production': production,
};
