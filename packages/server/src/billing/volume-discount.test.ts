import { describe, expect, it } from 'vitest';
import { applyVolumeDiscount } from './volume-discount.ts';

const price = (costCredits: number) => ({ costCredits, lines: [{ item: 'base', credits: costCredits }] });

describe('applyVolumeDiscount', () => {
  it.each([
    [20, 0, 20],
    [20, 15, 17],
    [5, 15, 4],
    [25, 10, 22],
    [1, 50, 0],
    [40, 100, 0],
    [0, 30, 0],
  ])('%i credits at %i%% off cost %i, with lines that add up', (cost, percent, expected) => {
    const discounted = applyVolumeDiscount(price(cost), percent);
    expect(discounted.costCredits).toBe(expected);
    expect(discounted.lines.reduce((sum, line) => sum + line.credits, 0)).toBe(expected);
  });

  it('refuses percentages outside 0–100 and fractions', () => {
    for (const percent of [-1, 101, 12.5, Number.NaN])
      expect(() => applyVolumeDiscount(price(10), percent)).toThrow(RangeError);
  });
});
