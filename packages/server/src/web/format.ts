// Formatting shared by the pages: times (UTC, ISO-like), credits, relative expiry.
const DAY_MS = 24 * 3600 * 1000;

export function formatTime(epochMs: number | null | undefined): string {
  if (epochMs === null || epochMs === undefined) return '—';
  return `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function formatDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

export function formatCredits(credits: number): string {
  return credits.toLocaleString('en-US');
}

/** "1 day", "14 days": a count and its noun, singular only for one. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : plural}`;
}

/** "in 3 days" for a future moment (whole days, rounded up). */
export function timeUntil(epochMs: number, nowMs: number): string {
  return `in ${countOf(Math.ceil((epochMs - nowMs) / DAY_MS), 'day')}`;
}

export function describeExpiry(expiresAt: number | null, nowMs: number): string {
  if (expiresAt === null) return 'never expires';
  if (expiresAt <= nowMs) return `expired ${formatDate(expiresAt)}`;
  return `expires ${formatTime(expiresAt)} (${timeUntil(expiresAt, nowMs)})`;
}

export function humanTaskType(type: string): string {
  return type.replaceAll('_', ' ');
}
