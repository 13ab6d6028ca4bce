// Every piece of user-written text a task request carries, with where it sits, for the content check.
import type { TaskRequest } from '@polyforge/protocol';

export interface ModeratedText {
  /** where the text sits, as a client would name it: "prompt", "texture_prompt.text", "prompts[1].prompt" */
  field: string;
  text: string;
  /** a negative prompt names what to avoid, so it is held to fewer rules (lexicon/category-lexicon.ts) */
  kind: 'positive' | 'negative';
}

/**
 * Keys whose strings a person wrote, wherever they sit (texture_prompt.text, prompts[].prompt, part_names[]).
 * Other strings are ids, versions, enums and presets that the schema already closed, defaults included.
 */
const TEXT_KEYS = new Set([
  'prompt',
  'negative_prompt',
  'text',
  'text_prompt',
  'part_names',
  'template',
  'name',
  'names',
  'description',
  'caption',
]);

/** Every text of the request in request order, found by walking it whole (file references skipped). */
export function moderatedTextsOf(request: TaskRequest): ModeratedText[] {
  const texts: ModeratedText[] = [];
  const visit = (value: unknown, field: string, key: string) => {
    if (typeof value === 'string') {
      if (TEXT_KEYS.has(key) && value.trim().length > 0)
        texts.push({ field, text: value, kind: key === 'negative_prompt' ? 'negative' : 'positive' });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${field}[${index}]`, key));
    } else if (isRecord(value) && !isFileReference(value)) {
      for (const [childKey, child] of Object.entries(value))
        visit(child, field ? `${field}.${childKey}` : childKey, childKey);
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
