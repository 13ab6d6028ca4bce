// Optional OpenTelemetry traces: with POLYFORGE_OTEL_ENDPOINT set, spans reach an OTLP/HTTP collector (here a
// loopback server reading the JSON export): the request's server span continues the caller's traceparent, and the
// task's run span carries the request id. Off by default: no endpoint, no spans, the SDK is not loaded.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { apiClient } from '../harness/api-client.ts';
import { startTestPlatform } from '../harness/start-test-platform.ts';

interface ExportedSpan {
  name: string;
  traceId: string;
  parentSpanId?: string;
  attributes: { key: string; value: { stringValue?: string; intValue?: number } }[];
}

describe('OpenTelemetry traces', () => {
  it('exports a span per request (continuing traceparent) and per task run', async () => {
    const spans: ExportedSpan[] = [];
    const collector = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        if (request.url === '/v1/traces') {
          const exported = JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: ExportedSpan[] }[] }[] };
          for (const resource of exported.resourceSpans)
            for (const scope of resource.scopeSpans) spans.push(...scope.spans);
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const harness = await startTestPlatform({
      environment: { POLYFORGE_OTEL_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}` },
    });
    try {
      const account = await harness.createAccount();
      const client = apiClient(harness.baseUrl, account.apiKey);
      const upload = await client.upload(await texturedCubeGlb(), 'cube.glb');
      const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
      const created = await client.createTask(
        { type: 'import_model', file: { type: 'glb', file_token: upload.body.data.image_token } },
        { traceparent: `00-${traceId}-00f067aa0ba902b7-01`, 'X-Request-Id': 'traced-request-0001' },
      );
      expect(created.status).toBe(200);
      await harness.drainQueue();
    } finally {
      await harness.close(); // shuts the tracer down: the batch is exported
      await new Promise<void>((resolve) => collector.close(() => resolve()));
    }
    const attribute = (span: ExportedSpan, key: string) => span.attributes.find((entry) => entry.key === key)?.value;
    const serverSpan = spans.find((span) => span.name === 'POST /v2/openapi/task');
    expect(serverSpan?.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(serverSpan?.parentSpanId).toBe('00f067aa0ba902b7');
    expect(attribute(serverSpan!, 'polyforge.request_id')?.stringValue).toBe('traced-request-0001');
    const runSpan = spans.find((span) => span.name === 'task.run');
    expect(attribute(runSpan!, 'polyforge.request_id')?.stringValue).toBe('traced-request-0001');
    expect(attribute(runSpan!, 'polyforge.task_type')?.stringValue).toBe('import_model');
  });
});
