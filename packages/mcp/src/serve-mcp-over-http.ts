// Streamable HTTP transport on `/mcp`, stateless: each request gets its own server and transport (the tools keep
// no session state), answered as JSON or as an SSE stream carrying progress. Host headers are checked so that a web
// page cannot reach a loopback server through DNS rebinding.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

export const MCP_HTTP_PATH = '/mcp';

export interface McpHttpServer {
  /** e.g. `http://127.0.0.1:8765/mcp` */
  url: string;
  close(): Promise<void>;
}

export async function serveMcpOverHttp(
  createMcpServer: () => McpServer,
  options: { host: string; port: number },
): Promise<McpHttpServer> {
  let allowedHosts: string[] = [];
  const httpServer: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) writeJsonError(response, 500, error instanceof Error ? error.message : String(error));
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== MCP_HTTP_PATH) return writeJsonError(response, 404, `Not found: the MCP endpoint is ${MCP_HTTP_PATH}`);
    if (request.method !== 'POST') {
      // Stateless: no session to resume (GET) or end (DELETE).
      response.setHeader('Allow', 'POST');
      return writeJsonError(response, 405, 'Method not allowed: this stateless server takes POST only');
    }
    const server = createMcpServer();
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableDnsRebindingProtection: true,
      allowedHosts,
    });
    response.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(request, response);
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  allowedHosts = allowedHostHeaders(options.host, port);
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}${MCP_HTTP_PATH}`,
    close: () =>
      new Promise((resolve) => {
        httpServer.closeAllConnections();
        httpServer.close(() => resolve());
      }),
  };
}

/** The Host values a client of this address sends: the address itself and, on loopback, the other loopback names. */
export function allowedHostHeaders(host: string, port: number): string[] {
  const loopback = ['127.0.0.1', 'localhost', '[::1]'];
  const names =
    host === '127.0.0.1' || host === 'localhost' || host === '::1'
      ? loopback
      : [host.includes(':') ? `[${host}]` : host];
  return names.map((name) => `${name}:${port}`);
}

function writeJsonError(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}
