import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'integrations/*/test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // tests whose external tool (assimp, Blender, ...) is missing fail instead of skipping (required-tool.ts)
    provide: { requireTools: process.env.POLYFORGE_TEST_REQUIRE_TOOLS === '1' },
  },
});
