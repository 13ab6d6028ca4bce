import { describe, expect, it } from 'vitest';
import { MeshoptSimplifier } from 'meshoptimizer';
import { denseGridDocument, hierarchyDocument, skinnedAnimatedDocument } from '../../test/fixtures/build-fixtures.ts';
import { validateGlb } from '../../test/fixtures/validate-glb.ts';
import { collectWorldTriangles } from './collect-world-triangles.ts';
import { modelStats } from './model-stats.ts';
import { quadrangulate } from './quadrangulate.ts';
import { keepPositiveHalf, mirrorPositiveHalf } from './symmetrize-mesh.ts';
import { writeGlb } from '../formats/glb/write-glb.ts';
import type { Document } from '@gltf-transform/core';

/** Every world vertex (x, y, z) has a partner at (2c − x, y, z), c the bounding box's x centre. */
function expectSymmetric(document: Document, centerX: number): void {
  const keys = new Set<string>();
  const points: number[][] = [];
  const key = (x: number, y: number, z: number) => `${x.toFixed(4)},${y.toFixed(4)},${z.toFixed(4)}`;
  for (const { positions } of collectWorldTriangles(document)) {
    for (let offset = 0; offset < positions.length; offset += 3) {
      keys.add(key(positions[offset], positions[offset + 1], positions[offset + 2]));
      points.push([positions[offset], positions[offset + 1], positions[offset + 2]]);
    }
  }
  for (const [x, y, z] of points)
    expect(keys.has(key(2 * centerX - x + 0, y, z)) || keys.has(key(2 * centerX - x + 1e-9, y, z))).toBe(true);
}

describe('force_symmetry: keepPositiveHalf + mirrorPositiveHalf', () => {
  it('makes a lopsided grid mirror-symmetric about its x centre, keeping the bounds and welding the seam', async () => {
    const document = denseGridDocument(800); // y = 0.05 sin(8πx): antisymmetric about x = 0.5
    const before = modelStats(document).boundingBox;
    const plane = keepPositiveHalf(document);
    expect(plane.centerX).toBeCloseTo(0.5, 9);
    const half = collectWorldTriangles(document)[0];
    expect(Math.min(...half.positions.filter((_, index) => index % 3 === 0))).toBeCloseTo(0.5, 6);
    const halfFaces = quadrangulate(document);
    const halfCount = [...halfFaces.values()][0].length;
    const vertexCount = half.positions.length / 3;
    const faces = mirrorPositiveHalf(document, plane, halfFaces)!;
    expect([...faces.values()][0]).toHaveLength(halfCount * 2);
    const after = modelStats(document).boundingBox;
    expect(after.min[0]).toBeCloseTo(before.min[0], 6);
    expect(after.max[0]).toBeCloseTo(before.max[0], 6);
    expectSymmetric(document, 0.5);
    // Welded: the seam's vertices are shared, so fewer than twice the half's vertices.
    const [whole] = collectWorldTriangles(document);
    expect(whole.positions.length / 3).toBeLessThan(vertexCount * 2);
    const seam = Array.from({ length: whole.positions.length / 3 }, (_, vertex) => vertex).filter(
      (vertex) => Math.abs(whole.positions[vertex * 3] - 0.5) < 1e-6,
    );
    expect(seam.length).toBeGreaterThan(10);
    for (const vertex of seam) expect(Math.abs(whole.normals![vertex * 3])).toBeLessThan(1e-6);
    // Every mirrored face is a face of the mirror image: a seam-free, consistent mesh that validates.
    expect((await validateGlb(await writeGlb(document))).errors).toEqual([]);
  });

  it('cuts triangles that cross the plane and works through rotated, mirrored and instanced nodes', async () => {
    const document = hierarchyDocument(); // world x from -5.5 to 11: the plane at x = 2.75 cuts nothing, so move one cube
    const plane = keepPositiveHalf(document);
    mirrorPositiveHalf(document, plane);
    expectSymmetric(document, plane.centerX);
    const { min, max } = modelStats(document).boundingBox;
    expect((min[0] + max[0]) / 2).toBeCloseTo(plane.centerX, 5);
    expect((await validateGlb(await writeGlb(document))).errors).toEqual([]);
  });

  it('with the decimation in between, the result stays symmetric and within budget', async () => {
    await MeshoptSimplifier.ready;
    const { simplifyToFaceLimit } = await import('./simplify-to-face-limit.ts');
    const document = denseGridDocument(20_000);
    const plane = keepPositiveHalf(document);
    simplifyToFaceLimit(document, { faceLimit: 500, simplifier: MeshoptSimplifier });
    const faces = mirrorPositiveHalf(document, plane, quadrangulate(document))!;
    expect([...faces.values()][0].length).toBeLessThanOrEqual(1_000);
    expectSymmetric(document, 0.5);
  });

  it('refuses rigged models', () => {
    expect(() => keepPositiveHalf(skinnedAnimatedDocument())).toThrow(/force_symmetry cannot mirror a rigged model/);
  });
});
