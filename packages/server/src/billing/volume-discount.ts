// Volume discount: an account-level percentage taken off its API prices at create and quote time (FAQ 1).
import type { TaskPrice } from './pricing.ts';

export const MAX_VOLUME_DISCOUNT_PERCENT = 100;

/**
 * The price after `percent` off, rounded down to whole credits so the account never pays more than the stated
 * percentage off. The discount appears as a negative line, so the lines still add up to the cost.
 */
export function applyVolumeDiscount(price: TaskPrice, percent: number): TaskPrice {
  if (!Number.isInteger(percent) || percent < 0 || percent > MAX_VOLUME_DISCOUNT_PERCENT) {
    throw new RangeError(
      `a volume discount is an integer percentage from 0 to ${MAX_VOLUME_DISCOUNT_PERCENT}, got ${percent}`,
    );
  }
  if (percent === 0 || price.costCredits === 0) return price;
  const costCredits = Math.floor((price.costCredits * (100 - percent)) / 100);
  const saved = price.costCredits - costCredits;
  if (saved === 0) return price;
  return { costCredits, lines: [...price.lines, { item: `volume discount (${percent}%)`, credits: -saved }] };
}
