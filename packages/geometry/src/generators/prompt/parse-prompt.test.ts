// The prompt grammar: subjects (synonyms, plurals, phrases, other languages), head nouns and compounds, refusals
// of what cannot be made for certain, composition, counts, bound and free colours and materials, sizes and
// proportions, styles, negations and negative_prompt, and the words reported as ignored.
import { describe, expect, it } from 'vitest';
import { GENERATOR_DEFINITIONS, PROMPT_PARSER } from '../generator-catalog.ts';
import { promptWords, singular } from './word-forms.ts';

function understand(prompt: string, negativePrompt?: string) {
  const parsed = PROMPT_PARSER.parse(prompt, negativePrompt);
  if (!parsed.ok) throw new Error(`"${prompt}" was not understood: ${parsed.reason}`);
  return parsed.understanding;
}

function read(prompt: string, negativePrompt?: string) {
  return understand(prompt, negativePrompt).components[0].reading;
}

function components(prompt: string) {
  return understand(prompt).components.map((component) => [
    component.role,
    component.reading.definition.category,
    component.reading.variant ?? null,
  ]);
}

function refusal(prompt: string) {
  const parsed = PROMPT_PARSER.parse(prompt);
  if (parsed.ok)
    throw new Error(
      `"${prompt}" was read as ${parsed.understanding.components.map((component) => component.reading.definition.category).join(' + ')}`,
    );
  return parsed;
}

describe('prompt words', () => {
  it('folds accents, joins low-poly and reduces plurals to singulars', () => {
    expect(promptWords('Une Étagère LOW-POLY, très jolie!')).toEqual(['une', 'etagere', 'lowpoly', 'tres', 'jolie']);
    expect(
      ['shelves', 'benches', 'horses', 'boxes', 'cacti', 'people', 'buses', 'glasses', 'ponies', 'cactus', 'bus'].map(
        singular,
      ),
    ).toEqual(['shelf', 'bench', 'horse', 'box', 'cactus', 'person', 'bus', 'glass', 'pony', 'cactus', 'bus']);
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
    ['a teddy bear', 'teddy bear', undefined],
    ['an astronaut helmet', 'helmet', 'space'],
    ['a wizard hat', 'hat', 'wizard'],
    ['a chess knight piece', 'chess piece', 'knight'],
    ['a mushroom house', 'mushroom house', undefined],
    ['a hot dog', 'hot dog', undefined],
    ['a fire truck', 'truck', 'fire'],
    ['a dragonfly', 'dragonfly', undefined],
    ['a t-rex dinosaur', 'dinosaur', 'trex'],
    ['a slice of pizza', 'pizza', 'slice'],
    ['a chiar', 'chair', undefined],
    ['a bannana', 'banana', undefined],
    ["a witch's cauldron", 'cauldron', undefined],
    ['a ham and cheese sandwich', 'sandwich', undefined],
    ['create a 3d model of a wooden chair', 'chair', undefined],
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
    for (const prompt of ['a flibbertigibbet', 'something nice', 'red and shiny', 'no chair', 'a forest']) {
      expect(PROMPT_PARSER.parse(prompt).ok).toBe(false);
    }
  });

  it('never answers a qualified object with the unqualified one: compounds it cannot make are refused, naming what it can', () => {
    const trap = refusal('a bear trap');
    expect(trap.reason).toMatch(/"bear trap".*no "trap"/);
    expect(trap.nearest[0]).toBe('bear');
    expect(refusal('a sea lion').reason).toMatch(/sea lion/);
    expect(refusal('a robot fish').reason).toMatch(/not sure what a "robot fish" is/);
    expect(refusal('a hot water bottle').reason).toMatch(/hot water bottle/);
    expect(refusal('a sword hilt').reason).toMatch(/hilt/);
    expect(refusal('a knight riding a horse').reason).toMatch(/riding/);
    expect(refusal('a cat wearing a monocle').reason).toMatch(/monocle/);
  });

  it('keeps the kind under toy, baby, robot and statue, and reports them', () => {
    expect(understand('a robot dog').components[0]).toMatchObject({
      modifiers: { mechanical: true },
      reading: { subject: 'robot dog' },
    });
    expect(understand('a toy car').components[0]).toMatchObject({
      modifiers: { toy: true },
      reading: { subject: 'toy car' },
    });
    expect(understand('a baby dragon').components[0].modifiers).toEqual({ baby: true });
    expect(understand('a statue of a horse').components[0].modifiers).toEqual({ statue: true });
  });

  it('composes worn, held, supporting, loaded and side-by-side objects', () => {
    expect(components('a cat wearing a wizard hat')).toEqual([
      ['main', 'cat', null],
      ['worn', 'hat', 'wizard'],
    ]);
    expect(components('a knight holding a sword')).toEqual([
      ['main', 'person', 'knight'],
      ['held', 'sword', null],
    ]);
    expect(components('a medieval castle on a hill')).toEqual([
      ['main', 'castle', null],
      ['support', 'hill', null],
    ]);
    expect(components('a table with 3 mugs')).toEqual([
      ['main', 'table', null],
      ['load', 'mug', null],
    ]);
    expect(understand('a table with 3 mugs').components[1].copies).toBe(3);
    expect(components('a dog and a cat')).toEqual([
      ['main', 'dog', null],
      ['beside', 'cat', null],
    ]);
    expect(components('a wizard with a staff')).toEqual([
      ['main', 'person', 'wizard'],
      ['held', 'staff', null],
    ]);
    // a part of the object is a detail of it, not another object
    expect(components('a sword with a jeweled hilt')).toEqual([['main', 'sword', null]]);
    expect(components('a cactus in a terracotta pot')).toEqual([['main', 'cactus', null]]);
    expect([...read('a cactus in a terracotta pot').wanted]).toEqual(['pot']);
  });

  it('reports the words it did not use, with a reason', () => {
    expect(understand('a wolf howling at the moon').ignored).toEqual([
      { words: 'howling', reason: 'a pose or action: models are made at rest' },
      { words: 'moon', reason: 'not understood' },
    ]);
    expect(understand('a sword with a jeweled hilt').ignored).toEqual([
      { words: 'jeweled', reason: 'not shown by the built-in generator' },
    ]);
    expect(understand('a chiar').corrections).toEqual([{ from: 'chiar', to: 'chair' }]);
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
    expect(car.colours.map(({ name, slot }) => [name, slot])).toEqual([
      ['red', 'body'],
      ['black', 'tyre'],
    ]);
    const table = read('a round marble table with dark oak legs');
    expect(table.materials.map(({ word, slot }) => [word, slot])).toEqual([
      ['marble', undefined],
      ['oak', 'leg'],
    ]);
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
        const phrase = promptWords(typeof name === 'string' ? name : name[0])
          .map(singular)
          .join(' ');
        expect(owners.get(phrase) ?? definition.category, `"${phrase}" names two categories`).toBe(definition.category);
        owners.set(phrase, definition.category);
      }
    }
  });
});
