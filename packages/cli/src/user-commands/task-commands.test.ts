import { describe, expect, it } from 'vitest';
import type { Task } from '@polyforge/sdk';
import { CliUsageError } from '../cli-usage-error.ts';
import { buildTaskBody, fileTypeOf, formatTaskSummary } from './task-commands.ts';
import { describeProgress } from './progress-reporter.ts';
import { commandNameOf } from '../main.ts';

const glb = { type: 'glb', file_token: '11111111-1111-4111-8111-111111111111' };
const png = { type: 'png', file_token: '22222222-2222-4222-8222-222222222222' };

describe('buildTaskBody', () => {
  it('puts one upload into "file" and keeps the type last-writer', () => {
    expect(buildTaskBody('import_model', { type: 'ignored', face_limit: 100 }, [glb])).toEqual({
      type: 'import_model',
      face_limit: 100,
      file: glb,
    });
  });

  it('puts multiview uploads into "files", in order, even a single one', () => {
    expect(buildTaskBody('multiview_to_model', {}, [png, glb])).toEqual({
      type: 'multiview_to_model',
      files: [png, glb],
    });
    expect(buildTaskBody('multiview_to_model', {}, [png])).toEqual({ type: 'multiview_to_model', files: [png] });
  });

  it('leaves the body alone without uploads and refuses several files for single-file types', () => {
    expect(buildTaskBody('text_to_model', { prompt: 'cat' }, [])).toEqual({ type: 'text_to_model', prompt: 'cat' });
    expect(() => buildTaskBody('image_to_model', {}, [png, png])).toThrow(CliUsageError);
  });
});

describe('fileTypeOf', () => {
  it.each([
    ['model.GLB', 'glb'],
    ['/a/b/photo.jpeg', 'jpeg'],
    ['mesh.stl', 'stl'],
    ['noextension', 'jpg'],
  ])('%s → %s', (path, expected) => {
    expect(fileTypeOf(path)).toBe(expected);
  });
});

const task: Task = {
  task_id: 'abc',
  type: 'convert_model',
  status: 'failed',
  input: {},
  output: { model: 'http://h/model.stl', nested: { a: 'http://h/a.png' } },
  progress: 100,
  create_time: 0,
  running_left_time: -1,
  queuing_num: -1,
  consumed_credit: 0,
  error_code: 1001,
  error_msg: 'engine failed',
  result: {},
};

describe('formatTaskSummary', () => {
  it('shows id, status, credits, error and outputs, aligned', () => {
    expect(formatTaskSummary(task).split('\n')).toEqual([
      'task_id        abc',
      'type           convert_model',
      'status         failed (100%)',
      'credits        0',
      'created        1970-01-01T00:00:00.000Z',
      'error          1001 engine failed',
      'output.model   http://h/model.stl',
      'output.nested  {"a":"http://h/a.png"}',
    ]);
  });
});

describe('describeProgress', () => {
  it.each([
    [{ status: 'queued', progress: 0, queuing_num: 2, running_left_time: -1 }, 'queued (position 2)'],
    [{ status: 'queued', progress: 0, queuing_num: -1, running_left_time: null }, 'queued'],
    [{ status: 'running', progress: 41.6, queuing_num: -1, running_left_time: 12 }, 'running 42% (~12 s left)'],
    [{ status: 'running', progress: 10, queuing_num: -1, running_left_time: null }, 'running 10%'],
    [{ status: 'success', progress: 100, queuing_num: -1, running_left_time: -1 }, 'success 100%'],
  ] as const)('%j → %s', (fields, expected) => {
    expect(describeProgress(fields)).toBe(expected);
  });
});

describe('commandNameOf', () => {
  it.each([
    [['task', 'get', 'x'], 'task'],
    [['--api-key', 'tsk_1', '--json', 'balance'], 'balance'],
    [['--base-url', 'http://h', 'serve'], 'serve'],
    [['--base-url=http://h', 'upload', 'f'], 'upload'],
    [['--help'], undefined],
  ])('%j → %s', (args, expected) => {
    expect(commandNameOf(args)).toBe(expected);
  });
});
