// `polyforge balance` and `polyforge upload <path>`.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { CliUsageError } from '../cli-usage-error.ts';
import { clientFor, globalOptionsOf, printResult } from './cli-context.ts';
import { fileTypeOf } from './task-commands.ts';

export function registerAccountCommands(program: Command): void {
  program
    .command('balance')
    .description('show available and frozen credits')
    .action(async (_options: unknown, command: Command) => {
      const globals = globalOptionsOf(command);
      const balance = await clientFor(globals).getBalance();
      printResult(globals, balance, `balance  ${balance.balance} credits\nfrozen   ${balance.frozen} credits`);
    });

  program
    .command('upload')
    .description('upload a file; prints the image_token to use as file_token')
    .argument('<path>', 'image (jpg, png, webp) or model (glb, obj, stl, fbx)')
    .action(async (path: string, _options: unknown, command: Command) => {
      const globals = globalOptionsOf(command);
      const client = clientFor(globals);
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(path));
      } catch (error) {
        throw new CliUsageError(`cannot read ${path}: ${(error as Error).message}`);
      }
      const token = await client.uploadFile(bytes, basename(path));
      printResult(globals, { image_token: token, type: fileTypeOf(path) }, token);
    });
}
