// The CLI's own failures: bad usage and an unreachable server end with one line and exit code 1, no stack trace.
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

function expectOneLineError(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('polyforge without a server', () => {
  it('lists the user commands in --help', async () => {
    const result = await runCli(['--help']);
    expect(result.exitCode).toBe(0);
    for (const word of ['task', 'balance', 'upload', '--base-url', '--api-key', '--json'])
      expect(result.stdout).toContain(word);
  });

  it('asks for an API key when none is given', async () => {
    const result = await runCli(['balance']);
    expect(result.exitCode).toBe(1);
    expectOneLineError(result.stderr, /^Error: No API key: pass --api-key .* or set POLYFORGE_API_KEY$/);
  });

  it('refuses a malformed --param before calling the server', async () => {
    const result = await runCli(['task', 'create', 'text_to_model', '--param', 'prompt'], {
      env: { POLYFORGE_API_KEY: 'tsk_x' },
    });
    expect(result.exitCode).toBe(1);
    expectOneLineError(result.stderr, /--param "prompt" must look like key=value/);
  });

  it('names the address it could not reach, as one JSON line with --json', async () => {
    const port = await closedPort();
    const env = { POLYFORGE_API_KEY: 'tsk_x', POLYFORGE_BASE_URL: `http://127.0.0.1:${port}` };
    const human = await runCli(['task', 'quote', 'text_to_model', '--param', 'prompt=cat'], { env });
    expect(human.exitCode).toBe(1);
    expectOneLineError(
      human.stderr,
      new RegExp(`^Error: Could not reach http://127\\.0\\.0\\.1:${port}/v2/openapi/task/quote: ECONNREFUSED`),
    );

    const json = await runCli(['--json', 'task', 'quote', 'text_to_model'], { env });
    expect(json.exitCode).toBe(1);
    expect(json.stdout).toBe('');
    expect(JSON.parse(json.stderr).error.message).toMatch(/ECONNREFUSED/);
  });

  it('reports a missing --file as a usage error', async () => {
    const port = await closedPort();
    const result = await runCli(['task', 'create', 'import_model', '--file', '/nonexistent/model.glb'], {
      env: { POLYFORGE_API_KEY: 'tsk_x', POLYFORGE_BASE_URL: `http://127.0.0.1:${port}` },
    });
    expect(result.exitCode).toBe(1);
    expectOneLineError(result.stderr, /^Error: no such file: \/nonexistent\/model\.glb$/);
  });
});
