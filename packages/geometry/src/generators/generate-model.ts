// text_to_model's core: prompt → understanding (one reading per object) → plans → each category generator's
// parts at real size → composition (worn, held, supported, side by side) → a textured glTF Document, sized in
// real metres (auto_size) or normalised to a unit box centred on the origin. model_seed drives every
// geometric choice and texture_seed every texture and palette choice, so equal seeds give equal bytes.

import type { Document } from '@gltf-transform/core';
import type { Sharp } from '../formats/textures/encode-texture.ts';
import { ModelInputError } from '../read/model-input-error.ts';
import { buildModelDocument, type ResolvedSlot } from './build-model-document.ts';
import { composeComponents, type BuiltComponent } from './compose/compose-components.ts';
import { PROMPT_PARSER } from './generator-catalog.ts';
import { PartKit } from './kit/part-kit.ts';
import type { Rgb } from './materials/colour-names.ts';
import type { ComponentReading, IgnoredWords } from './prompt/parse-prompt.ts';
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

export interface UnderstoodComponent {
  role: ComponentReading['role'];
  /** the prompt's words that named it ("astronaut helmet", "robot dog") */
  subject: string;
  category: string;
  variant: string | null;
  copies: number;
  /** kind-keeping modifiers applied: toy, baby, mechanical, statue */
  modifiers: string[];
  /** attribute words used: colours, materials, sizes, proportions, styles, counts, negations */
  attributes: string[];
  /** part words the prompt named, with the part they mean */
  details: Record<string, string>;
  /** worn, held, support, load: the subject of the component it goes with */
  with?: string;
  placement?: 'on' | 'in';
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
  /** what the prompt was read as: every object made and the words used for it */
  understood: { components: UnderstoodComponent[]; corrections: { from: string; to: string }[] };
  /** words of the prompt (and negative_prompt) not used, with the reason */
  ignored: IgnoredWords[];
  /** adjustments made while composing (a load scaled to fit its support) */
  notes?: string[];
}

export interface GeneratedModel {
  document: Document;
  summary: GenerationSummary;
}

/** The largest side of a toy, metres: "a toy car" is a small model of a car, not a car. */
const TOY_SIZE_METRES = 0.22;

export async function generateModel(request: GenerateModelRequest, sharp: Sharp): Promise<GeneratedModel> {
  const parsed = PROMPT_PARSER.parse(request.prompt, request.negativePrompt);
  if (!parsed.ok) throw new ModelInputError(parsed.reason);
  const { understanding } = parsed;
  const modelRandom = new SeededRandom(request.modelSeed);
  const textureRandom = new SeededRandom(request.textureSeed);
  const options = {
    requestStyle: request.requestStyle,
    lowPolyModelVersion: request.lowPolyModelVersion,
    smartLowPoly: request.smartLowPoly,
    geometryQuality: request.geometryQuality,
    styleColour: request.styleColour,
  };

  const plans = understanding.components.map((component, index) =>
    resolveGeneration(
      component.reading,
      { ...options, styleColour: index === 0 ? options.styleColour : undefined },
      textureRandom.fork(index === 0 ? 'palette' : `palette:${index}`),
      component.modifiers,
    ),
  );
  const namespaces = componentNamespaces(understanding.components);
  const built: BuiltComponent[] = understanding.components.map((component, index) => {
    const plan = plans[index];
    const { definition } = plan;
    const kit = new PartKit({
      detail: plan.detail,
      without: plan.without,
      optionalComponents: new Set(Object.keys(definition.optional ?? {})),
      wanted: component.reading.wanted,
    });
    const random = index === 0 ? modelRandom : modelRandom.fork(`component:${index}`);
    definition.build({
      kit,
      random: random.fork('geometry'),
      variant: plan.variant,
      counts: plan.counts,
      proportions: plan.proportions,
      style: plan.style,
      tPose: request.tPose ?? false,
      modifiers: component.modifiers,
    });
    if (kit.parts.length === 0)
      throw new ModelInputError(`the ${definition.category} generator built no parts for this prompt`);
    let scale = plan.size * random.fork('size').vary(1, 0.04);
    if (component.modifiers.toy) {
      const largest = Math.max(
        ...boundsSize(
          partBounds(kit.parts.map((part) => part.geometry.getAttribute('position').array as ArrayLike<number>)),
        ),
      );
      scale = (TOY_SIZE_METRES / Math.max(largest, 1e-6)) * plan.size;
    }
    kit.scaleFrom(0, [scale, scale, scale]);
    const prefix = namespaces[index];
    const parts = kit.parts.map((part) =>
      prefix === ''
        ? part
        : {
            ...part,
            name: `${prefix}_${part.name}`,
            component: `${prefix}_${part.component}`,
            slot: `${prefix}_${part.slot}`,
          },
    );
    return { component, parts, anchors: kit.anchors };
  });

  const composed = composeComponents(built);
  const parts = composed.placed.flatMap((copies) =>
    copies.flatMap((copy, copyIndex) =>
      copyIndex === 0 ? copy : copy.map((part) => ({ ...part, name: `${part.name}_copy${copyIndex + 1}` })),
    ),
  );
  const slots: Record<string, ResolvedSlot> = {};
  plans.forEach((plan, index) => {
    for (const [slot, resolved] of Object.entries(plan.slots))
      slots[namespaces[index] === '' ? slot : `${namespaces[index]}_${slot}`] = resolved;
  });
  const mainPlan = plans[0];
  const bounds = partBounds(parts.map((part) => part.geometry.getAttribute('position').array as ArrayLike<number>));

  const document = await buildModelDocument({
    name: mainPlan.definition.category,
    parts,
    slots,
    textured: request.textured,
    pbr: request.pbr && request.textured,
    textureSizePixels: TEXTURE_SIZE_PIXELS[request.textureQuality],
    generateParts: request.generateParts,
    flatShading: mainPlan.flatShading,
    contrastScale: mainPlan.contrastScale,
    textureRandom: textureRandom.fork('textures'),
    sharp,
  });
  placeModel(document, bounds, request.autoSize);

  const ignored = [...understanding.ignored, ...unbuiltDetails(built)];
  const size = boundsSize(bounds).map(round3) as [number, number, number];
  const main = understanding.components[0];
  return {
    document,
    summary: {
      subject: main.reading.subject,
      category: mainPlan.definition.category,
      variant: mainPlan.variant ?? null,
      style: mainPlan.style,
      counts: mainPlan.counts,
      parts: parts.map((part) => part.name),
      materials: Object.fromEntries(
        [...new Set(parts.map((part) => part.slot))].map((slot) => [
          slot,
          { material: slots[slot].kindName, colour: slots[slot].colourName },
        ]),
      ),
      size_metres: size,
      model_seed: request.modelSeed,
      texture_seed: request.textureSeed,
      understood: {
        components: understanding.components.map((component, index) =>
          understoodComponent(component, plans[index].variant, understanding.components),
        ),
        corrections: understanding.corrections,
      },
      ignored,
      ...(composed.notes.length > 0 ? { notes: composed.notes } : {}),
    },
  };
}

/** Part and slot name prefixes: none for the main object, the category (then a number) for the others. */
function componentNamespaces(components: readonly ComponentReading[]): string[] {
  const seen = new Map<string, number>();
  return components.map((component, index) => {
    if (index === 0) return '';
    const base = component.reading.definition.category.replace(/[^a-z0-9]+/g, '_');
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}${count}`;
  });
}

function understoodComponent(
  component: ComponentReading,
  variant: string | undefined,
  all: readonly ComponentReading[],
): UnderstoodComponent {
  const { reading } = component;
  return {
    role: component.role,
    subject: reading.subject,
    category: reading.definition.category,
    variant: variant ?? null,
    copies: component.copies,
    modifiers: Object.keys(component.modifiers).filter(
      (name) => component.modifiers[name as keyof typeof component.modifiers],
    ),
    attributes: reading.attributes,
    details: Object.fromEntries(reading.details),
    ...(component.role !== 'main' && component.role !== 'beside'
      ? { with: all[component.attachedTo].reading.subject }
      : {}),
    ...(component.placement ? { placement: component.placement } : {}),
  };
}

/** Part words the prompt named whose part the generator did not build: reported, never silently dropped. */
function unbuiltDetails(built: readonly BuiltComponent[]): IgnoredWords[] {
  const ignored: IgnoredWords[] = [];
  for (const { component, parts } of built) {
    const { reading } = component;
    const countNames = new Set(Object.keys(reading.definition.counts ?? {}));
    const variantNames = new Set(Object.keys(reading.definition.variants ?? {}));
    for (const [word, meaning] of reading.details) {
      if (countNames.has(meaning) || variantNames.has(meaning) || reading.without.has(meaning)) continue;
      const built = parts.some(
        (part) =>
          part.slot.endsWith(meaning) || part.component.endsWith(meaning) || part.name.split('_').includes(meaning),
      );
      if (!built)
        ignored.push({
          words: word,
          reason: `the ${reading.definition.category} generator does not build a ${meaning} for this object`,
        });
    }
  }
  return ignored;
}

function boundsSize(bounds: Bounds): [number, number, number] {
  return [0, 1, 2].map((axis) => bounds.max[axis] - bounds.min[axis]) as [number, number, number];
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
