// Merges vertices with bit-identical positions, which glTF splits at UV and normal seams, so formats that
// keep attributes per face corner (FBX) or want closed meshes (3MF) get connected topology back.

/** Extra per-vertex words that must also match for two vertices to merge (e.g. skin joints and weights). */
export interface WeldKeys {
  words: Uint32Array;
  width: number;
}

/**
 * Merges vertices whose positions are bit-identical (glTF splits them at UV and normal seams) with an
 * open-addressing hash table: linear time, no per-vertex allocation. With `keys`, vertices merge only when
 * their key words match too.
 */
export function weldExactPositions(
  positions: Float32Array,
  keys?: WeldKeys,
): { points: Float64Array; remap: Uint32Array } {
  const count = positions.length / 3;
  const bits = new Uint32Array(positions.buffer, positions.byteOffset, positions.length);
  let capacity = 16;
  while (capacity < count * 2) capacity *= 2;
  const mask = capacity - 1;
  const table = new Int32Array(capacity).fill(-1);
  const firstVertex = new Uint32Array(count);
  const remap = new Uint32Array(count);
  let unique = 0;
  for (let vertex = 0; vertex < count; vertex++) {
    const x = bits[vertex * 3],
      y = bits[vertex * 3 + 1],
      z = bits[vertex * 3 + 2];
    let slot = (Math.imul(x, 0x8da6b343) ^ Math.imul(y, 0xd8163841) ^ Math.imul(z, 0xcb1ab31f)) & mask;
    for (;;) {
      const candidate = table[slot];
      if (candidate === -1) {
        table[slot] = unique;
        firstVertex[unique] = vertex;
        remap[vertex] = unique++;
        break;
      }
      const other = firstVertex[candidate] * 3;
      if (
        bits[other] === x &&
        bits[other + 1] === y &&
        bits[other + 2] === z &&
        sameKeys(keys, firstVertex[candidate], vertex)
      ) {
        remap[vertex] = candidate;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  const points = new Float64Array(unique * 3);
  for (let point = 0; point < unique; point++) {
    const source = firstVertex[point] * 3;
    points[point * 3] = positions[source];
    points[point * 3 + 1] = positions[source + 1];
    points[point * 3 + 2] = positions[source + 2];
  }
  return { points, remap };
}

function sameKeys(keys: WeldKeys | undefined, a: number, b: number): boolean {
  if (!keys) return true;
  const { words, width } = keys;
  for (let k = 0; k < width; k++) if (words[a * width + k] !== words[b * width + k]) return false;
  return true;
}
