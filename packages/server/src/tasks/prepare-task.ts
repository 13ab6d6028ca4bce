// Everything a create or quote call checks before money moves: schema, content safety, input files, source task, price.
import {
  fileReferencesOf,
  parseTaskRequest,
  sourceTaskOf,
  type FileReference,
  type TaskRequest,
} from '@polyforge/protocol';
import type { DeploymentModelPrices } from '../billing/model-version-prices.ts';
import { priceTask, type TaskPrice } from '../billing/pricing.ts';
import type { Database, TasksTable } from '../db/database-schema.ts';
import { preparedQuery } from '../db/prepared-query.ts';
import { DomainError } from '../domain-error.ts';
import type { FileStore, StoredFile } from '../files/file-store.ts';
import { STS_UPLOAD_BUCKET, uploadIdOfStsKey } from '../files/sts/sts-object-key.ts';
import { ContentModeration } from '../safety/content-moderation.ts';
import { taskFromRow, UUID_PATTERN, type TaskRecord } from './task-record.ts';

const taskByIdQuery = preparedQuery<TasksTable, [string, string]>((db, slot) =>
  db.selectFrom('tasks').selectAll().where('id', '=', slot(0)).where('accountId', '=', slot(1)),
);

export interface PreparedTask {
  request: TaskRequest;
  price: TaskPrice;
  inputFiles: StoredFile[];
  sourceTask?: TaskRecord;
}

/** Task types whose uploaded input must be a model file rather than an image. */
const MODEL_INPUT_TASK_TYPES = new Set(['import_model']);

/** Looks up a task of the account by id (any case), or undefined; the task service passes its cached lookup. */
export type TaskLookup = (accountId: string, taskId: string) => Promise<TaskRecord | undefined>;

/** The offline content policy, for callers that were not given the platform's (tests, tools). */
const OFFLINE_MODERATION = new ContentModeration();

export async function prepareTask(
  db: Database,
  files: FileStore,
  accountId: string,
  body: unknown,
  findTask?: TaskLookup,
  moderation: ContentModeration = OFFLINE_MODERATION,
  /** the deployment's own model_version names (provider models) and their prices */
  deploymentModels?: DeploymentModelPrices,
): Promise<PreparedTask> {
  const parsed = parseTaskRequest(body, { deploymentModelVersions: deploymentModels?.namesByTaskType() });
  if (!parsed.ok) throw new DomainError(parsed.error, parsed.message);
  const request = parsed.request;

  // The content policy before anything else: a refused text (2008) is never looked up, scoped, priced or held.
  await moderation.checkRequestTexts(request);

  const expectedKind = MODEL_INPUT_TASK_TYPES.has(request.type) ? 'model' : 'image';
  const inputFiles: StoredFile[] = [];
  for (const reference of fileReferencesOf(request)) {
    // An image `url` is checked here without fetching it; the worker fetches it (size, time and address bounded).
    if (reference.url !== undefined && expectedKind === 'image') {
      files.checkImageUrl(reference.url);
      continue;
    }
    inputFiles.push(await resolveFileReference(files, accountId, reference, expectedKind));
  }
  // each image passed the offline classifier as it was resolved; the operator's provider sees them too
  await moderation.checkInputImages(
    inputFiles
      .filter((file) => file.kind === 'image')
      .map((file) => ({ label: `file_token ${file.id}`, readBytes: () => files.readBytes(file) })),
  );

  const source = sourceTaskOf(request);
  let sourceTask: TaskRecord | undefined;
  if (source) {
    sourceTask = await (findTask ?? ((owner, taskId) => findTaskInDatabase(db, owner, taskId)))(
      accountId,
      source.taskId,
    );
    if (!sourceTask)
      throw new DomainError('taskNotFound', `${source.field} ${source.taskId} does not name a task of this account`);
    if (!source.allowedTypes.includes(sourceTask.type as never)) {
      throw new DomainError(
        'invalidOriginalTask',
        `${request.type} cannot use a ${sourceTask.type} task as ${source.field}; accepted: ${source.allowedTypes.join(', ')}`,
      );
    }
    if (sourceTask.status !== 'success') {
      throw new DomainError(
        'originalTaskNotSuccessful',
        `${source.field} ${source.taskId} has status "${sourceTask.status}", not "success"`,
      );
    }
  }

  return { request, price: priceTask(request, deploymentModels), inputFiles, sourceTask };
}

async function findTaskInDatabase(db: Database, accountId: string, taskId: string): Promise<TaskRecord | undefined> {
  const [row] = UUID_PATTERN.test(taskId) ? await taskByIdQuery(db, taskId.toLowerCase(), accountId) : [];
  return row ? taskFromRow(row) : undefined;
}

async function resolveFileReference(
  files: FileStore,
  accountId: string,
  reference: FileReference,
  expectedKind: 'image' | 'model',
): Promise<StoredFile> {
  if (reference.url !== undefined) {
    throw new DomainError(
      'notAvailable',
      'model files cannot be referenced by "url" here; upload the file and pass its file_token',
    );
  }
  const label =
    reference.object !== undefined
      ? `object ${reference.object.bucket}/${reference.object.key}`
      : `file_token ${reference.file_token ?? ''}`;
  const file =
    reference.object !== undefined
      ? await findStsObject(files, accountId, reference.object)
      : await files.findFile(accountId, reference.file_token ?? '');
  if (!file)
    throw new DomainError(
      'fileNotFound',
      `file_token ${reference.file_token ?? ''} does not name a file uploaded by this account`,
    );
  if (file.kind !== expectedKind) {
    throw new DomainError(
      'unsupportedFileType',
      `${label} is a ${file.format} ${file.kind}, but this task needs ${expectedKind === 'model' ? 'a model (GLB, glTF, OBJ, STL, FBX)' : 'an image (JPEG, PNG, WebP)'}`,
    );
  }
  // image limits and the image content policy (2008), nothing charged yet
  if (file.kind === 'image') await files.checkImageForTask(file, label);
  if (reference.object !== undefined) {
    // the task keeps the file's id, as for any upload: the runner, worker leases and gateways read file_token only
    delete reference.object;
    reference.file_token = file.id;
  }
  return file;
}

/** The file an STS upload wrote (`{"object": {"bucket", "key"}}`), with a message that says what is missing. */
async function findStsObject(
  files: FileStore,
  accountId: string,
  object: { bucket: string; key: string },
): Promise<StoredFile> {
  if (object.bucket !== STS_UPLOAD_BUCKET) {
    throw new DomainError(
      'fileNotFound',
      `object bucket "${object.bucket}" is not this deployment's upload bucket "${STS_UPLOAD_BUCKET}"; upload with POST /v2/openapi/upload/sts/token first`,
    );
  }
  const uploadId = uploadIdOfStsKey(object.key);
  const file = uploadId ? await files.findFile(accountId, uploadId) : undefined;
  if (file) return file;
  const slot = uploadId ? await files.findPendingUpload(accountId, uploadId) : undefined;
  if (slot && !slot.completed) {
    throw new DomainError(
      'fileNotFound',
      `nothing was uploaded to object ${object.key} yet${slot.expired ? ' and its credentials have expired; ask for new ones' : '; upload it with the STS credentials first'}`,
    );
  }
  throw new DomainError('fileNotFound', `object ${object.key} does not name a file uploaded by this account`);
}
