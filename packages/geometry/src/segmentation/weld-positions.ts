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
  const ids = new Map<string, number>();
  const weldedIdOf = new Uint32Array(vertexCount);
  const kept: number[] = [];
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    const x = positions[vertex * 3],
      y = positions[vertex * 3 + 1],
      z = positions[vertex * 3 + 2];
    const key = `${Math.round(x / cell)},${Math.round(y / cell)},${Math.round(z / cell)}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = kept.length / 3;
      ids.set(key, id);
      kept.push(x, y, z);
    }
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
