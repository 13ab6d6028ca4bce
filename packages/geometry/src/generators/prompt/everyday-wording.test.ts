// How the prompt reader takes the wording real users add around an object: "low poly" with a space, production
// notes ("game ready, PBR, 4k", "please"), comma-separated descriptions, describing adjectives it has no use for,
// split names ("space ship"), and the nouns used as modifiers that must still be refused ("a candy cane").
import { describe, expect, it } from 'vitest';
import { PROMPT_PARSER } from '../generator-catalog.ts';
import { PRODUCTION_NOTE_REASONS } from './production-notes.ts';

function understand(prompt: string) {
  const parsed = PROMPT_PARSER.parse(prompt);
  if (!parsed.ok) throw new Error(`"${prompt}" was not understood: ${parsed.reason}`);
  return parsed.understanding;
}

function categories(prompt: string) {
  return understand(prompt).components.map((component) => [
    component.reading.definition.category,
    component.reading.variant ?? null,
  ]);
}

function ignoredWords(prompt: string) {
  return understand(prompt).ignored.map((ignored) => ignored.words);
}

function isRefused(prompt: string) {
  return !PROMPT_PARSER.parse(prompt).ok;
}

describe('everyday prompt wording', () => {
  it('reads "low poly" written with a space as the low-poly style', () => {
    expect(understand('low poly tree').components[0].reading.style).toBe('low-poly');
    expect(ignoredWords('Low Poly Tree.')).toEqual([]);
    expect(understand('a barrel (low poly)').components[0].reading.style).toBe('low-poly');
  });

  it('sets production notes and politeness aside, reported with the reason', () => {
    expect(categories('a barrel, game ready, PBR, 4k')).toEqual([['barrel', null]]);
    expect(understand('a barrel, game ready, PBR, 4k').ignored).toEqual([
      { words: 'game ready', reason: PRODUCTION_NOTE_REASONS.delivery },
      { words: 'pbr', reason: PRODUCTION_NOTE_REASONS.delivery },
      { words: '4k', reason: PRODUCTION_NOTE_REASONS.delivery },
    ]);
    expect(categories('game asset: wooden crate')).toEqual([['crate', null]]);
    expect(categories('stylized low poly fox, game-ready')).toEqual([['fox', null]]);
    expect(categories('a dragon, please')).toEqual([['dragon', null]]);
    expect(categories('a realistic apple with a leaf, high poly, subdivision')).toEqual([['apple', null]]);
    // a note word that can name or change a thing stays in the prompt
    expect(categories('a blender')).toEqual([['blender', null]]);
    expect(isRefused('a quad bike')).toBe(true);
  });

  it('applies comma-separated descriptions to the object and never reads them as another thing', () => {
    // "pastel" is also Spanish for cake
    expect(categories('a cute cartoon cat sitting, pastel colors, 3d render')).toEqual([['cat', null]]);
    expect(understand('a car, red').components[0].reading.colours.map((colour) => colour.name)).toEqual(['red']);
    expect(understand('Low poly, stylized: a fox').components[0].reading.style).not.toBeNull();
    expect(categories('a simple low poly house, minimal, clean topology')).toEqual([['house', null]]);
    // a segment that names a thing, or changes how it is made, is not a description
    expect(isRefused('a table, chair')).toBe(true);
    for (const prompt of ['a dog, mechanical', 'a cat, sculpted']) {
      const parsed = PROMPT_PARSER.parse(prompt);
      expect(parsed.ok && Object.keys(parsed.understanding.components[0].modifiers).length === 0, prompt).toBe(false);
    }
    expect(isRefused('a lamp (desk)')).toBe(true);
  });

  it('reports describing adjectives as not shown instead of refusing the object', () => {
    for (const [prompt, category, word] of [
      ['a handsome man', 'person', 'handsome'],
      ['an abstract vase', 'vase', 'abstract'],
      ['a voxel cat', 'cat', 'voxel'],
      ['a loaf of crusty bread', 'bread', 'crusty'],
      ['a regal lion', 'lion', 'regal'],
      ['a tabby cat', 'cat', 'tabby'],
      ['a fire dragon', 'dragon', 'fire'],
      ['a war horse', 'horse', 'war'],
    ] as const) {
      expect(categories(prompt)[0][0], prompt).toBe(category);
      expect(understand(prompt).ignored, prompt).toContainEqual({
        words: word,
        reason: 'not shown by the built-in generator',
      });
    }
  });

  it('refuses nouns used as modifiers that make another thing, and cooked animals', () => {
    for (const prompt of [
      'a smart watch',
      'a candy cane',
      'a honey pot',
      'a water tank',
      'an ice pick',
      'a lava lamp',
      'a hot water bottle',
      'a roasted chicken',
      'a grilled fish',
      'a horse fly',
      'a king cobra',
      'a sea lion',
    ]) {
      expect(isRefused(prompt), prompt).toBe(true);
    }
  });

  it('refuses a place or thing noun right after a name, but not how the model is shown', () => {
    for (const prompt of ['a dog park', 'a book shop', 'a car park', 'a car engine'])
      expect(isRefused(prompt), prompt).toBe(true);
    expect(categories('a car side view')).toEqual([['car', null]]);
    expect(categories('a sword minecraft style')).toEqual([['sword', null]]);
    expect(categories('a dragon breathing fire')).toEqual([['dragon', null]]);
  });

  it('reports surface details after "with" as not shown, without taking their colours', () => {
    expect(categories('a fantasy sword with glowing runes')).toEqual([['sword', null]]);
    expect(ignoredWords('a fantasy sword with glowing runes')).toContain('glowing runes');
    expect(understand('a crate with glowing lights').components[0].reading.colours).toEqual([]);
  });

  it('reads "character", "mascot" and "icon" as the kind of model, and "in the style of ..." as a scene', () => {
    expect(categories('a cat character')).toEqual([['cat', null]]);
    expect(categories('a stylized character of a wizard')).toEqual([['person', 'wizard']]);
    expect(categories('a fox mascot')).toEqual([['fox', null]]);
    expect(isRefused('a character')).toBe(true);
    expect(categories('a sword in the style of dark souls')).toEqual([['sword', null]]);
    expect(categories('a race car with number 7')).toEqual([['car', 'sports']]);
  });

  it('joins a name written as two words', () => {
    expect(categories('a space ship')).toEqual([['rocket', null]]);
    expect(categories('a sail boat')).toEqual([['boat', 'sail']]);
    expect(categories('a book case')).toEqual([['bookshelf', null]]);
    expect(categories('a fighter jet')).toEqual([['airplane', 'jet']]);
  });
});
