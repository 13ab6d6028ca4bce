// Integer triple → id, by open addressing over typed arrays: the vertex-identity tables of the OBJ reader
// (position, uv, normal ids) and of rigging's weld (quantised x, y, z). Written by hand: a Map keyed by a string of
// the three numbers allocates a string per vertex, which dominated both on large meshes.

export class IntegerTripleTable {
  private readonly mask: number;
  /** Per slot, the id stored there; -1 when empty. */
  private readonly slots: Int32Array;
  /** Per id, its three integers. */
  private readonly keys: Int32Array;

  /** `capacity`: the most distinct triples (ids 0 … capacity - 1) the table will hold. */
  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(-1);
    this.keys = new Int32Array(capacity * 3);
  }

  /** The id of (a, b, c); a triple seen for the first time takes `next`. */
  idOf(a: number, b: number, c: number, next: number): number {
    const hash = Math.imul(a | 0, 0x9e3779b1) ^ Math.imul((b | 0) + 1, 0x85ebca77) ^ Math.imul((c | 0) + 1, 0xc2b2ae3d);
    let slot = (hash ^ (hash >>> 15)) & this.mask;
    for (;;) {
      const id = this.slots[slot];
      if (id < 0) {
        this.slots[slot] = next;
        this.keys[next * 3] = a;
        this.keys[next * 3 + 1] = b;
        this.keys[next * 3 + 2] = c;
        return next;
      }
      if (this.keys[id * 3] === a && this.keys[id * 3 + 1] === b && this.keys[id * 3 + 2] === c) return id;
      slot = (slot + 1) & this.mask;
    }
  }
}
