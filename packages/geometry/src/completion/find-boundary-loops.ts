// The holes of a triangle mesh as closed loops of boundary vertices. A boundary half-edge a→b is one whose twin
// b→a no triangle has; each loop lists its vertices in the direction of the missing twins, so a fill triangle
// (v[i], v[j], v[k]) with i < j < k is wound like the surface around it. A loop that passes the same vertex
// twice (two holes touching at a corner) is split there into simple loops.

export function findBoundaryLoops(triangles: Uint32Array, vertexCount: number): number[][] {
  const halfEdges = new Set<number>();
  const key = (from: number, to: number) => from * vertexCount + to;
  for (let corner = 0; corner < triangles.length; corner++) {
    const from = triangles[corner],
      to = triangles[corner - (corner % 3) + ((corner + 1) % 3)];
    if (from !== to) halfEdges.add(key(from, to));
  }
  // Missing twins b→a of boundary half-edges a→b, grouped by their start b.
  const outgoing = new Map<number, number[]>();
  for (const edge of halfEdges) {
    const from = Math.floor(edge / vertexCount),
      to = edge % vertexCount;
    if (halfEdges.has(key(to, from))) continue;
    const list = outgoing.get(to);
    if (list) list.push(from);
    else outgoing.set(to, [from]);
  }

  const loops: number[][] = [];
  for (const start of [...outgoing.keys()].sort((a, b) => a - b)) {
    while ((outgoing.get(start)?.length ?? 0) > 0) {
      const walk = [start];
      let current = start;
      for (;;) {
        const next = outgoing.get(current)?.pop();
        if (next === undefined) break; // an open chain (only on non-manifold input); dropped
        if (next === start) {
          loops.push(...splitAtRepeats(walk));
          break;
        }
        walk.push(next);
        current = next;
      }
    }
  }
  return loops.filter((loop) => loop.length >= 3);
}

/** Splits a closed walk that revisits vertices into simple closed loops. */
function splitAtRepeats(walk: number[]): number[][] {
  const loops: number[][] = [];
  const stack: number[] = [];
  const position = new Map<number, number>();
  for (const vertex of walk) {
    const seen = position.get(vertex);
    if (seen !== undefined) {
      const loop = stack.splice(seen + 1);
      loop.unshift(vertex);
      for (const removed of loop.slice(1)) position.delete(removed);
      loops.push(loop);
      continue;
    }
    position.set(vertex, stack.length);
    stack.push(vertex);
  }
  loops.push(stack);
  return loops;
}
