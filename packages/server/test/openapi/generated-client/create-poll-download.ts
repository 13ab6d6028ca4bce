// What an integrator writes with the generated client (openapi-fetch over the generated types): create a task on
// each surface, poll it until it finishes, download its model. Typechecked as it is by the test.
import createClient from 'openapi-fetch';
import type { paths } from './polyforge-api.ts';

export interface FlowResult {
  v2TaskId: string;
  v3TaskId: string;
  v2ModelBytes: Uint8Array;
  v3ModelBytes: Uint8Array;
}

export async function createPollDownload(
  baseUrl: string,
  apiKey: string,
  fetchFunction: typeof fetch = fetch,
): Promise<FlowResult> {
  const client = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${apiKey}` }, fetch: fetchFunction });

  const created = await client.POST('/v2/openapi/task', {
    body: { type: 'text_to_model', prompt: 'a small wooden boat' },
    params: { header: { 'Idempotency-Key': 'generated-client-1' } },
  });
  if (!created.data) throw new Error(`create failed: ${JSON.stringify(created.error)}`);
  const v2TaskId = created.data.data.task_id;
  let v2Task = (await client.GET('/v2/openapi/task/{taskId}', { params: { path: { taskId: v2TaskId } } })).data?.data;
  while (v2Task && (v2Task.status === 'queued' || v2Task.status === 'running')) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    v2Task = (await client.GET('/v2/openapi/task/{taskId}', { params: { path: { taskId: v2TaskId } } })).data?.data;
  }
  if (v2Task?.status !== 'success') throw new Error(`the V2 task ended ${v2Task?.status}: ${v2Task?.error_msg}`);

  const v3Created = await client.POST('/v3/generation/text-to-model', {
    body: { prompt: 'a small wooden boat', model: 'v3.0-20250812' },
  });
  if (!v3Created.data) throw new Error(`V3 create failed: ${JSON.stringify(v3Created.error)}`);
  const v3TaskId = v3Created.data.data.task_id;
  let v3Task = (await client.GET('/v3/tasks/{taskId}', { params: { path: { taskId: v3TaskId } } })).data?.data;
  while (v3Task && (v3Task.status === 'queued' || v3Task.status === 'running')) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    v3Task = (await client.GET('/v3/tasks/{taskId}', { params: { path: { taskId: v3TaskId } } })).data?.data;
  }
  if (v3Task?.status !== 'success') throw new Error(`the V3 task ended ${v3Task?.status}: ${v3Task?.error_message}`);

  return {
    v2TaskId,
    v3TaskId,
    v2ModelBytes: await download(client, String(v2Task.output.pbr_model ?? v2Task.output.model)),
    v3ModelBytes: await download(client, String(v3Task.output.model_url)),
  };
}

/** The signed link is the credential: the generated download operation takes its query as parameters. */
async function download(client: ReturnType<typeof createClient<paths>>, link: string): Promise<Uint8Array> {
  const url = new URL(link);
  const [, taskId, fileName] = /\/downloads\/([^/]+)\/([^/]+)$/.exec(url.pathname) ?? [];
  const answer = await client.GET('/v2/openapi/downloads/{taskId}/{fileName}', {
    params: {
      path: { taskId: taskId!, fileName: fileName! },
      query: {
        expires: url.searchParams.get('expires') ?? undefined,
        signature: url.searchParams.get('signature') ?? undefined,
      },
    },
    parseAs: 'arrayBuffer',
  });
  if (!answer.data) throw new Error(`download failed: ${answer.response.status}`);
  return new Uint8Array(answer.data as ArrayBuffer);
}
