// Sign-up against trial-credit farming, end to end: a real SMTP server (smtp-server) on loopback receives what the
// platform sends through nodemailer, the test reads the message and opens its link. Trial credits arrive only
// then, once; sign-ups per client address are throttled; invite-only and closed deployments refuse the rest.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import { uniqueEmail, WebClient } from './web-client.ts';
import { POLYFORGE_NODE_ARGS } from '../../../../test-support/polyforge-cli.ts';

interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
}

async function startSmtpServer(): Promise<{ url: string; mails: ReceivedMail[]; close: () => Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
          mails.push({ to: to?.value[0]?.address ?? '', subject: parsed.subject ?? '', text: parsed.text ?? '' });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function waitForMail(mails: ReceivedMail[], to: string): Promise<ReceivedMail> {
  for (let waited = 0; waited < 5000; waited += 50) {
    const mail = mails.find((each) => each.to === to);
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no mail to ${to}`);
}

const apiBalance = async (harness: TestPlatform, apiKey: string) =>
  (await apiClient(harness.baseUrl, apiKey).balance()).body.data;

describe('sign-up with e-mail verification (a real SMTP server)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let harness: TestPlatform;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    // an SMTP server makes verify-email the default mode
    harness = await startTestPlatform({
      environment: { POLYFORGE_SMTP_URL: smtp.url, POLYFORGE_SIGNUPS_PER_ADDRESS_PER_HOUR: '3' },
    });
  });
  afterAll(async () => {
    await harness.close();
    await smtp.close();
  });

  it('grants the trial credits only when the e-mailed link is opened, and only once', async () => {
    const email = uniqueEmail('verify');
    const browser = new WebClient(harness.baseUrl);
    const { apiKey, response } = await browser.signUp(email);
    expect(response.status).toBe(200);
    expect(response.text).toContain('We sent a link to');
    expect(await apiBalance(harness, apiKey)).toEqual({ balance: 0, frozen: 0 });
    expect((await browser.get('/dashboard')).text).toContain('Send the link again');

    const mail = await waitForMail(smtp.mails, email);
    expect(mail.subject).toMatch(/Verify your e-mail/);
    const link = /(https?:\/\/\S+\/dashboard\/verify-email\?token=[A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect(link).toBeDefined();
    expect(link!.startsWith(harness.baseUrl)).toBe(true);
    // a forged or truncated token does nothing
    expect((await fetch(link!.slice(0, -3))).status).toBe(400);
    expect(await apiBalance(harness, apiKey)).toEqual({ balance: 0, frozen: 0 });

    const [first, second] = await Promise.all([fetch(link!), fetch(link!)]);
    expect([first.status, second.status].sort()).toEqual([200, 400]);
    expect(await apiBalance(harness, apiKey)).toEqual({ balance: 300, frozen: 0 });
    expect((await fetch(link!)).status).toBe(400);
    expect(await apiBalance(harness, apiKey)).toEqual({ balance: 300, frozen: 0 });
    expect((await browser.get('/dashboard')).text).not.toContain('Send the link again');
  });

  it('throttles sign-ups per client address, whatever the e-mail', async () => {
    const made: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1)
      made.push((await new WebClient(harness.baseUrl).signUp(uniqueEmail('farm'))).response.status);
    // the first test's account came from this address too: three per hour in all
    expect(made).toEqual([200, 200, 429, 429]);
    const refused = await new WebClient(harness.baseUrl).signUp(uniqueEmail('farm'));
    expect(refused.response.text).toMatch(/too many accounts were created from your network/i);
    expect(Number(refused.response.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('invite-only and closed sign-up', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let harness: TestPlatform;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    harness = await startTestPlatform({
      environment: { POLYFORGE_SMTP_URL: smtp.url, POLYFORGE_SIGNUP_MODE: 'invite-only' },
    });
  });
  afterAll(async () => {
    await harness.close();
    await smtp.close();
  });

  it('signs up only the invited address, with its trial, from the link the ops command mails', async () => {
    const uninvited = await new WebClient(harness.baseUrl).signUp(uniqueEmail('uninvited'));
    expect(uninvited.response.status).toBe(403);

    const email = uniqueEmail('invited');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [...POLYFORGE_NODE_ARGS, 'accounts', 'invite', '--email', email, '--json'],
      {
        env: {
          ...process.env,
          POLYFORGE_DATA_DIR: harness.platform.config.dataDir,
          DATABASE_URL: databaseUrlOf(harness),
          POLYFORGE_SMTP_URL: smtp.url,
          POLYFORGE_SIGNUP_MODE: 'invite-only',
          POLYFORGE_PUBLIC_URL: harness.baseUrl,
        },
      },
    );
    expect(JSON.parse(stdout)).toMatchObject({ email, mailed: true });
    const mail = await waitForMail(smtp.mails, email);
    const invitePath = /https?:\/\/\S+(\/dashboard\/signup\?invite=[A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect(invitePath).toBeDefined();
    const token = invitePath!.split('invite=')[1];

    const stranger = new WebClient(harness.baseUrl);
    await stranger.get(invitePath!);
    expect(
      (
        await stranger.postForm('/dashboard/signup', {
          email: uniqueEmail('stranger'),
          password: 'correct horse battery',
          invite: token,
        })
      ).status,
    ).toBe(403);

    const browser = new WebClient(harness.baseUrl);
    expect((await browser.get(invitePath!)).text).toContain(`name="invite" value="${token}"`);
    const signedUp = await browser.postForm('/dashboard/signup', {
      email,
      password: 'correct horse battery',
      invite: token,
    });
    expect(signedUp.status).toBe(200);
    const apiKey = /(tsk_[A-Za-z0-9_-]{20,})/.exec(signedUp.text)![1];
    expect(await apiBalance(harness, apiKey)).toEqual({ balance: 300, frozen: 0 });
    // an invitation is used once
    const again = new WebClient(harness.baseUrl);
    await again.get(invitePath!);
    expect(
      (await again.postForm('/dashboard/signup', { email, password: 'correct horse battery', invite: token })).status,
    ).toBe(403);
  });

  it('refuses every sign-up when closed', async () => {
    const closed = await startTestPlatform({ environment: { POLYFORGE_SIGNUP_MODE: 'closed' } });
    try {
      const browser = new WebClient(closed.baseUrl);
      expect((await browser.get('/dashboard/signup')).text).toContain('Sign-up is closed');
      expect(
        (
          await browser.postForm('/dashboard/signup', {
            email: uniqueEmail('closed'),
            password: 'correct horse battery',
          })
        ).status,
      ).toBe(403);
      expect(await closed.platform.accounts.countAccounts()).toBe(0);
    } finally {
      await closed.close();
    }
  });
});

function databaseUrlOf(harness: TestPlatform): string {
  const database = harness.platform.config.database;
  return database.kind === 'postgres' ? database.url : `sqlite:${database.filePath}`;
}
