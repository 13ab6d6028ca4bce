// What the platform's modules report about themselves, as plain calls: the domain code never imports prom-client
// (prometheus-metrics.ts implements this) and runs unchanged with the no-op recorder in tests and ops commands.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SpanAttributes, TraceSpan } from './tracing.ts';
export type CreditMovement = 'held' | 'captured' | 'released';
export type WebhookDeliveryOutcome = 'delivered' | 'failed_attempt' | 'gave_up';

/** One call to a third-party API (an image provider, an upstream Tripo-compatible API, a 3D provider). */
export interface ProviderCallRecord {
  /** e.g. "openai", "upstream", "meshy" */
  provider: string;
  /** e.g. "generate_image", "create_task", "poll" */
  operation: string;
  durationSeconds: number;
  /** HTTP status, 0 when no answer came */
  status: number;
  outcome: 'success' | 'http_error' | 'timeout' | 'network_error';
}

/**
 * Handed to engines (EngineContext.telemetry) and from there to provider HTTP calls: the request id of the API call
 * that created the task, to send along (X-Request-Id) and log, and the recorder of provider latency and errors.
 */
export interface ProviderTelemetry {
  readonly requestId?: string;
  recordProviderCall(call: ProviderCallRecord): void;
  /** a trace span for one call, a child of the task's span (absent: tracing is off) */
  startCallSpan?(name: string, attributes: SpanAttributes): TraceSpan;
}

export interface PlatformTelemetry {
  taskCreated(task: { type: string; wallet: string }): void;
  /** a task reached a final status; runSeconds from start to end when it ran */
  taskFinished(task: {
    type: string;
    engine: string;
    status: string;
    runSeconds?: number;
    queueSeconds?: number;
  }): void;
  creditsMoved(movement: CreditMovement, wallet: string, credits: number): void;
  webhookDelivery(outcome: WebhookDeliveryOutcome): void;
  /** a task was requeued or failed because its worker stopped heartbeating; platformFault when the database was down */
  leaseExpired(platformFault: boolean): void;
  providerTelemetry(requestId?: string): ProviderTelemetry;
}

export const NO_PROVIDER_TELEMETRY: ProviderTelemetry = { recordProviderCall: () => undefined };

export const NO_TELEMETRY: PlatformTelemetry = {
  taskCreated: () => undefined,
  taskFinished: () => undefined,
  creditsMoved: () => undefined,
  webhookDelivery: () => undefined,
  leaseExpired: () => undefined,
  providerTelemetry: (requestId) =>
    requestId ? { requestId, recordProviderCall: () => undefined } : NO_PROVIDER_TELEMETRY,
};

// The task being run carries its ProviderTelemetry through every await of its engine, so provider HTTP helpers
// (engines/providers/provider-http.ts) and adapters that call them report without each engine passing it along.
const providerTelemetryStorage = new AsyncLocalStorage<ProviderTelemetry>();

export function runWithProviderTelemetry<T>(telemetry: ProviderTelemetry, action: () => Promise<T>): Promise<T> {
  return providerTelemetryStorage.run(telemetry, action);
}

/** The telemetry of the task whose engine is running here, or the no-op one outside a task. */
export function currentProviderTelemetry(): ProviderTelemetry {
  return providerTelemetryStorage.getStore() ?? NO_PROVIDER_TELEMETRY;
}
