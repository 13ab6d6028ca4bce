import { describe, expect, it } from 'vitest';
import { ModelInputError } from './model-input-error.ts';
import { parseObj, type ObjContent } from './parse-obj.ts';

const parse = (text: string, maxTriangleCount = 1000): ObjContent =>
  parseObj(new TextEncoder().encode(text), { maxTriangleCount });

/** Each triangle's corners as `v/vt/vn` with 1-based indices ('' for an absent vt / vn), per object and group. */
function faces(content: ObjContent): Record<string, string[][]> {
  const result: Record<string, string[][]> = {};
  for (const object of content.objects) {
    for (const group of object.groups) {
      const triangles: string[][] = [];
      for (let corner = 0; corner < group.cornerCount; corner += 3) {
        triangles.push(
          [0, 1, 2].map((offset) =>
            [0, 1, 2]
              .map((part) => group.corners[(corner + offset) * 3 + part])
              .map((index) => (index < 0 ? '' : String(index + 1)))
              .join('/'),
          ),
        );
      }
      result[`${object.name}:${group.materialName}`] = triangles;
    }
  }
  return result;
}

const SQUARE = 'v 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nvt 0 0\nvt 1 0\nvt 1 1\nvn 0 0 1\n';

describe('parseObj', () => {
  it('keeps the file indices and resolves negative ones against what is defined so far', () => {
    const content = parse(`${SQUARE}f 1/1/1 2/2/1 3/3/1\nf -4/-3/-1 -2/-1/-1 -1/-1/-1\n`);
    expect(faces(content)).toEqual({
      ':': [
        ['1/1/1', '2/2/1', '3/3/1'],
        ['1/1/1', '3/3/1', '4/3/1'],
      ],
    });
    expect(content.positions.length).toBe(12);
    expect(content.triangleCount).toBe(2);
  });

  it('fan-triangulates quads and n-gons', () => {
    const content = parse('v 0 0 0\nv 1 0 0\nv 2 1 0\nv 1 2 0\nv 0 1 0\nf 1 2 3 4 5\nf 1 2 3 4\n');
    expect(faces(content)[':']).toEqual([
      ['1//', '2//', '3//'],
      ['1//', '3//', '4//'],
      ['1//', '4//', '5//'],
      ['1//', '2//', '3//'],
      ['1//', '3//', '4//'],
    ]);
    expect(content.triangleCount).toBe(5);
  });

  it('leaves out fan triangles that name one vertex twice (no area), and still counts them', () => {
    const content = parse('v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3 1 2 3 1\nf 1 1 2\n');
    expect(faces(content)[':']).toEqual([
      ['1//', '2//', '3//'],
      ['1//', '2//', '3//'],
    ]);
    expect(content.triangleCount).toBe(6);
  });

  it('reads corners without vt, without vn, or with neither', () => {
    const content = parse(`${SQUARE}f 1//1 2//1 3//1\nf 1/1 3/3 4/2\nf 1 2 4\n`);
    expect(faces(content)[':']).toEqual([
      ['1//1', '2//1', '3//1'],
      ['1/1/', '3/3/', '4/2/'],
      ['1//', '2//', '4//'],
    ]);
  });

  it('reads a vt or vn index that does not exist as absent', () => {
    expect(faces(parse(`${SQUARE}f 1/9/7 2/2/1 3/-9/1\n`))[':']).toEqual([['1//', '2/2/1', '3//1']]);
  });

  it('groups faces by object and material: one group per material, the material carried into the next object', () => {
    const content = parse(
      `${SQUARE}f 1 2 3\no first\nusemtl red\nf 1 2 4\nusemtl blue\nf 2 3 4\nusemtl red\nf 1 3 4\ng second\nf 4 3 2\n` +
        'usemtl\nf 1 2 3\no empty\n',
    );
    expect(faces(content)).toEqual({
      // Faces before the first `o` belong to the object it names (as three's OBJLoader has it).
      'first:': [['1//', '2//', '3//']],
      'first:red': [
        ['1//', '2//', '4//'],
        ['1//', '3//', '4//'],
      ],
      'first:blue': [['2//', '3//', '4//']],
      'second:red': [['4//', '3//', '2//']],
      'second:': [['1//', '2//', '3//']],
    });
    expect(content.objects.map((object) => object.name)).toEqual(['first', 'second']);
  });

  it('reads numbers exactly as parseFloat does, then as float32', () => {
    const values = [
      '0.1',
      '-0.000123456',
      '1e-3',
      '-2.5E+2',
      '123456.789012',
      '0.12345678901234567890',
      '3.',
      '.5',
      '-0',
      '+7',
      '99999999999999999999',
      '0.0000000000000000000000001',
    ];
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let index = 0; index < 3000; index++) {
      const digits = Math.floor(random() * 18);
      values.push(`${random() < 0.5 ? '-' : ''}${(random() * 10 ** Math.floor(random() * 7)).toFixed(digits)}`);
    }
    const text = values.map((value) => `v ${value} ${value} ${value}`).join('\n');
    const { positions } = parse(text);
    values.forEach((value, index) => {
      expect(Object.is(positions[index * 3], Math.fround(Number.parseFloat(value)))).toBe(true);
    });
  });

  it('reads vertex colours (sRGB, as OBJLoader) and marks vertices without one', () => {
    const { colours } = parse('v 0 0 0\nv 1 0 0 1 0.5 0\nv 0 1 0\n');
    expect(colours![0]).toBe(-1);
    expect([colours![3], colours![4], colours![5]].map((value) => value.toFixed(4))).toEqual([
      '1.0000',
      '0.2140',
      '0.0000',
    ]);
    expect(colours![6]).toBe(-1);
  });

  it('takes CRLF line ends, tabs, comments, blank lines and line continuations', () => {
    const content = parse(
      '# a comment\r\n\r\nv\t0 0 0\r\nv 1 0 0 # trailing\r\nv 0 1 0\r\n  f 1 2 \\\r\n 3\r\ng \r\nf 3 2 1',
    );
    // The unnamed `g` names the object its faces are already in.
    expect(faces(content)).toEqual({
      ':': [
        ['1//', '2//', '3//'],
        ['3//', '2//', '1//'],
      ],
    });
    expect(Array.from(content.positions)).toEqual([0, 0, 0, 1, 0, 0, 0, 1, 0]);
  });

  it('skips statements it does not use (mtllib, s, l, p, curves)', () => {
    const content = parse(`mtllib a.mtl\n${SQUARE}s 1\nl 1 2\np 3\ncurv 0 1 1 2\nvp 0.5\nf 1 2 3\n`);
    expect(content.triangleCount).toBe(1);
  });

  it('counts every triangle past the budget but keeps none of them', () => {
    const content = parse(`${SQUARE}f 1 2 3 4\nf 1 2 3 4\nf 1 2 3\n`, 3);
    expect(content.triangleCount).toBe(5);
    expect(content.objects.flatMap((object) => object.groups).reduce((sum, group) => sum + group.cornerCount, 0)).toBe(
      6,
    );
  });

  it.each([
    ['a face corner that is not an index', `${SQUARE}f 1 2 x\n`, /line 9 has the face corner "x"/],
    ['a face corner with junk after it', `${SQUARE}f 1 2 3/1/1a\n`, /face corner "3\/1\/1a"/],
    ['a vertex index 0', `${SQUARE}f 0 1 2\n`, /face corner "0"/],
    [
      'a vertex defined after the face',
      'v 0 0 0\nv 1 0 0\nf 1 2 3\nv 0 1 0\n',
      /vertex 3 on line 3, where 2 vertices are defined/,
    ],
    ['a negative index past the first vertex', `${SQUARE}f -5 1 2\n`, /does not exist: vertex -5/],
  ])('refuses %s with a ModelInputError', (_name, text, message) => {
    let caught: unknown;
    try {
      parse(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ModelInputError);
    expect((caught as Error).message).toMatch(message);
  });
});
