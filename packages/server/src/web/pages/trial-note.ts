// One line about a wallet's free trial: what is left and when it ends, or that it has ended.
import { formatCredits, formatTime, timeUntil } from '../format.ts';
import { html, type Html } from '../html.ts';

export interface TrialGrantView {
  source: string;
  creditsGranted: number;
  creditsRemaining: number;
  expiresAt: number | null;
}

export function trialNote(grants: readonly TrialGrantView[], nowMs: number, testId: string): Html | string {
  const trials = grants.filter((grant) => grant.source === 'trial');
  const active = trials.find((grant) => grant.expiresAt === null || grant.expiresAt > nowMs);
  if (active) {
    return html`<p class="trial-note" data-testid="${testId}">Free trial: ${formatCredits(active.creditsRemaining)} of ${formatCredits(active.creditsGranted)} credits left,
    ${active.expiresAt === null ? 'no expiry' : html`ends ${formatTime(active.expiresAt)} (${timeUntil(active.expiresAt, nowMs)})`}.</p>`;
  }
  const ended = trials.at(-1);
  return ended?.expiresAt
    ? html`<p class="trial-note muted" data-testid="${testId}">Your free trial ended ${formatTime(ended.expiresAt)}.</p>`
    : '';
}
