import { Document } from '@gltf-transform/core';
import { describe, expect, it } from 'vitest';
import { sampleChannel } from './write-fbx-animation.ts';

function sampler(
  interpolation: 'LINEAR' | 'STEP' | 'CUBICSPLINE',
  type: 'VEC3' | 'VEC4',
  times: number[],
  values: number[],
) {
  const document = new Document();
  const accessor = (accessorType: 'SCALAR' | 'VEC3' | 'VEC4', array: number[]) =>
    document.createAccessor().setType(accessorType).setArray(Float32Array.from(array));
  return document
    .createAnimationSampler()
    .setInput(accessor('SCALAR', times))
    .setOutput(accessor(type, values))
    .setInterpolation(interpolation);
}

describe('sampleChannel', () => {
  it('splits a linear rotation into steps of at most 10° with continuous Euler angles', () => {
    const half = Math.PI / 4; // 90° about z
    const keys = sampleChannel(
      sampler('LINEAR', 'VEC4', [0, 1], [0, 0, 0, 1, 0, 0, Math.sin(half), Math.cos(half)]),
      true,
    );
    expect(keys.times.length).toBeGreaterThanOrEqual(10); // 90° in steps of at most 10°
    keys.values.forEach(([x, y, z], index) => {
      expect(x).toBeCloseTo(0, 6);
      expect(y).toBeCloseTo(0, 6);
      expect(z).toBeCloseTo(keys.times[index] * 90, 3); // slerp about one axis is linear in angle
      if (index > 0) expect(z - keys.values[index - 1][2]).toBeLessThanOrEqual(10 + 1e-4);
    });
    expect(keys.values.at(-1)![2]).toBeCloseTo(90, 4);
    expect(keys.constant).toBe(false);
  });

  it('keeps STEP keys as constant keys and samples CUBICSPLINE from the Hermite spline', () => {
    const step = sampleChannel(sampler('STEP', 'VEC3', [0, 0.5, 2], [0, 0, 0, 1, 0, 0, 2, 0, 0]), false);
    expect(step).toEqual({
      times: [0, 0.5, 2],
      values: [
        [0, 0, 0],
        [1, 0, 0],
        [2, 0, 0],
      ],
      constant: true,
    });
    // (in-tangent, value, out-tangent) per key; zero tangents give smoothstep between the values.
    const cubic = sampleChannel(
      sampler('CUBICSPLINE', 'VEC3', [0, 1], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0]),
      false,
    );
    expect(cubic.times).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(cubic.values.map(([x]) => x)).toEqual(
      [0, 4 * (3 * 0.25 ** 2 - 2 * 0.25 ** 3), 2, 4 * (3 * 0.75 ** 2 - 2 * 0.75 ** 3), 4].map((x) =>
        expect.closeTo(x, 5),
      ),
    );
  });
});
