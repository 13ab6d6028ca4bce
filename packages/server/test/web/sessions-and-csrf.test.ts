// Web accounts: sign-up with trial credits, log-in and log-out, session cookies (flags, hashed storage, expiry),
// and CSRF refusals on every kind of state-changing request.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import { uniqueEmail, WebClient } from './web-client.ts';

const DAY_MS = 24 * 3600 * 1000;

describe('web sessions and CSRF', () => {
  const clock = new ManualClock(Date.UTC(2026, 10, 1));
  let harness: TestPlatform;
  beforeAll(async () => {
    harness = await startTestPlatform({ clock, environment: { POLYFORGE_SESSION_TTL_HOURS: '24' } });
  });
  afterAll(() => harness.close());

  it('signs up with a password: trial credits in the API wallet, a first key shown once, a secure session cookie', async () => {
    const browser = new WebClient(harness.baseUrl);
    const email = uniqueEmail('signup');
    const { apiKey, response } = await browser.signUp(email);
    expect(response.status).toBe(200);
    expect(apiKey).toMatch(/^tsk_/);
    const sessionCookie = response.setCookies.find((cookie) => cookie.startsWith('pf_session='))!;
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/SameSite=Lax/i);
    expect(sessionCookie).not.toMatch(/Secure/i); // plain http here
    expect(sessionCookie).toMatch(/Expires=/i);

    const account = await harness.platform.db
      .selectFrom('accounts')
      .select(['id', 'passwordHash'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(account.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const token = browser.cookies.get('pf_session')!;
    const sessions = await harness.platform.db
      .selectFrom('webSessions')
      .selectAll()
      .where('accountId', '=', account.id)
      .execute();
    expect(sessions).toHaveLength(1);
    expect(sessions[0].tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(sessions)).not.toContain(token);
    expect(sessions[0].expiresAt - clock.nowMs()).toBe(DAY_MS);

    const grants = await harness.platform.ledger.listGrants(harness.platform.db, account.id);
    expect(grants).toMatchObject([
      { source: 'trial', creditsGranted: 300, wallet: 'api', expiresAt: clock.nowMs() + 14 * DAY_MS },
      { source: 'trial', creditsGranted: 300, wallet: 'studio', expiresAt: clock.nowMs() + 14 * DAY_MS },
    ]);
    expect(await harness.platform.ledger.balance(harness.platform.db, account.id, 'studio')).toEqual({
      balance: 300,
      frozen: 0,
    });

    const billing = await browser.get('/dashboard/billing');
    expect(billing.status).toBe(200);
    expect(billing.text).toContain('Free trial');
    expect(billing.text).toContain('trial ends 2026-11-15');

    // the first key works on the API; the session cookie does not
    const balance = await fetch(`${harness.baseUrl}/v2/openapi/user/balance`, {
      headers: { Authorization: `Bearer ${apiKey}` },
    });
    expect((await balance.json()).data).toEqual({ balance: 300, frozen: 0 });
    const withCookie = await fetch(`${harness.baseUrl}/v2/openapi/user/balance`, {
      headers: { cookie: `pf_session=${token}` },
    });
    expect(withCookie.status).toBe(401);
  });

  it('refuses a second account with the same email and a short password, with the form kept', async () => {
    const browser = new WebClient(harness.baseUrl);
    const email = uniqueEmail('twice');
    await browser.signUp(email);
    const again = new WebClient(harness.baseUrl);
    const duplicate = await again.signUp(email);
    expect(duplicate.response.status).toBe(400);
    expect(duplicate.response.text).toContain('already exists');
    const short = await again.signUp(uniqueEmail('short'), 'short');
    expect(short.response.status).toBe(400);
    expect(short.response.text).toContain('at least 8 characters');
    expect(again.cookies.has('pf_session')).toBe(false);
  });

  it('logs in with the right password only, logs out, and forgets the session server-side', async () => {
    const email = uniqueEmail('login');
    await new WebClient(harness.baseUrl).signUp(email, 'a long passphrase');
    const browser = new WebClient(harness.baseUrl);

    const wrong = await browser.logIn(email, 'not the passphrase');
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('The email or the password is wrong.');
    const unknown = await browser.logIn(uniqueEmail('nobody'), 'a long passphrase');
    expect(unknown.status).toBe(401);

    const right = await browser.logIn(email, 'a long passphrase');
    expect(right.status).toBe(303);
    expect(right.location).toBe('/dashboard');
    expect((await browser.get('/dashboard')).status).toBe(200);

    const out = await browser.postForm('/dashboard/logout');
    expect(out.status).toBe(303);
    expect(browser.cookies.has('pf_session')).toBe(false);
    const account = await harness.platform.db
      .selectFrom('accounts')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(
      await harness.platform.db.selectFrom('webSessions').selectAll().where('accountId', '=', account.id).execute(),
    ).toHaveLength(1); // the sign-up browser's
    const after = await browser.get('/dashboard/keys');
    expect(after.status).toBe(303);
    expect(after.location).toBe('/dashboard/login?next=%2Fdashboard%2Fkeys');
  });

  it('refuses log-ins for an email after 10 attempts in a minute, even with the right password, and says when to retry', async () => {
    const email = uniqueEmail('guessed');
    await new WebClient(harness.baseUrl).signUp(email, 'a long passphrase');
    const guesser = new WebClient(harness.baseUrl);
    for (let attempt = 0; attempt < 10; attempt++)
      expect((await guesser.logIn(email, `guess number ${attempt}`)).status).toBe(401);
    const throttled = await new WebClient(harness.baseUrl).logIn(email, 'a long passphrase');
    expect(throttled.status).toBe(429);
    expect(throttled.text).toContain('Too many log-in attempts');
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    // another account is not affected
    const other = uniqueEmail('unaffected');
    await new WebClient(harness.baseUrl).signUp(other, 'another passphrase');
    expect((await new WebClient(harness.baseUrl).logIn(other, 'another passphrase')).status).toBe(303);
  });

  it('sends the visitor back where they were going after log-in, but never off-site', async () => {
    const email = uniqueEmail('next');
    await new WebClient(harness.baseUrl).signUp(email);
    const browser = new WebClient(harness.baseUrl);
    await browser.get('/dashboard/login?next=%2Fdashboard%2Fhistory');
    expect(
      (
        await browser.postForm('/dashboard/login', {
          email,
          password: 'correct horse battery',
          next: '/dashboard/history',
        })
      ).location,
    ).toBe('/dashboard/history');
    const other = new WebClient(harness.baseUrl);
    await other.get('/dashboard/login');
    expect(
      (await other.postForm('/dashboard/login', { email, password: 'correct horse battery', next: '//evil.example/' }))
        .location,
    ).toBe('/dashboard');
  });

  it('expires sessions after their lifetime', async () => {
    const browser = new WebClient(harness.baseUrl);
    await browser.signUp(uniqueEmail('expiry'));
    expect((await browser.get('/dashboard')).status).toBe(200);
    clock.advanceSeconds(23 * 3600);
    expect((await browser.get('/dashboard')).status).toBe(200);
    clock.advanceSeconds(2 * 3600);
    const expired = await browser.get('/dashboard');
    expect(expired.status).toBe(303);
    expect(expired.location).toContain('/dashboard/login');
    const json = await browser.get('/studio/api/balance');
    expect(json.status).toBe(401);
    expect(JSON.parse(json.text).code).toBe(1002);
  });

  it('refuses state-changing requests without the right CSRF token, and changes nothing', async () => {
    const browser = new WebClient(harness.baseUrl);
    await browser.signUp(uniqueEmail('csrf'));
    await browser.get('/dashboard/keys');
    const accountId = (
      await harness.platform.db
        .selectFrom('webSessions')
        .select('accountId')
        .orderBy('createdAt', 'desc')
        .executeTakeFirstOrThrow()
    ).accountId;
    const keyCount = async () => (await harness.platform.accounts.listApiKeys(accountId)).length;
    const before = await keyCount();

    const missing = await browser.request('POST', '/dashboard/keys', { form: { name: 'no token' } });
    expect(missing.status).toBe(403);
    expect(missing.text).toContain('CSRF');
    expect((await browser.postForm('/dashboard/keys', { name: 'wrong', _csrf: 'x'.repeat(43) })).status).toBe(403);

    const other = new WebClient(harness.baseUrl);
    await other.signUp(uniqueEmail('csrf-other'));
    await other.get('/dashboard/keys');
    expect((await browser.postForm('/dashboard/keys', { name: 'stolen', _csrf: other.csrfToken })).status).toBe(403);

    expect(
      (await browser.postForm('/dashboard/keys', { name: 'cross' }, { origin: 'https://evil.example' })).status,
    ).toBe(403);
    expect(
      (await browser.postForm('/dashboard/keys', { name: 'cross' }, { 'sec-fetch-site': 'cross-site' })).status,
    ).toBe(403);
    expect((await browser.postForm('/dashboard/logout', { _csrf: '' })).status).toBe(403);

    const json = await browser.request('POST', '/studio/api/quote', {
      json: { type: 'text_to_model', prompt: 'a cat' },
    });
    expect(json.status).toBe(403);
    expect(JSON.parse(json.text)).toMatchObject({ code: 1005 });
    expect(await keyCount()).toBe(before);

    const allowed = await browser.postForm(
      '/dashboard/keys',
      { name: 'fine' },
      { origin: harness.baseUrl, 'sec-fetch-site': 'same-origin' },
    );
    expect(allowed.status).toBe(303);
    expect(await keyCount()).toBe(before + 1);
  });

  it("refuses a log-in form posted without the visitor's pre-log-in CSRF cookie", async () => {
    const email = uniqueEmail('login-csrf');
    await new WebClient(harness.baseUrl).signUp(email);
    const attacker = new WebClient(harness.baseUrl);
    await attacker.get('/dashboard/login');
    const victim = new WebClient(harness.baseUrl);
    const forged = await victim.postForm('/dashboard/login', {
      email,
      password: 'correct horse battery',
      _csrf: attacker.csrfToken,
    });
    expect(forged.status).toBe(403);
    expect(victim.cookies.has('pf_session')).toBe(false);
  });
});

describe('web sessions behind https', () => {
  let harness: TestPlatform;
  beforeAll(async () => {
    harness = await startTestPlatform({ environment: { POLYFORGE_PUBLIC_URL: 'https://polyforge.example' } });
  });
  afterAll(() => harness.close());

  it('marks the session cookie Secure', async () => {
    const browser = new WebClient(harness.baseUrl);
    const { response } = await browser.signUp(uniqueEmail('secure'));
    expect(response.setCookies.find((cookie) => cookie.startsWith('pf_session='))).toMatch(/;\s*Secure/i);
    expect(response.setCookies.find((cookie) => cookie.startsWith('pf_csrf=')) ?? 'pf_csrf=; Secure').toMatch(
      /Secure/i,
    );
  });
});
