// Saves a finished task's output files into the output directory, under the folder or file name the user gives.
import { collectOutputUrls, outputFileName, type PolyforgeClient } from '@polyforge/sdk';
import { OutputPathError, type OutputDirectory } from './output-directory.ts';

export interface DownloadRequest {
  taskId: string;
  /** A folder inside the output directory (default: the directory itself). */
  directory?: string;
  /** Output keys to save (default all), e.g. ["pbr_model"]. */
  outputs?: readonly string[];
  /** File name for the one output saved (with `outputs` naming exactly one, or a task with one file). */
  fileName?: string;
}

export interface SavedOutput {
  key: string;
  path: string;
  sizeBytes: number;
}

export async function downloadOutputs(
  client: PolyforgeClient,
  directory: OutputDirectory,
  request: DownloadRequest,
): Promise<SavedOutput[]> {
  // A fresh read: the task's signed links expire, and it must have finished.
  const task = await client.getTask(request.taskId);
  if (task.status !== 'success') {
    throw new OutputPathError(
      `Task ${task.task_id} is ${task.status}, not success: it has no outputs to download${task.error_msg ? ` (${task.error_msg})` : ''}`,
    );
  }
  const available = collectOutputUrls(task.output);
  const wanted =
    request.outputs && request.outputs.length > 0 ? request.outputs : available.map((output) => output.key);
  const unknown = wanted.filter((key) => !available.some((output) => output.key === key));
  if (unknown.length > 0) {
    throw new OutputPathError(
      `Task ${task.task_id} has no output ${unknown.join(', ')}; its outputs are ${available.map((output) => output.key).join(', ') || 'none'}`,
    );
  }
  const selected = available.filter((output) => wanted.includes(output.key));
  if (request.fileName !== undefined && selected.length !== 1) {
    throw new OutputPathError(
      `file_name names one file, but ${selected.length} outputs are selected: name one in outputs`,
    );
  }
  const folder = request.directory ?? '.';
  // Every path is checked before the first download, so that a refused request writes nothing at all.
  await directory.resolve(folder);
  const targets = [];
  for (const output of selected) {
    const name = request.fileName ?? outputFileName(task.task_id, output.key, output.url);
    targets.push({ ...output, path: `${folder}/${name}` });
    await directory.resolve(`${folder}/${name}`);
  }
  const saved: SavedOutput[] = [];
  for (const target of targets) {
    const bytes = await client.downloadFile(target.url);
    saved.push({ key: target.key, path: await directory.writeFile(target.path, bytes), sizeBytes: bytes.byteLength });
  }
  return saved;
}
