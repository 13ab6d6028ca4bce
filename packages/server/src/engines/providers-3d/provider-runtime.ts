// The live state shared by every route that uses the configured 3D providers: one circuit breaker and one
// limiter per provider account, the queue each provider's tasks wait in, and a listener seam for metrics.
import { CircuitBreaker, type BreakerSnapshot } from './circuit-breaker.ts';
import type { Provider3dName, ProviderFailureKind } from './provider-3d.ts';
import { ProviderLimiter } from './provider-limiter.ts';

/** Jobs of tasks whose route starts with this provider wait in this queue. */
export const PROVIDER_QUEUE_PREFIX = 'provider:';

export interface ProviderLimits {
  maxConcurrent: number;
  tasksPerMinute: number;
}

export interface ProviderRuntimeOptions {
  breakerFailures: number;
  breakerOpenMs: number;
  now?: () => number;
}

/** One provider call as observed (metrics can hook here: latency, errors by kind). */
export interface ProviderCallObservation {
  provider: Provider3dName;
  model: string;
  outcome: 'success' | 'failed' | 'skipped' | 'cancelled';
  failureKind?: ProviderFailureKind;
  durationMs: number;
}

export interface ProviderHealth {
  provider: Provider3dName;
  /** degraded while its breaker is open or half-open */
  status: 'ok' | 'degraded';
  breaker: BreakerSnapshot;
  in_flight: number;
  waiting: number;
  max_concurrent: number;
  tasks_per_minute: number;
}

export class ProviderRuntime {
  private readonly breakers = new Map<Provider3dName, CircuitBreaker>();
  private readonly limiters = new Map<Provider3dName, ProviderLimiter>();
  private readonly limits = new Map<Provider3dName, ProviderLimits>();
  private readonly observers = new Set<(observation: ProviderCallObservation) => void>();
  private claimLock: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ProviderRuntimeOptions) {}

  register(provider: Provider3dName, limits: ProviderLimits): void {
    if (this.breakers.has(provider)) return;
    this.breakers.set(
      provider,
      new CircuitBreaker({
        failureThreshold: this.options.breakerFailures,
        openMs: this.options.breakerOpenMs,
        now: this.options.now,
      }),
    );
    this.limiters.set(provider, new ProviderLimiter({ ...limits, now: this.options.now }));
    this.limits.set(provider, limits);
  }

  providers(): Provider3dName[] {
    return [...this.breakers.keys()];
  }

  breaker(provider: Provider3dName): CircuitBreaker {
    const breaker = this.breakers.get(provider);
    if (!breaker) throw new Error(`3D provider ${provider} is not registered`);
    return breaker;
  }

  limiter(provider: Provider3dName): ProviderLimiter {
    const limiter = this.limiters.get(provider);
    if (!limiter) throw new Error(`3D provider ${provider} is not registered`);
    return limiter;
  }

  /** The provider queues whose provider has room now: the only ones a runner may claim from. */
  claimableQueues(): string[] {
    return this.providers()
      .filter((provider) => this.limiter(provider).hasRoom())
      .map((provider) => `${PROVIDER_QUEUE_PREFIX}${provider}`);
  }

  /**
   * Runs a claim of provider jobs alone in this process: the queues with room are read, one job is claimed, and its
   * provider's slot is reserved before the next claim looks (runner loops claiming at once would otherwise all see
   * the same free slot).
   */
  serializeClaim<T>(claim: () => Promise<T>): Promise<T> {
    const result = this.claimLock.then(claim, claim);
    this.claimLock = result.catch(() => undefined);
    return result;
  }

  /** A job was claimed from `queueName`: reserve its provider's slot (see ProviderLimiter.reserve). */
  claimed(queueName: string): void {
    if (!queueName.startsWith(PROVIDER_QUEUE_PREFIX)) return;
    const limiter = this.limiters.get(queueName.slice(PROVIDER_QUEUE_PREFIX.length) as Provider3dName);
    limiter?.reserve();
  }

  isDegraded(provider: Provider3dName): boolean {
    return this.breaker(provider).state !== 'closed';
  }

  health(): ProviderHealth[] {
    return this.providers().map((provider) => {
      const breaker = this.breaker(provider).snapshot();
      const limiter = this.limiter(provider);
      const limits = this.limits.get(provider)!;
      return {
        provider,
        status: breaker.state === 'closed' ? 'ok' : 'degraded',
        breaker,
        in_flight: limiter.active,
        waiting: limiter.waiting,
        max_concurrent: limits.maxConcurrent,
        tasks_per_minute: limits.tasksPerMinute,
      };
    });
  }

  /** Listens to every provider call (a metrics module subscribes here). */
  observe(listener: (observation: ProviderCallObservation) => void): () => void {
    this.observers.add(listener);
    return () => this.observers.delete(listener);
  }

  notify(observation: ProviderCallObservation): void {
    for (const observer of this.observers) {
      try {
        observer(observation);
      } catch {
        // an observer's bug must not fail a task
      }
    }
  }

  /** Wakes `listener` whenever any provider frees a slot. */
  onRoom(listener: () => void): void {
    for (const limiter of this.limiters.values()) limiter.onRelease(listener);
  }
}
