// Bakes one material's texture images: base colour (the slot's colour modulated by the kind's pattern),
// and for PBR a metallic-roughness map (glTF: G = roughness, B = metallic) and a tangent-space normal map.
// Method: each pattern is a closed-form function of tileable value noise (periodic-noise.ts) giving a tone
// (colour modulation), a height (relief) and an accent weight (mortar, veins): wood is warped growth rings
// plus fibres, bark is warped vertical ridges, weave alternates two sets of threads, brick is a running bond
// with per-brick tone, marble is turbulence-warped sine veins (Perlin 1985's marble). The normal map is the
// height field's central differences, wrapping at the edges so it tiles like the colour does.

import type { SeededRandom } from '../seeded-random.ts';
import type { Rgb } from './colour-names.ts';
import type { MaterialKind, TexturePattern } from './material-kinds.ts';
import { FractalNoise, PeriodicNoise } from './periodic-noise.ts';

export interface MaterialMaps {
  sizePixels: number;
  /** RGB bytes, row-major, sRGB */
  baseColor: Uint8Array;
  /** RGB bytes: R unused (255), G roughness, B metallic; only with pbr */
  metallicRoughness?: Uint8Array;
  /** RGB bytes, tangent space, +Y up; only with pbr */
  normal?: Uint8Array;
}

interface PatternSample {
  tone: number;
  height: number;
  accent: number;
}

type PatternFunction = (u: number, v: number, out: PatternSample) => void;

const ACCENT_COLOURS: Partial<Record<TexturePattern, Rgb>> = {
  brick: [206, 200, 190],
  marble: [88, 88, 94],
  leaves: [150, 170, 60],
  bark: [52, 40, 30],
};

export function synthesizeMaterialMaps(
  kind: MaterialKind,
  colour: Rgb,
  sizePixels: number,
  random: SeededRandom,
  pbr: boolean,
): MaterialMaps {
  const pattern = patternFunction(kind.pattern, random);
  const pixelCount = sizePixels * sizePixels;
  const baseColor = new Uint8Array(pixelCount * 3);
  const heights = pbr ? new Float32Array(pixelCount) : undefined;
  const metallicRoughness = pbr ? new Uint8Array(pixelCount * 3) : undefined;
  const accent = ACCENT_COLOURS[kind.pattern] ?? colour;
  const sample: PatternSample = { tone: 0.5, height: 0.5, accent: 0 };
  const metallicByte = Math.round(kind.metallic * 255);
  for (let y = 0; y < sizePixels; y++) {
    const v = (y + 0.5) / sizePixels;
    for (let x = 0; x < sizePixels; x++) {
      const u = (x + 0.5) / sizePixels;
      sample.tone = 0.5;
      sample.height = 0.5;
      sample.accent = 0;
      pattern(u, v, sample);
      const factor = 1 + kind.contrast * (2 * sample.tone - 1);
      const pixel = y * sizePixels + x;
      for (let channel = 0; channel < 3; channel++) {
        const shaded = colour[channel] * factor;
        const mixed = shaded + (accent[channel] - shaded) * sample.accent;
        baseColor[pixel * 3 + channel] = mixed <= 0 ? 0 : mixed >= 255 ? 255 : Math.round(mixed);
      }
      if (heights && metallicRoughness) {
        heights[pixel] = sample.height;
        const roughness = Math.min(
          1,
          Math.max(0.02, kind.roughness * (1 + 0.3 * (0.5 - sample.tone)) + 0.25 * sample.accent),
        );
        metallicRoughness[pixel * 3] = 255;
        metallicRoughness[pixel * 3 + 1] = Math.round(roughness * 255);
        metallicRoughness[pixel * 3 + 2] = metallicByte;
      }
    }
  }
  return {
    sizePixels,
    baseColor,
    metallicRoughness,
    normal: heights ? normalMapFromHeights(heights, sizePixels, kind.relief) : undefined,
  };
}

function normalMapFromHeights(heights: Float32Array, size: number, relief: number): Uint8Array {
  const normal = new Uint8Array(size * size * 3);
  // relief is in "texels of height per unit": scaled so a 0→1 step across a 512-px texture reads as a clear bump
  const strength = relief * (size / 64);
  for (let y = 0; y < size; y++) {
    const up = ((y + size - 1) % size) * size;
    const down = ((y + 1) % size) * size;
    const row = y * size;
    for (let x = 0; x < size; x++) {
      const left = (x + size - 1) % size;
      const right = (x + 1) % size;
      const dx = (heights[row + right] - heights[row + left]) * strength;
      // image rows grow downwards while glTF's bitangent points towards smaller v (up the image)
      const dy = (heights[up + x] - heights[down + x]) * strength;
      const length = Math.hypot(dx, dy, 1);
      const offset = (row + x) * 3;
      normal[offset] = Math.round((-dx / length) * 127.5 + 127.5);
      normal[offset + 1] = Math.round((-dy / length) * 127.5 + 127.5);
      normal[offset + 2] = Math.round((1 / length) * 127.5 + 127.5);
    }
  }
  return normal;
}

function fract(value: number): number {
  return value - Math.floor(value);
}

function patternFunction(pattern: TexturePattern, random: SeededRandom): PatternFunction {
  switch (pattern) {
    case 'wood': {
      const warp = new FractalNoise(random, 3, 2, 3);
      const fibres = new PeriodicNoise(random, 96, 4);
      const rings = random.integer(7, 12);
      return (u, v, out) => {
        const ring = fract(u * rings + 0.9 * warp.sample(u, v));
        const band = ring < 0.72 ? ring / 0.72 : (1 - ring) / 0.28;
        const fibre = fibres.sample(u, v);
        out.tone = 0.35 + 0.5 * band + 0.15 * fibre;
        out.height = 0.6 * band + 0.4 * fibre;
      };
    }
    case 'bark': {
      const warp = new FractalNoise(random, 3, 2, 3);
      const grain = new PeriodicNoise(random, 8, 32);
      const ridges = random.integer(7, 11);
      return (u, v, out) => {
        const ridge = Math.abs(Math.sin(Math.PI * (u * ridges + 1.2 * warp.sample(u, v))));
        const crack = ridge < 0.22 ? 1 - ridge / 0.22 : 0;
        out.tone = 0.3 + 0.7 * ridge * (0.7 + 0.3 * grain.sample(u, v));
        out.height = ridge;
        out.accent = crack * 0.6;
      };
    }
    case 'brushed': {
      const streaks = new PeriodicNoise(random, 2, 256);
      const blotches = new FractalNoise(random, 3, 3, 2);
      return (u, v, out) => {
        const streak = streaks.sample(u, v);
        out.tone = 0.35 + 0.45 * streak + 0.2 * blotches.sample(u, v);
        out.height = streak * 0.3;
      };
    }
    case 'polished': {
      const blotches = new FractalNoise(random, 3, 3, 3);
      return (u, v, out) => {
        out.tone = 0.3 + 0.7 * blotches.sample(u, v);
        out.height = 0.5;
      };
    }
    case 'weave': {
      const threads = random.integer(20, 28);
      const fuzz = new PeriodicNoise(random, 64, 64);
      return (u, v, out) => {
        const cellU = Math.floor(u * threads);
        const cellV = Math.floor(v * threads);
        const warpOnTop = (cellU + cellV) % 2 === 0;
        const along = warpOnTop ? fract(v * threads) : fract(u * threads);
        const across = warpOnTop ? fract(u * threads) : fract(v * threads);
        const thread = Math.sin(Math.PI * across) * (0.75 + 0.25 * Math.sin(Math.PI * along));
        out.tone = 0.25 + 0.6 * thread + 0.15 * fuzz.sample(u, v);
        out.height = thread;
      };
    }
    case 'leather': {
      const pores = new FractalNoise(random, 24, 24, 2);
      const creases = new FractalNoise(random, 4, 4, 3);
      return (u, v, out) => {
        const pore = pores.sample(u, v);
        const crease = Math.abs(creases.sample(u, v) - 0.5) * 2;
        out.tone = 0.4 + 0.4 * pore + 0.2 * crease;
        out.height = 0.7 * pore + 0.3 * crease;
      };
    }
    case 'stone': {
      const body = new FractalNoise(random, 4, 4, 4);
      const grit = new PeriodicNoise(random, 96, 96);
      return (u, v, out) => {
        const value = body.sample(u, v);
        const speck = grit.sample(u, v);
        out.tone = 0.15 + 0.7 * value + 0.15 * speck;
        out.height = 0.8 * value + 0.2 * speck;
      };
    }
    case 'marble': {
      const turbulence = new FractalNoise(random, 3, 3, 4);
      const cloud = new FractalNoise(random, 2, 2, 2);
      return (u, v, out) => {
        const vein = Math.abs(Math.sin(Math.PI * 2 * (u + v + 2.4 * turbulence.sample(u, v))));
        out.tone = 0.6 + 0.4 * cloud.sample(u, v);
        out.accent = vein < 0.08 ? (1 - vein / 0.08) * 0.7 : 0;
        out.height = 0.5;
      };
    }
    case 'brick': {
      const rows = 8;
      const bricksPerRow = 4;
      const tones = new PeriodicNoise(random, bricksPerRow * 2, rows);
      const grit = new FractalNoise(random, 16, 16, 2);
      return (u, v, out) => {
        const row = Math.floor(v * rows);
        const shifted = u * bricksPerRow + (row % 2) * 0.5;
        const inBrickU = fract(shifted);
        const inBrickV = fract(v * rows);
        const mortar = inBrickU < 0.05 || inBrickV < 0.1 ? 1 : 0;
        const brickTone = tones.sample((Math.floor(shifted) + 0.5) / bricksPerRow / 2, (row + 0.5) / rows);
        const speck = grit.sample(u, v);
        out.tone = 0.25 + 0.55 * brickTone + 0.2 * speck;
        out.accent = mortar;
        out.height = mortar ? 0 : 0.8 + 0.2 * speck;
      };
    }
    case 'speckle': {
      const grit = new PeriodicNoise(random, 128, 128);
      const body = new FractalNoise(random, 4, 4, 3);
      return (u, v, out) => {
        const speck = grit.sample(u, v);
        const base = body.sample(u, v);
        out.tone = 0.3 + 0.4 * base + 0.3 * (speck > 0.8 ? 1 : speck * 0.5);
        out.height = 0.6 * speck + 0.4 * base;
      };
    }
    case 'smooth': {
      const body = new FractalNoise(random, 3, 3, 2);
      return (u, v, out) => {
        out.tone = body.sample(u, v);
        out.height = 0.5;
      };
    }
    case 'fur': {
      const strands = new PeriodicNoise(random, 96, 8);
      const clumps = new FractalNoise(random, 6, 3, 2);
      return (u, v, out) => {
        const strand = strands.sample(u, v);
        const clump = clumps.sample(u, v);
        out.tone = 0.25 + 0.5 * strand + 0.25 * clump;
        out.height = 0.7 * strand + 0.3 * clump;
      };
    }
    case 'skin': {
      const mottling = new FractalNoise(random, 6, 6, 3);
      return (u, v, out) => {
        const value = mottling.sample(u, v);
        out.tone = value;
        out.height = value;
      };
    }
    case 'leaves': {
      const clusters = new FractalNoise(random, 8, 8, 3);
      const veins = new PeriodicNoise(random, 32, 32);
      return (u, v, out) => {
        const cluster = clusters.sample(u, v);
        out.tone = 0.2 + 0.8 * cluster;
        out.accent = cluster > 0.68 ? (cluster - 0.68) * 1.5 : 0;
        out.height = 0.7 * cluster + 0.3 * veins.sample(u, v);
      };
    }
    case 'fibre': {
      const fibres = new PeriodicNoise(random, 128, 24);
      return (u, v, out) => {
        const fibre = fibres.sample(u, v);
        out.tone = fibre;
        out.height = fibre;
      };
    }
    case 'flat':
      return () => undefined;
    default:
      throw new Error(`no pattern ${String(pattern)}`);
  }
}
