// Runs the `polyforge` binary as a child process without blocking the test's event loop (spawnSync held it for
// the whole of a CLI's start-up: a test running several in a row stalled its vitest worker for about a minute
// on a loaded machine, past vitest's own progress RPC).
import { spawn } from 'node:child_process';
import { POLYFORGE_NODE_ARGS } from '../../../../test-support/polyforge-cli.ts';

export { POLYFORGE_NODE_ARGS };

export interface CliProcessResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCliProcess(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {},
): Promise<CliProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...POLYFORGE_NODE_ARGS, ...args], { env: options.env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}
