// What a leased task reads: its uploaded files (in fileReferencesOf order) and the model of its source task,
// described without their bytes so a worker fetches only what it needs, through links scoped to the lease.
import { fileReferencesOf, type TaskRequest } from '@polyforge/protocol';
import type { Database } from '../db/database-schema.ts';
import type { FileStore } from '../files/file-store.ts';
import { taskFromRow, type TaskRecord } from '../tasks/task-record.ts';
import { sourceModelFileOf } from '../tasks/resolve-task-inputs.ts';

export interface LeaseInput {
  /** "0", "1", ... for the request's files; "source_model" for the model of original_model_task_id */
  name: string;
  kind: 'image' | 'model';
  format: string;
  fileName: string;
  sizeBytes: number;
  mimeType: string;
  blobKey: string;
}

export async function describeLeaseInputs(db: Database, files: FileStore, task: TaskRecord): Promise<LeaseInput[]> {
  const request = task.input as TaskRequest;
  const inputs: LeaseInput[] = [];
  for (const [index, reference] of fileReferencesOf(request).entries()) {
    const stored = reference.file_token ? await files.findFile(task.accountId, reference.file_token) : undefined;
    if (!stored) continue;
    inputs.push({
      name: String(index),
      kind: stored.kind,
      format: stored.format,
      fileName: stored.fileName,
      sizeBytes: stored.sizeBytes,
      mimeType: stored.mimeType,
      blobKey: stored.blobKey,
    });
  }
  const sourceTaskId = (request as { original_model_task_id?: string }).original_model_task_id;
  if (sourceTaskId) {
    const row = await db
      .selectFrom('tasks')
      .selectAll()
      .where('id', '=', sourceTaskId)
      .where('accountId', '=', task.accountId)
      .executeTakeFirst();
    const sourceFile = row ? sourceModelFileOf(taskFromRow(row).outputFiles) : undefined;
    if (sourceFile) {
      const format = sourceFile.fileName.split('.').pop() ?? 'glb';
      inputs.push({
        name: 'source_model',
        kind: 'model',
        format,
        fileName: sourceFile.fileName,
        sizeBytes: sourceFile.sizeBytes,
        mimeType: sourceFile.mimeType,
        blobKey: sourceFile.blobKey,
      });
    }
  }
  return inputs;
}
