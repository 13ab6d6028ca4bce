// `polyforge mcp`: the MCP server as a subcommand of the user CLI. The API key and base URL are the program's global
// options (POLYFORGE_API_KEY, POLYFORGE_BASE_URL); the server code is loaded only when the command runs.
import { Option, type Command } from 'commander';

export const MCP_COMMAND_DEFAULTS = {
  port: 8765,
  host: '127.0.0.1',
  baseUrl: 'http://127.0.0.1:8080',
} as const;

interface McpCommandOptions {
  outDir?: string;
  http?: boolean;
  port: string;
  host: string;
}

export function registerMcpCommand(program: Command): void {
  program
    .command('mcp')
    .description('serve Polyforge to AI agents over the Model Context Protocol (stdio, or streamable HTTP with --http)')
    .addOption(
      new Option('--out-dir <dir>', 'the only directory the server writes to (downloads); created if missing').env(
        'POLYFORGE_MCP_OUT_DIR',
      ),
    )
    .option('--http', 'serve streamable HTTP on --host/--port (path /mcp) instead of stdio')
    .option('--port <port>', 'HTTP port (0: any free port)', String(MCP_COMMAND_DEFAULTS.port))
    .option('--host <address>', 'HTTP address to listen on', MCP_COMMAND_DEFAULTS.host)
    .action(async (options: McpCommandOptions, command: Command) => {
      const globals = command.optsWithGlobals() as { baseUrl?: string; apiKey?: string };
      if (!globals.apiKey) throw new McpCommandError('No API key: set POLYFORGE_API_KEY (or pass --api-key tsk_...)');
      if (!options.outDir)
        throw new McpCommandError(
          'No output directory: pass --out-dir <dir> (or set POLYFORGE_MCP_OUT_DIR); the server writes nowhere else',
        );
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535)
        throw new McpCommandError(`--port must be a port number, not "${options.port}"`);
      if (options.host === '0.0.0.0' || options.host === '::') {
        throw new McpCommandError(
          '--host must be one address (e.g. 127.0.0.1): the server spends the credits of its API key for anyone who can reach it',
        );
      }
      const { serveMcp } = await import('./serve-mcp.ts');
      const handle = await serveMcp({
        baseUrl: globals.baseUrl ?? MCP_COMMAND_DEFAULTS.baseUrl,
        apiKey: globals.apiKey,
        outDir: options.outDir,
        transport: options.http ? 'http' : 'stdio',
        host: options.host,
        port,
      });
      if (handle) {
        // Served until the process is stopped.
        await new Promise<void>((resolve) => {
          for (const signal of ['SIGINT', 'SIGTERM'] as const)
            process.once(signal, () => void handle.close().then(resolve));
        });
      }
    });
}

/** A wrong invocation of `polyforge mcp`: the CLI prints it as one line and exits 1. */
export class McpCommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'McpCommandError';
  }
}
