// The task row as a create writes it, and its prepared insert (the create hot path on SQLite): the values are
// bound by column name from the row object, so no two of its many same-typed values can be swapped.
import type { Database, TasksTable } from '../db/database-schema.ts';
import { preparedNamedQuery, slotPerColumn } from '../db/prepared-query.ts';

/** every column a create writes, none left to the database's default */
export type NewTaskRow = Required<Omit<TasksTable, 'dataDeletedAt'>>;

// an object literal rather than an array so that the compiler rejects a missing or unknown column
const NEW_TASK_COLUMNS = Object.keys({
  id: true,
  accountId: true,
  type: true,
  status: true,
  inputJson: true,
  outputJson: true,
  resultJson: true,
  progress: true,
  costCredits: true,
  consumedCredits: true,
  errorCode: true,
  errorMessage: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  cancelRequestedAt: true,
  startDeadlineAt: true,
  isTest: true,
  wallet: true,
  requestId: true,
} satisfies Record<keyof NewTaskRow, true>) as (keyof NewTaskRow)[];

const insertTaskQuery = preparedNamedQuery<never, NewTaskRow>((db, slot) =>
  db.insertInto('tasks').values(slotPerColumn(NEW_TASK_COLUMNS, slot)),
);

export async function insertTask(trx: Database, row: NewTaskRow): Promise<void> {
  await insertTaskQuery(trx, row);
}
