// Solid procedural textures for a text-only texture_prompt (parse-texture-prompt.ts): colour and roughness as
// functions of the surface point (Perlin 1985's solid texturing, so nothing depends on the UV layout and no seam
// shows), scaled to the model's size. Wood is concentric rings around the vertical axis, perturbed by noise,
// with fine grain; marble is a turbulent sine (Perlin's "marble" function); stone and blotches threshold fractal
// noise; metal is anisotropic ("brushed") noise; brick is a running-bond lattice with mortar; fabric a weave of
// two crossed sines; stripes, checker and dots are regular lattices; the other patterns are in pattern-motifs.ts.
// Outputs are in linear light.
import { SRGB_TO_LINEAR } from '../render/sample-texture.ts';
import type { MaterialSpec } from './parse-texture-prompt.ts';
import { fractalNoise3, valueNoise3 } from './solid-noise.ts';
import * as motifs from './pattern-motifs.ts';

export interface ProceduralFrame {
  /** Bounding box minimum and its diagonal length: points are taken relative to these. */
  origin: [number, number, number];
  size: number;
  seed: number;
}

/** Writes linear rgb (3 per point) and roughness (1 per point) for each surface point. */
export function evaluateProceduralMaterial(
  spec: MaterialSpec,
  points: Float32Array,
  frame: ProceduralFrame,
  colours: Float32Array,
  roughness: Float32Array,
): void {
  const primary = spec.primary.map((value) => SRGB_TO_LINEAR[value]);
  const secondary = spec.secondary.map((value) => SRGB_TO_LINEAR[value]);
  const count = points.length / 3;
  const seed = frame.seed;
  for (let sample = 0; sample < count; sample++) {
    const x = (points[sample * 3] - frame.origin[0]) / frame.size;
    const y = (points[sample * 3 + 1] - frame.origin[1]) / frame.size;
    const z = (points[sample * 3 + 2] - frame.origin[2]) / frame.size;
    const [mix, rough] = patternAt(spec.pattern, x, y, z, seed);
    for (let channel = 0; channel < 3; channel++)
      colours[sample * 3 + channel] = primary[channel] * (1 - mix) + secondary[channel] * mix;
    roughness[sample] = Math.max(0.02, Math.min(1, spec.roughness + rough));
  }
}

/** [share of the secondary colour 0–1, roughness offset] at a point in model-size units. */
function patternAt(pattern: MaterialSpec['pattern'], x: number, y: number, z: number, seed: number): [number, number] {
  switch (pattern) {
    case 'wood': {
      const warp = fractalNoise3(x * 3, y * 3, z * 3, seed, 3) * 1.2;
      const rings = (Math.hypot(x - 0.37, z - 0.41) * 18 + warp) % 1;
      const grain = valueNoise3(x * 220, y * 12, z * 220, seed + 7) * 0.25;
      return [smoothstep(0.55, 0.9, rings) * 0.8 + grain, grain * 0.2];
    }
    case 'marble': {
      const turbulence = fractalNoise3(x * 4, y * 4, z * 4, seed, 5);
      const vein = Math.abs(Math.sin((x + y * 0.6 + z * 0.3) * 9 + turbulence * 9));
      return [Math.pow(1 - vein, 6), 0];
    }
    case 'stone': {
      const large = fractalNoise3(x * 6, y * 6, z * 6, seed, 5);
      const speckle = valueNoise3(x * 120, y * 120, z * 120, seed + 3);
      return [smoothstep(0.35, 0.75, large) * 0.8 + (speckle > 0.85 ? 0.2 : 0), (speckle - 0.5) * 0.1];
    }
    case 'blotches': {
      const blob = fractalNoise3(x * 5, y * 5, z * 5, seed, 4);
      return [blob > 0.52 ? 1 : 0, 0];
    }
    case 'metal': {
      const brushed =
        valueNoise3(x * 6, y * 300, z * 6, seed) * 0.5 + valueNoise3(x * 14, y * 700, z * 14, seed + 1) * 0.5;
      return [brushed * 0.35, (brushed - 0.5) * 0.15];
    }
    case 'brick': {
      const height = 0.04,
        width = 0.09,
        mortar = 0.12;
      const row = Math.floor(y / height);
      const offset = row % 2 === 0 ? 0 : 0.5;
      const along = (x + z) / width + offset;
      const inRow = y / height - row,
        inColumn = along - Math.floor(along);
      const isMortar = inRow < mortar || inColumn < mortar * (height / width);
      const tone = valueNoise3(Math.floor(along), row, 0, seed) * 0.25;
      return isMortar ? [1, 0.05] : [tone, 0];
    }
    case 'fabric': {
      const weave = (Math.sin(x * 900) * Math.sin(y * 900) + Math.sin(z * 900) * Math.sin(y * 900)) * 0.5;
      return [0.5 + 0.35 * weave + (fractalNoise3(x * 30, y * 30, z * 30, seed, 2) - 0.5) * 0.3, 0];
    }
    case 'stripes':
      return [Math.floor(y * 16) % 2 === 0 ? 0 : 1, 0];
    case 'checker':
      return [(Math.floor(x * 12) + Math.floor(y * 12) + Math.floor(z * 12)) % 2 === 0 ? 0 : 1, 0];
    case 'dots':
      return [motifs.dots(x, y, z), 0];
    case 'spots':
      return [motifs.spots(x, y, z, seed), 0];
    case 'leopard':
      return [motifs.leopard(x, y, z, seed), 0];
    case 'giraffe':
      return [motifs.giraffe(x, y, z, seed), 0];
    case 'camouflage':
      return [motifs.camouflage(x, y, z, seed), 0];
    case 'tartan':
      return [motifs.tartan(x, y, z), 0];
    case 'zebra':
      return [motifs.zebra(x, y, z, seed), 0];
    case 'zigzag':
      return [motifs.zigzag(x, y, z), 0];
    case 'gradient':
      return [motifs.gradient(y), 0];
    case 'porcelain':
      return [motifs.porcelain(x, y, z), 0];
    case 'hearts':
      return [motifs.hearts(x, y, z), 0];
    case 'stars':
      return [motifs.stars(x, y, z), 0];
    case 'hexagons':
      return [motifs.hexagons(x, y, z), 0];
    case 'scales':
      return [motifs.scales(x, y, z), 0];
    default:
      return [(fractalNoise3(x * 8, y * 8, z * 8, seed, 3) - 0.5) * 0.12, 0];
  }
}

function smoothstep(edge0: number, edge1: number, value: number): number {
  const t = Math.max(0, Math.min(1, (value - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
}
