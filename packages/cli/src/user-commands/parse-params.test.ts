import { describe, expect, it } from 'vitest';
import { CliUsageError } from '../cli-usage-error.ts';
import { collectRepeated, parseParamAssignments, parseParamValue } from './parse-params.ts';

describe('parseParamValue', () => {
  it.each([
    ['7', 7],
    ['0.5', 0.5],
    ['-3', -3],
    ['true', true],
    ['false', false],
    ['null', null],
    ['[1,2]', [1, 2]],
    ['{"a":1}', { a: 1 }],
    ['"quoted"', 'quoted'],
    ['red', 'red'],
    ['a small cat', 'a small cat'],
    ['007', '007'],
    ['v2.5-20250123', 'v2.5-20250123'],
    ['', ''],
    ['{broken', '{broken'],
  ])('%j → %j', (text, expected) => {
    expect(parseParamValue(text)).toEqual(expected);
  });
});

describe('parseParamAssignments', () => {
  it('builds a body with JSON values, strings otherwise, and nested dotted keys', () => {
    expect(
      parseParamAssignments([
        'prompt=a small cat',
        'texture=true',
        'face_limit=5000',
        'texture_prompt.text=red',
        'texture_prompt.style.strength=0.5',
        'part_names=["head","tail"]',
        'url=https://h/x?a=b=c',
      ]),
    ).toEqual({
      prompt: 'a small cat',
      texture: true,
      face_limit: 5000,
      texture_prompt: { text: 'red', style: { strength: 0.5 } },
      part_names: ['head', 'tail'],
      url: 'https://h/x?a=b=c',
    });
  });

  it('lets a later assignment win and merges dotted keys into a JSON object given earlier', () => {
    expect(parseParamAssignments(['a=1', 'a=2', 'b={"x":1}', 'b.y=2'])).toEqual({ a: 2, b: { x: 1, y: 2 } });
  });

  it.each([['noequals'], ['=value'], ['a..b=1'], ['.a=1'], ['__proto__.polluted=1'], ['a.constructor=1']])(
    'refuses %s',
    (assignment) => {
      expect(() => parseParamAssignments([assignment])).toThrow(CliUsageError);
    },
  );

  it('refuses to nest under a value that is not an object', () => {
    expect(() => parseParamAssignments(['a=1', 'a.b=2'])).toThrow(/not an object/);
  });

  it('does not pollute Object.prototype', () => {
    try {
      parseParamAssignments(['__proto__.polluted=1']);
    } catch {
      // expected
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('collectRepeated', () => {
  it('keeps every occurrence in order', () => {
    expect(collectRepeated('b', collectRepeated('a', undefined))).toEqual(['a', 'b']);
  });
});
