// text_to_model's core: prompt → reading → plan → the category generator's parts → a textured glTF Document,
// sized in real metres (auto_size) or normalised to a unit box centred on the origin. model_seed drives every
// geometric choice and texture_seed every texture and palette choice, so equal seeds give equal bytes.

import type { Document } from '@gltf-transform/core';
import { Matrix4 } from 'three';
import type { Sharp } from '../formats/textures/encode-texture.ts';
import { ModelInputError } from '../read/model-input-error.ts';
import { buildModelDocument } from './build-model-document.ts';
import { PROMPT_PARSER } from './generator-catalog.ts';
import { PartKit } from './kit/part-kit.ts';
import type { Rgb } from './materials/colour-names.ts';
import { resolveGeneration, type RequestStyle } from './resolve-generation.ts';
import { SeededRandom } from './seeded-random.ts';

export const TEXTURE_SIZE_PIXELS = { standard: 512, detailed: 1024, extreme: 2048 } as const;

export interface GenerateModelRequest {
  prompt: string;
  negativePrompt?: string;
  modelSeed: number;
  textureSeed: number;
  textured: boolean;
  pbr: boolean;
  textureQuality: keyof typeof TEXTURE_SIZE_PIXELS;
  geometryQuality: 'standard' | 'detailed';
  /** real-world metres, standing on the origin; otherwise the largest side is 1 and the box is centred */
  autoSize: boolean;
  generateParts: boolean;
  requestStyle?: RequestStyle;
  lowPolyModelVersion: boolean;
  smartLowPoly: boolean;
  styleColour?: Rgb;
  tPose?: boolean;
}

export interface GenerationSummary {
  subject: string;
  category: string;
  variant: string | null;
  style: string;
  counts: Record<string, number>;
  parts: string[];
  materials: Record<string, { material: string; colour: string }>;
  /** bounding box size in real-world metres (x, y, z) */
  size_metres: [number, number, number];
  model_seed: number;
  texture_seed: number;
}

export interface GeneratedModel {
  document: Document;
  summary: GenerationSummary;
}

export async function generateModel(request: GenerateModelRequest, sharp: Sharp): Promise<GeneratedModel> {
  const parsed = PROMPT_PARSER.parse(request.prompt, request.negativePrompt);
  if (!parsed.ok) throw new ModelInputError(parsed.reason);
  const { reading } = parsed;
  const modelRandom = new SeededRandom(request.modelSeed);
  const textureRandom = new SeededRandom(request.textureSeed);
  const plan = resolveGeneration(
    reading,
    {
      requestStyle: request.requestStyle,
      lowPolyModelVersion: request.lowPolyModelVersion,
      smartLowPoly: request.smartLowPoly,
      geometryQuality: request.geometryQuality,
      styleColour: request.styleColour,
    },
    textureRandom.fork('palette'),
  );
  const { definition } = plan;
  const kit = new PartKit({ detail: plan.detail, without: plan.without, optionalComponents: new Set(Object.keys(definition.optional ?? {})) });
  definition.build({
    kit,
    random: modelRandom.fork('geometry'),
    variant: plan.variant,
    counts: plan.counts,
    proportions: plan.proportions,
    style: plan.style,
    tPose: request.tPose ?? false,
  });
  if (kit.parts.length === 0) throw new ModelInputError(`the ${definition.category} generator built no parts for this prompt`);

  const scale = plan.size * modelRandom.fork('size').vary(1, 0.04);
  const sizeMatrix = new Matrix4().makeScale(scale, scale, scale);
  for (const part of kit.parts) part.geometry.applyMatrix4(sizeMatrix);
  const bounds = partBounds(kit.parts.map((part) => part.geometry.getAttribute('position').array as ArrayLike<number>));

  const document = await buildModelDocument({
    name: definition.category,
    parts: kit.parts,
    slots: plan.slots,
    textured: request.textured,
    pbr: request.pbr && request.textured,
    textureSizePixels: TEXTURE_SIZE_PIXELS[request.textureQuality],
    generateParts: request.generateParts,
    flatShading: plan.flatShading,
    contrastScale: plan.contrastScale,
    textureRandom: textureRandom.fork('textures'),
    sharp,
  });
  placeModel(document, bounds, request.autoSize);

  const size = [0, 1, 2].map((axis) => round3(bounds.max[axis] - bounds.min[axis])) as [number, number, number];
  return {
    document,
    summary: {
      subject: reading.subject,
      category: definition.category,
      variant: plan.variant ?? null,
      style: plan.style,
      counts: plan.counts,
      parts: kit.parts.map((part) => part.name),
      materials: Object.fromEntries(
        [...new Set(kit.parts.map((part) => part.slot))].map((slot) => [slot, { material: plan.slots[slot].kindName, colour: plan.slots[slot].colourName }]),
      ),
      size_metres: size,
      model_seed: request.modelSeed,
      texture_seed: request.textureSeed,
    },
  };
}

interface Bounds {
  min: [number, number, number];
  max: [number, number, number];
}

function partBounds(positionArrays: ArrayLike<number>[]): Bounds {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (const positions of positionArrays) {
    for (let offset = 0; offset < positions.length; offset += 3) {
      for (let axis = 0; axis < 3; axis++) {
        const value = positions[offset + axis];
        if (value < min[axis]) min[axis] = value;
        if (value > max[axis]) max[axis] = value;
      }
    }
  }
  return { min, max };
}

/** auto_size: bottom centre on the origin, metres. Otherwise: centred, largest side 1. Baked into the vertices. */
function placeModel(document: Document, bounds: Bounds, autoSize: boolean): void {
  const centre = [0, 1, 2].map((axis) => (bounds.min[axis] + bounds.max[axis]) / 2);
  const largest = Math.max(...[0, 1, 2].map((axis) => bounds.max[axis] - bounds.min[axis]), 1e-9);
  const scale = autoSize ? 1 : 1 / largest;
  const offset = autoSize ? [-centre[0], -bounds.min[1], -centre[2]] : [-centre[0], -centre[1], -centre[2]];
  for (const mesh of document.getRoot().listMeshes()) {
    for (const primitive of mesh.listPrimitives()) {
      const position = primitive.getAttribute('POSITION');
      if (!position) continue;
      const array = position.getArray() as Float32Array;
      for (let index = 0; index < array.length; index += 3) {
        array[index] = (array[index] + offset[0]) * scale;
        array[index + 1] = (array[index + 1] + offset[1]) * scale;
        array[index + 2] = (array[index + 2] + offset[2]) * scale;
      }
      position.setArray(array);
    }
  }
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
