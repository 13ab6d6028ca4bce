// A binary min-heap of (number key, int32 value) pairs in growable typed arrays, for the Dijkstra-style sweeps
// over a mesh's face graph. Written by hand: the common npm heaps (heap-js, tinyqueue) hold one JS value per entry
// and call a comparator at every step, so a (distance, face) pair costs an object per push; this keeps two flat
// arrays.

/** A binary min-heap of (key, value) pairs in growable typed arrays. */
export class MinHeap {
  private keys: Float64Array;
  private values: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(16, capacity));
    this.values = new Int32Array(Math.max(16, capacity));
  }

  push(key: number, value: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      const values = new Int32Array(this.size * 2);
      values.set(this.values);
      this.keys = keys;
      this.values = values;
    }
    let index = this.size++;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.keys[parent] <= key) break;
      this.keys[index] = this.keys[parent];
      this.values[index] = this.values[parent];
      index = parent;
    }
    this.keys[index] = key;
    this.values[index] = value;
  }

  /** Removes the smallest key and returns its value. */
  popValue(): number {
    const top = this.values[0];
    const lastKey = this.keys[--this.size];
    const lastValue = this.values[this.size];
    let index = 0;
    for (;;) {
      let child = index * 2 + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1] < this.keys[child]) child++;
      if (this.keys[child] >= lastKey) break;
      this.keys[index] = this.keys[child];
      this.values[index] = this.values[child];
      index = child;
    }
    this.keys[index] = lastKey;
    this.values[index] = lastValue;
    return top;
  }
}
