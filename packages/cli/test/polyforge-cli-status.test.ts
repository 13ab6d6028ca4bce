// `polyforge task watch|list|cancel` and `polyforge webhooks` as a child process against the real platform (workers on).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform } from '../../server/test/harness/start-test-platform.ts';
import { triangleGlb } from '../../sdk/test/triangle-glb.ts';
import { runCli } from './run-cli.ts';

const TASK_ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

describe('polyforge task watch|list|cancel and webhooks against the real server', () => {
  let platform: Awaited<ReturnType<typeof startTestPlatform>>;
  let workDir: string;
  let glbPath: string;
  let brokenGlbPath: string;

  beforeAll(async () => {
    platform = await startTestPlatform({
      workers: true,
      environment: { POLYFORGE_OUTBOUND_ALLOWED_NETWORKS: '127.0.0.1/32' },
    });
    workDir = await mkdtemp(join(tmpdir(), 'polyforge-cli-status-test-'));
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

  async function createTask(env: Record<string, string>, args: string[]): Promise<string> {
    const result = await runCli(['task', 'create', ...args], { env });
    expect(result.exitCode, result.stderr).toBe(0);
    return result.stdout.trim();
  }

  it('watches a convert_model task to success: progress lines on stderr, the summary on stdout', async () => {
    const env = await accountEnv();
    const imported = await runCli(
      ['--json', 'task', 'create', 'import_model', '--file', glbPath, '--wait', '--out', join(workDir, 'imports')],
      { env },
    );
    expect(imported.exitCode, imported.stderr).toBe(0);
    expect(imported.stderr).not.toMatch(/polling instead/);
    const sourceTaskId = JSON.parse(imported.stdout).task.task_id;

    const taskId = await createTask(env, [
      'convert_model',
      '--param',
      'format=STL',
      '--param',
      `original_model_task_id=${sourceTaskId}`,
    ]);
    const watched = await runCli(['task', 'watch', taskId], { env });
    expect(watched.exitCode, watched.stderr).toBe(0);
    const progressLines = watched.stderr.trim().split('\n');
    for (const line of progressLines)
      expect(line).toMatch(new RegExp(`^${taskId} (queued|running \\d+%|success 100%)`));
    expect(progressLines.at(-1)).toBe(`${taskId} success 100%`);
    expect(watched.stdout).toMatch(new RegExp(`^task_id\\s+${taskId}$`, 'm'));
    expect(watched.stdout).toMatch(/^status\s+success \(100%\)$/m);
    expect(watched.stdout).toMatch(/^credits\s+5$/m);

    const json = await runCli(['--json', 'task', 'watch', taskId], { env });
    expect(json.exitCode, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ task_id: taskId, status: 'success', consumed_credit: 5 });
  });

  it('exits 1 when the watched task fails, and 1 with one error line for an unknown task', async () => {
    const env = await accountEnv();
    const taskId = await createTask(env, ['import_model', '--file', brokenGlbPath]);
    const watched = await runCli(['task', 'watch', taskId], { env });
    expect(watched.exitCode).toBe(1);
    expect(watched.stdout).toMatch(/^status\s+failed/m);
    expect(watched.stderr.trim().split('\n').at(-1)).toMatch(
      new RegExp(`^Task ${taskId} failed \\(error \\d+: .+\\)$`),
    );

    const unknown = await runCli(['task', 'watch', '00000000-0000-4000-8000-000000000000'], { env });
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Error 2001: Task not found/)]);
  });

  it('lists tasks newest first, page by page or --all, with filters, and cancels a finished one', async () => {
    const env = await accountEnv();
    const created: string[] = [];
    for (let index = 0; index < 3; index++) {
      created.push(await createTask(env, ['import_model', '--file', glbPath]));
      const watched = await runCli(['task', 'watch', created.at(-1)!], { env });
      expect(watched.exitCode, watched.stderr).toBe(0);
    }
    const newestFirst = [...created].reverse();

    const text = await runCli(['task', 'list'], { env });
    expect(text.exitCode, text.stderr).toBe(0);
    const rows = text.stdout.trim().split('\n');
    expect(rows.map((row) => row.split(/\s+/)[0])).toEqual(newestFirst);
    expect(rows[0]).toMatch(new RegExp(`^${TASK_ID}  import_model  success 100%  \\d{4}-\\d\\d-\\d\\dT`));

    const firstPage = await runCli(['--json', 'task', 'list', '--limit', '2'], { env });
    const page = JSON.parse(firstPage.stdout);
    expect(page.tasks.map((task: { task_id: string }) => task.task_id)).toEqual(newestFirst.slice(0, 2));
    expect(page.next_cursor).toEqual(expect.any(String));
    const secondPage = await runCli(['--json', 'task', 'list', '--limit', '2', '--cursor', page.next_cursor], { env });
    expect(JSON.parse(secondPage.stdout)).toMatchObject({ tasks: [{ task_id: newestFirst[2] }], next_cursor: null });
    const more = await runCli(['task', 'list', '--limit', '2'], { env });
    expect(more.stderr).toMatch(/^More tasks: add --cursor \S+ \(or --all\)$/m);

    const all = await runCli(
      ['--json', 'task', 'list', '--limit', '1', '--all', '--status', 'success', '--type', 'import_model'],
      { env },
    );
    expect(JSON.parse(all.stdout).tasks.map((task: { task_id: string }) => task.task_id)).toEqual(newestFirst);
    const none = await runCli(['task', 'list', '--status', 'failed'], { env });
    expect(none.stdout.trim()).toBe('No tasks');
    const badLimit = await runCli(['task', 'list', '--limit', 'lots'], { env });
    expect(badLimit.exitCode).toBe(1);

    const cancelled = await runCli(['task', 'cancel', created[0]!], { env });
    expect(cancelled.exitCode, cancelled.stderr).toBe(0);
    expect(cancelled.stdout.trim()).toBe(`Task ${created[0]}: already finished; nothing to cancel [status success]`);
    const cancelledJson = await runCli(['--json', 'task', 'cancel', created[0]!], { env });
    expect(JSON.parse(cancelledJson.stdout)).toEqual({
      task_id: created[0],
      result: 'already_finished',
      status: 'success',
    });
  });

  it('adds, lists, shows deliveries of and removes a webhook endpoint', async () => {
    const env = await accountEnv();
    const url = 'http://127.0.0.1:9/unreachable-hook';
    const added = await runCli(['--json', 'webhooks', 'add', url], { env });
    expect(added.exitCode, added.stderr).toBe(0);
    const endpoint = JSON.parse(added.stdout);
    expect(endpoint).toMatchObject({ url, id: expect.any(String), secret: expect.stringMatching(/^whsec_/) });
    const addedText = await runCli(['webhooks', 'add', `${url}/2`], { env });
    expect(addedText.stdout).toMatch(/^secret\s+whsec_\S+$/m);
    expect(addedText.stderr).toMatch(/not shown again/);

    const listed = await runCli(['webhooks', 'list'], { env });
    expect(listed.exitCode, listed.stderr).toBe(0);
    expect(listed.stdout.trim().split('\n')).toHaveLength(2);
    expect(listed.stdout).toContain(`${endpoint.id}  ${url}  `);

    const empty = await runCli(['webhooks', 'deliveries', endpoint.id], { env });
    expect(empty.stdout.trim()).toBe('No deliveries');
    await createTask(env, ['import_model', '--file', glbPath, '--wait', '--out', join(workDir, 'hooked')]);
    const deliveries = await runCli(['--json', 'webhooks', 'deliveries', endpoint.id], { env });
    expect(deliveries.exitCode, deliveries.stderr).toBe(0);
    expect(
      JSON.parse(deliveries.stdout).deliveries.map((delivery: { event_type: string }) => delivery.event_type),
    ).toContain('task.completed');
    const deliveriesText = await runCli(['webhooks', 'deliveries', endpoint.id], { env });
    expect(deliveriesText.stdout).toMatch(/task\.completed\s+(pending|failed|delivered)\s+attempts \d+/);

    const removed = await runCli(['webhooks', 'remove', endpoint.id], { env });
    expect(removed.stdout.trim()).toBe(`Removed webhook ${endpoint.id}`);
    const after = await runCli(['--json', 'webhooks', 'list'], { env });
    expect(JSON.parse(after.stdout).webhooks.map((each: { id: string }) => each.id)).not.toContain(endpoint.id);
    const again = await runCli(['webhooks', 'remove', endpoint.id], { env });
    expect(again.exitCode).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
  });
});
