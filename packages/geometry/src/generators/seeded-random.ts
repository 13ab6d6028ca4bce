// A small seeded pseudo-random stream (mulberry32) so that the same model_seed / texture_seed gives the same
// model byte for byte; Math.random is never used by the generators.

export class SeededRandom {
  private state: number;
  private readonly initialState: number;

  constructor(seed: number) {
    // Seeds go up to 2^53: fold the high bits into the 32-bit state.
    const high = Math.floor(seed / 0x1_0000_0000);
    this.state = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(high >>> 0, 0x85ebca6b) ^ 0x6d2b79f5) >>> 0;
    if (this.state === 0) this.state = 0x1234567;
    this.initialState = this.state;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** An integer in [min, max], both included. */
  integer(min: number, max: number): number {
    return Math.min(max, min + Math.floor(this.next() * (max - min + 1)));
  }

  /** `value` scaled by a factor in [1 − spread, 1 + spread]. */
  vary(value: number, spread = 0.08): number {
    return value * (1 + spread * (2 * this.next() - 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.min(items.length - 1, Math.floor(this.next() * items.length))];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** An independent stream derived from this one's seed (not its position) and a label, so draws in one place never shift another. */
  fork(label: string): SeededRandom {
    let hash = this.initialState ^ 0x811c9dc5;
    for (let index = 0; index < label.length; index++) hash = Math.imul(hash ^ label.charCodeAt(index), 0x01000193);
    return new SeededRandom(hash >>> 0);
  }
}
