// Combines what the prompt said (parse-prompt.ts) with the request's options (style, seeds, quality, model
// version) into a generation plan: counts within the generator's bounds, the style's detail and shading, and a
// material kind and colour for every slot. Colours the prompt does not give come from the slot's palette,
// picked by texture_seed and never one that negative_prompt excludes.

import {
  slotsFor,
  type GenerationStyle,
  type GeneratorDefinition,
  type KindModifiers,
  type Proportions,
} from './generator-definition.ts';
import type { ResolvedSlot } from './build-model-document.ts';
import { COLOUR_NAMES, saturateColour, tintColour, type Rgb } from './materials/colour-names.ts';
import { MATERIAL_KINDS, type MaterialKindName } from './materials/material-kinds.ts';
import { METAL_COLOUR_WORDS, type PromptReading } from './prompt/parse-prompt.ts';
import { MATERIAL_DEFAULT_COLOURS } from './prompt/prompt-vocabulary.ts';
import type { SeededRandom } from './seeded-random.ts';

/** The request-level `style` values of text_to_model (tripo-api.md §4.2). */
export type RequestStyle =
  | 'person:person2cartoon'
  | 'animal:venom'
  | 'object:clay'
  | 'object:steampunk'
  | 'object:christmas'
  | 'object:barbie'
  | 'gold'
  | 'ancient_bronze';

export interface GenerationOptions {
  requestStyle?: RequestStyle;
  /** P-series model versions make clean low-poly models */
  lowPolyModelVersion: boolean;
  smartLowPoly: boolean;
  geometryQuality: 'standard' | 'detailed';
  /** the dominant colour of style_image, when one was given */
  styleColour?: Rgb;
}

export interface GenerationPlan {
  definition: GeneratorDefinition;
  variant: string | undefined;
  counts: Record<string, number>;
  proportions: Proportions;
  size: number;
  style: GenerationStyle;
  detail: number;
  flatShading: boolean;
  contrastScale: number;
  slots: Record<string, ResolvedSlot>;
  without: Set<string>;
}

const FALLBACK_COLOURS = ['grey', 'white', 'black', 'brown', 'blue', 'green', 'red', 'yellow'];
const METAL_KINDS: readonly MaterialKindName[] = ['metal', 'gold'];

export function resolveGeneration(
  reading: PromptReading,
  options: GenerationOptions,
  textureRandom: SeededRandom,
  modifiers: KindModifiers = {},
): GenerationPlan {
  const { definition } = reading;
  const style: GenerationStyle =
    reading.style ??
    (options.requestStyle === 'person:person2cartoon' || modifiers.toy || modifiers.baby
      ? 'cartoon'
      : options.lowPolyModelVersion
        ? 'low-poly'
        : 'default');
  const styleDetail = { default: 1, 'low-poly': 0.35, cartoon: 1, realistic: 1.5 }[style];
  const detail = styleDetail * (options.geometryQuality === 'detailed' ? 1.6 : 1) * (options.smartLowPoly ? 0.6 : 1);

  const counts: Record<string, number> = {};
  for (const [name, count] of Object.entries(definition.counts ?? {})) {
    const asked = reading.counts[name];
    counts[name] = asked === undefined ? count.default : Math.min(count.max, Math.max(count.min, Math.round(asked)));
  }

  const slots = resolveSlots(reading, options, textureRandom, style);
  applyKindModifiers(slots, reading, modifiers);
  return {
    definition,
    variant: reading.variant,
    counts,
    proportions: reading.proportions,
    size: reading.size * (modifiers.baby ? 0.45 : 1),
    style,
    detail,
    flatShading: style === 'low-poly',
    contrastScale: style === 'cartoon' ? 0.4 : style === 'low-poly' ? 0.6 : style === 'realistic' ? 1.2 : 1,
    slots,
    without: reading.without,
  };
}

function resolveSlots(
  reading: PromptReading,
  options: GenerationOptions,
  textureRandom: SeededRandom,
  style: GenerationStyle,
): Record<string, ResolvedSlot> {
  const slotDefinitions = slotsFor(reading.definition, reading.variant);
  const slotNames = Object.keys(slotDefinitions);
  const primary = slotNames.filter((slot) => slotDefinitions[slot].primary);
  if (primary.length === 0) primary.push(slotNames[0]);
  const secondary = slotNames.filter((slot) => !primary.includes(slot) && slotDefinitions[slot].kinds[0] !== 'solid');

  // free words: the first goes to the primary slots, each later one to the next secondary slot
  const assignFree = <T extends { slot?: string }>(items: T[]): Map<string, T> => {
    const bySlot = new Map<string, T>();
    const free = items.filter((item) => item.slot === undefined);
    for (const item of items) if (item.slot !== undefined) bySlot.set(item.slot, item);
    free.forEach((item, index) => {
      const targets = index === 0 ? primary : secondary[index - 1] ? [secondary[index - 1]] : [];
      for (const slot of targets) if (!bySlot.has(slot)) bySlot.set(slot, item);
    });
    return bySlot;
  };
  const colours = assignFree(reading.colours);
  const materials = assignFree(reading.materials);

  const resolved: Record<string, ResolvedSlot> = {};
  slotNames.forEach((slot, slotIndex) => {
    const definitionSlot = slotDefinitions[slot];
    let kindName: MaterialKindName = definitionSlot.kinds[0];
    let colourName: string | undefined;
    let rgb: Rgb | undefined;
    let kindFromPrompt = false;

    const material = materials.get(slot);
    if (material) {
      const colourOnly =
        METAL_COLOUR_WORDS.has(material.word) && !definitionSlot.kinds.some((kind) => METAL_KINDS.includes(kind));
      if (!colourOnly && kindName !== 'solid') {
        kindName = material.material.kind;
        kindFromPrompt = true;
      }
      if (material.material.colour) colourName = material.material.colour;
    }
    if (!kindFromPrompt && reading.avoidMaterials.has(kindName)) {
      kindName = definitionSlot.kinds.find((kind) => !reading.avoidMaterials.has(kind)) ?? kindName;
    }
    const colour = colours.get(slot);
    if (colour) {
      colourName = colour.name;
      rgb = colour.rgb;
    }
    if (!colourName && options.styleColour && primary.includes(slot)) {
      colourName = 'style_image';
      rgb = options.styleColour;
    }
    const pickRandom = textureRandom.fork(`colour:${slot}`);
    if (!colourName) {
      // a material the prompt named, or one that replaced the slot's default, brings its own colours
      const kindColours =
        kindFromPrompt || kindName !== definitionSlot.kinds[0] ? MATERIAL_DEFAULT_COLOURS[kindName] : undefined;
      const palette = [kindColours, definitionSlot.colors, FALLBACK_COLOURS]
        .map((list) => (list ?? []).filter((name) => !reading.avoidColours.has(name)))
        .find((list) => list.length > 0);
      colourName = palette ? pickRandom.pick(palette) : 'grey';
    }
    rgb ??= COLOUR_NAMES[colourName] ?? COLOUR_NAMES.grey;
    [kindName, colourName, rgb] = applyRequestStyle(
      options.requestStyle,
      kindName,
      colourName,
      rgb,
      slotIndex,
      primary.includes(slot),
      Boolean(colour),
    );
    if (style === 'cartoon') rgb = saturateColour(rgb, 0.3);
    resolved[slot] = { kindName, kind: MATERIAL_KINDS[kindName], colour: rgb, colourName };
  });
  return resolved;
}

function applyRequestStyle(
  style: RequestStyle | undefined,
  kind: MaterialKindName,
  colourName: string,
  rgb: Rgb,
  slotIndex: number,
  isPrimary: boolean,
  colourFromPrompt: boolean,
): [MaterialKindName, string, Rgb] {
  if (style === undefined || style === 'person:person2cartoon') return [kind, colourName, rgb];
  const named = (name: string): [string, Rgb] => [name, COLOUR_NAMES[name]];
  if (kind === 'solid') {
    return style === 'animal:venom' ? ['solid', ...named('white')] : [kind, colourName, rgb];
  }
  switch (style) {
    case 'object:clay':
      return colourFromPrompt ? ['clay', colourName, rgb] : ['clay', ...named('tan')];
    case 'object:steampunk':
      if (isPrimary) return ['metal', ...named('brass')];
      return kind === 'wood' ? ['wood', ...named('walnut')] : ['metal', ...named('copper')];
    case 'object:christmas': {
      const cycle = ['red', 'green', 'white', 'gold'];
      const name = cycle[slotIndex % cycle.length];
      return [name === 'gold' ? 'gold' : kind, ...named(name)];
    }
    case 'object:barbie': {
      const cycle: [string, Rgb][] = [
        named('pink'),
        ['light pink', tintColour(COLOUR_NAMES.pink, 0.4)],
        named('white'),
      ];
      return ['plastic', ...cycle[slotIndex % cycle.length]];
    }
    case 'gold':
      return ['gold', ...named('gold')];
    case 'ancient_bronze':
      return ['metal', 'ancient bronze', tintColour(COLOUR_NAMES.bronze, -0.25)];
    case 'animal:venom':
      return ['paint', ...named('black')];
    default:
      return [kind, colourName, rgb];
  }
}

const STATUE_STONE: Rgb = [170, 166, 158];

/**
 * A statue is one material all over (the one named, else stone); a toy is plastic where the prompt names no
 * material; a mechanical body is metal with glowing eyes. Slots whose colour or material the prompt gave keep it.
 */
function applyKindModifiers(
  slots: Record<string, ResolvedSlot>,
  reading: PromptReading,
  modifiers: KindModifiers,
): void {
  const namedMaterial = reading.materials.find((material) => material.slot === undefined);
  const namedColour = reading.colours.find((colour) => colour.slot === undefined);
  for (const [name, slot] of Object.entries(slots)) {
    const boundColour = reading.colours.some((colour) => colour.slot === name);
    const boundMaterial = reading.materials.some((material) => material.slot === name);
    if (modifiers.statue) {
      const kindName: MaterialKindName = namedMaterial?.material.kind ?? 'stone';
      const colour =
        namedColour?.rgb ??
        (namedMaterial?.material.colour ? COLOUR_NAMES[namedMaterial.material.colour] : STATUE_STONE);
      slots[name] = {
        kindName,
        kind: MATERIAL_KINDS[kindName],
        colour,
        colourName: namedColour?.name ?? namedMaterial?.material.colour ?? 'stone grey',
      };
    } else if (
      modifiers.toy &&
      !boundMaterial &&
      !namedMaterial &&
      slot.kindName !== 'solid' &&
      slot.kindName !== 'glass'
    ) {
      slots[name] = { ...slot, kindName: 'plastic', kind: MATERIAL_KINDS.plastic };
    } else if (modifiers.mechanical && !boundMaterial) {
      if (slot.kindName === 'solid') {
        if (name.includes('eye'))
          slots[name] = {
            kindName: 'solid',
            kind: MATERIAL_KINDS.solid,
            colour: COLOUR_NAMES.cyan,
            colourName: 'cyan',
          };
      } else if (!boundColour && !(namedColour && slot === slots[Object.keys(slots)[0]])) {
        slots[name] = {
          kindName: 'metal',
          kind: MATERIAL_KINDS.metal,
          colour: name === Object.keys(slots)[0] ? COLOUR_NAMES.silver : COLOUR_NAMES.charcoal,
          colourName: name === Object.keys(slots)[0] ? 'silver' : 'charcoal',
        };
      } else {
        slots[name] = { ...slot, kindName: 'paint', kind: MATERIAL_KINDS.paint };
      }
    }
  }
}
