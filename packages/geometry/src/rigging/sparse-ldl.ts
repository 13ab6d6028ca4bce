// Sparse LDLᵀ factorisation of a symmetric positive definite matrix under a given elimination order, and
// solves with the factor: the bone-heat system is factored once and solved for every bone.
//
// Method: the up-looking LDLᵀ of T. A. Davis ("Algorithm 849: A Concise Sparse Cholesky Factorization
// Package", ACM TOMS 2005): the elimination tree and the column counts of L come from one symbolic pass; each row
// k of L is then the solution of a sparse triangular system whose pattern is the set of etree paths from the
// nonzeros of row k of A. Written here from the paper's description: no npm package factors sparse matrices.
import type { SparseSymmetricMatrix } from './sparse-matrix.ts';

export class SparseLdl {
  private readonly columnStart: Int32Array;
  private readonly rowIndex: Int32Array;
  private readonly values: Float64Array;
  private readonly diagonal: Float64Array;
  private readonly order: Int32Array;
  readonly factorNonZeros: number;

  /** order[k] = the original row eliminated k-th (see nested-dissection-order.ts) */
  constructor(matrix: SparseSymmetricMatrix, order: Int32Array) {
    const n = matrix.size;
    const inverse = new Int32Array(n);
    for (let k = 0; k < n; k++) inverse[order[k]] = k;
    const parent = new Int32Array(n),
      flag = new Int32Array(n),
      columnCount = new Int32Array(n);

    // Symbolic: the elimination tree of P A Pᵀ and the number of entries in each column of L.
    for (let k = 0; k < n; k++) {
      parent[k] = -1;
      flag[k] = k;
      const row = order[k];
      for (let p = matrix.rowStart[row]; p < matrix.rowStart[row + 1]; p++) {
        let i = inverse[matrix.columns[p]];
        if (i >= k) continue;
        for (; flag[i] !== k; i = parent[i]) {
          if (parent[i] === -1) parent[i] = k;
          columnCount[i]++;
          flag[i] = k;
        }
      }
    }
    const columnStart = new Int32Array(n + 1);
    for (let k = 0; k < n; k++) columnStart[k + 1] = columnStart[k] + columnCount[k];
    const total = columnStart[n];
    const rowIndex = new Int32Array(total),
      values = new Float64Array(total),
      diagonal = new Float64Array(n);

    // Numeric: row k of L by a sparse triangular solve over the etree pattern.
    const y = new Float64Array(n),
      pattern = new Int32Array(n),
      filled = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      y[k] = 0;
      let top = n;
      flag[k] = k;
      filled[k] = 0;
      const row = order[k];
      for (let p = matrix.rowStart[row]; p < matrix.rowStart[row + 1]; p++) {
        let i = inverse[matrix.columns[p]];
        if (i > k) continue;
        y[i] += matrix.values[p];
        let length = 0;
        for (; flag[i] !== k; i = parent[i]) {
          pattern[length++] = i;
          flag[i] = k;
        }
        while (length > 0) pattern[--top] = pattern[--length];
      }
      let d = y[k];
      y[k] = 0;
      for (; top < n; top++) {
        const i = pattern[top];
        const yi = y[i];
        y[i] = 0;
        const end = columnStart[i] + filled[i];
        for (let p = columnStart[i]; p < end; p++) y[rowIndex[p]] -= values[p] * yi;
        const lki = yi / diagonal[i];
        d -= lki * yi;
        rowIndex[end] = k;
        values[end] = lki;
        filled[i]++;
      }
      if (!(d > 0)) throw new Error(`SparseLdl: the matrix is not positive definite (pivot ${k} is ${d})`);
      diagonal[k] = d;
    }
    this.columnStart = columnStart;
    this.rowIndex = rowIndex;
    this.values = values;
    this.diagonal = diagonal;
    this.order = order;
    this.factorNonZeros = total;
  }

  /** x with A x = b. */
  solve(b: ArrayLike<number>): Float64Array {
    const n = this.diagonal.length;
    const { columnStart, rowIndex, values, diagonal, order } = this;
    const x = new Float64Array(n);
    for (let k = 0; k < n; k++) x[k] = b[order[k]];
    for (let j = 0; j < n; j++) {
      const xj = x[j];
      if (xj === 0) continue;
      for (let p = columnStart[j]; p < columnStart[j + 1]; p++) x[rowIndex[p]] -= values[p] * xj;
    }
    for (let j = 0; j < n; j++) x[j] /= diagonal[j];
    for (let j = n - 1; j >= 0; j--) {
      let sum = x[j];
      for (let p = columnStart[j]; p < columnStart[j + 1]; p++) sum -= values[p] * x[rowIndex[p]];
      x[j] = sum;
    }
    const out = new Float64Array(n);
    for (let k = 0; k < n; k++) out[order[k]] = x[k];
    return out;
  }
}
