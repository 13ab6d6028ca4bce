// Password spraying: one client address trying a password on many accounts is stopped after its failures for the
// hour, whichever e-mails it names (the per-e-mail limit alone never sees more than one attempt per account).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import { uniqueEmail, WebClient } from './web-client.ts';

describe('log-in throttle across e-mails', () => {
  let harness: TestPlatform;
  beforeAll(async () => {
    harness = await startTestPlatform({ environment: { POLYFORGE_LOGIN_FAILURES_PER_ADDRESS_PER_HOUR: '5' } });
  });
  afterAll(() => harness.close());

  it('refuses a sixth attempt from an address that failed five times on five accounts, even with a right password', async () => {
    const emails: string[] = [];
    for (let index = 0; index < 6; index += 1) {
      const email = uniqueEmail('sprayed');
      await new WebClient(harness.baseUrl).signUp(email, 'the real passphrase');
      emails.push(email);
    }
    const attacker = new WebClient(harness.baseUrl);
    for (const email of emails.slice(0, 5)) expect((await attacker.logIn(email, 'Summer2026!')).status).toBe(401);
    const blocked = await attacker.logIn(emails[5], 'the real passphrase');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(3000);
  });
});
