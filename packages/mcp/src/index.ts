// Public surface of @polyforge/mcp: the `polyforge mcp` command and the server it runs.
export { registerMcpCommand, McpCommandError, MCP_COMMAND_DEFAULTS } from './register-mcp-command.ts';
export { serveMcp, MCP_SERVER_VERSION, type ServeMcpOptions } from './serve-mcp.ts';
export {
  createPolyforgeMcpServer,
  POLYFORGE_MCP_DEFAULTS,
  type PolyforgeMcpServerOptions,
} from './polyforge-mcp-server.ts';
export { serveMcpOverHttp, MCP_HTTP_PATH, type McpHttpServer } from './serve-mcp-over-http.ts';
export { OutputDirectory, OutputPathError } from './output-directory.ts';
export { TASK_TOOLS, type TaskToolDefinition } from './task-tools.ts';
