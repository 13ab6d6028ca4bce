// A provider that keeps failing is skipped for a while: after `failureThreshold` consecutive failures the breaker
// opens for `openMs`; then one trial request is let through (half-open): success closes it, failure reopens it.
// Auth and exhausted-credit answers trip it at once: retrying cannot help until the operator acts.
export type BreakerState = 'closed' | 'open' | 'half_open';

export interface CircuitBreakerOptions {
  failureThreshold: number;
  openMs: number;
  now?: () => number;
}

export interface BreakerSnapshot {
  state: BreakerState;
  consecutiveFailures: number;
  /** epoch ms when an open breaker lets a trial request through */
  retryAtMs?: number;
  lastFailure?: string;
}

export class CircuitBreaker {
  private consecutiveFailures = 0;
  private openUntilMs = 0;
  private trialInFlight = false;
  private lastFailure: string | undefined;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    if (this.openUntilMs === 0) return 'closed';
    return this.now() < this.openUntilMs ? 'open' : 'half_open';
  }

  /** Whether a request may go to the provider now; in half-open state only one trial at a time. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  recordSuccess(): void {
    this.consecutiveFailures = 0;
    this.openUntilMs = 0;
    this.trialInFlight = false;
  }

  recordFailure(reason: string): void {
    this.consecutiveFailures += 1;
    this.lastFailure = reason;
    const wasTrial = this.trialInFlight;
    this.trialInFlight = false;
    if (wasTrial || this.consecutiveFailures >= this.options.failureThreshold)
      this.openUntilMs = this.now() + this.options.openMs;
  }

  /** Opens the breaker now, whatever the count (the key was refused, the account is out of credits). */
  trip(reason: string): void {
    this.consecutiveFailures = Math.max(this.consecutiveFailures + 1, this.options.failureThreshold);
    this.lastFailure = reason;
    this.trialInFlight = false;
    this.openUntilMs = this.now() + this.options.openMs;
  }

  /** Ends a trial that neither succeeded nor failed (the task was cancelled). */
  releaseTrial(): void {
    this.trialInFlight = false;
  }

  snapshot(): BreakerSnapshot {
    const state = this.state;
    return {
      state,
      consecutiveFailures: this.consecutiveFailures,
      ...(state === 'open' ? { retryAtMs: this.openUntilMs } : {}),
      ...(this.lastFailure ? { lastFailure: this.lastFailure } : {}),
    };
  }
}
