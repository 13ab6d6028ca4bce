// Starts the MCP server on stdio (the default: an agent spawns `polyforge mcp`) or on streamable HTTP.
import { readFileSync } from 'node:fs';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { PolyforgeClient } from '@polyforge/sdk';
import { OutputDirectory } from './output-directory.ts';
import { createPolyforgeMcpServer } from './polyforge-mcp-server.ts';
import { serveMcpOverHttp, type McpHttpServer } from './serve-mcp-over-http.ts';

export interface ServeMcpOptions {
  baseUrl: string;
  apiKey: string;
  outDir: string;
  transport: 'stdio' | 'http';
  host: string;
  port: number;
  pollIntervalMs?: number;
  /** Where status lines go (never stdout: on stdio it carries the protocol). */
  log?: (line: string) => void;
}

export const MCP_SERVER_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** On stdio, resolves when the client closes the stream; on HTTP, once listening (the handle closes it). */
export async function serveMcp(options: ServeMcpOptions): Promise<McpHttpServer | undefined> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const client = new PolyforgeClient({ baseUrl: options.baseUrl, apiKey: options.apiKey });
  const outputDirectory = await OutputDirectory.open(options.outDir);
  const create = () =>
    createPolyforgeMcpServer({
      client,
      outputDirectory,
      version: MCP_SERVER_VERSION,
      pollIntervalMs: options.pollIntervalMs,
    });

  if (options.transport === 'http') {
    const handle = await serveMcpOverHttp(create, { host: options.host, port: options.port });
    log(`Polyforge MCP server on ${handle.url} (API ${client.baseUrl}, writing only to ${outputDirectory.root})`);
    return handle;
  }
  const server = create();
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
  });
  await server.connect(transport);
  log(`Polyforge MCP server on stdio (API ${client.baseUrl}, writing only to ${outputDirectory.root})`);
  await closed;
  await server.close();
  return undefined;
}
