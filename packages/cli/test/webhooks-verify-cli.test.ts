// `polyforge webhooks verify` as a receiver would use it: no server, a body and the signature header it came with.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhookPayload } from '@polyforge/protocol';
import { runCli } from './run-cli.ts';

const SECRET = 'whsec_test_secret_0123456789';
const BODY =
  '{"id":"evt_1","type":"task.completed","created_at":"2026-04-28T12:00:00Z","data":{"task_id":"t1","status":"success"}}';

describe('polyforge webhooks verify', () => {
  let workDir: string;
  let bodyPath: string;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'polyforge-verify-test-'));
    bodyPath = join(workDir, 'body.json');
    await writeFile(bodyPath, BODY);
  });
  afterAll(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  const now = () => Math.floor(Date.now() / 1000);

  it('prints valid for a signature made by signWebhookPayload, from --body-file or stdin', async () => {
    const signature = signWebhookPayload(SECRET, BODY, now());
    const fromFile = await runCli([
      'webhooks',
      'verify',
      '--secret',
      SECRET,
      '--signature',
      signature,
      '--body-file',
      bodyPath,
    ]);
    expect(fromFile.exitCode, fromFile.stderr).toBe(0);
    expect(fromFile.stdout.trim()).toBe('valid');

    const fromStdin = await runCli(['--json', 'webhooks', 'verify', '--signature', signature], {
      input: BODY,
      env: { POLYFORGE_WEBHOOK_SECRET: SECRET },
    });
    expect(fromStdin.exitCode, fromStdin.stderr).toBe(0);
    expect(JSON.parse(fromStdin.stdout)).toEqual({ valid: true, timestamp_seconds: expect.any(Number) });
  });

  it.each([
    ['a forged signature', () => `t=${now()},v1=${'0'.repeat(64)}`, BODY, /^invalid: signature does not match$/],
    [
      'a tampered body',
      () => signWebhookPayload(SECRET, BODY, now()),
      BODY.replace('success', 'failed'),
      /^invalid: signature does not match$/,
    ],
    [
      'another secret',
      () => signWebhookPayload('whsec_other', BODY, now()),
      BODY,
      /^invalid: signature does not match$/,
    ],
    [
      'a replayed (stale) signature',
      () => signWebhookPayload(SECRET, BODY, now() - 3600),
      BODY,
      /^invalid: timestamp outside the tolerance window/,
    ],
    ['a malformed header', () => 'garbage', BODY, /^invalid: malformed signature header$/],
  ])('prints invalid with exit code 1 for %s', async (_what, signature, body, pattern) => {
    const result = await runCli(['webhooks', 'verify', '--secret', SECRET, '--signature', signature()], {
      input: body,
    });
    expect(result.exitCode).toBe(1);
    expect(result.stdout.trim()).toMatch(pattern);
  });

  it('reports invalid as JSON with the reason', async () => {
    const result = await runCli([
      '--json',
      'webhooks',
      'verify',
      '--secret',
      SECRET,
      '--signature',
      `t=${now()},v1=abc`,
      '--body-file',
      bodyPath,
    ]);
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({ valid: false, reason: 'signature does not match' });
  });

  it('asks for the secret and for a readable body file', async () => {
    const noSecret = await runCli(['webhooks', 'verify', '--signature', 't=1,v1=a', '--body-file', bodyPath]);
    expect(noSecret.exitCode).toBe(1);
    expect(noSecret.stderr.trim()).toMatch(/^Error: No secret: pass --secret/);
    const noFile = await runCli([
      'webhooks',
      'verify',
      '--secret',
      SECRET,
      '--signature',
      't=1,v1=a',
      '--body-file',
      join(workDir, 'missing.json'),
    ]);
    expect(noFile.exitCode).toBe(1);
    expect(noFile.stderr.trim()).toMatch(/^Error: cannot read .*missing\.json/);
  });
});
