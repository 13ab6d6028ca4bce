// Tileable value noise for the procedural textures. Method: value noise (random values on an integer lattice,
// smoothstep-interpolated; Perlin, "An image synthesizer", SIGGRAPH 1985, §3) whose lattice wraps with an
// integer period, so a texture built from it repeats seamlessly across a model's UVs; fractal sums of octaves
// (fBm) give the stone, wood-warp and fur patterns. Written by hand: a few lines, and npm's noise packages are
// neither periodic nor seedable from our stream.

import type { SeededRandom } from '../seeded-random.ts';

export class PeriodicNoise {
  private readonly lattice: Float32Array;

  constructor(
    random: SeededRandom,
    private readonly periodX: number,
    private readonly periodY: number,
  ) {
    this.lattice = new Float32Array(periodX * periodY);
    for (let index = 0; index < this.lattice.length; index++) this.lattice[index] = random.next();
  }

  /** Noise in [0, 1] at tile coordinates (x, y); one tile is [0, 1)². */
  sample(x: number, y: number): number {
    const fx = x * this.periodX;
    const fy = y * this.periodY;
    const cellX = Math.floor(fx);
    const cellY = Math.floor(fy);
    let tx = fx - cellX;
    let ty = fy - cellY;
    tx = tx * tx * (3 - 2 * tx);
    ty = ty * ty * (3 - 2 * ty);
    let x0 = cellX % this.periodX;
    let y0 = cellY % this.periodY;
    if (x0 < 0) x0 += this.periodX;
    if (y0 < 0) y0 += this.periodY;
    const x1 = x0 + 1 === this.periodX ? 0 : x0 + 1;
    const y1 = y0 + 1 === this.periodY ? 0 : y0 + 1;
    const row0 = y0 * this.periodX;
    const row1 = y1 * this.periodX;
    const top = this.lattice[row0 + x0] + (this.lattice[row0 + x1] - this.lattice[row0 + x0]) * tx;
    const bottom = this.lattice[row1 + x0] + (this.lattice[row1 + x1] - this.lattice[row1 + x0]) * tx;
    return top + (bottom - top) * ty;
  }
}

/** A sum of `octaves` noises, each with twice the previous lattice period and half its weight; result in [0, 1]. */
export class FractalNoise {
  private readonly layers: PeriodicNoise[];
  private readonly weights: number[];
  private readonly total: number;

  constructor(random: SeededRandom, periodX: number, periodY: number, octaves: number) {
    this.layers = [];
    this.weights = [];
    for (let octave = 0; octave < octaves; octave++) {
      this.layers.push(new PeriodicNoise(random, periodX << octave, periodY << octave));
      this.weights.push(0.5 ** octave);
    }
    this.total = this.weights.reduce((sum, weight) => sum + weight, 0);
  }

  sample(x: number, y: number): number {
    let sum = 0;
    for (let octave = 0; octave < this.layers.length; octave++)
      sum += this.layers[octave].sample(x, y) * this.weights[octave];
    return sum / this.total;
  }
}
