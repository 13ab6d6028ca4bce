// Adds the API-user commands (task, balance, upload, webhooks, mcp) and their global options to the `polyforge` program.
import { Option, type Command } from 'commander';
import { registerMcpCommand } from '@polyforge/mcp/command';
import { GLOBAL_OPTION_DEFAULTS } from './cli-context.ts';
import { registerAccountCommands } from './account-commands.ts';
import { registerTaskCommands } from './task-commands.ts';
import { registerTaskStatusCommands } from './task-status-commands.ts';
import { registerWebhookCommands } from './webhook-commands.ts';

export function registerUserCommands(program: Command): void {
  program
    .addOption(
      new Option('--base-url <url>', 'server root').env('POLYFORGE_BASE_URL').default(GLOBAL_OPTION_DEFAULTS.baseUrl),
    )
    .addOption(new Option('--api-key <key>', 'API key (tsk_...)').env('POLYFORGE_API_KEY'))
    .addOption(new Option('--json', 'machine-readable output: one JSON document on stdout'));
  registerTaskStatusCommands(registerTaskCommands(program));
  registerAccountCommands(program);
  registerWebhookCommands(program);
  registerMcpCommand(program);
}
