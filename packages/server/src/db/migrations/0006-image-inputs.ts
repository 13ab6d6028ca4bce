// Input images: the content classifier's score of each uploaded image, computed once when a task first uses it.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // null: not classified yet (models, and images no task has used)
  await db.schema.alterTable('files').addColumn('unsafe_score', 'real').execute();
}
