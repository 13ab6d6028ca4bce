// A client generated from the OpenAPI document by openapi-typescript, used through openapi-fetch: the committed
// types equal a fresh generation, the flow that uses them typechecks (tsc), and it creates, polls and downloads
// against a running server on both surfaces, every answer valid against the document.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../harness/start-test-platform.ts';
import { checkedFetch, fetchDocument } from '../checked-fetch.ts';
import { createPollDownload } from './create-poll-download.ts';
import { generateClientTypes } from './generate-client-types.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPOSITORY_ROOT = path.resolve(HERE, '../../../../..');

describe('a client generated from the OpenAPI document', () => {
  let harness: TestPlatform;
  beforeAll(async () => {
    harness = await startTestPlatform({ workers: true });
  });
  afterAll(() => harness.close());

  it('is up to date with the document (regenerate with npm run openapi:client)', async () => {
    const committed = fs.readFileSync(path.join(HERE, 'polyforge-api.ts'), 'utf8');
    expect(
      committed === (await generateClientTypes()),
      'packages/server/test/openapi/generated-client/polyforge-api.ts is stale: run npm run openapi:client',
    ).toBe(true);
  });

  it('typechecks with tsc, strict', () => {
    const configFile = ts.readConfigFile(path.join(REPOSITORY_ROOT, 'tsconfig.json'), ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, REPOSITORY_ROOT);
    const program = ts.createProgram([path.join(HERE, 'create-poll-download.ts')], { ...options, noEmit: true });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });

  it('creates, polls and downloads on /v2/openapi and /v3', async () => {
    const account = await harness.createAccount({ credits: 500 });
    const checked = checkedFetch(await fetchDocument(harness.baseUrl));
    const result = await createPollDownload(harness.baseUrl, account.apiKey, checked.fetch);
    for (const bytes of [result.v2ModelBytes, result.v3ModelBytes])
      expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('glTF');
    expect(checked.problems).toEqual([]);
    expect([...checked.validator.answered.keys()].sort()).toEqual([
      'createTask',
      'downloadOutput',
      'getTask',
      'v3GenerationTextToModel',
      'v3GetTask',
    ]);
  });
});
