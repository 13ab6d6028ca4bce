// Entry of the `polyforge` program: user commands from this package, operator commands from the server package.
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { CliUsageError } from './cli-usage-error.ts';
import { formatErrorJson, formatErrorLine } from './format-error.ts';
import { registerUserCommands } from './user-commands/register-user-commands.ts';

const OPS_MODULE = '@polyforge/server/ops';
const USER_COMMANDS = new Set(['task', 'balance', 'upload', 'webhooks', 'mcp']);
const GLOBAL_OPTIONS_WITH_VALUE = new Set(['--base-url', '--api-key']);

type RegisterCommands = (program: Command) => void | Promise<void>;

export async function main(argv: readonly string[] = process.argv): Promise<void> {
  const program = new Command('polyforge')
    .description('Polyforge: a self-hosted, Tripo-compatible 3D generation API')
    .showHelpAfterError();
  registerUserCommands(program);
  try {
    // User commands skip loading the server (database drivers, geometry): faster, and independent of it.
    const commandName = commandNameOf(argv.slice(2));
    if (!USER_COMMANDS.has(commandName ?? '')) {
      const registerOpsCommands = await loadOpsCommands();
      if (registerOpsCommands) await registerOpsCommands(program);
      else if (commandName !== undefined && commandName !== 'help') throw serverNotInstalled(commandName);
    }
    await program.parseAsync(argv as string[]);
  } catch (error) {
    const json = (program.opts() as { json?: boolean }).json === true;
    process.stderr.write(`${json ? formatErrorJson(error) : formatErrorLine(error)}\n`);
    if (process.env.POLYFORGE_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 1;
  }
}

/** The first argument that is neither a global option nor its value. */
export function commandNameOf(args: readonly string[]): string | undefined {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (GLOBAL_OPTIONS_WITH_VALUE.has(arg)) index++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/**
 * The operator commands (serve, work, accounts, keys, credits) live in the server package. Only a missing
 * `@polyforge/server/ops` itself is tolerated (the user commands still work); any failure inside it surfaces.
 */
async function loadOpsCommands(): Promise<RegisterCommands | undefined> {
  try {
    const module = (await import(OPS_MODULE)) as { registerOpsCommands?: RegisterCommands };
    return module.registerOpsCommands;
  } catch (error) {
    if (isOpsModuleMissing(error)) return undefined;
    throw error;
  }
}

function serverNotInstalled(commandName: string): CliUsageError {
  return new CliUsageError(
    `"${commandName}" is not a user command (${[...USER_COMMANDS].join(', ')}); the operator commands (serve, ` +
      'work, accounts, keys, credits, ...) come with the platform: npm install @polyforge/server',
  );
}

function isOpsModuleMissing(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED') return false;
  // Node names the importer: this file when the specifier itself is missing, the ops module for a missing import inside it.
  return message?.endsWith(`imported from ${fileURLToPath(import.meta.url)}`) === true;
}
