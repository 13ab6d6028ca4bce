// `polyforge mcp` as an agent meets it: spawned over stdio (and once over streamable HTTP) by the MCP SDK's own
// client, against the real platform on loopback with workers on.
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { lstat, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult, Progress } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../server/test/harness/start-test-platform.ts';
import { triangleGlb } from '../../sdk/test/triangle-glb.ts';
import { POLYFORGE_NODE_ARGS } from '../../../test-support/polyforge-cli.ts';

const GLB_MAGIC = 'glTF';

function textOf(result: CallToolResult): string {
  return result.content.map((item) => (item.type === 'text' ? item.text : '')).join('\n');
}

describe('polyforge mcp', () => {
  let platform: TestPlatform;
  let scratch: string;

  beforeAll(async () => {
    platform = await startTestPlatform({ workers: true });
    scratch = await mkdtemp(join(tmpdir(), 'polyforge-mcp-test-'));
  });
  afterAll(async () => {
    await platform?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  describe('over stdio', () => {
    let client: Client;
    let outDir: string;
    let apiKey: string;
    const call = async (name: string, args: Record<string, unknown>, onprogress?: (progress: Progress) => void) =>
      (await client.callTool(
        { name, arguments: args },
        undefined,
        onprogress ? { onprogress, resetTimeoutOnProgress: true } : {},
      )) as CallToolResult;

    beforeAll(async () => {
      apiKey = (await platform.createAccount({ credits: 200 })).apiKey;
      outDir = join(scratch, 'out');
      const transport = new StdioClientTransport({
        command: process.execPath,
        args: [...POLYFORGE_NODE_ARGS, 'mcp', '--out-dir', outDir],
        env: { PATH: process.env.PATH ?? '', POLYFORGE_BASE_URL: platform.baseUrl, POLYFORGE_API_KEY: apiKey },
        stderr: 'pipe',
      });
      client = new Client({ name: 'polyforge-mcp-test', version: '1.0.0' });
      await client.connect(transport);
    });
    afterAll(async () => {
      await client?.close();
    });

    it('lists the generation, post-process, account and download tools', async () => {
      const names = (await client.listTools()).tools.map((tool) => tool.name).sort();
      expect(names).toEqual(
        [
          'generate_from_text',
          'generate_from_image',
          'generate_from_multiview',
          'import_model',
          'convert_model',
          'smart_low_poly',
          'segment_model',
          'complete_model',
          'texture_model',
          'check_riggable',
          'rig_model',
          'animate_model',
          'quote_task',
          'get_balance',
          'get_task',
          'download_outputs',
        ].sort(),
      );
    });

    it('generates from text with progress, downloads the files, serves the preview and generates again from the local image', async () => {
      const quote = await call('quote_task', { tool: 'generate_from_text', arguments: { prompt: 'a red sports car' } });
      expect(quote.structuredContent).toEqual({ credits: 20, balance: 200, frozen: 0 });

      const progress: Progress[] = [];
      const generated = await call('generate_from_text', { prompt: 'a red sports car' }, (update) =>
        progress.push(update),
      );
      expect(generated.isError, textOf(generated)).toBeFalsy();
      const task = generated.structuredContent as { task_id: string; status: string; consumed_credit: number };
      expect(task).toMatchObject({ status: 'success', consumed_credit: 20 });
      // The SDK client handles a response before a notification that came in the same read, and drops a progress
      // notification that arrives after its response: the last one (100%) may be missed, the earlier ones are not.
      expect(progress.length).toBeGreaterThan(0);
      const values = progress.map((update) => update.progress);
      expect(values).toEqual([...new Set(values)].sort((a, b) => a - b));
      for (const update of progress)
        expect(update).toMatchObject({
          total: 100,
          message: expect.stringMatching(/^text_to_model (queued|running|success)/),
        });

      const download = await call('download_outputs', { task_id: task.task_id, directory: 'cars' });
      expect(download.isError, textOf(download)).toBeFalsy();
      const files = (download.structuredContent as { files: Array<{ key: string; path: string }> }).files;
      expect(files.map((file) => file.key).sort()).toEqual(['pbr_model', 'rendered_image']);
      for (const file of files) expect(file.path.startsWith(join(outDir, 'cars'))).toBe(true);
      const model = await readFile(files.find((file) => file.key === 'pbr_model')!.path);
      expect(model.subarray(0, 4).toString('latin1')).toBe(GLB_MAGIC);

      const named = await call('download_outputs', {
        task_id: task.task_id,
        outputs: ['pbr_model'],
        file_name: 'car.glb',
      });
      expect((named.structuredContent as { files: Array<{ path: string }> }).files[0]!.path).toBe(
        join(outDir, 'car.glb'),
      );

      const preview = await client.readResource({ uri: `polyforge://tasks/${task.task_id}/preview` });
      expect(preview.contents[0]).toMatchObject({ mimeType: 'image/webp' });
      expect(
        Buffer.from((preview.contents[0] as { blob: string }).blob, 'base64')
          .subarray(8, 12)
          .toString('latin1'),
      ).toBe('WEBP');
      const listed = (await client.listResources()).resources.map((resource) => resource.uri);
      expect(listed).toContain(`polyforge://tasks/${task.task_id}/preview`);

      const imagePath = files.find((file) => file.key === 'rendered_image')!.path;
      const fromImage = await call('generate_from_image', { image: imagePath, texture: false, face_limit: 1000 });
      expect(fromImage.isError, textOf(fromImage)).toBeFalsy();
      expect(fromImage.structuredContent).toMatchObject({
        type: 'image_to_model',
        status: 'success',
        consumed_credit: 20,
      });
    });

    it('refuses paths outside the output directory and writes nothing there', async () => {
      const source = await call('import_model', { path: join(scratch, 'triangle.glb') });
      expect(source.isError).toBe(true);
      expect(textOf(source)).toMatch(/No such file: .*triangle\.glb/);
      await writeFile(join(scratch, 'triangle.glb'), triangleGlb());
      const imported = await call('import_model', { path: join(scratch, 'triangle.glb') });
      expect(imported.isError, textOf(imported)).toBeFalsy();
      const taskId = (imported.structuredContent as { task_id: string }).task_id;

      const outside = join(scratch, 'outside');
      await symlink(scratch, join(outDir, 'escape-link'));
      const attempts: Array<[Record<string, unknown>, RegExp]> = [
        [{ directory: '../outside' }, /"\.\." is not allowed/],
        [{ directory: outside }, /outside the output directory/],
        [{ directory: 'escape-link/outside' }, /symbolic link leads outside/],
        [{ outputs: ['model'], file_name: '../../stolen.glb' }, /"\.\." is not allowed/],
      ];
      for (const [where, message] of attempts) {
        const refused = await call('download_outputs', { task_id: taskId, ...where });
        expect(refused.isError, JSON.stringify(where)).toBe(true);
        expect(textOf(refused)).toMatch(message);
      }
      await expect(lstat(outside)).rejects.toThrow(/ENOENT/);
      expect((await readdir(scratch)).sort()).toEqual(['out', 'triangle.glb']);
    });

    it('answers a failed task and a refused price with clear tool errors, charging nothing', async () => {
      await writeFile(join(outDir, 'broken.glb'), triangleGlb().slice(0, 40));
      const failed = await call('import_model', { path: 'broken.glb' });
      expect(failed.isError).toBe(true);
      expect(textOf(failed)).toMatch(
        /^Task [0-9a-f-]+ \(import_model\) failed \(error \d+\): .+; nothing was charged\.$/,
      );
      expect(failed.structuredContent).toMatchObject({
        status: 'failed',
        consumed_credit: 0,
        error_code: expect.any(Number),
      });

      const balanceBefore = ((await call('get_balance', {})).structuredContent as { balance: number }).balance;
      const generated = await call('generate_from_text', { prompt: 'a wooden chair', max_credits: 10 });
      expect(textOf(generated)).toBe(
        'generate_from_text would cost 20 credits, more than max_credits 10; no task was created and nothing was charged.',
      );
      expect(((await call('get_balance', {})).structuredContent as { balance: number }).balance).toBe(balanceBefore);
    });
  });

  it("serves streamable HTTP: tools, progress and the platform's errors", async () => {
    const account = await platform.createAccount({ credits: 30 });
    const server = spawnHttpServer(join(scratch, 'http-out'), {
      POLYFORGE_BASE_URL: platform.baseUrl,
      POLYFORGE_API_KEY: account.apiKey,
    });
    try {
      const url = await server.url;
      const client = new Client({ name: 'polyforge-mcp-http-test', version: '1.0.0' });
      await client.connect(new StreamableHTTPClientTransport(new URL(url)));
      expect((await client.listTools()).tools.length).toBe(16);
      const progress: Progress[] = [];
      const generated = (await client.callTool(
        { name: 'generate_from_text', arguments: { prompt: 'a blue ceramic mug' } },
        undefined,
        { onprogress: (update) => progress.push(update) },
      )) as CallToolResult;
      expect(generated.structuredContent).toMatchObject({ status: 'success', consumed_credit: 20 });
      expect(progress.length).toBeGreaterThan(0);
      const refused = (await client.callTool({
        name: 'generate_from_text',
        arguments: { prompt: 'a blue ceramic mug' },
      })) as CallToolResult;
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toMatch(/^Polyforge refused the request \(error 2010\): /);
      await client.close();

      // A page on another name that resolves to loopback (DNS rebinding) sends its own Host: refused.
      expect(await postWithHost(url, 'attacker.example')).toBe(403);
    } finally {
      server.child.kill('SIGTERM');
    }
  });
});

/** The status of a POST to the MCP endpoint with the given Host header (fetch does not let a caller set Host). */
function postWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        method: 'POST',
        headers: { Host: host, 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }));
  });
}

/** `polyforge mcp --http --port 0`; the URL is read from its status line on stderr. */
function spawnHttpServer(outDir: string, env: Record<string, string>): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, [...POLYFORGE_NODE_ARGS, 'mcp', '--http', '--port', '0', '--out-dir', outDir], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = new Promise<string>((resolve, reject) => {
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = /on (http:\/\/\S+\/mcp)/.exec(stderr);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`polyforge mcp --http exited (${code}): ${stderr}`)));
  });
  return { child, url };
}
