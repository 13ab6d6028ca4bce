// The pattern motifs of text texturing (parse-texture-prompt.ts), each a function of a surface point in
// model-size units returning the share of the pattern colour (0 = base, 1 = pattern, between = a third tone):
// cellular spots, leopard rosettes and giraffe patches from Worley's cellular noise (Worley 1996, "A cellular
// texture basis function": distances to jittered feature points, F1 and F2); tartan, zebra, zigzag, gradient and
// porcelain bands and swirls from sines; hearts, stars, hexagons and scales as 2D motifs repeated on a lattice
// over (x + z, y), the surface's horizontal run and its height. Written by hand: these are a few lines each and
// no npm package offers solid pattern functions of this kind.

import { fractalNoise3, latticeValue } from './solid-noise.ts';

/** Distances to the nearest and second-nearest jittered feature point of a 3D cell grid of size `cell`. */
function cellDistances(x: number, y: number, z: number, cell: number, seed: number): [number, number, number] {
  const gx = x / cell,
    gy = y / cell,
    gz = z / cell;
  const ix = Math.floor(gx),
    iy = Math.floor(gy),
    iz = Math.floor(gz);
  let first = Infinity,
    second = Infinity,
    firstCell = 0;
  for (let dx = -1; dx <= 1; dx++) {
    for (let dy = -1; dy <= 1; dy++) {
      for (let dz = -1; dz <= 1; dz++) {
        const cx = ix + dx,
          cy = iy + dy,
          cz = iz + dz;
        const px = cx + latticeValue(cx, cy, cz, seed),
          py = cy + latticeValue(cx, cy, cz, seed + 1),
          pz = cz + latticeValue(cx, cy, cz, seed + 2);
        const distance = Math.hypot(gx - px, gy - py, gz - pz);
        if (distance < first) {
          second = first;
          first = distance;
          firstCell = latticeValue(cx, cy, cz, seed + 3);
        } else if (distance < second) second = distance;
      }
    }
  }
  return [first, second, firstCell];
}

export function spots(x: number, y: number, z: number, seed: number): number {
  const [distance, , size] = cellDistances(x, y, z, 0.11, seed);
  return distance < 0.22 + size * 0.18 ? 1 : 0;
}

export function leopard(x: number, y: number, z: number, seed: number): number {
  const [distance, , size] = cellDistances(x, y, z, 0.09, seed);
  const warp = fractalNoise3(x * 30, y * 30, z * 30, seed, 2) * 0.12;
  const ring = distance + warp;
  const outer = 0.36 + size * 0.08;
  if (ring < outer && ring > outer - 0.13) return 1;
  return ring < outer - 0.13 ? 0.35 : 0;
}

export function giraffe(x: number, y: number, z: number, seed: number): number {
  const [first, second] = cellDistances(x, y, z, 0.12, seed);
  return second - first < 0.12 ? 0 : 1;
}

export function camouflage(x: number, y: number, z: number, seed: number): number {
  const large = fractalNoise3(x * 5, y * 5, z * 5, seed, 4);
  const small = fractalNoise3(x * 9, y * 9, z * 9, seed + 17, 3);
  if (small > 0.58) return 1;
  return large > 0.5 ? 0.5 : 0;
}

export function tartan(x: number, y: number, z: number): number {
  const across = x + z;
  const band = (value: number) => {
    const t = (((value * 9) % 1) + 1) % 1;
    return t < 0.35 ? 1 : t > 0.55 && t < 0.62 ? 0.6 : 0;
  };
  return Math.min(1, (band(across) + band(y)) * 0.55);
}

export function zebra(x: number, y: number, z: number, seed: number): number {
  const warp = fractalNoise3(x * 4, y * 4, z * 4, seed, 3);
  return Math.sin(y * 42 + warp * 9 + (x + z) * 4) > 0.1 ? 1 : 0;
}

/** Polka dots: round dots on a staggered lattice over the surface. */
export function dots(x: number, y: number, z: number): number {
  const [u, v] = lattice(x, y, z, 0.07);
  return Math.hypot(u, v) < 0.42 ? 1 : 0;
}

export function zigzag(x: number, y: number, z: number): number {
  const along = ((x + z) * 10) % 1;
  const triangle = Math.abs(along < 0 ? along + 1 : along - 0.5) * 2;
  return (((y * 10 + triangle * 0.8) % 1) + 1) % 1 < 0.45 ? 1 : 0;
}

/** A gradient over the model's height, base at the bottom. */
export function gradient(y: number): number {
  return Math.max(0, Math.min(1, y * 1.7));
}

/** Blue-and-white porcelain: bands near the rim and the foot, a scrolling floral swirl between. */
export function porcelain(x: number, y: number, z: number): number {
  const height = y * 1.7;
  if ((height > 0.04 && height < 0.09) || (height > 0.9 && height < 0.95)) return 1;
  if ((height > 0.11 && height < 0.125) || (height > 0.87 && height < 0.885)) return 1;
  const angle = Math.atan2(z - 0.35, x - 0.35);
  const swirl = Math.sin(angle * 6 + height * 14) * Math.cos(height * 22 - angle * 3);
  const petal = Math.abs(Math.sin(angle * 12) * Math.sin(height * 30));
  return swirl > 0.55 || petal > 0.93 ? 1 : 0;
}

function lattice(x: number, y: number, z: number, cell: number): [number, number] {
  const u = (x + z) / cell,
    v = y / cell;
  const row = Math.floor(v);
  const shifted = u + (row % 2) * 0.5;
  return [(shifted - Math.floor(shifted)) * 2 - 1, (v - row) * 2 - 1];
}

export function hearts(x: number, y: number, z: number): number {
  const [u, v] = lattice(x, y, z, 0.09);
  const px = u * 1.6,
    py = v * 1.6 + 0.3;
  return (px * px + py * py - 1) ** 3 - px * px * py ** 3 < 0 ? 1 : 0;
}

export function stars(x: number, y: number, z: number): number {
  const [u, v] = lattice(x, y, z, 0.1);
  const radius = Math.hypot(u, v);
  const angle = Math.atan2(v, u) + Math.PI / 2;
  const spike = 0.35 + 0.3 * Math.pow(Math.abs(Math.cos((angle * 5) / 2)), 3);
  return radius < spike * 1.1 ? 1 : 0;
}

export function hexagons(x: number, y: number, z: number): number {
  const size = 0.05;
  const u = (x + z) / size,
    v = y / size;
  const q = (u * Math.sqrt(3)) / 3 - v / 3;
  const r = (v * 2) / 3;
  const cube = [q, -q - r, r];
  const rounded = cube.map(Math.round);
  const differences = cube.map((value, index) => Math.abs(value - rounded[index]));
  const edge = Math.max(...differences.map((difference, index) => difference + differences[(index + 1) % 3]));
  return edge > 0.82 ? 1 : 0;
}

export function scales(x: number, y: number, z: number): number {
  const cell = 0.05;
  const u = (x + z) / cell,
    v = y / cell;
  const row = Math.floor(v);
  const shifted = u + (row % 2) * 0.5;
  const dx = shifted - Math.floor(shifted) - 0.5,
    dy = v - row;
  const distance = Math.hypot(dx, dy);
  return distance > 0.42 && distance < 0.55 ? 1 : distance >= 0.55 ? 0.3 : 0;
}
