// A separate HTTP listener that serves only GET /metrics, on the address the operator binds it to
// (POLYFORGE_METRICS_LISTEN, e.g. 127.0.0.1:9464): how a worker process, which has no API port, is scraped, and
// how metrics stay off the public port without a token.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MetricsListener {
  address: string;
  close(): Promise<void>;
}

export async function startMetricsListener(
  listen: { host: string; port: number },
  render: () => Promise<{ contentType: string; body: string }>,
): Promise<MetricsListener> {
  const server = http.createServer((request, response) => {
    if (request.method !== 'GET' || (request.url ?? '').split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('only GET /metrics is served here\n');
      return;
    }
    render().then(
      (metrics) => response.writeHead(200, { 'content-type': metrics.contentType }).end(metrics.body),
      () => response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    address: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
