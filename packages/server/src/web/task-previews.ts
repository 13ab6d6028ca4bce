// Which task's rendered_image stands for a task in lists: its own, or, for tasks that make no preview (a convert,
// a rig check), the nearest task it was made from that has one. A few batched reads, never one per row.
import { SOURCE_TASK_RULES, type TaskType } from '@polyforge/protocol';
import type { Database } from '../db/database-schema.ts';

/** How far back a preview is looked for (convert of a convert of a rig of a model is three steps). */
const MAX_STEPS_BACK = 4;

export interface PreviewCandidate {
  id: string;
  type: string;
  input: Record<string, unknown>;
  hasPreview: boolean;
}

/** The task id it was made from (original_model_task_id, draft_model_task_id, ...), if any. */
export function sourceTaskIdOf(type: string, input: Record<string, unknown>): string | undefined {
  const rule = SOURCE_TASK_RULES[type as TaskType];
  const value = rule ? input[rule.field] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** task id → the id of the task whose rendered_image to show for it (absent: no preview anywhere up the chain). */
export async function previewTaskIds(
  db: Database,
  accountId: string,
  rows: readonly PreviewCandidate[],
): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  // for each row still looking: the task to look at next
  let looking = new Map<string, string>();
  for (const row of rows) {
    if (row.hasPreview) result.set(row.id, row.id);
    else {
      const source = sourceTaskIdOf(row.type, row.input);
      if (source) looking.set(row.id, source);
    }
  }
  for (let step = 0; step < MAX_STEPS_BACK && looking.size > 0; step += 1) {
    const sources = await db
      .selectFrom('tasks')
      .select(['id', 'type', 'inputJson', 'outputJson'])
      .where('accountId', '=', accountId)
      .where('id', 'in', [...new Set(looking.values())])
      .execute();
    const byId = new Map(sources.map((source) => [source.id, source]));
    const next = new Map<string, string>();
    for (const [rowId, sourceId] of looking) {
      const source = byId.get(sourceId);
      if (!source) continue;
      if ('rendered_image' in (JSON.parse(source.outputJson) as Record<string, unknown>)) result.set(rowId, source.id);
      else {
        const further = sourceTaskIdOf(source.type, JSON.parse(source.inputJson) as Record<string, unknown>);
        if (further) next.set(rowId, further);
      }
    }
    looking = next;
  }
  return result;
}
