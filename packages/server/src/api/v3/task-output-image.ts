// A bare task UUID given as an image input on /v3 means "that task's image output" (tripo-api.md §6.3); a UUID
// that names no task but an uploaded file of the account (a V2 image_token) is that file.
// The core takes only uploaded files, so the output is copied once into a file of the account, under an id
// derived from the task and output key: a retried request resolves to the same file (idempotent bodies match).
import { createHash } from 'node:crypto';
import { DomainError } from '../../domain-error.ts';
import type { FileStore } from '../../files/file-store.ts';
import type { BlobStore } from '../../storage/blob-store.ts';
import { isUniqueViolation } from '../../tasks/idempotency.ts';
import type { TaskService } from '../../tasks/task-service.ts';
import type { MultiviewView, V3InputResolver } from './translate-v3-request.ts';

export interface TaskOutputImageDependencies {
  tasks: TaskService;
  files: FileStore;
  blobs: BlobStore;
}

/** Image outputs, most specific first; a view asks for that view of a multiview task first. */
function candidateKeys(view: MultiviewView | undefined): string[] {
  const keys = ['generated_image', 'image', 'generate_multiview_image.front_view_url'];
  return view ? [`generate_multiview_image.${view}_view_url`, ...keys] : keys;
}

export function taskOutputImageResolver(dependencies: TaskOutputImageDependencies, accountId: string): V3InputResolver {
  return {
    async taskOutputImage(taskId, view) {
      const found = await dependencies.tasks.getTask(accountId, taskId).catch(async (error: unknown) => {
        // a V2 image_token sent where /v3 reads a task id: the ids never collide, so use the file
        if (
          error instanceof DomainError &&
          error.errorName === 'taskNotFound' &&
          (await dependencies.files.findFile(accountId, taskId))
        )
          return undefined;
        throw error;
      });
      if (!found) return taskId.toLowerCase();
      const { task } = found;
      if (task.status !== 'success') {
        throw new DomainError(
          'originalTaskNotSuccessful',
          `task ${taskId} has status "${task.status}"; its output can be used as input once it is "success"`,
        );
      }
      const key = candidateKeys(view).find((candidate) => task.outputFiles[candidate] !== undefined);
      if (!key)
        throw new DomainError(
          'invalidOriginalTask',
          `task ${taskId} (${task.type}) has no image output to use as an image input`,
        );
      const fileId = derivedFileId(task.id, key);
      if (await dependencies.files.findFile(accountId, fileId)) return fileId;
      const output = task.outputFiles[key]!;
      const bytes = await dependencies.blobs.get(output.blobKey);
      if (!bytes) throw new DomainError('fileNotFound', `the ${key} output of task ${taskId} no longer exists`);
      try {
        await dependencies.files.saveUpload(accountId, output.fileName, bytes, { id: fileId });
      } catch (error) {
        // a concurrent request copied it first
        if (!isUniqueViolation(error)) throw error;
      }
      return fileId;
    },
  };
}

/** A UUID-shaped id from a hash of the task id and output key (name-based, like UUID v5). */
function derivedFileId(taskId: string, outputKey: string): string {
  const hex = createHash('sha256')
    .update(`v3-task-output\n${taskId}\n${outputKey}`)
    .digest('hex')
    .slice(0, 32)
    .split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}
