// How tests and benches start the `polyforge` program: its real launcher, with the `polyforge-source` export condition and
// tsx, so it runs the TypeScript sources (no build needed, never a stale dist/). The built program, as users run
// it, is covered by packages/cli/test/built-packages.test.ts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const POLYFORGE_BIN = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../packages/cli/bin/polyforge.js',
);

/** Node's arguments before the program's own: `spawn(process.execPath, [...POLYFORGE_NODE_ARGS, 'serve'])`. */
export const POLYFORGE_NODE_ARGS: readonly string[] = [
  '--conditions=polyforge-source',
  '--import',
  'tsx',
  POLYFORGE_BIN,
];
