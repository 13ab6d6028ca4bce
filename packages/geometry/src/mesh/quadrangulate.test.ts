import { Document } from '@gltf-transform/core';
import { expect, it } from 'vitest';
import { boxGeometry } from '../../test/fixtures/build-fixtures.ts';
import { pairTriangles, quadrangulate } from './quadrangulate.ts';

const square = new Float64Array([0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 1]);

it('pairs two right triangles of a square into one counter-clockwise quad', () => {
  // 0→1→2 and 0→2→3 share the diagonal 0–2.
  const [quad, ...rest] = pairTriangles([0, 2, 1, 0, 3, 2], square, Math.cos((40 * Math.PI) / 180));
  expect(rest).toEqual([]);
  expect(quad).toHaveLength(4);
  // Same cyclic order as the triangles' winding: 0, 3, 2, 1 up to rotation.
  const start = quad.indexOf(0);
  expect([...quad.slice(start), ...quad.slice(0, start)]).toEqual([0, 3, 2, 1]);
});

it('refuses a fold steeper than the limit, and non-convex pairs', () => {
  const folded = new Float64Array([0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 1, 1]); // vertex 3 lifted 45°
  expect(pairTriangles([0, 2, 1, 0, 3, 2], folded, Math.cos((40 * Math.PI) / 180))).toHaveLength(2);
  const dart = new Float64Array([0, 0, 0, 1, 0, 0, 0.2, 0, 0.2, 0, 0, 1]); // vertex 2 pulled inside: reflex corner
  expect(pairTriangles([0, 2, 1, 0, 3, 2], dart, Math.cos((40 * Math.PI) / 180))).toHaveLength(2);
});

it('restores the six quads of a box whose faces are split UV islands (no pairing across seams)', () => {
  const document = new Document();
  const box = boxGeometry();
  const buffer = document.createBuffer();
  const primitive = document
    .createPrimitive()
    .setAttribute('POSITION', document.createAccessor().setType('VEC3').setArray(box.positions).setBuffer(buffer))
    .setIndices(document.createAccessor().setType('SCALAR').setArray(box.indices).setBuffer(buffer));
  document.createMesh().addPrimitive(primitive);
  const faces = quadrangulate(document).get(primitive)!;
  expect(faces).toHaveLength(6);
  expect(faces.every((face) => face.length === 4)).toBe(true);
  expect(new Set(faces.flat()).size).toBe(24);
});
