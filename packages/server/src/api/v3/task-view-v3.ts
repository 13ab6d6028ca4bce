// Presents a task in the V3 wire shape (tripo-api.md §6.4): five statuses, error_code + error_message,
// credits_consumed with 2 decimals, ISO times, and the V3 output keys, with freshly signed links as on V2.
import { ERROR_CATALOG, type TaskViewV3, type V3TaskStatus } from '@polyforge/protocol';
import type { DownloadSigner } from '../../files/download-signer.ts';
import type { TaskRecord } from '../../tasks/task-record.ts';

export type { TaskViewV3, V3TaskStatus };

/** Engine results that are Polyforge's own detail, not V3 output keys: shown beside `output`, not in it. */
const EXTENSION_RESULT_KEYS = ['generation'] as const;

/** Output keys holding a model, in the order V3's single `model_url` picks from. */
const MODEL_OUTPUT_KEYS = ['pbr_model', 'model', 'base_model'] as const;

/** V2's `banned` and `expired` are `failed` on V3, with the error code that says why. */
export function v3StatusOf(task: Pick<TaskRecord, 'status' | 'errorCode' | 'errorMessage'>): {
  status: V3TaskStatus;
  errorCode: number | null;
  errorMessage: string | null;
} {
  switch (task.status) {
    case 'banned':
      return {
        status: 'failed',
        errorCode: ERROR_CATALOG.contentPolicyViolation.code,
        errorMessage: task.errorMessage ?? ERROR_CATALOG.contentPolicyViolation.message,
      };
    case 'expired':
      return {
        status: 'failed',
        errorCode: ERROR_CATALOG.startDeadlinePassed.code,
        errorMessage: task.errorMessage ?? 'The task expired before it could run',
      };
    default:
      return { status: task.status, errorCode: task.errorCode, errorMessage: task.errorMessage };
  }
}

export function presentTaskV3(task: TaskRecord, signer: DownloadSigner, baseUrl: string): TaskViewV3 {
  const { status, errorCode, errorMessage } = v3StatusOf(task);
  const urls = Object.fromEntries(
    Object.entries(task.outputFiles).map(([key, file]) => [key, baseUrl + signer.signPath(task.id, file.fileName)]),
  );
  const view: TaskViewV3 = {
    task_id: task.id,
    type: task.type,
    status,
    progress: task.status === 'success' ? 100 : task.progress,
    input: task.input,
    output: v3OutputOf(task.result, urls, task.type),
    credits_consumed: creditsOf(task.consumedCredits),
    created_at: isoTime(task.createdAt),
    completed_at: task.finishedAt === null ? null : isoTime(task.finishedAt),
  };
  if (errorCode !== null) {
    view.error_code = errorCode;
    view.error_message = errorMessage ?? '';
  }
  if (task.isTest) view.test_mode = true;
  if (task.result.generation !== undefined) view.generation = task.result.generation as Record<string, unknown>;
  return view;
}

/**
 * V2 output keys → V3: the models collapse into `model_url` (pbr_model > model > base_model), multiview views
 * appear both flat (`front_view_url`) and under `generate_multiview_image`, every other file `<key>_url`;
 * non-file results (riggable, rig_type, ...) as they are. A retarget also lists its model in `model_urls` (one
 * file holds every animation asked for), which the official JS SDK's README reads.
 */
export function v3OutputOf(
  result: Record<string, unknown>,
  urls: Record<string, string>,
  taskType?: string,
): Record<string, unknown> {
  const output: Record<string, unknown> = { ...result };
  for (const key of EXTENSION_RESULT_KEYS) delete output[key];
  const modelKey = MODEL_OUTPUT_KEYS.find((key) => urls[key] !== undefined);
  if (modelKey) output.model_url = urls[modelKey];
  if (modelKey && taskType === 'animate_retarget') output.model_urls = [urls[modelKey]];
  for (const [key, url] of Object.entries(urls)) {
    if ((MODEL_OUTPUT_KEYS as readonly string[]).includes(key)) continue;
    const [outer, inner] = key.split('.');
    if (inner !== undefined) {
      output[inner] = url;
      output[outer!] = { ...(output[outer!] as Record<string, string> | undefined), [inner]: url };
    } else {
      output[`${key}_url`] = url;
    }
  }
  return output;
}

export function creditsOf(credits: number): number {
  return Math.round(credits * 100) / 100;
}

/** ISO-8601 UTC to the second, as the V3 examples write it (2026-04-28T12:00:00Z). */
export function isoTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
