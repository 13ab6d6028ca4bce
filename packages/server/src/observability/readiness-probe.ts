// Readiness (GET /ready): whether this process can serve requests now — its database answers and its blob store
// can be reached. Liveness (GET /health) stays a plain 200, so an orchestrator restarts a hung process but only
// stops routing to one whose dependencies are down. Results are kept for a second: a load balancer polling every
// process cannot turn the probe into load on the database or paid calls to S3.
import { sql } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database-schema.ts';
import type { BlobStore } from '../storage/blob-store.ts';

export const READINESS_DEFAULTS = {
  /** each dependency must answer within this */
  checkTimeoutMs: 2000,
  cacheMs: 1000,
} as const;

export type DependencyState = 'ok' | 'unreachable';

export interface Readiness {
  ready: boolean;
  checks: { database: DependencyState; storage: DependencyState };
}

export class ReadinessProbe {
  private cached?: { atMs: number; result: Promise<Readiness> };
  private draining = false;

  constructor(
    private readonly db: Database,
    private readonly blobs: BlobStore,
    private readonly clock: Clock,
    private readonly log: (message: string, details?: Record<string, unknown>) => void,
    private readonly options: { checkTimeoutMs: number; cacheMs: number } = READINESS_DEFAULTS,
  ) {}

  /** From shutdown on, the process reports not ready so the load balancer drains it first. */
  startDraining(): void {
    this.draining = true;
  }

  check(): Promise<Readiness> {
    const nowMs = this.clock.nowMs();
    if (!this.cached || nowMs - this.cached.atMs >= this.options.cacheMs)
      this.cached = { atMs: nowMs, result: this.run() };
    return this.cached.result.then((result) => (this.draining ? { ...result, ready: false } : result));
  }

  private async run(): Promise<Readiness> {
    const [database, storage] = await Promise.all([
      this.probe('database', () => sql`select 1`.execute(this.db)),
      this.probe('storage', () => this.blobs.checkReachable()),
    ]);
    return { ready: database === 'ok' && storage === 'ok', checks: { database, storage } };
  }

  private async probe(name: string, action: () => Promise<unknown>): Promise<DependencyState> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${this.options.checkTimeoutMs} ms`)),
        this.options.checkTimeoutMs,
      );
    });
    try {
      await Promise.race([action(), timeout]);
      return 'ok';
    } catch (error) {
      this.log(`readiness: the ${name} is not reachable`, { error: String((error as Error)?.message ?? error) });
      return 'unreachable';
    } finally {
      clearTimeout(timer);
    }
  }
}
