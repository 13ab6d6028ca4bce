import { describe, expect, it } from 'vitest';
import { editImageColours } from './edit-image-colours.ts';
import { parseEditPrompt } from './parse-edit-prompt.ts';

describe('parseEditPrompt', () => {
  it('finds colours, lightness, saturation, contrast and material words in prompt order', () => {
    expect(parseEditPrompt('make it red').map((edit) => edit.kind)).toEqual(['recolour']);
    expect(parseEditPrompt('Make it NAVY and a bit brighter').map((edit) => [edit.kind, edit.word])).toEqual([
      ['recolour', 'navy'],
      ['lightness', 'brighter'],
    ]);
    expect(parseEditPrompt('black and white please')).toEqual([
      { kind: 'saturation', word: 'black and white', factor: 0 },
    ]);
    expect(parseEditPrompt('turn it to grayscale').map((edit) => edit.kind)).toEqual(['saturation']);
    expect(parseEditPrompt('golden statue')[0]).toMatchObject({ kind: 'recolour', word: 'golden', contrast: 1.25 });
    expect(parseEditPrompt('more contrast').map((edit) => edit.kind)).toEqual(['contrast']);
  });

  it('finds nothing in a prompt outside the vocabulary', () => {
    expect(parseEditPrompt('add a hat and wings')).toEqual([]);
    expect(parseEditPrompt('reddish undertones')).toEqual([]);
  });
});

describe('editImageColours', () => {
  const image = { width: 2, height: 1, data: Uint8Array.from([40, 200, 40, 255, 90, 90, 90, 255]) };
  it('recolours only object pixels and keeps the background', () => {
    const edited = editImageColours(image, Uint8Array.from([255, 0]), parseEditPrompt('red'));
    const [r, g, b] = edited.data;
    expect(r).toBeGreaterThan(g + 60);
    expect(r).toBeGreaterThan(b + 60);
    expect([...edited.data.subarray(4)]).toEqual([90, 90, 90, 255]);
  });

  it('desaturates and brightens', () => {
    const grey = editImageColours(image, Uint8Array.from([255, 255]), parseEditPrompt('desaturate'));
    expect(grey.data[0]).toBe(grey.data[1]);
    expect(grey.data[1]).toBe(grey.data[2]);
    const brighter = editImageColours(image, Uint8Array.from([255, 255]), parseEditPrompt('brighter'));
    expect(brighter.data[4]).toBeGreaterThan(90);
  });
});
