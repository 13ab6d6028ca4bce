// Seeded 3D value noise and its fractal sum (Perlin, "An image synthesizer", SIGGRAPH 1985: solid textures
// evaluated at surface points, so a procedural texture has no seams whatever the UV layout). Lattice values come
// from an integer hash of the cell and the seed, blended with a quintic fade.

export function valueNoise3(x: number, y: number, z: number, seed: number): number {
  const ix = Math.floor(x),
    iy = Math.floor(y),
    iz = Math.floor(z);
  const fx = fade(x - ix),
    fy = fade(y - iy),
    fz = fade(z - iz);
  let result = 0;
  for (let corner = 0; corner < 8; corner++) {
    const dx = corner & 1,
      dy = (corner >> 1) & 1,
      dz = (corner >> 2) & 1;
    const weight = (dx ? fx : 1 - fx) * (dy ? fy : 1 - fy) * (dz ? fz : 1 - fz);
    result += weight * latticeValue(ix + dx, iy + dy, iz + dz, seed);
  }
  return result;
}

/** Sum of `octaves` noise layers, each twice the frequency and half the amplitude; in [0, 1]. */
export function fractalNoise3(x: number, y: number, z: number, seed: number, octaves = 4): number {
  let sum = 0,
    amplitude = 0.5,
    total = 0,
    frequency = 1;
  for (let octave = 0; octave < octaves; octave++) {
    sum += amplitude * valueNoise3(x * frequency, y * frequency, z * frequency, seed + octave * 101);
    total += amplitude;
    amplitude *= 0.5;
    frequency *= 2.03;
  }
  return sum / total;
}

function fade(t: number): number {
  return t * t * t * (t * (t * 6 - 15) + 10);
}

/** A hash of the lattice point to [0, 1]. */
export function latticeValue(x: number, y: number, z: number, seed: number): number {
  let h = Math.imul(x, 0x27d4eb2d) ^ Math.imul(y, 0x165667b1) ^ Math.imul(z, 0x5bd1e995) ^ Math.imul(seed, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}
