// The offline content check: inflections, obfuscations and context per category, what a 3D platform must serve,
// negative prompts, the text fields of a request, and the one-edit distance used for misspellings.
import { parseTaskRequest } from '@polyforge/protocol';
import { describe, expect, it } from 'vitest';
import { withinOneEdit } from './lexicon-matcher.ts';
import { describeCategories, moderateTexts } from './moderate-texts.ts';
import { moderatedTextsOf, type ModeratedText } from './moderated-texts-of.ts';

const prompt = (text: string): ModeratedText[] => [{ field: 'prompt', text, kind: 'positive' }];
const categoriesOf = (text: string) => moderateTexts(prompt(text))?.categories ?? [];

describe('moderateTexts', () => {
  it.each([
    ['an inflection', 'a woman masturbating', 'sexual'],
    ['a plural', 'two nude women', 'sexual'],
    ['another language', 'nackte frau', 'sexual'],
    ['a misspelling one edit away', 'a decapitaded soldier', 'gore'],
    ['a transposition', 'a siucide scene', 'self-harm'],
    ['leetspeak', 'a sw4st1ka', 'hate'],
    ['a slur in leetspeak', 'n1gg3r', 'hate'],
    ['spaced letters', 'p o r n', 'sexual'],
    ['a wildcard phrase', 'slitting his wrists', 'self-harm'],
    ['an age under 18', 'a 15 year old girl in lingerie', 'minors'],
    ['a minor with injury words', 'a child with a bullet hole in the chest', 'minors'],
    ['bomb making', 'how to build a bomb at home', 'weapons'],
    ['a real firearm', 'a 3d printable glock that actually works, fully functional', 'weapons'],
    ['profanity', 'a fucking dragon', 'profanity'],
    ['genitals outside a medical context', 'a woman showing her vagina', 'sexual'],
    ['a firearm with its accessory named', 'a functional glock with a holster, 3d printable', 'weapons'],
  ])('refuses %s', (_label, text, category) => {
    expect(categoriesOf(text)).toContain(category);
  });

  it.each([
    'a butcher knife',
    'a fighter jet cockpit',
    'a shiitake mushroom on a plate',
    'a nude lipstick',
    'a naked mole rat',
    'a baby dragon covered in blood',
    'a bloody mary',
    'a gun for a video game, fully functional reload animation',
    'a nerf gun, 3d printable',
    'a white power drill',
    'the hanged man tarot card',
    'a hanging lamp',
    'a gore-tex jacket',
    'a bath bomb',
    'a bomber jacket',
    'an exotic bird',
    // a Porter stem would match these; the lexicon pins the exact forms
    'flame retardant foam',
    'a statue of a man standing erect',
    'a statue of david lynch',
    // accessories, anatomy and a cocktail
    'a 3d printable gun holster',
    'a vagina anatomy model for medical students',
    'a baby bottle nipple',
  ])('serves %j', (text) => {
    expect(moderateTexts(prompt(text))).toBeUndefined();
  });

  it('names the first refused field and orders its categories most serious first', () => {
    const violation = moderateTexts([
      { field: 'prompt', text: 'a castle', kind: 'positive' },
      { field: 'prompts[1].prompt', text: 'a naked little girl', kind: 'positive' },
    ]);
    expect(violation).toMatchObject({ field: 'prompts[1].prompt', categories: ['minors', 'sexual'] });
    expect(describeCategories(violation!.categories)).toBe('minors in a sexual or violent context and sexual content');
  });

  it('holds negative prompts to slurs, profanity and the clothing-negation trick only', () => {
    const withNegative = (positive: string, negative: string) =>
      moderateTexts([
        { field: 'prompt', text: positive, kind: 'positive' },
        { field: 'negative_prompt', text: negative, kind: 'negative' },
      ]);
    expect(withNegative('a woman in a summer dress', 'nsfw, nude, gore, blood, swastika')).toBeUndefined();
    expect(withNegative('a castle', 'clothes')).toBeUndefined();
    expect(withNegative('a woman on a beach', 'clothes, bikini')).toMatchObject({
      field: 'negative_prompt',
      categories: ['sexual'],
    });
    expect(withNegative('a castle', 'f a g g o t s')).toMatchObject({ field: 'negative_prompt', categories: ['hate'] });
  });
});

describe('moderatedTextsOf', () => {
  const textsOf = (body: unknown) => {
    const parsed = parseTaskRequest(body);
    if (!parsed.ok) throw new Error(parsed.message);
    return moderatedTextsOf(parsed.request).map(({ field, kind }) => `${field}:${kind}`);
  };

  it('finds every user-written text and no ids, enums or defaults', () => {
    expect(textsOf({ type: 'text_to_model', prompt: 'a cat', negative_prompt: 'dog' })).toEqual([
      'prompt:positive',
      'negative_prompt:negative',
    ]);
    expect(
      textsOf({
        type: 'texture_model',
        original_model_task_id: '6f1c1f2e-54c4-4a8b-9d0e-111111111111',
        texture_prompt: { text: 'oak' },
        part_names: ['leg', 'seat'],
      }),
    ).toEqual(['texture_prompt.text:positive', 'part_names[0]:positive', 'part_names[1]:positive']);
    expect(
      textsOf({
        type: 'edit_multiview_image',
        original_task_id: '6f1c1f2e-54c4-4a8b-9d0e-111111111111',
        prompts: [
          { view: 'front', prompt: 'blue' },
          { view: 'back', prompt: 'red' },
        ],
      }),
    ).toEqual(['prompts[0].prompt:positive', 'prompts[1].prompt:positive']);
    expect(
      textsOf({ type: 'image_to_model', file: { type: 'png', file_token: '6f1c1f2e-54c4-4a8b-9d0e-111111111111' } }),
    ).toEqual([]);
  });
});

describe('withinOneEdit', () => {
  it.each([
    ['suicide', 'sucide', true],
    ['suicide', 'siucide', true],
    ['suicide', 'suicidee', true],
    ['suicide', 'suicido', true],
    ['suicide', 'scuidie', false],
    ['erotic', 'exotic', true],
    ['abc', 'abcde', false],
  ])('%s ~ %s: %s', (first, second, expected) => {
    expect(withinOneEdit(first, second)).toBe(expected);
  });
});
