// Tells platform faults (the database unreachable: PostgreSQL restarting, a connection cut, a locked SQLite file)
// from everything else, and remembers when this process last saw one, so the work lost to an outage is not charged
// to a task's attempts (task-runner.ts) and a process started before its database waits for it (retryAtBoot).
import type { Clock } from '../clock.ts';

/** Connection-level failures of PostgreSQL (pg) or a locked SQLite file: the operation can be retried as it was. */
const UNAVAILABLE_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08006', // connection_failure
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/;

export function isDatabaseUnavailable(error: unknown): boolean {
  const { code, message, errors, cause } = (error ?? {}) as {
    code?: unknown;
    message?: unknown;
    errors?: unknown;
    cause?: unknown;
  };
  if (typeof code === 'string' && UNAVAILABLE_ERROR_CODES.has(code)) return true;
  if (cause !== undefined && cause !== error && isDatabaseUnavailable(cause)) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  // Node reports a refused connect to a name with several addresses (localhost: ::1 and 127.0.0.1) as an AggregateError
  return Array.isArray(errors) && errors.length > 0 && errors.every((each) => isDatabaseUnavailable(each));
}

/** When this process last found the database unreachable (every pool error and failed worker step reports here). */
export class DatabaseAvailability {
  private lastUnavailableAtMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly clock: Clock) {}

  /** Records the error when it is an outage; returns whether it was one. */
  noteFailure(error: unknown): boolean {
    if (!isDatabaseUnavailable(error)) return false;
    this.markUnavailable();
    return true;
  }

  markUnavailable(): void {
    this.lastUnavailableAtMs = this.clock.nowMs();
  }

  /** Whether an outage was seen in the last `windowMs`. */
  unavailableWithin(windowMs: number): boolean {
    return this.clock.nowMs() - this.lastUnavailableAtMs <= windowMs;
  }
}

export interface BootRetryOptions {
  /** give up after this long; 0 = try once */
  timeoutSeconds: number;
  log: (message: string, details?: Record<string, unknown>) => void;
  /** which failures are worth waiting out (default: database outages) */
  isTransient?: (error: unknown) => boolean;
}

/**
 * Runs a boot step (open and migrate the database, reach the bucket) until it succeeds, waiting out transient
 * failures with capped exponential backoff, so a process started before its database (a host reboot, a container
 * scheduled first) comes up when the database does instead of exiting.
 */
export async function retryAtBoot<T>(what: string, step: () => Promise<T>, options: BootRetryOptions): Promise<T> {
  const deadlineMs = Date.now() + options.timeoutSeconds * 1000;
  const isTransient = options.isTransient ?? isDatabaseUnavailable;
  let delayMs = 250;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await step();
    } catch (error) {
      const remainingMs = deadlineMs - Date.now();
      if (!isTransient(error) || remainingMs <= 0) throw error;
      options.log(`${what} is not reachable yet; retrying`, {
        attempt,
        retryInMs: Math.min(delayMs, remainingMs),
        error: String((error as Error)?.message ?? error),
      });
      await new Promise((resolve) => setTimeout(resolve, Math.min(delayMs, remainingMs)));
      delayMs = Math.min(delayMs * 2, 5000);
    }
  }
}
