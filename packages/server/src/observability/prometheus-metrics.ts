// The platform's Prometheus metrics (prom-client), one registry per platform so several platforms in one process
// (tests) never mix. Counters and histograms are fed by PlatformTelemetry calls and the HTTP hook; queue depth and
// age, and the workers online, are read from the database when Prometheus scrapes (the database is the truth
// shared by every process, so any process's /metrics shows the whole queue).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ProviderCallRecord, PlatformTelemetry, ProviderTelemetry } from './telemetry.ts';

export interface QueueState {
  queueName: string;
  queued: number;
  leased: number;
  oldestQueuedAtMs: number | null;
}

export interface MetricsSources {
  nowMs(): number;
  /** per queue: queued and leased jobs, and when the oldest queued job was created */
  queueStates(): Promise<QueueState[]>;
  /** external workers seen within their lease, and in-process runners of this process */
  workersOnline(): Promise<{ external: number; inProcess: number }>;
}

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const TASK_SECONDS_BUCKETS = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];

export class PrometheusMetrics implements PlatformTelemetry {
  readonly registry = new Registry();
  private readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  private readonly httpDuration: Histogram<'method' | 'route'>;
  private readonly tasksCreated: Counter<'type' | 'wallet'>;
  private readonly tasksFinished: Counter<'type' | 'engine' | 'status'>;
  private readonly taskRunSeconds: Histogram<'type' | 'engine' | 'status'>;
  private readonly taskQueueSeconds: Histogram<'type'>;
  private readonly credits: Counter<'movement' | 'wallet'>;
  private readonly webhookDeliveries: Counter<'outcome'>;
  private readonly leaseExpiries: Counter<'cause'>;
  private readonly providerCalls: Counter<'provider' | 'operation' | 'outcome'>;
  private readonly providerSeconds: Histogram<'provider' | 'operation'>;

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'polyforge_' });
    this.httpRequests = new Counter({
      name: 'polyforge_http_requests_total',
      help: 'HTTP requests answered, by route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.httpDuration = new Histogram({
      name: 'polyforge_http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['method', 'route'],
      buckets: SECONDS_BUCKETS,
      registers,
    });
    this.tasksCreated = new Counter({
      name: 'polyforge_tasks_created_total',
      help: 'Tasks created (held and queued)',
      labelNames: ['type', 'wallet'],
      registers,
    });
    this.tasksFinished = new Counter({
      name: 'polyforge_tasks_finished_total',
      help: 'Tasks that reached a final status',
      labelNames: ['type', 'engine', 'status'],
      registers,
    });
    this.taskRunSeconds = new Histogram({
      name: 'polyforge_task_run_duration_seconds',
      help: 'From start to final status, tasks that ran',
      labelNames: ['type', 'engine', 'status'],
      buckets: TASK_SECONDS_BUCKETS,
      registers,
    });
    this.taskQueueSeconds = new Histogram({
      name: 'polyforge_task_queue_wait_seconds',
      help: 'From creation to start',
      labelNames: ['type'],
      buckets: TASK_SECONDS_BUCKETS,
      registers,
    });
    this.credits = new Counter({
      name: 'polyforge_credits_total',
      help: 'Credits held at create, captured on success, released on failure or cancel',
      labelNames: ['movement', 'wallet'],
      registers,
    });
    this.webhookDeliveries = new Counter({
      name: 'polyforge_webhook_deliveries_total',
      help: 'Webhook delivery attempts by outcome',
      labelNames: ['outcome'],
      registers,
    });
    this.leaseExpiries = new Counter({
      name: 'polyforge_lease_expiries_total',
      help: 'Leases that expired: worker lost, or waited out as a database outage',
      labelNames: ['cause'],
      registers,
    });
    this.providerCalls = new Counter({
      name: 'polyforge_provider_requests_total',
      help: 'Calls to third-party APIs by outcome',
      labelNames: ['provider', 'operation', 'outcome'],
      registers,
    });
    this.providerSeconds = new Histogram({
      name: 'polyforge_provider_request_duration_seconds',
      help: 'Third-party API call duration',
      labelNames: ['provider', 'operation'],
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers,
    });

    // one database read per scrape serves the four gauges below (prom-client awaits each gauge's collect)
    let scrape: Promise<void> | undefined;
    const collectAll = () => {
      scrape ??= (async () => {
        try {
          const [states, online] = await Promise.all([sources.queueStates(), sources.workersOnline()]);
          queueDepth.reset();
          queueAge.reset();
          for (const state of states) {
            queueDepth.set({ queue: state.queueName, state: 'queued' }, state.queued);
            queueDepth.set({ queue: state.queueName, state: 'leased' }, state.leased);
            queueAge.set(
              { queue: state.queueName },
              state.oldestQueuedAtMs === null ? 0 : Math.max(0, (sources.nowMs() - state.oldestQueuedAtMs) / 1000),
            );
          }
          workers.set({ kind: 'external' }, online.external);
          workers.set({ kind: 'in_process' }, online.inProcess);
          databaseUp.set(1);
        } catch {
          databaseUp.set(0);
        }
      })().finally(() => {
        scrape = undefined;
      });
      return scrape;
    };
    const collect = collectAll;
    const queueDepth = new Gauge({
      name: 'polyforge_queue_depth',
      help: 'Jobs per queue and state (default = in-process runners, pool:<name> = worker pools)',
      labelNames: ['queue', 'state'],
      registers,
      collect,
    });
    const queueAge = new Gauge({
      name: 'polyforge_queue_oldest_age_seconds',
      help: 'Age of the oldest queued job per queue',
      labelNames: ['queue'],
      registers,
      collect,
    });
    const workers = new Gauge({
      name: 'polyforge_workers_online',
      help: 'External workers seen within a lease, and in-process runners of this process',
      labelNames: ['kind'],
      registers,
      collect,
    });
    const databaseUp = new Gauge({
      name: 'polyforge_database_up',
      help: '1 when the last scrape could read the database',
      registers,
      collect,
    });
  }

  observeRequest(method: string, route: string, status: number, durationSeconds: number): void {
    this.httpRequests.inc({ method, route, status: String(status) });
    this.httpDuration.observe({ method, route }, durationSeconds);
  }

  taskCreated(task: { type: string; wallet: string }): void {
    this.tasksCreated.inc({ type: task.type, wallet: task.wallet });
  }

  taskFinished(task: {
    type: string;
    engine: string;
    status: string;
    runSeconds?: number;
    queueSeconds?: number;
  }): void {
    this.tasksFinished.inc({ type: task.type, engine: task.engine, status: task.status });
    if (task.runSeconds !== undefined)
      this.taskRunSeconds.observe({ type: task.type, engine: task.engine, status: task.status }, task.runSeconds);
    if (task.queueSeconds !== undefined) this.taskQueueSeconds.observe({ type: task.type }, task.queueSeconds);
  }

  creditsMoved(movement: 'held' | 'captured' | 'released', wallet: string, credits: number): void {
    if (credits > 0) this.credits.inc({ movement, wallet }, credits);
  }

  webhookDelivery(outcome: 'delivered' | 'failed_attempt' | 'gave_up'): void {
    this.webhookDeliveries.inc({ outcome });
  }

  leaseExpired(platformFault: boolean): void {
    this.leaseExpiries.inc({ cause: platformFault ? 'database_outage' : 'worker_lost' });
  }

  providerTelemetry(requestId?: string): ProviderTelemetry {
    return {
      requestId,
      recordProviderCall: (call: ProviderCallRecord) => {
        this.providerCalls.inc({ provider: call.provider, operation: call.operation, outcome: call.outcome });
        this.providerSeconds.observe({ provider: call.provider, operation: call.operation }, call.durationSeconds);
      },
    };
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
