// The two wallets an account holds: the API's (paid by API keys) and the Studio web app's. Credits never move
// between them; each has its own grants, holds, captures, releases, prices and top-up entry (FAQ 11).
export const WALLETS = ['api', 'studio'] as const;
export type Wallet = (typeof WALLETS)[number];

export const DEFAULT_WALLET: Wallet = 'api';

export function isWallet(value: unknown): value is Wallet {
  return typeof value === 'string' && (WALLETS as readonly string[]).includes(value);
}

export const WALLET_LABELS: Record<Wallet, string> = { api: 'API', studio: 'Studio' };
