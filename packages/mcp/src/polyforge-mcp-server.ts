// Builds the Polyforge MCP server: the task tools, quote, balance, task status, download, and the preview resources.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { PolyforgeClient } from '@polyforge/sdk';
import { downloadOutputs } from './download-outputs.ts';
import { InputFiles } from './input-files.ts';
import type { OutputDirectory } from './output-directory.ts';
import { registerPreviewResource } from './preview-resource.ts';
import { progressNotifier, runTaskTool, type ToolExtra } from './run-task-tool.ts';
import { COMMON_TASK_ARGUMENTS, TASK_TOOLS, taskToolNamed } from './task-tools.ts';
import { errorResult, errorResultFrom, taskResult, textResult } from './tool-results.ts';

export interface PolyforgeMcpServerOptions {
  client: PolyforgeClient;
  outputDirectory: OutputDirectory;
  version: string;
  pollIntervalMs?: number;
}

export const POLYFORGE_MCP_DEFAULTS = {
  pollIntervalMs: 1000,
} as const;

const INSTRUCTIONS = [
  'Polyforge generates and edits 3D models as paid tasks (credits).',
  'Generate with generate_from_text, generate_from_image or generate_from_multiview; each result has a task_id that the post-process tools',
  '(convert_model, smart_low_poly, segment_model, complete_model, texture_model, check_riggable, rig_model, animate_model) take.',
  'quote_task prices a call without creating anything; get_balance shows the credits left.',
  'Files are saved only by download_outputs, inside the output directory this server was started with.',
].join(' ');

export function createPolyforgeMcpServer(options: PolyforgeMcpServerOptions): McpServer {
  const { client, outputDirectory } = options;
  const server = new McpServer(
    { name: 'polyforge', version: options.version },
    { instructions: INSTRUCTIONS, capabilities: { resources: {}, tools: {} } },
  );
  const context = {
    client,
    inputs: new InputFiles(client, outputDirectory.root),
    pollIntervalMs: options.pollIntervalMs ?? POLYFORGE_MCP_DEFAULTS.pollIntervalMs,
  };
  const guarded =
    <Args>(handler: (args: Args, extra: ToolExtra) => Promise<CallToolResult>) =>
    async (args: Args, extra: ToolExtra) => {
      try {
        return await handler(args, extra);
      } catch (error) {
        return errorResultFrom(error, client.baseUrl);
      }
    };

  for (const tool of TASK_TOOLS) {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: `${tool.description} Waits for the result unless wait is false.`,
        inputSchema: { ...tool.inputShape, ...COMMON_TASK_ARGUMENTS },
      },
      guarded((args: Record<string, unknown>, extra) => runTaskTool(context, tool, args, extra)),
    );
  }

  server.registerTool(
    'quote_task',
    {
      title: 'Price a task',
      description:
        'The credits a task tool call would cost, and the balance, without creating anything (local inputs are uploaded to be priced).',
      inputSchema: {
        tool: z.enum(TASK_TOOLS.map((tool) => tool.name) as [string, ...string[]]).describe('the task tool to price'),
        arguments: z.record(z.string(), z.unknown()).describe('the arguments that tool would be called with'),
      },
      annotations: { readOnlyHint: true },
    },
    guarded(async ({ tool: toolName, arguments: args }) => {
      const tool = taskToolNamed(toolName)!;
      const parsed = z.object({ ...tool.inputShape, ...COMMON_TASK_ARGUMENTS }).safeParse(args);
      if (!parsed.success)
        return errorResult(`Arguments for ${toolName} are invalid: ${z.prettifyError(parsed.error)}`);
      const body = await tool.buildBody(parsed.data, context.inputs);
      const [credits, balance] = await Promise.all([client.quoteTask(body), client.getBalance()]);
      return textResult(
        `${toolName} (${body.type}) costs ${credits} credits; balance ${balance.balance} credits (${balance.frozen} held by running tasks).`,
        { credits, ...balance },
      );
    }),
  );

  server.registerTool(
    'get_balance',
    {
      title: 'Credit balance',
      description: 'Credits available, and those held by tasks still running.',
      annotations: { readOnlyHint: true },
    },
    async () => {
      try {
        const balance = await client.getBalance();
        return textResult(`Balance: ${balance.balance} credits (${balance.frozen} held by running tasks).`, {
          ...balance,
        });
      } catch (error) {
        return errorResultFrom(error, client.baseUrl);
      }
    },
  );

  server.registerTool(
    'get_task',
    {
      title: 'Task status',
      description:
        "A task's status, progress, price, result facts and output files; with wait, waits for its end, reporting progress.",
      inputSchema: {
        task_id: z.string().min(1),
        wait: z.boolean().optional().describe('wait until the task finishes (default false)'),
      },
      annotations: { readOnlyHint: true },
    },
    guarded(async ({ task_id: taskId, wait }, extra) => {
      if (!wait) return taskResult(await client.getTask(taskId));
      const reportProgress = progressNotifier(extra);
      const task = await client.waitForTask(taskId, {
        pollIntervalMs: context.pollIntervalMs,
        signal: extra.signal,
        onProgress: reportProgress,
      });
      await reportProgress.settled();
      return taskResult(task);
    }),
  );

  server.registerTool(
    'download_outputs',
    {
      title: "Save a task's files",
      description: `Downloads a finished task's output files into the output directory (${outputDirectory.root}) or a folder inside it; paths outside it are refused.`,
      inputSchema: {
        task_id: z.string().min(1),
        directory: z
          .string()
          .optional()
          .describe('folder inside the output directory (created if missing); default the output directory itself'),
        outputs: z.array(z.string()).optional().describe('output keys to save, e.g. ["pbr_model"]; default all'),
        file_name: z.string().optional().describe('name of the saved file when one output is saved, e.g. "car.glb"'),
      },
    },
    guarded(async ({ task_id: taskId, directory, outputs, file_name: fileName }) => {
      const saved = await downloadOutputs(client, outputDirectory, { taskId, directory, outputs, fileName });
      const lines = saved.map((file) => `${file.key}: ${file.path} (${file.sizeBytes} bytes)`);
      return textResult(saved.length === 0 ? `Task ${taskId} has no output files.` : `Saved:\n${lines.join('\n')}`, {
        files: saved,
      });
    }),
  );

  registerPreviewResource(server, client);
  return server;
}
