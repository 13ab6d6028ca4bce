// The cache of finished tasks: only final tasks, only for their own account, trusted for the TTL, bounded, frozen.
import { describe, expect, it } from 'vitest';
import type { TaskStatus } from '@polyforge/protocol';
import { FINAL_TASK_CACHE_TTL_MS, TaskReadCache } from './task-read-cache.ts';
import type { TaskWithQueueInfo } from './task-service.ts';

function taskInfo(id: string, status: TaskStatus, accountId = 'account-a'): TaskWithQueueInfo {
  return {
    task: {
      id,
      accountId,
      type: 'import_model',
      status,
      input: { type: 'import_model' },
      outputFiles: {
        model: {
          fileName: 'model.glb',
          blobKey: `tasks/${id}/model.glb`,
          mimeType: 'model/gltf-binary',
          sizeBytes: 10,
        },
      },
      result: {},
      progress: 100,
      costCredits: 0,
      consumedCredits: 0,
      errorCode: null,
      errorMessage: null,
      createdAt: 1,
      startedAt: 2,
      finishedAt: 3,
      cancelRequestedAt: null,
      startDeadlineAt: null,
      isTest: false,
    },
    queuePosition: -1,
    estimatedSecondsLeft: null,
  };
}

describe('TaskReadCache', () => {
  it('keeps every final status and never a queued or running task', () => {
    const cache = new TaskReadCache();
    for (const status of ['success', 'failed', 'cancelled', 'banned', 'expired'] as const) {
      cache.remember(taskInfo(`task-${status}`, status), 1000);
      expect(cache.get('account-a', `task-${status}`, 1000)?.task.status).toBe(status);
    }
    for (const status of ['queued', 'running'] as const) {
      cache.remember(taskInfo(`task-${status}`, status), 1000);
      expect(cache.get('account-a', `task-${status}`, 1000)).toBeUndefined();
    }
  });

  it('answers only the owning account', () => {
    const cache = new TaskReadCache();
    cache.remember(taskInfo('task-1', 'success', 'account-a'), 1000);
    expect(cache.get('account-b', 'task-1', 1000)).toBeUndefined();
    expect(cache.get('account-a', 'task-1', 1000)).toBeDefined();
  });

  it('trusts an entry for less than the TTL, and not when the clock went back', () => {
    const cache = new TaskReadCache();
    cache.remember(taskInfo('task-1', 'success'), 10_000);
    expect(cache.get('account-a', 'task-1', 10_000 + FINAL_TASK_CACHE_TTL_MS - 1)).toBeDefined();
    expect(cache.get('account-a', 'task-1', 10_000 + FINAL_TASK_CACHE_TTL_MS)).toBeUndefined();
    // dropped once stale: a later read at an earlier time does not bring it back
    expect(cache.get('account-a', 'task-1', 10_000)).toBeUndefined();
    cache.remember(taskInfo('task-2', 'success'), 10_000);
    expect(cache.get('account-a', 'task-2', 9_999)).toBeUndefined();
  });

  it('holds at most its size, dropping the oldest entry first', () => {
    const cache = new TaskReadCache(FINAL_TASK_CACHE_TTL_MS, 3);
    for (const id of ['task-1', 'task-2', 'task-3', 'task-4']) cache.remember(taskInfo(id, 'success'), 1000);
    expect(cache.get('account-a', 'task-1', 1000)).toBeUndefined();
    for (const id of ['task-2', 'task-3', 'task-4']) expect(cache.get('account-a', id, 1000)).toBeDefined();
    cache.forget('task-3');
    expect(cache.get('account-a', 'task-3', 1000)).toBeUndefined();
  });

  it('freezes what it serves, so no caller can change the copy every poll shares', () => {
    const cache = new TaskReadCache();
    cache.remember(taskInfo('task-1', 'success'), 1000);
    const info = cache.get('account-a', 'task-1', 1000)!;
    expect(() => {
      (info.task as { status: string }).status = 'failed';
    }).toThrow(TypeError);
    expect(() => {
      info.task.outputFiles.model.fileName = 'other.glb';
    }).toThrow(TypeError);
    expect(cache.get('account-a', 'task-1', 1000)?.task.status).toBe('success');
  });
});
