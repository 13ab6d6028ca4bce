import { describe, expect, it } from 'vitest';
import { hypot3 } from './hypot3.ts';

describe('hypot3', () => {
  it('gives the bits Math.hypot gives, over magnitudes, float32 inputs and special values', () => {
    let seed = 12345;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32 - 0.5;
    const float32 = new Float32Array(3);
    let mismatches = 0;
    for (let index = 0; index < 200_000; index++) {
      const exponent = Math.floor((random() + 0.5) * 80) - 40;
      float32[0] = random() * 2 ** exponent;
      float32[1] = random() * 2 ** (exponent + (index % 9) - 4);
      float32[2] = index % 5 === 0 ? 0 : random() * 2 ** exponent;
      const [x, y, z] = index % 2 === 0 ? float32 : [float32[0] / 3, float32[1] / 7, float32[2] / 11];
      if (!Object.is(hypot3(x, y, z), Math.hypot(x, y, z))) mismatches++;
    }
    expect(mismatches).toBe(0);
    for (const [x, y, z] of [
      [0, 0, 0],
      [-0, -0, -0],
      [Number.NaN, 1, 2],
      [Infinity, Number.NaN, 1],
      [-Infinity, 0, 0],
      [1e308, 1e308, 1e308],
      [5e-324, 0, 0],
    ]) {
      expect(Object.is(hypot3(x, y, z), Math.hypot(x, y, z))).toBe(true);
    }
  });
});
