// A fresh database per test platform: a SQLite file in a temp dir, or, when TEST_DATABASE_URL is set,
// a new PostgreSQL database created on that server and dropped afterwards.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';

export interface TestDatabase {
  databaseUrl: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(dataDir: string): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return { databaseUrl: `sqlite:${path.join(dataDir, 'test.sqlite')}`, drop: async () => undefined };
  const name = `polyforge_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    drop: () => withAdminClient(serverUrl, (client) => dropWhenIdle(client, name)),
  };
}

/**
 * pg's Pool.end() resolves before its clients' sockets are closed; dropping the database WITH (FORCE) at that
 * moment terminates them and their 'error' events surface as uncaught. Wait for the connections to go first.
 */
async function dropWhenIdle(client: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const { rows } = await client.query(
      'SELECT count(*)::int AS connections FROM pg_stat_activity WHERE datname = $1',
      [name],
    );
    if (rows[0].connections === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

async function withAdminClient<T>(serverUrl: string, action: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}
