// Four-legged animals: each species is a set of real-world proportions (metres) over quadruped-body.ts, with
// its own names, palette and extras.

import type { GeneratorDefinition, MaterialSlotDefinition } from '../generator-definition.ts';
import { buildQuadruped, type Species } from './quadruped-body.ts';

const ANIMAL_OPTIONAL = { tail: ['tail'], ear: ['ear'] } as const;

export function animalSlots(
  fur: MaterialSlotDefinition,
  accent: MaterialSlotDefinition,
): Record<string, MaterialSlotDefinition> {
  return {
    fur: { ...fur, words: ['fur', 'body', 'coat', 'skin', 'hair', 'leg', 'head', ...(fur.words ?? [])], primary: true },
    accent: { ...accent, words: ['muzzle', 'snout', 'belly', 'mane', 'tip', 'ear', 'face', ...(accent.words ?? [])] },
    eyes: { kinds: ['solid'], colors: ['black'], words: ['eye'] },
    nose: { kinds: ['solid'], colors: ['black', 'charcoal', 'pink'], words: ['nose'] },
    horn: { kinds: ['ceramic'], colors: ['ivory', 'cream'], words: ['horn', 'tusk'] },
    hoof: { kinds: ['solid'], colors: ['charcoal'], words: ['hoof'] },
  };
}

export function quadruped(
  category: string,
  names: GeneratorDefinition['names'],
  species: Species,
  fur: MaterialSlotDefinition,
  accent: MaterialSlotDefinition,
  example: string,
  variants?: GeneratorDefinition['variants'],
  variantSlots?: GeneratorDefinition['variantSlots'],
  more: Partial<Pick<GeneratorDefinition, 'family' | 'optional' | 'counts'>> = {},
): GeneratorDefinition {
  return {
    category,
    family: more.family ?? 'animal',
    names,
    variants,
    variantSlots,
    slots: animalSlots(fur, accent),
    optional: { ...ANIMAL_OPTIONAL, ...more.optional },
    counts: more.counts,
    example,
    bodyPlan: 'quadruped',
    build: (context) => buildQuadruped(context, species),
  };
}

export const cat = quadruped(
  'cat',
  ['cat', 'kitten', 'kitty', 'house cat', 'gato', 'chat', 'katze'],
  {
    bodyLength: 0.46,
    bodyRadius: 0.11,
    legLength: 0.17,
    legRadius: 0.025,
    neckLength: 0.08,
    neckAngle: 0.9,
    headRadius: 0.065,
    snoutLength: 0.02,
    snoutRadius: 0.03,
    ears: 'pointed',
    tail: 'thin',
    tailLength: 0.35,
    extras: ['whiskers'],
  },
  { kinds: ['fur'], colors: ['ginger', 'grey', 'black', 'white', 'cream', 'charcoal'] },
  { kinds: ['fur'], colors: ['white', 'cream'] },
  'a cute ginger cat',
);

export const dog = quadruped(
  'dog',
  ['dog', 'puppy', 'pup', 'hound', 'doggy', 'perro', 'chien', 'hund'],
  {
    bodyLength: 0.7,
    bodyRadius: 0.16,
    legLength: 0.3,
    legRadius: 0.04,
    neckLength: 0.14,
    neckAngle: 0.8,
    headRadius: 0.1,
    snoutLength: 0.09,
    snoutRadius: 0.05,
    ears: 'floppy',
    tail: 'thin',
    tailLength: 0.3,
    extras: [],
  },
  { kinds: ['fur'], colors: ['brown', 'tan', 'black', 'white', 'sand', 'ginger'] },
  { kinds: ['fur'], colors: ['cream', 'white', 'tan'] },
  'a brown dog with floppy ears',
);

export const fox = quadruped(
  'fox',
  ['fox', 'vixen', 'zorro', 'renard', 'fuchs'],
  {
    bodyLength: 0.6,
    bodyRadius: 0.12,
    legLength: 0.24,
    legRadius: 0.028,
    neckLength: 0.1,
    neckAngle: 0.7,
    headRadius: 0.08,
    snoutLength: 0.1,
    snoutRadius: 0.035,
    ears: 'pointed',
    tail: 'bushy',
    tailLength: 0.45,
    extras: [],
  },
  { kinds: ['fur'], colors: ['ginger', 'orange'] },
  { kinds: ['fur'], colors: ['white', 'cream'] },
  'a red fox',
);

export const horse = quadruped(
  'horse',
  ['horse', 'pony', 'stallion', 'mare', 'foal', 'caballo', 'cheval', 'pferd'],
  {
    bodyLength: 1.7,
    bodyRadius: 0.36,
    legLength: 0.95,
    legRadius: 0.07,
    neckLength: 0.7,
    neckAngle: 1.0,
    headRadius: 0.16,
    snoutLength: 0.35,
    snoutRadius: 0.11,
    ears: 'pointed',
    tail: 'long-hair',
    tailLength: 0.8,
    extras: ['mane', 'hooves'],
  },
  { kinds: ['fur'], colors: ['brown', 'walnut', 'black', 'white', 'tan', 'grey'] },
  { kinds: ['fur'], colors: ['black', 'walnut', 'cream'] },
  'a brown horse with a black mane',
);

export const cow = quadruped(
  'cow',
  ['cow', 'bull', 'ox', 'cattle', 'calf', 'vaca', 'vache', 'kuh'],
  {
    bodyLength: 2.0,
    bodyRadius: 0.45,
    legLength: 0.75,
    legRadius: 0.09,
    neckLength: 0.3,
    neckAngle: 0.3,
    headRadius: 0.2,
    snoutLength: 0.2,
    snoutRadius: 0.14,
    ears: 'small',
    tail: 'tuft',
    tailLength: 0.8,
    extras: ['horns', 'hooves'],
  },
  { kinds: ['fur', 'skin'], colors: ['white', 'black', 'brown', 'tan'] },
  { kinds: ['skin'], colors: ['pink', 'cream'] },
  'a black and white cow',
);

export const pig = quadruped(
  'pig',
  ['pig', 'piglet', 'hog', 'boar', 'swine', 'cerdo', 'cochon', 'schwein'],
  {
    bodyLength: 1.1,
    bodyRadius: 0.3,
    legLength: 0.3,
    legRadius: 0.06,
    neckLength: 0.05,
    neckAngle: 0.2,
    headRadius: 0.17,
    snoutLength: 0.1,
    snoutRadius: 0.08,
    ears: 'small',
    tail: 'curly',
    tailLength: 0.15,
    extras: ['snout-disc', 'hooves'],
  },
  { kinds: ['skin'], colors: ['pink'] },
  { kinds: ['skin'], colors: ['pink'] },
  'a pink pig with a curly tail',
);

export const sheep = quadruped(
  'sheep',
  ['sheep', 'lamb', 'ram', 'oveja', 'mouton', 'schaf'],
  {
    bodyLength: 1.1,
    bodyRadius: 0.32,
    legLength: 0.45,
    legRadius: 0.04,
    neckLength: 0.15,
    neckAngle: 0.6,
    headRadius: 0.13,
    snoutLength: 0.1,
    snoutRadius: 0.07,
    ears: 'small',
    tail: 'ball',
    tailLength: 0.1,
    extras: ['wool', 'hooves'],
  },
  { kinds: ['fur'], colors: ['cream', 'white', 'ivory'] },
  { kinds: ['skin'], colors: ['charcoal', 'black', 'cream'] },
  'a fluffy white sheep',
);

export const bear = quadruped(
  'bear',
  ['bear', 'grizzly', ['polar bear', 'polar'], ['panda', 'panda'], ['panda bear', 'panda'], 'oso', 'ours'],
  {
    bodyLength: 1.6,
    bodyRadius: 0.45,
    legLength: 0.45,
    legRadius: 0.13,
    neckLength: 0.15,
    neckAngle: 0.5,
    headRadius: 0.24,
    snoutLength: 0.14,
    snoutRadius: 0.1,
    ears: 'round',
    tail: 'ball',
    tailLength: 0.1,
    extras: [],
  },
  { kinds: ['fur'], colors: ['brown', 'walnut', 'black'] },
  { kinds: ['fur'], colors: ['tan', 'cream'] },
  'a brown bear',
  { polar: ['polar'], panda: ['panda'] },
  {
    polar: { fur: { colors: ['white', 'cream'] }, accent: { colors: ['cream'] } },
    panda: { fur: { colors: ['white'] }, accent: { colors: ['black'] } },
  },
);

export const rabbit = quadruped(
  'rabbit',
  ['rabbit', 'bunny', 'hare', 'conejo', 'lapin', 'hase', 'kaninchen'],
  {
    bodyLength: 0.32,
    bodyRadius: 0.11,
    legLength: 0.07,
    legRadius: 0.03,
    neckLength: 0.03,
    neckAngle: 1.0,
    headRadius: 0.07,
    snoutLength: 0.02,
    snoutRadius: 0.03,
    ears: 'long',
    tail: 'ball',
    tailLength: 0.05,
    extras: ['whiskers'],
  },
  { kinds: ['fur'], colors: ['white', 'grey', 'tan', 'brown', 'cream'] },
  { kinds: ['fur'], colors: ['white', 'pink'] },
  'a white bunny with long ears',
);

export const elephant = quadruped(
  'elephant',
  ['elephant', 'mammoth', 'elefante', 'elefant'],
  {
    bodyLength: 3.6,
    bodyRadius: 1.05,
    legLength: 1.4,
    legRadius: 0.28,
    neckLength: 0.3,
    neckAngle: 0.3,
    headRadius: 0.6,
    snoutLength: 0,
    snoutRadius: 0.2,
    ears: 'fan',
    tail: 'tuft',
    tailLength: 1.0,
    extras: ['trunk', 'tusks'],
  },
  { kinds: ['skin'], colors: ['grey', 'slate'] },
  { kinds: ['skin'], colors: ['grey', 'pink'] },
  'a grey elephant with big ears',
);
