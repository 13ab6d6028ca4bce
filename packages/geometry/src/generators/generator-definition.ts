// What a category generator declares (its names, material slots, counts, optional parts, variants) and what it
// receives when it builds (resolved parameters, a seeded random stream, the part kit).

import type { PartKit } from './kit/part-kit.ts';
import type { MaterialKindName } from './materials/material-kinds.ts';
import type { SeededRandom } from './seeded-random.ts';

export type GeneratorFamily =
  | 'furniture'
  | 'vessel'
  | 'tool'
  | 'weapon'
  | 'vehicle'
  | 'building'
  | 'plant'
  | 'character'
  | 'animal'
  | 'food'
  | 'creature'
  | 'wearable'
  | 'container'
  | 'gadget'
  | 'instrument'
  | 'game'
  | 'kitchen'
  | 'sports'
  | 'toy'
  | 'support';

/** Where a wearable goes on a character or creature ("a cat wearing a hat"), see kit anchors. */
export type WearPlace = 'head' | 'neck' | 'face' | 'back' | 'body';

/** How another object relates to this one when composed: held items, supports ("on a hill"), containers ("in a pot"). */
export interface CompositionTraits {
  /** wearables: the anchor they go on, and the anchor size (metres) they are designed for */
  wear?: { place: WearPlace; designSize: number };
  /** supports grow or shrink to fit what stands on them (a hill, a plinth, a lily pad) instead of keeping their size */
  fitsLoad?: boolean;
}

export type GenerationStyle = 'default' | 'low-poly' | 'cartoon' | 'realistic';

export interface MaterialSlotDefinition {
  /** material kinds this slot may take, the first being the default; a material word outside the list still applies */
  kinds: readonly MaterialKindName[];
  /** colour names (colour-names.ts) the slot picks from when the prompt gives none, chosen by texture_seed */
  colors: readonly string[];
  /** words that name the parts drawn with this slot, for "a red car with black wheels" */
  words?: readonly string[];
  /** unbound colour and material words ("a red chair") apply to primary slots */
  primary?: boolean;
}

export interface CountDefinition {
  /** singular nouns that name what is counted: "5 shelves", "four-legged" */
  words: readonly string[];
  default: number;
  min: number;
  max: number;
}

export interface GeneratorDefinition {
  category: string;
  family: GeneratorFamily;
  /** singular words or phrases that name the category; [phrase, variant] also selects a variant */
  names: readonly (string | readonly [string, string])[];
  /** variant → words that select it when they appear beside the category name ("a pine tree", "a sports car") */
  variants?: Readonly<Record<string, readonly string[]>>;
  slots: Readonly<Record<string, MaterialSlotDefinition>>;
  /** variant → slot → the materials and palette that variant uses instead (an office chair's fabric seat) */
  variantSlots?: Readonly<Record<string, Readonly<Record<string, Partial<MaterialSlotDefinition>>>>>;
  counts?: Readonly<Record<string, CountDefinition>>;
  /** component → words; these components may be left out by a negation */
  optional?: Readonly<Record<string, readonly string[]>>;
  /** an example prompt, used in help texts and tests */
  example: string;
  /** composition: wearables, supports that fit their load */
  traits?: CompositionTraits;
  /** the body plan, for kind-keeping modifiers ("a robot dog" is a mechanical quadruped) */
  bodyPlan?: 'quadruped' | 'biped' | 'bird';
  build(context: BuildContext): void;
}

/** Modifiers that keep an object's kind but change how it is made ("a toy car", "a robot dog", "a horse statue"). */
export interface KindModifiers {
  toy?: boolean;
  mechanical?: boolean;
  statue?: boolean;
  baby?: boolean;
}

export interface Proportions {
  /** multipliers on the generator's default dimensions (1 = as designed) */
  height: number;
  width: number;
  length: number;
}

export interface BuildContext {
  kit: PartKit;
  /** model_seed's stream: geometry variation only */
  random: SeededRandom;
  variant: string | undefined;
  counts: Readonly<Record<string, number>>;
  proportions: Proportions;
  style: GenerationStyle;
  /** for characters: arms stretched out (generate_image t_pose) */
  tPose: boolean;
  /** kind-keeping modifiers the prompt used (mechanical bodies are built differently) */
  modifiers: KindModifiers;
}

/** The definition's material slots with the variant's overrides applied. */
export function slotsFor(
  definition: GeneratorDefinition,
  variant: string | undefined,
): Record<string, MaterialSlotDefinition> {
  const overrides = variant === undefined ? undefined : definition.variantSlots?.[variant];
  const slots: Record<string, MaterialSlotDefinition> = {};
  for (const [name, slot] of Object.entries(definition.slots)) slots[name] = { ...slot, ...overrides?.[name] };
  return slots;
}
