// The packages as users get them: built to JavaScript (`npm run build`), packed with `npm pack`, installed into
// empty folders and run by plain Node (no tsx, no workspace). The platform is the built `polyforge serve`; the
// SDK alone talks to it from Node and bundles for browsers; the user CLI installs without the server.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLYFORGE_BIN } from '../../../test-support/polyforge-cli.ts';

const run = promisify(execFile);
const REPOSITORY_ROOT = resolve(import.meta.dirname, '../../..');
const PACKED = ['protocol', 'sdk', 'mcp', 'cli'] as const;
const GLB_MAGIC = 'glTF';

interface Server {
  child: ChildProcess;
  baseUrl: string;
  apiKey: string;
}

/** `polyforge serve` from dist/ on a fresh data directory; resolves with its address and the demo account's key. */
function startBuiltServer(dataDir: string): Promise<Server> {
  const child = spawn(process.execPath, [POLYFORGE_BIN, 'serve', '--port', '0'], {
    env: { ...process.env, POLYFORGE_DATA_DIR: dataDir, DATABASE_URL: '', NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`the built server did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const baseUrl = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      const apiKey = /API key:\s+(tsk_\S+)/.exec(output)?.[1];
      if (baseUrl && apiKey) {
        clearTimeout(timer);
        resolvePromise({ child, baseUrl, apiKey });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the built server exited with ${code}:\n${output}`)));
  });
}

async function emptyProject(parent: string, name: string): Promise<string> {
  const dir = join(parent, name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }));
  return dir;
}

/** npm install of the given tarballs; the registry packages they need come from npm's cache when it has them. */
async function installTarballs(dir: string, tarballs: string[]): Promise<void> {
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...tarballs], {
    cwd: dir,
    timeout: 180_000,
  });
}

describe('the built and packed packages', () => {
  let workDir: string;
  let tarballs: Record<(typeof PACKED)[number], string>;
  let server: Server;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'polyforge-packages-'));
    await run('npm', ['run', 'build'], { cwd: REPOSITORY_ROOT, timeout: 300_000 });
    const packDir = join(workDir, 'packs');
    await mkdir(packDir, { recursive: true });
    const workspaces = PACKED.flatMap((name) => ['-w', `packages/${name}`]);
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', packDir, ...workspaces], {
      cwd: REPOSITORY_ROOT,
      timeout: 300_000,
    });
    const packed = JSON.parse(stdout) as { name: string; filename: string }[];
    tarballs = Object.fromEntries(
      packed.map(({ name, filename }) => [name.replace('@polyforge/', ''), join(packDir, filename)]),
    ) as typeof tarballs;
    server = await startBuiltServer(join(workDir, 'data'));
  }, 600_000);

  afterAll(async () => {
    server?.child.kill('SIGTERM');
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('ships compiled JavaScript with type declarations, and neither sources nor tests', async () => {
    const { stdout } = await run('tar', ['tzf', tarballs.sdk]);
    const files = stdout.trim().split('\n');
    expect(files).toContain('package/dist/index.js');
    expect(files).toContain('package/dist/index.d.ts');
    expect(files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((file) => file.includes('.test.') || file.includes('tsbuildinfo'))).toEqual([]);
  });

  it('serves from dist/ under plain Node: the platform needs no tsx at run time', async () => {
    // started without a loader or NODE_OPTIONS: Node 20 cannot run a .ts file, so every module it loaded was built
    expect(server.child.spawnargs.slice(1)).toEqual([POLYFORGE_BIN, 'serve', '--port', '0']);
    expect((await fetch(`${server.baseUrl}/health`)).status).toBe(200);
    expect((await fetch(`${server.baseUrl}/dashboard/login`)).status).toBe(200);
  });

  it('installs the SDK alone in an empty folder and generates a model with it from plain Node', async () => {
    const dir = await emptyProject(workDir, 'sdk-user');
    await installTarballs(dir, [tarballs.protocol, tarballs.sdk]);
    const installed = (await readdir(join(dir, 'node_modules'))).filter((name) => !name.startsWith('.'));
    expect(installed.sort()).toEqual(['@noble', '@polyforge', 'zod']);
    expect((await readdir(join(dir, 'node_modules/@polyforge'))).sort()).toEqual(['protocol', 'sdk']);

    await writeFile(
      join(dir, 'generate.mjs'),
      [
        "import { PolyforgeClient } from '@polyforge/sdk';",
        'const client = new PolyforgeClient({ baseUrl: process.env.BASE_URL, apiKey: process.env.API_KEY });',
        'const before = await client.getBalance();',
        "const taskId = await client.createTask({ type: 'text_to_model', prompt: 'a wooden chair' });",
        'const task = await client.waitForTask(taskId, { pollIntervalMs: 200 });',
        "const files = await client.downloadOutputs(task, 'out');",
        'console.log(JSON.stringify({ before, status: task.status, files, execArgv: process.execArgv }));',
      ].join('\n'),
    );
    const { stdout } = await run(process.execPath, ['generate.mjs'], {
      cwd: dir,
      env: { ...process.env, BASE_URL: server.baseUrl, API_KEY: server.apiKey, NODE_OPTIONS: '' },
      timeout: 120_000,
    });
    const result = JSON.parse(stdout) as { before: { balance: number }; status: string; files: string[] };
    expect(result).toMatchObject({ status: 'success', execArgv: [] });
    expect(result.before.balance).toBeGreaterThan(0);
    const model = result.files.find((file) => file.endsWith('.glb'));
    expect(model, result.files.join(', ')).toBeDefined();
    expect((await readFile(join(dir, model!))).subarray(0, 4).toString('latin1')).toBe(GLB_MAGIC);
  });

  it('bundles the installed SDK for a browser without Node built-ins', async () => {
    const dir = await emptyProject(workDir, 'browser-user');
    await installTarballs(dir, [tarballs.protocol, tarballs.sdk]);
    await writeFile(
      join(dir, 'page.js'),
      "import { PolyforgeClient, TripoV3Client, verifyWebhookSignature } from '@polyforge/sdk';\n" +
        'console.log(PolyforgeClient, TripoV3Client, verifyWebhookSignature);\n',
    );
    const result = await build({
      absWorkingDir: dir,
      entryPoints: ['page.js'],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const bundle = result.outputFiles[0]!.text;
    expect(bundle).toContain('PolyforgeClient');
    expect(bundle).not.toMatch(/from\s*["']node:/);
  });

  it('installs the user CLI without the server, and says where the operator commands are', async () => {
    const dir = await emptyProject(workDir, 'cli-user');
    await installTarballs(dir, [tarballs.protocol, tarballs.sdk, tarballs.mcp, tarballs.cli]);
    const installed = await readdir(join(dir, 'node_modules'));
    for (const serverOnly of ['fastify', 'sharp', 'better-sqlite3', 'pg', '@tensorflow', 'stripe', 'tsx'])
      expect(installed).not.toContain(serverOnly);
    expect(await readdir(join(dir, 'node_modules/@polyforge'))).not.toContain('server');

    const polyforge = join(dir, 'node_modules/.bin/polyforge');
    const env = { ...process.env, POLYFORGE_BASE_URL: server.baseUrl, POLYFORGE_API_KEY: server.apiKey };
    const { stdout } = await run(polyforge, ['--json', 'balance'], { cwd: dir, env, timeout: 60_000 });
    expect(JSON.parse(stdout)).toMatchObject({ balance: expect.any(Number) });

    const serve = await run(polyforge, ['serve'], { cwd: dir, env, timeout: 60_000 }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(serve.code).toBe(1);
    expect(serve.stderr).toMatch(/npm install @polyforge\/server/);
  });
});
