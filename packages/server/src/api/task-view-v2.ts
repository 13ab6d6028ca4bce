// Presents a task in the V2 wire shape, with freshly signed, expiring output links.
import { isFinalStatus, type TaskViewV2 } from '@polyforge/protocol';
import type { DownloadSigner } from '../files/download-signer.ts';
import type { TaskWithQueueInfo } from '../tasks/task-service.ts';

export type { TaskViewV2 };

export function presentTaskV2(
  info: TaskWithQueueInfo,
  signer: DownloadSigner,
  baseUrl: string,
  expiresAtSeconds = signer.expiresAtSecondsNow(),
): TaskViewV2 {
  const { task } = info;
  const output: Record<string, unknown> = { ...task.result };
  for (const [outputKey, file] of Object.entries(task.outputFiles)) {
    const url = baseUrl + signer.signPath(task.id, file.fileName, expiresAtSeconds);
    const [outer, inner] = outputKey.split('.');
    if (inner === undefined) output[outer] = url;
    else output[outer] = { ...(output[outer] as Record<string, string> | undefined), [inner]: url };
  }
  const view: TaskViewV2 = {
    task_id: task.id,
    type: task.type,
    status: task.status,
    input: task.input,
    output,
    progress: task.status === 'success' ? 100 : task.progress,
    create_time: Math.floor(task.createdAt / 1000),
    running_left_time: info.estimatedSecondsLeft,
    queuing_num: info.queuePosition,
    consumed_credit: task.consumedCredits,
    result: {},
  };
  if (task.isTest) view.test_mode = true;
  if (task.errorCode !== null) {
    view.error_code = task.errorCode;
    view.error_msg = task.errorMessage ?? '';
  }
  return view;
}

interface RenderedBody {
  baseUrl: string;
  expiresAtSeconds: number;
  json: string;
}

/** Bodies of finished tasks, keyed by the (cached, frozen) task read they were rendered from. */
const renderedFinishedTasks = new WeakMap<TaskWithQueueInfo, RenderedBody>();

/**
 * The GET task response body, `{"code":0,"data":<view>}`, as JSON text: the same bytes Fastify's serializer
 * writes for that object. A finished task read from the task cache is rendered once per signing second and base
 * URL: within a second every link carries the same expiry, so the cached text is exactly what a fresh rendering
 * would give (links keep the full TTL); the next second signs them anew.
 */
export function taskResponseJsonV2(info: TaskWithQueueInfo, signer: DownloadSigner, baseUrl: string): string {
  const expiresAtSeconds = signer.expiresAtSecondsNow();
  const finished = isFinalStatus(info.task.status);
  if (finished) {
    const rendered = renderedFinishedTasks.get(info);
    if (rendered && rendered.expiresAtSeconds === expiresAtSeconds && rendered.baseUrl === baseUrl)
      return rendered.json;
  }
  const json = JSON.stringify({ code: 0, data: presentTaskV2(info, signer, baseUrl, expiresAtSeconds) });
  if (finished && Object.isFrozen(info)) renderedFinishedTasks.set(info, { baseUrl, expiresAtSeconds, json });
  return json;
}
