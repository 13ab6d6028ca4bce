// Symmetric sparse matrices in compressed sparse row form (both triangles stored, columns sorted per row), and
// their assembly from unsorted (row, column, value) triplets with duplicates summed.

export interface SparseSymmetricMatrix {
  size: number;
  /** rowStart[row] .. rowStart[row + 1] index columns/values of that row */
  rowStart: Int32Array;
  columns: Int32Array;
  values: Float64Array;
}

export class TripletBuilder {
  private rows: Int32Array;
  private columns: Int32Array;
  private values: Float64Array;
  private length = 0;

  constructor(
    readonly size: number,
    capacity = 16,
  ) {
    this.rows = new Int32Array(capacity);
    this.columns = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
  }

  add(row: number, column: number, value: number): void {
    if (this.length === this.rows.length) this.grow();
    this.rows[this.length] = row;
    this.columns[this.length] = column;
    this.values[this.length] = value;
    this.length++;
  }

  /** Adds value at (a, b) and (b, a). */
  addSymmetric(a: number, b: number, value: number): void {
    this.add(a, b, value);
    this.add(b, a, value);
  }

  build(): SparseSymmetricMatrix {
    const { size, length } = this;
    const counts = new Int32Array(size + 1);
    for (let index = 0; index < length; index++) counts[this.rows[index] + 1]++;
    for (let row = 0; row < size; row++) counts[row + 1] += counts[row];
    const bucketColumns = new Int32Array(length),
      bucketValues = new Float64Array(length);
    const cursor = counts.slice(0, size);
    for (let index = 0; index < length; index++) {
      const slot = cursor[this.rows[index]]++;
      bucketColumns[slot] = this.columns[index];
      bucketValues[slot] = this.values[index];
    }
    // Sort each (short) row by column and merge duplicates.
    const rowStart = new Int32Array(size + 1);
    const columns = new Int32Array(length),
      values = new Float64Array(length);
    let out = 0;
    for (let row = 0; row < size; row++) {
      const begin = counts[row],
        end = counts[row + 1];
      for (let i = begin + 1; i < end; i++) {
        const column = bucketColumns[i],
          value = bucketValues[i];
        let j = i - 1;
        while (j >= begin && bucketColumns[j] > column) {
          bucketColumns[j + 1] = bucketColumns[j];
          bucketValues[j + 1] = bucketValues[j];
          j--;
        }
        bucketColumns[j + 1] = column;
        bucketValues[j + 1] = value;
      }
      rowStart[row] = out;
      for (let i = begin; i < end; i++) {
        if (out > rowStart[row] && columns[out - 1] === bucketColumns[i]) values[out - 1] += bucketValues[i];
        else {
          columns[out] = bucketColumns[i];
          values[out] = bucketValues[i];
          out++;
        }
      }
    }
    rowStart[size] = out;
    return { size, rowStart, columns: columns.slice(0, out), values: values.slice(0, out) };
  }

  private grow(): void {
    const capacity = this.rows.length * 2;
    const rows = new Int32Array(capacity),
      columns = new Int32Array(capacity),
      values = new Float64Array(capacity);
    rows.set(this.rows);
    columns.set(this.columns);
    values.set(this.values);
    [this.rows, this.columns, this.values] = [rows, columns, values];
  }
}

/** y = A x */
export function multiply(matrix: SparseSymmetricMatrix, x: ArrayLike<number>): Float64Array {
  const y = new Float64Array(matrix.size);
  for (let row = 0; row < matrix.size; row++) {
    let sum = 0;
    for (let k = matrix.rowStart[row]; k < matrix.rowStart[row + 1]; k++)
      sum += matrix.values[k] * x[matrix.columns[k]];
    y[row] = sum;
  }
  return y;
}
