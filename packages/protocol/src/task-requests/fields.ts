// Field builders shared by the task-request schemas: human error messages, file references, prompts, seeds.
import { z } from 'zod';
import { describeInput, isHttpUrl } from '../json-values.ts';
import type { ModelVersionTable } from './model-versions.ts';
import type { TaskRequestError } from './task-request-error.ts';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Emoji blocks only; ©, ® and ™ are "pictographic" too but harmless in a prompt. U+FE0F (the emoji presentation
// selector) is matched on its own on purpose, so the linter's combined-character check is off here.
// eslint-disable-next-line no-misleading-character-class
const EMOJI_PATTERN = /[\u{1F000}-\u{1FAFF}\u{2600}-\u{27BF}\u{FE0F}]/u;

/** Zod error option: "is required" when absent, else "must be <description> (got <input>)". */
export function expected(description: string) {
  return {
    error: (issue: { input?: unknown }) =>
      issue.input === undefined ? 'is required' : `must be ${description} (got ${describeInput(issue.input)})`,
  };
}

/** Zod custom-issue params carrying the wire error a failed check maps to (default invalidParameter). */
export function errorParams(taskRequestError: TaskRequestError): { taskRequestError: TaskRequestError } {
  return { taskRequestError };
}

export const booleanField = () => z.boolean(expected('true or false'));

export function enumField<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, expected(`one of ${values.join(', ')}`));
}

export function integerBetween(min: number, max: number) {
  const error = expected(`an integer between ${min} and ${max}`);
  return z.int(error).min(min, error).max(max, error);
}

export function numberAbove(minimumExclusive: number) {
  const error = expected(`a number greater than ${minimumExclusive}`);
  return z.number(error).gt(minimumExclusive, error);
}

export const seedField = () => integerBetween(0, Number.MAX_SAFE_INTEGER);

export const taskIdField = () => {
  const error = expected('a task id string');
  return z.string(error).min(1, error).max(128, error);
};

/** User-written text: bounded length; `required` also rejects blank strings. Emoji are not supported upstream. */
export function textField(maxLength: number, options: { required: boolean }) {
  const description = options.required
    ? `a non-empty string of at most ${maxLength} characters`
    : `a string of at most ${maxLength} characters`;
  const error = expected(description);
  return z
    .string(error)
    .max(maxLength, error)
    .refine((text) => !options.required || text.trim().length > 0, error)
    .refine((text) => !EMOJI_PATTERN.test(text), { message: 'must not contain emoji' });
}

export function stringList(description: string) {
  return z.array(z.string(expected(description)), expected(`a list of ${description}s`));
}

/** model_version with its default filled in; unknown → invalidModelVersion, retired → deprecatedVersion. */
export function modelVersionField(table: ModelVersionTable & { defaultVersion: string }) {
  return z
    .string(expected('a model version string'))
    .superRefine((value, context) => {
      if (table.accepted.includes(value) || (table.acceptsDefaultAlias && value === 'default')) return;
      const retired = table.retired.includes(value);
      context.addIssue({
        code: 'custom',
        input: value,
        message: retired
          ? `"${value}" has been retired; use one of ${table.accepted.join(', ')}`
          : `must be one of ${table.accepted.join(', ')} (got ${describeInput(value)})`,
        params: errorParams(retired ? 'deprecatedVersion' : 'invalidModelVersion'),
      });
    })
    .transform((value) => (table.acceptsDefaultAlias && value === 'default' ? table.defaultVersion : value))
    .default(table.defaultVersion);
}

const nonEmptyString = () => {
  const error = expected('a non-empty string');
  return z.string(error).min(1, error);
};

const fileReferenceShape = z.object(
  {
    type: z.string(expected('a string such as "jpg"')).optional(),
    file_token: z
      .string(expected('an upload token (UUID)'))
      .regex(UUID_PATTERN, expected('an upload token (UUID)'))
      .optional(),
    url: z
      .string(expected('an http(s) URL'))
      .refine((value) => isHttpUrl(value), expected('an http(s) URL'))
      .optional(),
    object: z
      .object({ bucket: nonEmptyString(), key: nonEmptyString() }, expected('an object {bucket, key}'))
      .optional(),
  },
  expected('a file object such as {"type": "jpg", "file_token": "<uuid>"}'),
);

function sourceCount(file: { file_token?: string; url?: string; object?: unknown }): number {
  return [file.file_token, file.url, file.object].filter((source) => source !== undefined).length;
}

/** A file object that must point at something: exactly one of file_token / url / object. */
export const fileReferenceSchema = fileReferenceShape.superRefine((file, context) => {
  if (sourceCount(file) !== 1) {
    context.addIssue({ code: 'custom', input: file, message: 'must have exactly one of file_token, url or object' });
  }
});

/** A multiview slot: a file object or `{}` for an omitted view (normalised to `{}`). */
export const fileSlotSchema = fileReferenceShape
  .superRefine((file, context) => {
    if (sourceCount(file) > 1) {
      context.addIssue({ code: 'custom', input: file, message: 'must have at most one of file_token, url or object' });
    }
  })
  .transform((file) => (sourceCount(file) === 0 ? {} : file));

export type FileReferenceInput = z.output<typeof fileSlotSchema>;

export function isFilledSlot(file: FileReferenceInput): boolean {
  return sourceCount(file) > 0;
}

/** Exactly 4 slots in the order [front, left, back, right]. */
export function fourViewSlots() {
  return z
    .array(fileSlotSchema, expected('a list of 4 file objects [front, left, back, right]'))
    .length(4, expected('a list of exactly 4 file objects [front, left, back, right] ({} for an omitted view)'));
}
