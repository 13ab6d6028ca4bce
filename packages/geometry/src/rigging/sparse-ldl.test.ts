import { describe, expect, it } from 'vitest';
import { nestedDissectionOrder } from './nested-dissection-order.ts';
import { SparseLdl } from './sparse-ldl.ts';
import { multiply, TripletBuilder } from './sparse-matrix.ts';

/** A grid graph's Laplacian plus a positive diagonal: SPD, with the sparsity of a mesh matrix. */
function gridSystem(width: number, height: number) {
  const n = width * height;
  const builder = new TripletBuilder(n);
  const positions = new Float32Array(n * 3);
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const index = y * width + x;
      positions.set([x, y, Math.sin(x * 0.3) * 2], index * 3);
      builder.add(index, index, 0.01 + random());
      for (const [nx, ny] of [
        [x + 1, y],
        [x, y + 1],
      ]) {
        if (nx >= width || ny >= height) continue;
        const weight = 0.5 + random();
        const other = ny * width + nx;
        builder.addSymmetric(index, other, -weight);
        builder.add(index, index, weight);
        builder.add(other, other, weight);
      }
    }
  }
  return { matrix: builder.build(), positions };
}

describe('sparse LDLᵀ with a nested-dissection order', () => {
  it('orders every vertex exactly once', () => {
    const { matrix, positions } = gridSystem(40, 30);
    const order = nestedDissectionOrder(matrix, positions);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 1200 }, (_, index) => index));
  });

  it('solves A x = b to round-off, for several right-hand sides from one factorisation', () => {
    const { matrix, positions } = gridSystem(60, 50);
    const factor = new SparseLdl(matrix, nestedDissectionOrder(matrix, positions));
    for (let trial = 0; trial < 3; trial++) {
      const expected = Float64Array.from(
        { length: matrix.size },
        (_, index) => Math.sin(index * (trial + 1) * 0.01) + trial,
      );
      const solution = factor.solve(multiply(matrix, expected));
      const error = Math.max(...solution.map((value, index) => Math.abs(value - expected[index])));
      expect(error).toBeLessThan(1e-8);
    }
  });

  it('keeps far less fill than the matrix size squared (the order works)', () => {
    const { matrix, positions } = gridSystem(100, 100);
    const factor = new SparseLdl(matrix, nestedDissectionOrder(matrix, positions));
    // A banded order would need about n·√n = 1e6 entries; nested dissection needs a fraction of that.
    expect(factor.factorNonZeros).toBeLessThan(400_000);
  });

  it('refuses a matrix that is not positive definite', () => {
    const builder = new TripletBuilder(2);
    builder.add(0, 0, 1);
    builder.addSymmetric(0, 1, 2);
    builder.add(1, 1, 1);
    const matrix = builder.build();
    expect(() => new SparseLdl(matrix, Int32Array.from([0, 1]))).toThrow(/not positive definite/);
  });
});
