// A light handle on the data directory / database for the ops commands (no HTTP server, no engines).
import { AccountOnboarding } from '../accounts/account-onboarding.ts';
import { AccountStore } from '../accounts/account-store.ts';
import { Ledger } from '../billing/ledger.ts';
import { systemClock } from '../clock.ts';
import { loadConfig, type PlatformConfig } from '../config.ts';
import type { Database } from '../db/database-schema.ts';
import { openDatabase } from '../db/open-database.ts';

export interface OpsContext {
  config: Readonly<PlatformConfig>;
  db: Database;
  accounts: AccountStore;
  onboarding: AccountOnboarding;
  ledger: Ledger;
  close(): Promise<void>;
}

export async function openOpsContext(environment: NodeJS.ProcessEnv = process.env): Promise<OpsContext> {
  const config = loadConfig(environment);
  const db = await openDatabase(config.database);
  const ledger = new Ledger(systemClock);
  const accounts = new AccountStore(db, systemClock, config.defaultConcurrencyLimit);
  const onboarding = new AccountOnboarding(db, accounts, ledger, systemClock, config.dashboard.studioTrial);
  return { config, db, accounts, onboarding, ledger, close: () => db.destroy() };
}
