import { Document } from '@gltf-transform/core';
import { MeshoptSimplifier } from 'meshoptimizer';
import { beforeAll, expect, it } from 'vitest';
import { denseGridDocument } from '../../test/fixtures/build-fixtures.ts';
import { sceneTriangleCount } from './list-primitive-uses.ts';
import { quadrangulate } from './quadrangulate.ts';
import { simplifyToError, simplifyToFaceLimit } from './simplify-to-face-limit.ts';

beforeAll(() => MeshoptSimplifier.ready);

/** `count` disjoint triangles: every edge a border, so LockBorder alone cannot remove anything. */
function triangleSoup(count: number): Document {
  const document = new Document();
  const positions = new Float32Array(count * 9);
  for (let triangle = 0; triangle < count; triangle++) {
    const x = (triangle % 100) * 0.01,
      z = Math.floor(triangle / 100) * 0.01;
    positions.set([x, 0, z, x + 0.008, 0, z, x, 0, z + 0.008], triangle * 9);
  }
  const primitive = document
    .createPrimitive()
    .setAttribute(
      'POSITION',
      document.createAccessor().setType('VEC3').setArray(positions).setBuffer(document.createBuffer()),
    );
  document
    .getRoot()
    .setDefaultScene(
      document.createScene().addChild(document.createNode().setMesh(document.createMesh().addPrimitive(primitive))),
    );
  return document;
}

it('respects the limit even where topology blocks the edge-collapse simplifier (falls back to sloppy)', () => {
  const document = triangleSoup(3_000);
  const report = simplifyToFaceLimit(document, { faceLimit: 500, simplifier: MeshoptSimplifier });
  expect(report.triangleCountBefore).toBe(3_000);
  expect(report.triangleCountAfter).toBeLessThanOrEqual(500);
  expect(sceneTriangleCount(document)).toBe(report.triangleCountAfter);
});

it('removes a mesh whose share of the budget is zero instead of leaving an empty primitive', () => {
  const document = triangleSoup(10);
  simplifyToFaceLimit(document, { faceLimit: 0, simplifier: MeshoptSimplifier });
  expect(document.getRoot().listMeshes()).toEqual([]);
});

it('times a 1M-triangle grid decimated to 10k faces (and quad pairing of the result)', () => {
  const document = denseGridDocument(1_000_000);
  const started = performance.now();
  const report = simplifyToFaceLimit(document, { faceLimit: 10_000, simplifier: MeshoptSimplifier });
  const simplifySeconds = (performance.now() - started) / 1000;
  const quadStarted = performance.now();
  const faces = [...quadrangulate(document).values()].flat();
  const quadSeconds = (performance.now() - quadStarted) / 1000;
  console.log(
    `simplify ${report.triangleCountBefore} → ${report.triangleCountAfter} triangles: ${simplifySeconds.toFixed(2)} s; ` +
      `quad pairing: ${faces.length} faces (${faces.filter((face) => face.length === 4).length} quads) in ${quadSeconds.toFixed(3)} s`,
  );
  expect(report.triangleCountAfter).toBeLessThanOrEqual(10_000);
  expect(report.triangleCountAfter).toBeGreaterThan(9_500);
  expect(simplifySeconds).toBeLessThan(30); // a sanity bound on a loaded 2-core machine, not a benchmark
}, 60_000);

it('simplifyToError goes as far as the error bound allows: further for a looser bound, never forced to a count', () => {
  // The grid's waves are 0.1 high on a unit square: 0.0001 keeps most, 0.001 almost none but the locked border.
  const counts = [0.00001, 0.0001, 0.001].map((targetError) => {
    const document = denseGridDocument(20_000);
    const report = simplifyToError(document, { targetError, simplifier: MeshoptSimplifier });
    expect(sceneTriangleCount(document)).toBe(report.triangleCountAfter);
    return [report.triangleCountBefore, report.triangleCountAfter];
  });
  const before = counts[0][0];
  expect(counts[0][1]).toBeGreaterThan(counts[1][1]);
  expect(counts[1][1]).toBeGreaterThan(counts[2][1]);
  expect(counts[2][1]).toBeGreaterThan(0);
  expect(counts[0][1]).toBeLessThan(before);
  // Disjoint triangles: every edge a locked border, so within the bound nothing goes (face-limit mode would force it).
  const soup = triangleSoup(300);
  expect(simplifyToError(soup, { targetError: 0.05, simplifier: MeshoptSimplifier }).triangleCountAfter).toBe(300);
});
