import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';
import { databaseTestFiles } from './test-support/database-test-files.ts';

const ALL_TEST_FILES = [
  'packages/*/src/**/*.test.ts',
  'packages/*/test/**/*.test.ts',
  'integrations/*/test/**/*.test.ts',
  'test-support/**/*.test.ts',
];

// With TEST_DATABASE_URL (the PostgreSQL pass), only the files that open a database run again: the rest (geometry,
// protocol, pure units) do not touch one and already ran on SQLite. POLYFORGE_TEST_ALL_FILES=1 runs everything.
const databasePassOnly = Boolean(process.env.TEST_DATABASE_URL) && process.env.POLYFORGE_TEST_ALL_FILES !== '1';

// Workspace packages resolve to their TypeScript sources (the `polyforge-source` export condition), not to dist/: tests never
// need a build and never run a stale one. The condition is namespaced: some registry packages (eventsource-parser)
// export their own TypeScript under a plain `source` condition, which Node cannot load. Vitest's own default drops `module` (packages' untranspiled builds).
const SOURCE_CONDITIONS = [
  'polyforge-source',
  ...defaultServerConditions.filter((condition) => condition !== 'module'),
];

export default defineConfig({
  resolve: { conditions: SOURCE_CONDITIONS },
  ssr: { resolve: { conditions: SOURCE_CONDITIONS } },
  test: {
    include: databasePassOnly ? databaseTestFiles(import.meta.dirname) : ALL_TEST_FILES,
    pool: 'forks',
    setupFiles: ['test-support/worker-rpc-guard.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // tests whose external tool (assimp, Blender, ...) is missing fail instead of skipping (required-tool.ts)
    provide: { requireTools: process.env.POLYFORGE_TEST_REQUIRE_TOOLS === '1' },
  },
});
