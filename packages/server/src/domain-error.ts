// Typed domain errors: a stable catalog name plus a human detail. api/on-error.ts is the one place that maps them to the wire.
import { ERROR_CATALOG, type ErrorName } from '@polyforge/protocol';

export class DomainError extends Error {
  readonly errorName: ErrorName;
  readonly retryAfterSeconds?: number;

  constructor(errorName: ErrorName, detail?: string, options: { retryAfterSeconds?: number } = {}) {
    super(detail ?? ERROR_CATALOG[errorName].message);
    this.name = 'DomainError';
    this.errorName = errorName;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get retryable(): boolean {
    return ERROR_CATALOG[this.errorName].retryable;
  }
}
