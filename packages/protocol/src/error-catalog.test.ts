import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderErrorsDoc } from '../scripts/write-errors-doc.ts';
import {
  ERROR_CATALOG,
  TASK_FAILURE_NAMES,
  WORKER_FAILURE_CODES,
  WORKER_FAILURE_NAMES,
  workerFailureNameOf,
} from './error-catalog.ts';

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

  it('names 2018 and 2019 as task failures and keeps the worker codes of the wire', () => {
    expect(ERROR_CATALOG.startDeadlinePassed.code).toBe(2018);
    expect(ERROR_CATALOG.inputExpired.code).toBe(2019);
    expect(TASK_FAILURE_NAMES).toContain('startDeadlinePassed');
    expect(TASK_FAILURE_NAMES).toContain('inputExpired');
    expect(WORKER_FAILURE_CODES).toEqual([1001, 2003, 2004, 2008, 2018]);
    expect(workerFailureNameOf(2004)).toBe('unreadableModel');
    expect(workerFailureNameOf(1006)).toBeUndefined();
  });

  it('is the table the worker protocol doc and the Python worker SDK list', () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
    const protocolDoc = fs.readFileSync(path.join(root, 'docs/worker-protocol.md'), 'utf8');
    expect(protocolDoc).toContain(`"error_code"?: ${WORKER_FAILURE_CODES.join('\\|')}}`);
    const pythonWorker = fs.readFileSync(path.join(root, 'workers/python/polyforge_worker/worker.py'), 'utf8');
    const pythonTable = Object.fromEntries(
      [...pythonWorker.matchAll(/^ {4}"(\w+)": (\d+),$/gm)].map((match) => [match[1], Number(match[2])]),
    );
    expect(pythonTable).toEqual(
      Object.fromEntries(WORKER_FAILURE_NAMES.map((name) => [name, ERROR_CATALOG[name].code])),
    );
  });
});
