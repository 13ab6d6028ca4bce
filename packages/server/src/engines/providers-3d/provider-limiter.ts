// One provider account's limits in this process: at most `maxConcurrent` tasks in flight and `tasksPerMinute`
// started per sliding minute. The runner claims a provider queue's next job only while its provider has room
// (so tasks beyond the limits wait, queued, in our fair queue); a failover to another provider waits its turn
// here, first come first served.
export interface ProviderLimiterOptions {
  maxConcurrent: number;
  tasksPerMinute: number;
  now?: () => number;
}

const MINUTE_MS = 60_000;
/** A claimed provider job's engine starts within milliseconds; a reservation older than this was not used. */
const RESERVATION_TTL_MS = 30_000;

interface Waiter {
  grant: (release: () => void) => void;
}

export class ProviderLimiter {
  private inFlight = 0;
  private readonly startedAtMs: number[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly now: () => number;
  private readonly releaseListeners = new Set<() => void>();
  private windowTimer: NodeJS.Timeout | undefined;
  /** slots taken for a job just claimed, until its engine run acquires them (or they lapse) */
  private readonly reservedAtMs: number[] = [];

  constructor(private readonly options: ProviderLimiterOptions) {
    this.now = options.now ?? Date.now;
  }

  get active(): number {
    return this.inFlight;
  }

  get waiting(): number {
    return this.waiters.length;
  }

  /** Whether a task could start now (checked before claiming a queued job for this provider). */
  hasRoom(): boolean {
    return this.waiters.length === 0 && this.roomNow();
  }

  /**
   * Takes a slot for a job the runner has just claimed for this provider (under the runtime's claim lock, so
   * concurrent claims cannot all see the same free slot); the task's first acquire() gets it. A reservation no
   * engine takes within RESERVATION_TTL_MS is given back.
   */
  reserve(): void {
    this.inFlight += 1;
    this.startedAtMs.push(this.now());
    this.reservedAtMs.push(this.now());
  }

  /** Gives back one reservation (its task skipped this provider without calling it). */
  cancelReservation(): void {
    if (this.reservedAtMs.length === 0) return;
    this.reservedAtMs.shift();
    this.inFlight -= 1;
    this.pump();
    for (const listener of this.releaseListeners) listener();
  }

  /** Waits (first come, first served) for room, takes a slot and returns its release. */
  acquire(signal: AbortSignal): Promise<() => void> {
    signal.throwIfAborted();
    this.dropLapsedReservations();
    if (this.reservedAtMs.length > 0) {
      this.reservedAtMs.shift();
      return Promise.resolve(this.releaseOf());
    }
    if (this.waiters.length === 0 && this.roomNow()) return Promise.resolve(this.take());
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: (release) => {
          signal.removeEventListener('abort', onAbort);
          resolve(release);
        },
      };
      const onAbort = () => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
      this.scheduleWindowCheck();
    });
  }

  /** Called whenever a slot frees (the platform wakes its provider runners then). */
  onRelease(listener: () => void): void {
    this.releaseListeners.add(listener);
  }

  private take(): () => void {
    this.inFlight += 1;
    this.startedAtMs.push(this.now());
    return this.releaseOf();
  }

  private releaseOf(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight -= 1;
      this.pump();
      for (const listener of this.releaseListeners) listener();
    };
  }

  private dropLapsedReservations(): void {
    const since = this.now() - RESERVATION_TTL_MS;
    while (this.reservedAtMs.length > 0 && this.reservedAtMs[0]! <= since) {
      this.reservedAtMs.shift();
      this.inFlight -= 1;
    }
  }

  private pump(): void {
    while (this.waiters.length > 0 && this.roomNow()) this.waiters.shift()!.grant(this.take());
    if (this.waiters.length > 0) this.scheduleWindowCheck();
  }

  /** A full minute window frees by time, not by a release: look again when its oldest start ages out. */
  private scheduleWindowCheck(): void {
    if (this.windowTimer || this.inFlight >= this.options.maxConcurrent) return;
    const oldest = this.startedAtMs[0];
    if (oldest === undefined) return;
    this.windowTimer = setTimeout(
      () => {
        this.windowTimer = undefined;
        this.pump();
        for (const listener of this.releaseListeners) listener();
      },
      Math.max(10, oldest + MINUTE_MS - this.now()),
    );
    this.windowTimer.unref();
  }

  private roomNow(): boolean {
    this.dropLapsedReservations();
    return this.inFlight < this.options.maxConcurrent && this.startsInLastMinute() < this.options.tasksPerMinute;
  }

  private startsInLastMinute(): number {
    const since = this.now() - MINUTE_MS;
    while (this.startedAtMs.length > 0 && this.startedAtMs[0]! <= since) this.startedAtMs.shift();
    return this.startedAtMs.length;
  }
}
