// Studio's own free trial: the operator sets its credits and how long they last (POLYFORGE_STUDIO_TRIAL_CREDITS,
// POLYFORGE_STUDIO_TRIAL_DAYS). It is granted to the Studio wallet at the moment the API trial is granted, so a
// new account can make its first model in Studio without anyone topping it up; 0 credits turns it off.
import type { GrantOptions } from './ledger.ts';

export interface StudioTrialPolicy {
  credits: number;
  days: number;
}

export const DEFAULT_STUDIO_TRIAL: StudioTrialPolicy = Object.freeze({ credits: 300, days: 14 });

const DAY_MS = 24 * 3600 * 1000;

/** The Studio trial grant of a new account, or undefined when the operator turned the trial off. */
export function studioTrialGrant(
  policy: StudioTrialPolicy,
  accountId: string,
  nowMs: number,
): GrantOptions | undefined {
  if (policy.credits <= 0) return undefined;
  return {
    accountId,
    credits: policy.credits,
    source: 'trial',
    wallet: 'studio',
    expiresAt: nowMs + policy.days * DAY_MS,
    note: `${policy.credits} free Studio trial credits, valid ${policy.days} day${policy.days === 1 ? '' : 's'}`,
  };
}
