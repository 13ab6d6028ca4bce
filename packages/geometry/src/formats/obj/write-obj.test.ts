import { Document } from '@gltf-transform/core';
import { describe, expect, it } from 'vitest';
import { writeObj } from './write-obj.ts';

/** The OBJ number format, spelled out with strings: round to six decimals, drop trailing zeros and a bare dot. */
function expectedDecimal(value: number): string {
  const scaled = Math.round(Math.abs(value) * 1e6);
  const digits = String(scaled).padStart(7, '0');
  const whole = digits.slice(0, -6);
  const fraction = digits.slice(-6).replace(/0+$/, '');
  const sign = value < 0 && scaled !== 0 ? '-' : '';
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

function pointsDocument(values: number[]): Document {
  const document = new Document();
  const buffer = document.createBuffer();
  const positions = document.createAccessor().setType('VEC3').setArray(new Float32Array(values)).setBuffer(buffer);
  const vertexCount = values.length / 3;
  const indices = document
    .createAccessor()
    .setType('SCALAR')
    .setArray(new Uint32Array(Array.from({ length: vertexCount }, (_, index) => index)))
    .setBuffer(buffer);
  const primitive = document.createPrimitive().setAttribute('POSITION', positions).setIndices(indices);
  const mesh = document.createMesh('points').addPrimitive(primitive);
  document.createScene().addChild(document.createNode('points').setMesh(mesh));
  return document;
}

describe('writeObj number formatting', () => {
  it('writes every coordinate rounded to six decimals, on the fast path and off it', () => {
    const edgeCases = [
      0, -0, 1, -1, 0.5, -0.0000004, 0.0000006, 1e-6, 9.999999, 10, 1999.99, -1999.99, 2000, -2000, 2500.125, -123456.5,
      1e7,
    ];
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    const randomValues = Array.from({ length: 3000 }, (_, index) => random() * [1, 10, 300, 5000][index % 4]);
    const values = [...edgeCases, ...randomValues];
    while (values.length % 9 !== 0) values.push(0.25);

    const float32 = Array.from(new Float32Array(values));
    const written = writeObj(pointsDocument(values))
      .objText.split('\n')
      .filter((line) => line.startsWith('v '))
      .flatMap((line) => line.slice(2).split(' '));

    expect(written).toEqual(float32.map(expectedDecimal));
    expect(written.slice(0, 4)).toEqual(['0', '0', '1', '-1']);
  });
});
