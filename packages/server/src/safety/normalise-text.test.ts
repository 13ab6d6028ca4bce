// The moderation normaliser: character folding, the two readings of a text, leetspeak and squeezed spellings.
import { describe, expect, it } from 'vitest';
import { foldCharacters, textViews } from './normalise-text.ts';

describe('foldCharacters', () => {
  it.each([
    ['Cyrillic look-alikes', 'nаkеd рorn', 'naked porn'],
    ['Greek look-alikes', 'ΝΑΚΕD', 'naked'],
    ['full-width letters', 'ＮＡＫＥＤ', 'naked'],
    ['mathematical bold letters', '𝐧𝐚𝐤𝐞𝐝', 'naked'],
    ['zero-width characters and the soft hyphen', 'na\u200bk\u200ce\u200dd\u00ad \ufeffgirl', 'naked girl'],
    ['diacritics', 'désnúdá ñ', 'desnuda n'],
    ['sharp s', 'STRAẞE straße', 'strasse strasse'],
  ])('%s', (_label, text, folded) => {
    expect(foldCharacters(text)).toBe(folded);
  });
});

describe('textViews', () => {
  const plain = (forms: readonly (readonly string[])[]) => forms.map((word) => word[0]);

  it('splits words at punctuation in one view and joins across it in the other', () => {
    const views = textViews('a self-harm scene, n.u.d.e!');
    expect(plain(views.split)).toEqual(['a', 'self', 'harm', 'scene', 'n', 'u', 'd', 'e']);
    expect(plain(views.joined)).toEqual(['a', 'selfharm', 'scene', 'nude']);
  });

  it('joins spaced-out letters and lets the caller cut the run into words', () => {
    expect(plain(textViews('a n a k e d   w o m a n').joined)).toEqual(['anakedwoman']);
    expect(
      plain(textViews('a n a k e d w o m a n', (run) => (run === 'anakedwoman' ? ['naked', 'woman'] : [run])).joined),
    ).toEqual(['naked', 'woman']);
    // one or two single letters stay what they are
    expect(plain(textViews('a t shirt').joined)).toEqual(['a', 't', 'shirt']);
  });

  it('adds leetspeak readings only to words that also have letters', () => {
    const [word, number, mixed] = textViews('n4k3d 1488 k1ll').split;
    expect(word).toEqual(['n4k3d', 'naked']);
    expect(number).toEqual(['1488']);
    expect(mixed).toEqual(expect.arrayContaining(['k1ll', 'kill', 'klll']));
    expect(textViews('sw@st1ka').split[0]).toContain('swastika');
  });

  it('adds squeezed spellings of stretched letters, keeping doubles as a second reading', () => {
    expect(textViews('naaaaked').split[0]).toEqual(['naaaaked', 'naked', 'naaked']);
    expect(textViews('noooose').split[0]).toEqual(['noooose', 'nose', 'noose']);
    expect(textViews('noose').split[0]).toEqual(['noose']);
  });
});
