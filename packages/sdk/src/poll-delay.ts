// How long `waitForTask` sleeps between polls: the caller's interval, stretched by the server's time estimate.

export interface PollDelayOptions {
  pollIntervalMs: number;
  maxPollIntervalMs: number;
}

/**
 * Half the server's `running_left_time`, never below the caller's interval and never above the cap.
 * Clients that follow the estimate uncapped (the Python SDK) can oversleep a task by minutes when the
 * estimate is pessimistic; a cap keeps progress output lively and the wait bounded.
 */
export function nextPollDelayMs(runningLeftTimeSeconds: number | null | undefined, options: PollDelayOptions): number {
  const { pollIntervalMs } = options;
  const maxPollIntervalMs = Math.max(pollIntervalMs, options.maxPollIntervalMs);
  if (
    typeof runningLeftTimeSeconds !== 'number' ||
    !Number.isFinite(runningLeftTimeSeconds) ||
    runningLeftTimeSeconds <= 0
  ) {
    return pollIntervalMs;
  }
  return Math.min(maxPollIntervalMs, Math.max(pollIntervalMs, (runningLeftTimeSeconds * 1000) / 2));
}

/** Delay before retry `attempt` (1-based): the server's Retry-After when given (capped), else 1 s · 2^(n−1) up to 8 s. */
export function retryDelayMs(attempt: number, retryAfterSeconds: number | undefined): number {
  if (retryAfterSeconds !== undefined && retryAfterSeconds >= 0) return Math.min(retryAfterSeconds, 30) * 1000;
  return Math.min(8000, 1000 * 2 ** (attempt - 1));
}
