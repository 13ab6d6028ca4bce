import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseTestFiles, listTestFiles } from './database-test-files.ts';

describe('the PostgreSQL pass picks the test files that open a database', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'polyforge-test-selection-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };

  it('follows relative imports through helpers, and leaves out files that never reach the harness', () => {
    write('packages/server/test/harness/test-database.ts', 'export const x = 1;\n');
    write('packages/server/test/harness/start-test-platform.ts', "import { x } from './test-database.ts';\n");
    write('packages/server/test/kit/kit.ts', "export { x } from '../harness/start-test-platform';\n");
    write(
      'packages/server/test/api/direct.test.ts',
      "import { startTestPlatform } from '../harness/start-test-platform.ts';\n",
    );
    write('packages/server/test/api/through-kit.test.ts', "import { x } from '../kit/kit.ts';\n");
    write('packages/sdk/src/dynamic.test.ts', "const kit = await import('../../server/test/kit/kit.ts');\n");
    write('packages/geometry/src/pure.test.ts', "import { something } from './pure.ts';\nimport sharp from 'sharp';\n");
    write('packages/geometry/src/pure.ts', 'export const something = 1;\n');
    write('packages/server/node_modules/x/ignored.test.ts', "import '../../test/harness/test-database.ts';\n");
    expect(listTestFiles(root)).toHaveLength(4);
    expect(databaseTestFiles(root)).toEqual([
      'packages/sdk/src/dynamic.test.ts',
      'packages/server/test/api/direct.test.ts',
      'packages/server/test/api/through-kit.test.ts',
    ]);
  });

  it('finds the real API tests and leaves out the geometry package on this tree', () => {
    const files = databaseTestFiles(path.resolve(import.meta.dirname, '..'));
    expect(files).toContain('packages/server/test/api/sts-uploads.test.ts');
    expect(files).toContain('packages/server/src/db/group-commit.test.ts');
    expect(files.some((file) => file.startsWith('packages/geometry/'))).toBe(false);
  });
});
