import { describe, expect, it } from 'vitest';
import { weldPositions } from './weld-positions.ts';

/** The rule weldPositions implements, written the plain way: one id per distinct rounded cell, first come first numbered. */
function referenceIds(positions: ArrayLike<number>, cell: number): number[] {
  const ids = new Map<string, number>();
  const result: number[] = [];
  for (let vertex = 0; vertex < positions.length / 3; vertex++) {
    const key = [0, 1, 2].map((axis) => String(Math.round(positions[vertex * 3 + axis] / cell))).join(',');
    if (!ids.has(key)) ids.set(key, ids.size);
    result.push(ids.get(key)!);
  }
  return result;
}

describe('weldPositions', () => {
  it('merges corners that share a cell, keeps the first corner position, and maps the triangles', () => {
    const positions = [
      0, 0, 0, 1, 0, 0, 0, 1, 0, /* second triangle */ 1, 0, 0, 0, 1, 0, 1, 1, 0, /* near the first corner */ 1e-9, 0,
      0,
    ];
    const welded = weldPositions(positions, [0, 1, 2, 3, 4, 5, 6, 1, 2], 1e-6);
    expect([...welded.weldedIdOf]).toEqual([0, 1, 2, 1, 2, 3, 0]);
    expect([...welded.triangles]).toEqual([0, 1, 2, 1, 2, 3, 0, 1, 2]);
    expect([...welded.positions]).toEqual([0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0]);
  });

  it('treats -0 as 0 and NaN as equal to NaN, as a key made of the numbers printed would', () => {
    const welded = weldPositions([-0, 0, -1e-12, 0, -0, 0, NaN, 1, 2, NaN, 1, 2], [0, 1, 2, 2, 3, 0], 1e-6);
    expect([...welded.weldedIdOf]).toEqual([0, 0, 1, 1]);
  });

  it('gives the same ids as the plain rule on 20,000 random corners with many repeats and far-apart cells', () => {
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const distinct = Array.from({ length: 3000 }, () => [
      random() * 2e3 - 1e3,
      random() * 1e-3,
      (random() - 0.5) * 1e9,
    ]);
    const positions: number[] = [];
    for (let corner = 0; corner < 20_000; corner++) positions.push(...distinct[Math.floor(random() * distinct.length)]);
    const welded = weldPositions(positions, [], 1e-4);
    expect([...welded.weldedIdOf]).toEqual(referenceIds(positions, 1e-4));
    expect(welded.positions.length / 3).toBe(new Set(referenceIds(positions, 1e-4)).size);
  });
});
