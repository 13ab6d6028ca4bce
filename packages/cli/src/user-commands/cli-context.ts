// What every user command shares: the global options, a client built from them, and JSON-or-human printing.
import type { Command } from 'commander';
import { PolyforgeClient } from '@polyforge/sdk';
import { CliUsageError } from '../cli-usage-error.ts';

export interface GlobalOptions {
  baseUrl: string;
  apiKey?: string;
  json: boolean;
}

export const GLOBAL_OPTION_DEFAULTS = {
  baseUrl: 'http://127.0.0.1:8080',
} as const;

export function globalOptionsOf(command: Command): GlobalOptions {
  const options = command.optsWithGlobals() as { baseUrl?: string; apiKey?: string; json?: boolean };
  return {
    baseUrl: options.baseUrl ?? GLOBAL_OPTION_DEFAULTS.baseUrl,
    apiKey: options.apiKey,
    json: options.json === true,
  };
}

export function clientFor(options: GlobalOptions): PolyforgeClient {
  if (!options.apiKey) throw new CliUsageError('No API key: pass --api-key tsk_... or set POLYFORGE_API_KEY');
  return new PolyforgeClient({ baseUrl: options.baseUrl, apiKey: options.apiKey });
}

/** `--json`: one JSON document on stdout; otherwise the human text (if any). */
export function printResult(options: GlobalOptions, jsonValue: unknown, humanText: string): void {
  if (options.json) process.stdout.write(`${JSON.stringify(jsonValue)}\n`);
  else if (humanText) process.stdout.write(humanText.endsWith('\n') ? humanText : `${humanText}\n`);
}
