// A TLS-terminating reverse proxy for tests, like nginx in front of Polyforge: HTTPS on loopback with a self-signed
// certificate made by openssl for the test, forwarding to the plain-HTTP server with Host rewritten to the upstream
// (nginx's default) and X-Forwarded-Host / X-Forwarded-Proto set.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface TlsReverseProxy {
  /** https://127.0.0.1:<port> */
  origin: string;
  /** the PEM certificate clients should trust (it is its own CA) */
  certificateFile: string;
  /** where requests go from now on (the upstream may start after the proxy, once its public URL is known) */
  setUpstream(upstreamOrigin: string): void;
  close(): Promise<void>;
}

export async function startTlsReverseProxy(): Promise<TlsReverseProxy> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-tls-'));
  const keyFile = path.join(directory, 'key.pem');
  const certificateFile = path.join(directory, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-keyout',
      keyFile,
      '-out',
      certificateFile,
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=digitalSignature,keyEncipherment,keyCertSign',
    ],
    { stdio: 'ignore' },
  );
  let upstream: URL | undefined;
  const server = https.createServer(
    { key: await fs.readFile(keyFile), cert: await fs.readFile(certificateFile) },
    (request, response) => {
      if (!upstream) {
        response.writeHead(502).end('no upstream yet');
        return;
      }
      const { expect: _expect, ...headers } = request.headers;
      const forwarded = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: request.method,
          path: request.url,
          headers: {
            ...headers,
            host: upstream.host,
            'x-forwarded-host': request.headers.host ?? '',
            'x-forwarded-proto': 'https',
          },
        },
        (answer) => {
          // hop-by-hop headers are the proxy's own (as nginx does); the answer is buffered and sent with its length,
          // which also avoids Node's parser refusing a keep-alive client's next request (HPE_PAUSED) that arrives
          // before a piped response has finished on the server side
          const {
            connection: _connection,
            'keep-alive': _keepAlive,
            'transfer-encoding': _encoding,
            ...headers
          } = answer.headers;
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => {
            const body = Buffer.concat(chunks);
            response.writeHead(answer.statusCode ?? 502, { ...headers, 'content-length': String(body.byteLength) });
            response.end(body);
          });
        },
      );
      forwarded.on('error', () => {
        if (response.writableEnded) return;
        if (response.headersSent) response.destroy();
        else response.writeHead(502).end('upstream error');
      });
      request.pipe(forwarded);
    },
  );
  // idle client connections stay open longer than clients keep them (aiohttp 15 s), as nginx's 75 s do; Node's
  // 5 s default would close a pooled connection just as a client reuses it
  server.keepAliveTimeout = 65_000;
  server.on('clientError', (error) => console.error('test TLS proxy: client error', error));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}`,
    certificateFile,
    setUpstream(upstreamOrigin) {
      upstream = new URL(upstreamOrigin);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}
