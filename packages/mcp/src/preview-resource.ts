// The `polyforge://tasks/{task_id}/preview` resources: a task's preview picture (rendered_image, generated_image
// or the front view), read fresh from the platform; the list shows the account's recent successful tasks.
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { collectOutputUrls, extensionFromUrl, PolyforgeApiError, type PolyforgeClient } from '@polyforge/sdk';
import { previewOutputKey, previewUri, PREVIEW_URI_PREFIX } from './tool-results.ts';

/** How many recent tasks the resource list offers. */
export const PREVIEW_LIST_LIMIT = 20;

const MIME_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
};

export function registerPreviewResource(server: McpServer, client: PolyforgeClient): void {
  const template = new ResourceTemplate(`${PREVIEW_URI_PREFIX}{task_id}/preview`, {
    list: async () => {
      const page = await client.listTasks({ status: 'success', limit: PREVIEW_LIST_LIMIT });
      const resources = page.tasks
        .filter((task) => previewOutputKey(task) !== undefined)
        .map((task) => ({
          uri: previewUri(task.task_id),
          name: `${task.type} ${task.task_id}`,
          mimeType: mimeTypeOf(previewUrlOf(task.output, previewOutputKey(task)!)),
        }));
      return { resources };
    },
  });
  server.registerResource(
    'task-preview',
    template,
    {
      title: 'Task preview image',
      description: 'The preview picture of a Polyforge task (a render of the model, or the generated image)',
    },
    async (uri, variables) => {
      const taskId = decodeURIComponent(String(variables.task_id));
      const task = await client.getTask(taskId).catch((error: unknown) => {
        if (error instanceof PolyforgeApiError)
          throw new McpError(ErrorCode.InvalidParams, `Task ${taskId}: ${error.message}`);
        throw error;
      });
      const key = previewOutputKey(task);
      if (!key)
        throw new McpError(
          ErrorCode.InvalidParams,
          `Task ${taskId} (${task.type}, ${task.status}) has no preview image`,
        );
      const url = previewUrlOf(task.output, key);
      const bytes = await client.downloadFile(url);
      return { contents: [{ uri: uri.href, mimeType: mimeTypeOf(url), blob: Buffer.from(bytes).toString('base64') }] };
    },
  );
}

function previewUrlOf(output: Record<string, unknown>, key: string): string {
  return collectOutputUrls(output).find((item) => item.key === key)!.url;
}

function mimeTypeOf(url: string): string {
  return MIME_TYPES[extensionFromUrl(url) ?? ''] ?? 'application/octet-stream';
}
