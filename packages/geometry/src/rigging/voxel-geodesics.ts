// Shortest paths inside the solid voxels (26-neighbourhood, steps of 1, √2, √3 voxels, each scaled by a
// per-voxel cost), from a growing set of sources: Dijkstra's algorithm with a binary heap, re-run
// incrementally when sources are added (only voxels that get closer are visited again).
import type { VoxelGrid } from './voxelize-solid.ts';

export class VoxelGeodesics {
  /** path length to the nearest source, Infinity where unreachable or outside */
  readonly distance: Float32Array;
  /** the neighbour a shortest path arrives from, -1 at sources */
  readonly previous: Int32Array;
  private readonly offsets: Int32Array;
  private readonly stepLengths: Float32Array;
  private heapIndices = new Int32Array(1024);
  private heapKeys = new Float32Array(1024);
  private heapSize = 0;

  constructor(
    private readonly grid: VoxelGrid,
    /** cost multiplier of leaving a voxel (1 = plain metric distance) */
    private readonly cost?: Float32Array,
  ) {
    this.distance = new Float32Array(grid.solid.length).fill(Infinity);
    this.previous = new Int32Array(grid.solid.length).fill(-1);
    const [nx, ny] = grid.dims;
    const offsets: number[] = [],
      lengths: number[] = [];
    for (let dz = -1; dz <= 1; dz++)
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          if (dx === 0 && dy === 0 && dz === 0) continue;
          offsets.push(dx + nx * (dy + ny * dz));
          lengths.push(Math.hypot(dx, dy, dz));
        }
    this.offsets = Int32Array.from(offsets);
    this.stepLengths = Float32Array.from(lengths);
  }

  /** Makes these voxels sources (distance 0) and updates every distance they shorten. */
  addSources(sources: Iterable<number>): void {
    for (const source of sources) {
      if (!this.grid.solid[source] || this.distance[source] === 0) continue;
      this.distance[source] = 0;
      this.previous[source] = -1;
      this.push(source, 0);
    }
    this.run();
  }

  /** Voxels from `voxel` back to its source, `voxel` first. */
  pathFrom(voxel: number): number[] {
    const path: number[] = [];
    for (let current = voxel; current !== -1; current = this.previous[current]) path.push(current);
    return path;
  }

  private run(): void {
    const { solid } = this.grid;
    const { distance, previous, offsets, stepLengths, cost } = this;
    // Voxels touching the grid's border are never solid (voxelize-solid pads the grid), so neighbours stay in range.
    while (this.heapSize > 0) {
      const key = this.heapKeys[0],
        voxel = this.pop();
      if (key > distance[voxel]) continue;
      const leave = cost ? cost[voxel] : 1;
      for (let k = 0; k < offsets.length; k++) {
        const neighbour = voxel + offsets[k];
        if (!solid[neighbour]) continue;
        // Rounded to float32 before the comparison: distances are stored as float32, and a float64 candidate
        // that rounds up when stored would win the same comparison again and again (a re-expansion cascade that
        // made one field over 120k voxels take 30 s instead of 0.3 s).
        const candidate = Math.fround(key + stepLengths[k] * (cost ? 0.5 * (leave + cost[neighbour]) : 1));
        if (candidate < distance[neighbour]) {
          distance[neighbour] = candidate;
          previous[neighbour] = voxel;
          this.push(neighbour, candidate);
        }
      }
    }
  }

  private push(index: number, key: number): void {
    if (this.heapSize === this.heapIndices.length) {
      const indices = new Int32Array(this.heapSize * 2),
        keys = new Float32Array(this.heapSize * 2);
      indices.set(this.heapIndices);
      keys.set(this.heapKeys);
      this.heapIndices = indices;
      this.heapKeys = keys;
    }
    let slot = this.heapSize++;
    const { heapIndices, heapKeys } = this;
    while (slot > 0) {
      const parent = (slot - 1) >> 1;
      if (heapKeys[parent] <= key) break;
      heapIndices[slot] = heapIndices[parent];
      heapKeys[slot] = heapKeys[parent];
      slot = parent;
    }
    heapIndices[slot] = index;
    heapKeys[slot] = key;
  }

  private pop(): number {
    const { heapIndices, heapKeys } = this;
    const top = heapIndices[0];
    const size = --this.heapSize;
    if (size === 0) return top;
    const lastIndex = heapIndices[size],
      lastKey = heapKeys[size];
    let slot = 0;
    for (;;) {
      let child = 2 * slot + 1;
      if (child >= size) break;
      if (child + 1 < size && heapKeys[child + 1] < heapKeys[child]) child++;
      if (heapKeys[child] >= lastKey) break;
      heapIndices[slot] = heapIndices[child];
      heapKeys[slot] = heapKeys[child];
      slot = child;
    }
    heapIndices[slot] = lastIndex;
    heapKeys[slot] = lastKey;
    return top;
  }
}
