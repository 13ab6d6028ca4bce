// Runs the real `polyforge` program as a child process, the way a user's shell would.
import { spawn } from 'node:child_process';
import { POLYFORGE_NODE_ARGS } from '../../../test-support/polyforge-cli.ts';

export interface CliResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** `input`, when given, is written to the program's stdin (which is otherwise closed). */
export function runCli(
  args: readonly string[],
  options: { env?: Record<string, string | undefined>; cwd?: string; input?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = {
      ...process.env,
      POLYFORGE_BASE_URL: undefined,
      POLYFORGE_API_KEY: undefined,
      ...options.env,
    };
    const child = spawn(process.execPath, [...POLYFORGE_NODE_ARGS, ...args], {
      cwd: options.cwd,
      env: env as NodeJS.ProcessEnv,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (options.input !== undefined) child.stdin!.end(options.input);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
}
