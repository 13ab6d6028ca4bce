// Occupancy probes over the solid voxel grid in a character's frame: rays along a local axis, widths and
// centres of the body at a height, points along a limb path at a height or arc length. The fitting code asks
// these small questions instead of walking voxels itself.
import { toLocal, toWorld, type CharacterFrame } from './character-frame.ts';
import type { LimbBranch, Point3 } from './extract-limb-branches.ts';
import { voxelAt, type VoxelGrid } from './voxelize-solid.ts';

export class ShapeProbes {
  readonly step: number;

  constructor(
    readonly grid: VoxelGrid,
    readonly frame: CharacterFrame,
  ) {
    this.step = grid.voxelSize * 0.5;
  }

  /** Whether the local point lies in a solid voxel. */
  solidAt(local: ArrayLike<number>): boolean {
    const voxel = voxelAt(this.grid, toWorld(this.frame, local));
    return voxel >= 0 && this.grid.solid[voxel] === 1;
  }

  /**
   * Walks from `start` along local axis `axis` (0 = left, 1 = up, 2 = forward) in direction `sign` up to
   * `maxDistance`; returns the distance to the first solid sample (entering) or, when starting inside, to the
   * last solid sample before leaving. undefined when nothing is met.
   */
  march(start: Point3, axis: 0 | 1 | 2, sign: 1 | -1, maxDistance: number, mode: 'enter' | 'exit'): number | undefined {
    const point: Point3 = [...start];
    let last: number | undefined;
    for (let distance = 0; distance <= maxDistance; distance += this.step) {
      point[axis] = start[axis] + sign * distance;
      const inside = this.solidAt(point);
      if (mode === 'enter' && inside) return distance;
      if (mode === 'exit') {
        if (!inside) return last;
        last = distance;
      }
    }
    return mode === 'exit' ? last : undefined;
  }

  /** The solid run through `around` along local axis `axis`: its two ends and centre (undefined if `around` is outside). */
  runThrough(
    around: Point3,
    axis: 0 | 1 | 2,
    maxDistance: number,
  ): { low: number; high: number; centre: number } | undefined {
    if (!this.solidAt(around)) return undefined;
    const high = this.march(around, axis, 1, maxDistance, 'exit') ?? 0;
    const low = this.march(around, axis, -1, maxDistance, 'exit') ?? 0;
    return { low: around[axis] - low, high: around[axis] + high, centre: around[axis] + (high - low) / 2 };
  }
}

/** Local-frame copy of a branch's path, extremity first. */
export function localPath(frame: CharacterFrame, branch: LimbBranch): Point3[] {
  return branch.points.map((point) => toLocal(frame, point));
}

/** The first point of the path (walking from index `from` in direction `direction`) whose height crosses `height`, interpolated. */
export function pointAtHeight(path: Point3[], height: number, from = 0, direction: 1 | -1 = 1): Point3 | undefined {
  for (let index = from; index + direction >= 0 && index + direction < path.length; index += direction) {
    const a = path[index],
      b = path[index + direction];
    if ((a[1] - height) * (b[1] - height) <= 0 && a[1] !== b[1]) {
      const t = (height - a[1]) / (b[1] - a[1]);
      return [a[0] + (b[0] - a[0]) * t, height, a[2] + (b[2] - a[2]) * t];
    }
  }
  return undefined;
}

/** Cumulative arc length of a path. */
export function arcLengths(path: Point3[]): number[] {
  const lengths = [0];
  for (let index = 1; index < path.length; index++)
    lengths.push(lengths[index - 1] + distance(path[index - 1], path[index]));
  return lengths;
}

/** The point at arc length `length` along the path (clamped to its ends). */
export function pointAtLength(path: Point3[], lengths: number[], length: number): Point3 {
  if (length <= 0) return [...path[0]];
  for (let index = 1; index < path.length; index++) {
    if (lengths[index] >= length) {
      const t = (length - lengths[index - 1]) / (lengths[index] - lengths[index - 1] || 1);
      const a = path[index - 1],
        b = path[index];
      return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
    }
  }
  return [...path[path.length - 1]];
}

export function distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

export function lerp(a: ArrayLike<number>, b: ArrayLike<number>, t: number): Point3 {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}
