// The prompt grammar: subjects (synonyms, plurals, phrases, other languages), counts, bound and free colours
// and materials, sizes and proportions, styles, negations and negative_prompt.
import { describe, expect, it } from 'vitest';
import { GENERATOR_DEFINITIONS, PROMPT_PARSER } from '../generator-catalog.ts';
import { promptWords, singular } from './word-forms.ts';

function read(prompt: string, negativePrompt?: string) {
  const parsed = PROMPT_PARSER.parse(prompt, negativePrompt);
  if (!parsed.ok) throw new Error(`"${prompt}" was not understood: ${parsed.reason}`);
  return parsed.reading;
}

describe('prompt words', () => {
  it('folds accents, joins low-poly and reduces plurals to singulars', () => {
    expect(promptWords('Une Étagère LOW-POLY, très jolie!')).toEqual(['une', 'etagere', 'lowpoly', 'tres', 'jolie']);
    expect(['shelves', 'benches', 'horses', 'boxes', 'cacti', 'people', 'buses', 'glasses', 'ponies', 'cactus', 'bus'].map(singular)).toEqual([
      'shelf', 'bench', 'horse', 'box', 'cactus', 'person', 'bus', 'glass', 'pony', 'cactus', 'bus',
    ]);
  });
});

describe('parsing prompts', () => {
  it.each([
    ['a wooden chair', 'chair', undefined],
    ['two CHAIRS', 'chair', undefined],
    ['a comfy couch', 'sofa', undefined],
    ['a red sports car', 'car', 'sports'],
    ['a low-poly pine tree', 'tree', 'pine'],
    ['a pine', 'tree', 'pine'],
    ['a pine table', 'table', undefined],
    ['a glass vase with flowers', 'vase', 'flowers'],
    ['a glass of red wine', 'wine glass', 'filled'],
    ['flowers in a vase', 'flower', undefined],
    ['a cat sitting on a chair', 'cat', undefined],
    ['a teddy bear', 'bear', 'teddy'],
    ['a bar stool', 'stool', 'bar'],
    ['a light blue chair', 'chair', undefined],
    ['a trident', 'spear', 'trident'],
    ['una silla de madera', 'chair', undefined],
    ['une voiture rouge', 'car', undefined],
    ['ein kleiner Hund', 'dog', undefined],
  ])('"%s" is a %s (variant %s)', (prompt, category, variant) => {
    const reading = read(prompt);
    expect(reading.definition.category).toBe(category);
    expect(reading.variant).toBe(variant);
  });

  it('refuses a prompt with no known subject instead of guessing', () => {
    for (const prompt of ['a flibbertigibbet', 'something nice', 'a dragon breathing fire', 'red and shiny', 'no chair']) {
      expect(PROMPT_PARSER.parse(prompt).ok).toBe(false);
    }
  });

  it('binds numbers to the count nouns of the category', () => {
    expect(read('a tall narrow wooden bookshelf with 5 shelves').counts).toEqual({ shelves: 5 });
    expect(read('a bookshelf with seven shelves').counts).toEqual({ shelves: 7 });
    expect(read('a three-legged stool').counts).toEqual({ legs: 3 });
    expect(read('a 3 storey house with 4 windows').counts).toEqual({ floors: 3, windows: 4 });
    expect(read('a chair').counts).toEqual({});
  });

  it('binds colours and materials to the part that follows them, else to the whole object', () => {
    const car = read('a red car with black wheels');
    expect(car.colours.map(({ name, slot }) => [name, slot])).toEqual([['red', 'body'], ['black', 'tyre']]);
    const table = read('a round marble table with dark oak legs');
    expect(table.materials.map(({ word, slot }) => [word, slot])).toEqual([['marble', undefined], ['oak', 'leg']]);
    expect(read('a light blue chair').colours[0].rgb).not.toEqual(read('a blue chair').colours[0].rgb);
    expect(read('un coche rojo').colours[0].name).toBe('red');
  });

  it('reads sizes, proportions, intensifiers and styles', () => {
    const shelf = read('a very tall narrow bookshelf');
    expect(shelf.proportions.height).toBeCloseTo(1.35 ** 1.6, 5);
    expect(shelf.proportions.width).toBeCloseTo(0.72, 5);
    expect(read('a tiny cat').size).toBeLessThan(0.5);
    expect(read('a giant mushroom').size).toBe(2);
    expect(read('a low-poly fox').style).toBe('low-poly');
    expect(read('a cute cartoon dog').style).toBe('cartoon');
    expect(read('a realistic horse').style).toBe('realistic');
  });

  it('drops optional parts, colours and materials named by "no", "without", "-less" and negative_prompt', () => {
    expect([...read('a mug without a handle').without]).toEqual(['handle']);
    expect([...read('a handleless mug').without]).toEqual(['handle']);
    expect([...read('a chair with no arms or backrest').without].sort()).toEqual(['armrest', 'backrest']);
    const negative = read('a chair', 'backrest, red, metal, blurry, low quality');
    expect([...negative.without]).toEqual(['backrest']);
    expect([...negative.avoidColours]).toEqual(['red']);
    expect([...negative.avoidMaterials]).toEqual(['metal']);
  });

  it('gives every category names, an example its own parser understands, and no name shared by two categories', () => {
    expect(GENERATOR_DEFINITIONS.length).toBeGreaterThanOrEqual(40);
    const owners = new Map<string, string>();
    for (const definition of GENERATOR_DEFINITIONS) {
      expect(read(definition.example).definition.category, definition.example).toBe(definition.category);
      for (const name of definition.names) {
        const phrase = promptWords(typeof name === 'string' ? name : name[0]).map(singular).join(' ');
        expect(owners.get(phrase) ?? definition.category, `"${phrase}" names two categories`).toBe(definition.category);
        owners.set(phrase, definition.category);
      }
    }
  });
});
