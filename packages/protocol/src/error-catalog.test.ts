import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderErrorsDoc } from '../scripts/write-errors-doc.ts';
import { ERROR_CATALOG } from './error-catalog.ts';

describe('error catalog', () => {
  it('uses the HTTP statuses of the Tripo error table for the codes clients depend on', () => {
    const byCode = (code: number) => Object.values(ERROR_CATALOG).find((entry) => entry.code === code);
    expect(byCode(1002)?.httpStatus).toBe(401);
    expect(byCode(1003)?.httpStatus).toBe(400);
    expect(byCode(1004)?.httpStatus).toBe(400);
    expect(byCode(2000)?.httpStatus).toBe(429);
    expect(byCode(2001)?.httpStatus).toBe(404);
    expect(byCode(2008)?.httpStatus).toBe(400);
    expect(byCode(2010)?.httpStatus).toBe(403);
  });

  it('gives every entry a message and a suggestion', () => {
    for (const entry of Object.values(ERROR_CATALOG)) {
      expect(entry.message.length).toBeGreaterThan(5);
      expect(entry.suggestion.length).toBeGreaterThan(5);
    }
  });

  it('matches the generated docs/errors.md (run npm run docs:errors after changing the catalog)', () => {
    const docPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/errors.md');
    expect(fs.readFileSync(docPath, 'utf8')).toBe(renderErrorsDoc());
  });
});
