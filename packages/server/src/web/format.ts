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

export function describeExpiry(expiresAt: number | null, nowMs: number): string {
  if (expiresAt === null) return 'never expires';
  if (expiresAt <= nowMs) return `expired ${formatDate(expiresAt)}`;
  const days = Math.ceil((expiresAt - nowMs) / DAY_MS);
  return `expires ${formatTime(expiresAt)} (in ${days} day${days === 1 ? '' : 's'})`;
}

export function humanTaskType(type: string): string {
  return type.replaceAll('_', ' ');
}
