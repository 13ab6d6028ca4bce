// Every piece of user-written text a task request carries, with where it sits, for the content check.
import type { TaskRequest } from '@polyforge/protocol';

export interface ModeratedText {
  /** where the text sits, as a client would name it: "prompt", "texture_prompt.text", "prompts[1].prompt" */
  field: string;
  text: string;
  /** a negative prompt names what to avoid, so it is held to fewer rules (lexicon/category-lexicon.ts) */
  kind: 'positive' | 'negative';
}

/** Keys that hold identifiers, versions or presets rather than text a person wrote. */
const NOT_TEXT_KEYS = new Set(['type', 'model_version', 'animation', 'animations', 'out_format', 'format']);

/**
 * All strings in the request except ids, versions and file references; walking the whole request means a text
 * field added to a schema later is checked without a change here.
 */
export function moderatedTextsOf(request: TaskRequest): ModeratedText[] {
  const texts: ModeratedText[] = [];
  const visit = (value: unknown, field: string, key: string) => {
    if (typeof value === 'string') {
      if (value.trim().length > 0) texts.push({ field, text: value, kind: key === 'negative_prompt' ? 'negative' : 'positive' });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${field}[${index}]`, key));
    } else if (isRecord(value) && !isFileReference(value)) {
      for (const [childKey, child] of Object.entries(value)) {
        if (NOT_TEXT_KEYS.has(childKey) || childKey.endsWith('_task_id')) continue;
        visit(child, field ? `${field}.${childKey}` : childKey, childKey);
      }
    }
  };
  visit(request, '', '');
  return texts;
}

function isFileReference(value: Record<string, unknown>): boolean {
  return 'file_token' in value || 'url' in value || 'object' in value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
