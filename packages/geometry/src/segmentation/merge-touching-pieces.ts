// Hard-surface models are built of separate shells: plates, bolts, hoses and trims that touch or sink into a
// bigger shell without sharing its vertices. Segmented piece by piece, a sci-fi helmet came out in 23 parts.
// Here a part that is a whole separate piece and small (under `minAreaShare` of the model's area) joins the part
// it touches most: the one with most of its vertices within `gapShare` of the model's size (a uniform grid over
// the vertices finds them). Smallest first, so a bolt on a plate on the shell ends up with the shell. A part cut
// out of a bigger piece merges the same way under half that share (a sliver left by the cut). Pieces
// that touch nothing stay apart, and split_by_connectivity skips this step altogether.

import type { FaceGraph } from './build-face-graph.ts';
import { boundingDiagonal } from './weld-positions.ts';

export interface MergeTouchingPiecesOptions {
  minAreaShare: number;
  gapShare?: number;
}

export function mergeTouchingPieces(
  graph: FaceGraph,
  partOf: Int32Array,
  options: MergeTouchingPiecesOptions,
): Int32Array {
  const parts = Int32Array.from(partOf);
  let partCount = 0;
  for (const part of parts) partCount = Math.max(partCount, part + 1);
  if (partCount <= 1) return parts;
  const gap = (options.gapShare ?? 0.02) * boundingDiagonal(graph.positions);
  const totalArea = graph.areas.reduce((sum, area) => sum + area, 0);

  // Which parts are whole pieces: every face of the part's components carries that part.
  const componentParts = new Map<number, Set<number>>();
  for (let face = 0; face < graph.faceCount; face++) {
    (
      componentParts.get(graph.componentOf[face]) ??
      componentParts.set(graph.componentOf[face], new Set()).get(graph.componentOf[face])!
    ).add(parts[face]);
  }
  const wholePiece = new Uint8Array(partCount).fill(1);
  for (const set of componentParts.values()) if (set.size > 1) for (const part of set) wholePiece[part] = 0;

  // Vertices of each part, and a grid of vertex → parts.
  const vertexParts = new Map<number, Set<number>>();
  for (let face = 0; face < graph.faceCount; face++) {
    for (let k = 0; k < 3; k++) {
      const vertex = graph.triangles[face * 3 + k];
      (vertexParts.get(vertex) ?? vertexParts.set(vertex, new Set()).get(vertex)!).add(parts[face]);
    }
  }
  const cellOf = (x: number, y: number, z: number) =>
    `${Math.floor(x / gap)},${Math.floor(y / gap)},${Math.floor(z / gap)}`;
  const grid = new Map<string, number[]>();
  for (const vertex of vertexParts.keys()) {
    const p = graph.positions;
    const key = cellOf(p[vertex * 3], p[vertex * 3 + 1], p[vertex * 3 + 2]);
    (grid.get(key) ?? grid.set(key, []).get(key)!).push(vertex);
  }

  const parent = Int32Array.from({ length: partCount }, (_, index) => index);
  const find = (part: number): number => {
    while (parent[part] !== part) part = parent[part] = parent[parent[part]];
    return part;
  };
  const area = new Float64Array(partCount);
  for (let face = 0; face < graph.faceCount; face++) area[parts[face]] += graph.areas[face];
  const verticesOf = new Map<number, number[]>();
  for (const [vertex, set] of vertexParts)
    for (const part of set) (verticesOf.get(part) ?? verticesOf.set(part, []).get(part)!).push(vertex);

  const order = [...Array(partCount).keys()].sort((a, b) => area[a] - area[b]);
  for (const part of order) {
    const own = find(part);
    if (area[own] >= options.minAreaShare * (wholePiece[part] ? 1 : 0.5) * totalArea) continue;
    const contacts = new Map<number, number>();
    for (const vertex of verticesOf.get(part) ?? []) {
      const [x, y, z] = [graph.positions[vertex * 3], graph.positions[vertex * 3 + 1], graph.positions[vertex * 3 + 2]];
      const [cx, cy, cz] = [Math.floor(x / gap), Math.floor(y / gap), Math.floor(z / gap)];
      const seen = new Set<number>();
      for (let dx = -1; dx <= 1; dx++)
        for (let dy = -1; dy <= 1; dy++)
          for (let dz = -1; dz <= 1; dz++) {
            for (const other of grid.get(`${cx + dx},${cy + dy},${cz + dz}`) ?? []) {
              const distance = Math.hypot(
                graph.positions[other * 3] - x,
                graph.positions[other * 3 + 1] - y,
                graph.positions[other * 3 + 2] - z,
              );
              if (distance > gap) continue;
              for (const otherPart of vertexParts.get(other)!) {
                const root = find(otherPart);
                if (root !== own) seen.add(root);
              }
            }
          }
      for (const root of seen) contacts.set(root, (contacts.get(root) ?? 0) + 1);
    }
    if (contacts.size === 0) continue;
    const [target] = [...contacts].sort((a, b) => b[1] - a[1] || area[b[0]] - area[a[0]])[0];
    parent[own] = target;
    area[target] += area[own];
  }
  // Renumber by decreasing area.
  const merged = Int32Array.from(parts, (part) => find(part));
  const mergedArea = new Map<number, number>();
  for (let face = 0; face < graph.faceCount; face++)
    mergedArea.set(merged[face], (mergedArea.get(merged[face]) ?? 0) + graph.areas[face]);
  const rank = new Map(
    [...mergedArea.keys()].sort((a, b) => mergedArea.get(b)! - mergedArea.get(a)!).map((part, index) => [part, index]),
  );
  return Int32Array.from(merged, (part) => rank.get(part)!);
}
