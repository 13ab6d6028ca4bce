// Merges vertices that share a position (within a tolerance) so that triangles split by UV or normal seams, or
// coming from different primitives, become neighbours: the topology segmentation and hole filling work on.
// Vertices snap to a grid of `tolerance` cells; two positions that straddle a cell boundary stay apart, which
// only leaves a seam open (never joins distinct points), so it is safe for every caller here.

export interface WeldedMesh {
  /** xyz per welded vertex (the first input vertex that landed in the cell). */
  positions: Float64Array;
  /** Three welded vertex ids per triangle, in input order. */
  triangles: Uint32Array;
  /** Input vertex → welded vertex. */
  weldedIdOf: Uint32Array;
}

/** `tolerance` in model units; by default a millionth of the bounding box diagonal. */
export function weldPositions(
  positions: ArrayLike<number>,
  triangles: ArrayLike<number>,
  tolerance?: number,
): WeldedMesh {
  const vertexCount = Math.floor(positions.length / 3);
  const cell = tolerance ?? Math.max(boundingDiagonal(positions) * 1e-6, 1e-12);
  const cells = new CellTable(vertexCount);
  const weldedIdOf = new Uint32Array(vertexCount);
  const kept: number[] = [];
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    const x = positions[vertex * 3],
      y = positions[vertex * 3 + 1],
      z = positions[vertex * 3 + 2];
    const id = cells.idOf(Math.round(x / cell), Math.round(y / cell), Math.round(z / cell), kept.length / 3);
    if (id === kept.length / 3) kept.push(x, y, z);
    weldedIdOf[vertex] = id;
  }
  const welded = new Uint32Array(triangles.length - (triangles.length % 3));
  for (let corner = 0; corner < welded.length; corner++) welded[corner] = weldedIdOf[triangles[corner]];
  return { positions: Float64Array.from(kept), triangles: welded, weldedIdOf };
}

export function boundingDiagonal(positions: ArrayLike<number>): number {
  const min = [Infinity, Infinity, Infinity],
    max = [-Infinity, -Infinity, -Infinity];
  for (let index = 0; index + 2 < positions.length; index += 3) {
    for (let axis = 0; axis < 3; axis++) {
      const value = positions[index + axis];
      if (value < min[axis]) min[axis] = value;
      if (value > max[axis]) max[axis] = value;
    }
  }
  return min[0] === Infinity ? 0 : Math.hypot(max[0] - min[0], max[1] - min[1], max[2] - min[2]);
}

/**
 * Grid cell → welded id, an open-addressing hash table over the three cell coordinates (a Map keyed by a string
 * of them allocated a string per vertex). Coordinates are compared as numbers, NaN equal to NaN and -0 to 0,
 * as their decimal strings were.
 */
class CellTable {
  private readonly mask: number;
  /** Per slot, the id stored there; -1 when empty. */
  private readonly ids: Int32Array;
  /** Per id, its cell's coordinates. */
  private readonly coordinates: Float64Array;

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 1.5) size *= 2;
    this.mask = size - 1;
    this.ids = new Int32Array(size).fill(-1);
    this.coordinates = new Float64Array(capacity * 3);
  }

  /** The id of the cell (x, y, z); a cell seen for the first time takes `next` (at most `capacity` ids in all). */
  idOf(x: number, y: number, z: number, next: number): number {
    const hash = Math.imul(x | 0, 73856093) ^ Math.imul(y | 0, 19349663) ^ Math.imul(z | 0, 83492791);
    let slot = (hash ^ (hash >>> 15)) & this.mask;
    for (;;) {
      const id = this.ids[slot];
      if (id < 0) {
        this.ids[slot] = next;
        this.coordinates[next * 3] = x;
        this.coordinates[next * 3 + 1] = y;
        this.coordinates[next * 3 + 2] = z;
        return next;
      }
      if (
        same(this.coordinates[id * 3], x) &&
        same(this.coordinates[id * 3 + 1], y) &&
        same(this.coordinates[id * 3 + 2], z)
      )
        return id;
      slot = (slot + 1) & this.mask;
    }
  }
}

function same(a: number, b: number): boolean {
  return a === b || (a !== a && b !== b);
}
