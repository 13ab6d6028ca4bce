// The `polyforge` program as a child process against the real platform over loopback (workers on).
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform } from '../../server/test/harness/start-test-platform.ts';
import { triangleGlb } from '../../sdk/test/triangle-glb.ts';
import { runCli } from './run-cli.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const GLB_MAGIC = [0x67, 0x6c, 0x54, 0x46];

type Platform = Awaited<ReturnType<typeof startTestPlatform>>;

describe('polyforge CLI against the real server', () => {
  let platform: Platform;
  let workDir: string;
  let glbPath: string;
  let brokenGlbPath: string;

  beforeAll(async () => {
    platform = await startTestPlatform({ workers: true });
    workDir = await mkdtemp(join(tmpdir(), 'polyforge-cli-test-'));
    glbPath = join(workDir, 'triangle.glb');
    brokenGlbPath = join(workDir, 'broken.glb');
    await writeFile(glbPath, triangleGlb());
    await writeFile(brokenGlbPath, triangleGlb().slice(0, 40));
  });
  afterAll(async () => {
    await platform?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  async function accountEnv(credits = 20): Promise<Record<string, string>> {
    const account = await platform.createAccount({ credits });
    return { POLYFORGE_BASE_URL: platform.baseUrl, POLYFORGE_API_KEY: account.apiKey };
  }

  async function importTask(env: Record<string, string>): Promise<string> {
    const result = await runCli(
      ['--json', 'task', 'create', 'import_model', '--file', glbPath, '--wait', '--out', join(workDir, 'imports')],
      { env },
    );
    expect(result.exitCode, result.stderr).toBe(0);
    return JSON.parse(result.stdout).task.task_id;
  }

  it('shows the balance as text and as JSON, with the key from --api-key or the environment', async () => {
    const env = await accountEnv(42);
    const text = await runCli(['balance'], { env });
    expect(text.exitCode, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/balance\s+42 credits/);
    expect(text.stdout).toMatch(/frozen\s+0 credits/);

    const json = await runCli([
      '--base-url',
      env.POLYFORGE_BASE_URL!,
      '--api-key',
      env.POLYFORGE_API_KEY!,
      '--json',
      'balance',
    ]);
    expect(json.exitCode, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ balance: 42, frozen: 0 });
  });

  it('uploads a file and prints its token', async () => {
    const env = await accountEnv();
    const result = await runCli(['upload', glbPath], { env });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout.trim()).toMatch(UUID);
  });

  it('imports a GLB with --file --wait --out, printing progress lines and the downloaded path', async () => {
    const env = await accountEnv();
    const outDir = join(workDir, 'import-text');
    const result = await runCli(['task', 'create', 'import_model', '--file', glbPath, '--wait', '--out', outDir], {
      env,
    });
    expect(result.exitCode, result.stderr).toBe(0);
    const paths = result.stdout.trim().split('\n').sort();
    expect(paths).toHaveLength(2); // the model and its preview render
    expect(paths[0]).toMatch(new RegExp(`^${outDir}/[0-9a-f-]{36}_model\\.glb$`));
    expect(paths[1]).toMatch(new RegExp(`^${outDir}/[0-9a-f-]{36}_rendered_image\\.webp$`));
    expect([...(await readFile(paths[0]!)).subarray(0, 4)]).toEqual(GLB_MAGIC);
    expect(await readdir(outDir)).toHaveLength(2);
    // Not a terminal: plain lines on stderr, the last one the final status.
    expect(result.stderr.trim().split('\n').at(-1)).toMatch(/^[0-9a-f-]{36} success 100%$/);
  });

  it('without --wait prints only the task id, which task get then shows', async () => {
    const env = await accountEnv();
    const created = await runCli(['task', 'create', 'import_model', '--file', glbPath], { env });
    expect(created.exitCode, created.stderr).toBe(0);
    const taskId = created.stdout.trim();
    expect(taskId).toMatch(UUID);

    let task: { status: string } | undefined;
    for (let attempt = 0; attempt < 100 && task?.status !== 'success'; attempt++) {
      const got = await runCli(['--json', 'task', 'get', taskId], { env });
      expect(got.exitCode, got.stderr).toBe(0);
      task = JSON.parse(got.stdout);
      if (task?.status !== 'success') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(task).toMatchObject({ task_id: taskId, type: 'import_model', status: 'success' });

    const text = await runCli(['task', 'get', taskId], { env });
    expect(text.stdout).toMatch(/^task_id\s+[0-9a-f-]{36}$/m);
    expect(text.stdout).toMatch(/^status\s+success \(100%\)$/m);
    expect(text.stdout).toMatch(/^output\.model\s+http:\/\/127\.0\.0\.1:\d+\/.*model\.glb/m);
  });

  it('quotes and runs convert_model with --param, charging 5 credits and saving an STL', async () => {
    const env = await accountEnv(20);
    const sourceTaskId = await importTask(env);
    const params = ['--param', 'format=STL', '--param', `original_model_task_id=${sourceTaskId}`];

    const quote = await runCli(['task', 'quote', 'convert_model', ...params], { env });
    expect(quote.exitCode, quote.stderr).toBe(0);
    expect(quote.stdout.trim()).toBe('5 credits');
    const quoteJson = await runCli(['--json', 'task', 'quote', 'convert_model', ...params], { env });
    expect(JSON.parse(quoteJson.stdout)).toEqual({ credits: 5 });

    const outDir = join(workDir, 'convert');
    const converted = await runCli(['--json', 'task', 'create', 'convert_model', ...params, '--out', outDir], { env });
    expect(converted.exitCode, converted.stderr).toBe(0);
    const { task, files } = JSON.parse(converted.stdout);
    expect(task).toMatchObject({ status: 'success', consumed_credit: 5 });
    expect([...files].sort()).toEqual([
      join(outDir, `${task.task_id}_model.stl`),
      join(outDir, `${task.task_id}_rendered_image.webp`),
    ]);
    expect((await readFile(files[0])).byteLength).toBeGreaterThan(84);

    const balance = await runCli(['--json', 'balance'], { env });
    expect(JSON.parse(balance.stdout)).toEqual({ balance: 15, frozen: 0 });
  });

  it('exits 1 with error_code and error_msg when the task fails', async () => {
    const env = await accountEnv();
    const result = await runCli(
      ['task', 'create', 'import_model', '--file', brokenGlbPath, '--wait', '--out', join(workDir, 'broken')],
      { env },
    );
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n').at(-1)).toMatch(/^Task [0-9a-f-]{36} failed \(error \d+: .+\)$/);
  });

  it.each([
    [
      'an unknown task',
      ['task', 'get', '00000000-0000-4000-8000-000000000000'],
      /^Error 2001: Task not found\b.*\. Check the task id.+/,
    ],
    ['an unknown task type', ['task', 'create', 'make_me_a_sandwich'], /^Error 2002: .+/],
    ['a wrong key', ['--api-key', 'tsk_wrong', 'balance'], /^Error 1002: Authentication failed\b.*\. .+/],
  ])('reports %s as one line with code, message and suggestion, exit code 1', async (_what, args, pattern) => {
    const env = await accountEnv();
    const result = await runCli(args, { env });
    expect(result.exitCode).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
  });

  it('reports an API error as one JSON line with --json', async () => {
    const env = await accountEnv(0);
    const sourceTaskId = await importTask(env);
    const result = await runCli(
      [
        '--json',
        'task',
        'create',
        'convert_model',
        '--param',
        'format=STL',
        '--param',
        `original_model_task_id=${sourceTaskId}`,
      ],
      { env },
    );
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stderr)).toMatchObject({ error: { code: 2010, http_status: 403 } });
  });
});
