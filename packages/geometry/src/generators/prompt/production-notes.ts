// Phrases in a prompt that say how the model is wanted (file format, texture resolution, engine, topology,
// "game ready") or how the request is asked ("please"), never what the object is. They are set aside before the
// prompt is read, so "a barrel, game ready, PBR, 4k" is a barrel and "game asset: wooden crate" a crate, and
// each is reported as ignored with the reason. Only phrases that cannot name or qualify an object belong here
// ("blender" alone is the kitchen appliance; "in blender" is an application). Singular word forms.

import type { PromptToken } from './word-forms.ts';

const FILE_FORMATS = ['fbx', 'obj', 'glb', 'gltf', 'stl', 'usdz', 'usd', '3mf', 'dae'];

const DELIVERY_PHRASES = [
  'game ready',
  'gameready',
  'game asset',
  'video game asset',
  'game model',
  'game prop',
  '3d asset',
  '3d model',
  '3d object',
  '3d render',
  '3d rendering',
  'for a game',
  'for the game',
  'for my game',
  'for our game',
  'for a video game',
  'for a mobile game',
  'for mobile game',
  'for mobile',
  'for game',
  'for unity',
  'for unreal',
  'for unreal engine',
  'for blender',
  'for godot',
  'for roblox',
  'in unity',
  'in unreal',
  'in unreal engine',
  'in blender',
  'made in blender',
  'unreal engine',
  'unreal engine 5',
  'unreal engine 4',
  'ue5',
  'ue4',
  'unity',
  'unity3d',
  'godot',
  'roblox',
  'blender render',
  'blender model',
  'octane',
  'octane render',
  'redshift',
  'vray',
  'cinema 4d',
  'c4d',
  'keyshot',
  'substance painter',
  'zbrush',
  'pbr',
  'pbr texture',
  'pbr textured',
  'pbr material',
  'pbr shader',
  'physically based',
  'with pbr texture',
  'with pbr material',
  '1k',
  '2k',
  '4k',
  '8k',
  '16k',
  'hd',
  'uhd',
  'full hd',
  '1k texture',
  '2k texture',
  '4k texture',
  '8k texture',
  '4k resolution',
  '8k resolution',
  'high resolution',
  'high res',
  'hi res',
  'hires',
  'highres',
  'high detail',
  'with high detail',
  'with lot of detail',
  'high quality',
  'best quality',
  'top quality',
  'masterpiece',
  'trending on artstation',
  'artstation',
  'sketchfab',
  'clean topology',
  'good topology',
  'quad topology',
  'topology',
  'subdivision',
  'subdivided',
  'subd',
  'high poly',
  'highpoly',
  'polycount',
  'low polycount',
  'quads',
  'tris',
  'manifold',
  'watertight',
  'uv',
  'uv unwrapped',
  'uv mapped',
  'unwrapped',
  'optimized',
  'optimised',
  'mobile ready',
  'vr ready',
  'ar ready',
  'real time',
  'realtime',
  '3d printable',
  '3d print',
  '3d printing',
  'for 3d printing',
  'for printing',
  'printable',
];

const POLITE_PHRASES = ['please', 'pls', 'plz', 'kindly', 'thanks', 'thank you', 'thank', 'thx', 'cheers'];

export const PRODUCTION_NOTE_REASONS = {
  delivery: 'how the model is delivered (format, textures, engine, quality): every model is made the same way',
  polite: 'part of the request, not of the object',
} as const;

const PHRASES: ReadonlyMap<string, string> = new Map([
  ...DELIVERY_PHRASES.map((phrase) => [phrase, PRODUCTION_NOTE_REASONS.delivery] as const),
  ...FILE_FORMATS.flatMap((format) => [
    format,
    `${format} file`,
    `${format} format`,
    `as ${format}`,
    `as a ${format}`,
    `as an ${format}`,
    `in ${format}`,
    `in ${format} format`,
  ]).map((phrase) => [phrase, PRODUCTION_NOTE_REASONS.delivery] as const),
  ...POLITE_PHRASES.map((phrase) => [phrase, PRODUCTION_NOTE_REASONS.polite] as const),
]);
const LONGEST_PHRASE_WORDS = Math.max(...[...PHRASES.keys()].map((phrase) => phrase.split(' ').length));

export interface ProductionNote {
  words: string;
  reason: string;
}

/** The tokens that are not production notes, and the notes (in prompt order) taken out of them. */
export function setAsideProductionNotes(tokens: readonly PromptToken[]): {
  kept: PromptToken[];
  notes: ProductionNote[];
} {
  const kept: PromptToken[] = [];
  const notes: ProductionNote[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const length = noteLengthAt(tokens, index);
    if (length === 0) {
      kept.push(tokens[index]);
      continue;
    }
    const noteTokens = tokens.slice(index, index + length);
    notes.push({
      words: noteTokens.map((token) => token.word).join(' '),
      reason: PHRASES.get(noteTokens.map((token) => token.form).join(' '))!,
    });
    // the punctuation after a note still ends the segment it was in ("a fox game ready, cute")
    if (noteTokens[length - 1].endsSegment && kept.length > 0)
      kept[kept.length - 1] = { ...kept[kept.length - 1], endsSegment: true };
    index += length - 1;
  }
  return { kept, notes };
}

function noteLengthAt(tokens: readonly PromptToken[], index: number): number {
  for (let length = Math.min(LONGEST_PHRASE_WORDS, tokens.length - index); length >= 1; length--) {
    const phraseTokens = tokens.slice(index, index + length);
    // a phrase never spans punctuation ("a car, for a game" is fine; "a hd, tv" is not one phrase)
    if (phraseTokens.slice(0, -1).some((token) => token.endsSegment)) continue;
    if (PHRASES.has(phraseTokens.map((token) => token.form).join(' '))) return length;
  }
  return 0;
}
