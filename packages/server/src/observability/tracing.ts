// Optional OpenTelemetry traces, off by default: with POLYFORGE_OTEL_ENDPOINT set, the OTLP/HTTP exporter and the
// SDK are loaded (dynamic imports: a deployment without it never loads them) and the platform records a span per
// HTTP request (continuing a caller's W3C traceparent), per task run, and per provider call under its task, which
// carries the traceparent on. Spans are made by hand at these edges rather than by auto-instrumentation, which in
// an ES-module process needs a loader hook at startup.
import type { Context, Span, Tracer } from '@opentelemetry/api';

export type SpanAttributes = Record<string, string | number | boolean | undefined>;

export interface TraceSpan {
  setAttributes(attributes: SpanAttributes): void;
  end(outcome?: 'ok' | 'error', message?: string): void;
  /** the W3C traceparent of this span, for an outgoing call */
  traceparent(): string | undefined;
}

export interface Tracing {
  readonly enabled: boolean;
  /** a span; its parent is `parent`, or the caller's traceparent header, or none */
  startSpan(name: string, attributes: SpanAttributes, parent?: TraceSpan | { traceparent?: string }): TraceSpan;
  shutdown(): Promise<void>;
}

const NO_SPAN: TraceSpan = { setAttributes: () => undefined, end: () => undefined, traceparent: () => undefined };

export const NO_TRACING: Tracing = { enabled: false, startSpan: () => NO_SPAN, shutdown: async () => undefined };

export async function startTracing(settings: { endpoint: string; serviceName: string } | undefined): Promise<Tracing> {
  if (!settings) return NO_TRACING;
  const [api, core, sdk, exporterModule, resources] = await Promise.all([
    import('@opentelemetry/api'),
    import('@opentelemetry/core'),
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
  ]);
  const exporter = new exporterModule.OTLPTraceExporter({ url: `${settings.endpoint.replace(/\/$/, '')}/v1/traces` });
  const provider = new sdk.BasicTracerProvider({
    resource: resources.resourceFromAttributes({ 'service.name': settings.serviceName }),
    spanProcessors: [new sdk.BatchSpanProcessor(exporter)],
  });
  const tracer: Tracer = provider.getTracer('polyforge');
  const propagator = new core.W3CTraceContextPropagator();
  const getter = {
    get: (carrier: Record<string, string>, key: string) => carrier[key],
    keys: (carrier: Record<string, string>) => Object.keys(carrier),
  };
  const setter = { set: (carrier: Record<string, string>, key: string, value: string) => void (carrier[key] = value) };

  const wrap = (span: Span): TraceSpan & { context: Context } => {
    const context = api.trace.setSpan(api.ROOT_CONTEXT, span);
    return {
      context,
      setAttributes: (attributes) => span.setAttributes(definedOnly(attributes)),
      end: (outcome, message) => {
        if (outcome)
          span.setStatus({ code: outcome === 'ok' ? api.SpanStatusCode.OK : api.SpanStatusCode.ERROR, message });
        span.end();
      },
      traceparent: () => {
        const carrier: Record<string, string> = {};
        propagator.inject(context, carrier, setter);
        return carrier.traceparent;
      },
    };
  };

  return {
    enabled: true,
    startSpan(name, attributes, parent) {
      let parentContext: Context = api.ROOT_CONTEXT;
      if (parent && 'context' in parent) parentContext = (parent as unknown as { context: Context }).context;
      else if (parent?.traceparent)
        parentContext = propagator.extract(api.ROOT_CONTEXT, { traceparent: parent.traceparent }, getter);
      return wrap(tracer.startSpan(name, { attributes: definedOnly(attributes) }, parentContext));
    },
    shutdown: () => provider.shutdown(),
  };
}

function definedOnly(attributes: SpanAttributes): Record<string, string | number | boolean> {
  return Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== undefined)) as Record<
    string,
    string | number | boolean
  >;
}
