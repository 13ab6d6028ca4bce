import { describe, expect, it } from 'vitest';
import { invert4, multiply4, quaternionToEulerDegrees, type Vec3 } from './transform-math.ts';

/** Rz·Ry·Rx from degrees, row-major 3×3, FBX's eEulerXYZ. */
function eulerMatrix([x, y, z]: Vec3): number[] {
  const [a, b, c] = [x, y, z].map((degrees) => (degrees * Math.PI) / 180);
  const rx = [1, 0, 0, 0, Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a)];
  const ry = [Math.cos(b), 0, Math.sin(b), 0, 1, 0, -Math.sin(b), 0, Math.cos(b)];
  const rz = [Math.cos(c), -Math.sin(c), 0, Math.sin(c), Math.cos(c), 0, 0, 0, 1];
  const mul = (p: number[], q: number[]) =>
    Array.from({ length: 9 }, (_, i) =>
      [0, 1, 2].reduce((sum, k) => sum + p[Math.floor(i / 3) * 3 + k] * q[k * 3 + (i % 3)], 0),
    );
  return mul(rz, mul(ry, rx));
}

function quaternionMatrix([x, y, z, w]: number[]): number[] {
  return [
    1 - 2 * (y * y + z * z),
    2 * (x * y - z * w),
    2 * (x * z + y * w),
    2 * (x * y + z * w),
    1 - 2 * (x * x + z * z),
    2 * (y * z - x * w),
    2 * (x * z - y * w),
    2 * (y * z + x * w),
    1 - 2 * (x * x + y * y),
  ];
}

function axisAngle(axis: number[], degrees: number): number[] {
  const length = Math.hypot(...axis),
    half = (degrees * Math.PI) / 360;
  return [...axis.map((value) => (value / length) * Math.sin(half)), Math.cos(half)];
}

describe('FBX transform math', () => {
  it('inverts matrices', () => {
    const m = [2, 0.3, 0, 0, -0.1, 1.5, 0.2, 0, 0.4, 0, 0.7, 0, 1, 2, 3, 1];
    const product = multiply4(m, invert4(m)!);
    product.forEach((value, index) => expect(value).toBeCloseTo(index % 5 === 0 ? 1 : 0, 12));
    expect(invert4([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1])).toBeUndefined();
  });

  it('turns quaternions into Euler XYZ angles that rebuild the same rotation, gimbal lock included', () => {
    const cases = [
      axisAngle([1, 2, 3], 70),
      axisAngle([0, 1, 0], 90),
      axisAngle([0, 1, 0], -90),
      axisAngle([-1, 0.5, 0.2], 200),
      [0, 0, 0, 1],
    ];
    for (const q of cases) {
      const expected = quaternionMatrix(q),
        actual = eulerMatrix(quaternionToEulerDegrees(q));
      actual.forEach((value, index) => expect(value).toBeCloseTo(expected[index], 9));
    }
  });

  it('keeps angles continuous across whole turns and the flipped solution', () => {
    for (const axis of [
      [0, 0, 1],
      [1, 0, 0],
      [1, 2, 3],
      [0, 1, 0],
    ]) {
      let previous: Vec3 | undefined;
      for (let degrees = 0; degrees <= 720; degrees += 5) {
        const q = axisAngle(axis, degrees);
        const angles = quaternionToEulerDegrees(q, previous);
        eulerMatrix(angles).forEach((value, index) => expect(value).toBeCloseTo(quaternionMatrix(q)[index], 6));
        if (previous) for (let k = 0; k < 3; k++) expect(Math.abs(angles[k] - previous[k])).toBeLessThan(30);
        previous = angles;
      }
      if (axis[0] === 0 && axis[1] === 0) expect(previous![2]).toBeCloseTo(720, 6); // z alone unwinds to two turns
    }
  });
});
