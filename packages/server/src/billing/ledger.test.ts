import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, startTestPlatform, type TestPlatform } from '../../test/harness/start-test-platform.ts';

const DAY_SECONDS = 24 * 3600;

describe('credit ledger', () => {
  const clock = new ManualClock(Date.UTC(2026, 10, 1));
  let harness: TestPlatform;
  beforeAll(async () => {
    harness = await startTestPlatform({ clock });
  });
  afterAll(() => harness.close());

  const ledger = () => harness.platform.ledger;
  const db = () => harness.platform.db;

  async function holdInTransaction(accountId: string, taskId: string, credits: number) {
    await db()
      .transaction()
      .execute((trx) => ledger().hold(trx, accountId, taskId, credits));
  }

  it('gives a new account 300 trial credits that expire 14 days after sign-up', async () => {
    const account = await harness.createAccount();
    expect(await ledger().balance(db(), account.accountId)).toEqual({ balance: 300, frozen: 0 });
    clock.advanceSeconds(14 * DAY_SECONDS - 60);
    expect((await ledger().balance(db(), account.accountId)).balance).toBe(300);
    clock.advanceSeconds(120);
    expect((await ledger().balance(db(), account.accountId)).balance).toBe(0);
  });

  it('keeps granted credits without expiry forever and spends expiring credits first', async () => {
    const account = await harness.createAccount();
    await harness.platform.onboarding.grantCredits(account.accountId, 100);
    await holdInTransaction(account.accountId, 'task-a', 250);
    const grants = await ledger().listGrants(db(), account.accountId);
    expect(grants.find((grant) => grant.source === 'trial')?.creditsRemaining).toBe(50);
    expect(grants.find((grant) => grant.source === 'grant')?.creditsRemaining).toBe(100);
    expect(await ledger().balance(db(), account.accountId)).toEqual({ balance: 150, frozen: 250 });
    clock.advanceSeconds(400 * DAY_SECONDS);
    expect((await ledger().balance(db(), account.accountId)).balance).toBe(100);
  });

  it('captures a hold once and releases nothing after that', async () => {
    const account = await harness.createAccount({ credits: 40 });
    await holdInTransaction(account.accountId, 'task-b', 30);
    expect(
      await db()
        .transaction()
        .execute((trx) => ledger().capture(trx, 'task-b')),
    ).toBe(30);
    expect(
      await db()
        .transaction()
        .execute((trx) => ledger().capture(trx, 'task-b')),
    ).toBe(0);
    expect(
      await db()
        .transaction()
        .execute((trx) => ledger().release(trx, 'task-b', 'late')),
    ).toBe(0);
    expect(await ledger().balance(db(), account.accountId)).toEqual({ balance: 10, frozen: 0 });
  });

  it('returns released credits to the grants they came from', async () => {
    const account = await harness.createAccount({ credits: 0 });
    await harness.platform.onboarding.grantCredits(account.accountId, 20, 3);
    await harness.platform.onboarding.grantCredits(account.accountId, 20);
    await holdInTransaction(account.accountId, 'task-c', 30);
    expect(await ledger().balance(db(), account.accountId)).toEqual({ balance: 10, frozen: 30 });
    expect(
      await db()
        .transaction()
        .execute((trx) => ledger().release(trx, 'task-c', 'failed')),
    ).toBe(30);
    expect(await ledger().balance(db(), account.accountId)).toEqual({ balance: 40, frozen: 0 });
  });

  it('refuses a hold larger than the balance and leaves the balance untouched', async () => {
    const account = await harness.createAccount({ credits: 5 });
    await expect(holdInTransaction(account.accountId, 'task-d', 6)).rejects.toMatchObject({
      errorName: 'insufficientCredits',
    });
    expect(await ledger().balance(db(), account.accountId)).toEqual({ balance: 5, frozen: 0 });
  });

  it('keeps an append-only history that reconciles: grants - captures - expired = balance + frozen', async () => {
    const account = await harness.createAccount({ credits: 100 });
    await holdInTransaction(account.accountId, 'task-e', 10);
    await holdInTransaction(account.accountId, 'task-f', 20);
    await db()
      .transaction()
      .execute((trx) => ledger().capture(trx, 'task-e'));
    await db()
      .transaction()
      .execute((trx) => ledger().release(trx, 'task-f', 'failed'));
    const entries = await db()
      .selectFrom('ledgerEntries')
      .selectAll()
      .where('accountId', '=', account.accountId)
      .orderBy('id')
      .execute();
    expect(entries.map((entry) => entry.entryType)).toEqual(['grant', 'hold', 'hold', 'capture', 'release']);
    const sum = (type: string) =>
      entries.filter((entry) => entry.entryType === type).reduce((total, entry) => total + entry.credits, 0);
    const balance = await ledger().balance(db(), account.accountId);
    expect(sum('grant') - sum('capture')).toBe(balance.balance + balance.frozen);
  });

  it('rejects grants that are not positive integers', async () => {
    const account = await harness.createAccount({ credits: 0 });
    for (const credits of [0, -5, 1.5]) {
      await expect(harness.platform.onboarding.grantCredits(account.accountId, credits)).rejects.toMatchObject({
        errorName: 'invalidParameter',
      });
    }
  });
});
