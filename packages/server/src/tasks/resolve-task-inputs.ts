// Reads what a task's engine is given: the request's files (a referenced image `url` fetched now) and the model or
// outputs of the task it builds on. A missing input fails the task `inputExpired`.
import { fileReferencesOf, type TaskRequest } from '@polyforge/protocol';
import { EngineFailure, type EngineInputFile } from '../engines/engine.ts';
import { taskFromRow, type StoredOutputFile, type TaskRecord } from './task-record.ts';
import type { TaskRunnerDependencies } from './task-runner-dependencies.ts';

type InputSources = Pick<TaskRunnerDependencies, 'files' | 'db' | 'blobs'>;

export async function resolveTaskInputs(
  deps: InputSources,
  task: TaskRecord,
  request: TaskRequest,
): Promise<{
  files: EngineInputFile[];
  sourceModel?: EngineInputFile;
  sourceOutputs?: Record<string, EngineInputFile>;
}> {
  const { files, db, blobs } = deps;
  const inputFiles: EngineInputFile[] = [];
  for (const reference of fileReferencesOf(request)) {
    // an image `url` is fetched now, with every input check (a content-policy hit ends the task `banned`)
    if (reference.url !== undefined && reference.file_token === undefined) {
      inputFiles.push(await files.fetchReferencedImage(reference.url));
      continue;
    }
    const stored = reference.file_token ? await files.findFile(task.accountId, reference.file_token) : undefined;
    if (!stored)
      throw new EngineFailure('inputExpired', `input file ${reference.file_token ?? ''} is no longer available`);
    inputFiles.push({
      bytes: await files.readBytes(stored),
      format: stored.format,
      kind: stored.kind,
      fileName: stored.fileName,
    });
  }
  const outputsTaskId = (request as { original_task_id?: string }).original_task_id;
  if (outputsTaskId)
    return { files: inputFiles, sourceOutputs: await outputsOfTask(deps, task.accountId, outputsTaskId) };
  const sourceTaskId = (request as { original_model_task_id?: string }).original_model_task_id;
  if (!sourceTaskId) return { files: inputFiles };
  const sourceRow = await db
    .selectFrom('tasks')
    .selectAll()
    .where('id', '=', sourceTaskId)
    .where('accountId', '=', task.accountId)
    .executeTakeFirst();
  const sourceFiles = sourceRow ? taskFromRow(sourceRow).outputFiles : {};
  const sourceFile = sourceModelFileOf(sourceFiles);
  const bytes = sourceFile ? await blobs.get(sourceFile.blobKey) : undefined;
  if (!sourceFile || !bytes)
    throw new EngineFailure('inputExpired', `the model of source task ${sourceTaskId} is no longer available`);
  const format = sourceFile.fileName.split('.').pop() ?? 'glb';
  return { files: inputFiles, sourceModel: { bytes, format, kind: 'model', fileName: sourceFile.fileName } };
}

async function outputsOfTask(
  deps: InputSources,
  accountId: string,
  taskId: string,
): Promise<Record<string, EngineInputFile>> {
  const row = await deps.db
    .selectFrom('tasks')
    .selectAll()
    .where('id', '=', taskId)
    .where('accountId', '=', accountId)
    .executeTakeFirst();
  const outputs: Record<string, EngineInputFile> = {};
  for (const [key, file] of Object.entries(row ? taskFromRow(row).outputFiles : {})) {
    const bytes = await deps.blobs.get(file.blobKey);
    if (!bytes) throw new EngineFailure('inputExpired', `the outputs of source task ${taskId} are no longer available`);
    const format = file.fileName.split('.').pop() ?? '';
    outputs[key] = {
      bytes,
      format,
      kind: file.mimeType.startsWith('image/') ? 'image' : 'model',
      fileName: file.fileName,
    };
  }
  return outputs;
}

/** The model a task hands to the tasks built on it: the PBR model, else the model, else the untextured base. */
export function sourceModelFileOf(outputFiles: Record<string, StoredOutputFile>): StoredOutputFile | undefined {
  return outputFiles.pbr_model ?? outputFiles.model ?? outputFiles.base_model;
}
