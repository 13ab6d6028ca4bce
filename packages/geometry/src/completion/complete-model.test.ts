import type { Document } from '@gltf-transform/core';
import { MeshoptSimplifier } from 'meshoptimizer';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  chairDocument,
  figureMesh,
  punchHoles,
  singleMeshDocument,
  texturedSphereDocument,
  uvSphereMesh,
} from '../../test/fixtures/build-part-fixtures.ts';
import { validateGlb } from '../../test/fixtures/validate-glb.ts';
import { ModelInputError } from '../read/model-input-error.ts';
import { readModel } from '../read/read-model.ts';
import { segmentModel } from '../segmentation/segment-model.ts';
import { weldPositions } from '../segmentation/weld-positions.ts';
import { writeGlb } from '../formats/glb/write-glb.ts';
import { checkAssembledModel } from './assembled-model.ts';
import { checkWatertight } from './check-watertight.ts';
import { completeModel } from './complete-model.ts';

type Vec3 = [number, number, number];
const SPHERE_HOLES: Vec3[] = [
  [0, 0, 1],
  [1, 0, 0],
  [0, 0.8, -0.6],
];

function firstPrimitive(document: Document) {
  return document.getRoot().listMeshes()[0].listPrimitives()[0];
}

function snapshot(document: Document) {
  const primitive = firstPrimitive(document);
  return {
    positions: Float32Array.from(primitive.getAttribute('POSITION')!.getArray()!),
    uvs: Float32Array.from(primitive.getAttribute('TEXCOORD_0')?.getArray() ?? []),
    indices: Uint32Array.from(primitive.getIndices()!.getArray()!),
  };
}

describe('completeModel', () => {
  beforeAll(() => MeshoptSimplifier.ready);

  it('makes a sphere with three holes watertight, fills them close to the sphere, and leaves the rest untouched', async () => {
    const document = texturedSphereDocument(punchHoles(uvSphereMesh(48, 24), SPHERE_HOLES, 0.3));
    const before = snapshot(document);
    const report = await completeModel(document);
    expect(report).toMatchObject({
      holesFilled: 3,
      watertight: true,
      parts: [{ name: 'sphere', holesFilled: 3, watertight: true }],
    });

    const after = snapshot(document);
    // Untouched: every original vertex (position and UV) and every original triangle, in place.
    expect(after.positions.subarray(0, before.positions.length)).toEqual(before.positions);
    expect(after.uvs.subarray(0, before.uvs.length)).toEqual(before.uvs);
    expect(after.indices.subarray(0, before.indices.length)).toEqual(before.indices);
    expect(after.indices.length).toBeGreaterThan(before.indices.length);

    // Fair: new vertices lie near the unit sphere (thin-plate continuation), and their UVs lie inside the UV
    // range around each hole (carried across, so the texture continues).
    const added = after.positions.subarray(before.positions.length);
    expect(added.length).toBeGreaterThan(0);
    for (let index = 0; index < added.length; index += 3)
      expect(Math.abs(Math.hypot(added[index], added[index + 1], added[index + 2]) - 1)).toBeLessThan(0.03);
    const addedUvs = after.uvs.subarray(before.uvs.length);
    for (let index = 0; index < addedUvs.length; index++) expect(addedUvs[index]).toBeGreaterThanOrEqual(0);
    for (let index = 0; index < addedUvs.length; index++) expect(addedUvs[index]).toBeLessThanOrEqual(1);
    // The hole at +X (longitude 90°, u = 0.25 on the equator, v = 0.5) gets UVs from around it, not from elsewhere.
    let nearPlusX = 0;
    for (let vertex = 0; vertex < added.length / 3; vertex++) {
      if (added[vertex * 3] < 0.85) continue;
      nearPlusX++;
      expect(Math.abs(addedUvs[vertex * 2] - 0.25)).toBeLessThan(0.08);
      expect(Math.abs(addedUvs[vertex * 2 + 1] - 0.5)).toBeLessThan(0.12);
    }
    expect(nearPlusX).toBeGreaterThan(0);

    // The written file is valid glTF, and an independent re-read is watertight too.
    const glb = await writeGlb(document);
    expect((await validateGlb(glb)).errors).toEqual([]);
    const primitive = firstPrimitive(await readModel(glb, 'glb'));
    const welded = weldPositions(primitive.getAttribute('POSITION')!.getArray()!, primitive.getIndices()!.getArray()!);
    expect(await checkWatertight(welded.positions, welded.triangles)).toMatchObject({ watertight: true, genus: 0 });
  });

  it('makes a figure with holes in torso, arm and head watertight', async () => {
    const mesh = punchHoles(
      await figureMesh(),
      [
        [0, 1.2, 0.1],
        [0.45, 1.08, 0.04],
        [0, 1.72, 0.03],
      ],
      0.06,
    );
    const welded = weldPositions(mesh.positions, mesh.indices);
    expect((await checkWatertight(welded.positions, welded.triangles)).watertight).toBe(false);
    const document = singleMeshDocument('figure', mesh);
    const report = await completeModel(document);
    expect(report).toMatchObject({ holesFilled: 3, watertight: true });
    expect((await validateGlb(await writeGlb(document))).errors).toEqual([]);
  });

  it('completes a segmented chair as a whole: seams between parts stay shared, so the assembled model is watertight', async () => {
    const document = await chairDocument();
    const { partNames } = await segmentModel(document, { simplifier: MeshoptSimplifier });
    const report = await completeModel(document);
    expect(report.watertight).toBe(true);
    expect(report.parts.map((part) => part.name).sort()).toEqual([...partNames].sort());
    // Every part is open only where another part continues it: no caps, so no coincident caps where parts meet.
    for (const part of report.parts) {
      expect(part.holesFilled, part.name).toBe(0);
      expect(part.seamsLeftOpen, part.name).toBeGreaterThanOrEqual(1);
    }
    expect((await checkAssembledModel(document)).watertight).toBe(true);
    expect((await validateGlb(await writeGlb(document))).errors).toEqual([]);
  });

  it('closes each named part into its own solid and then does not call the assembled model watertight', async () => {
    const document = await chairDocument();
    const { partNames } = await segmentModel(document, { simplifier: MeshoptSimplifier });
    const report = await completeModel(document, { partNames });
    for (const part of report.parts) {
      expect(part.holesFilled, part.name).toBeGreaterThanOrEqual(1);
      expect(part.watertight, part.name).toBe(true);
    }
    // Caps of neighbouring parts coincide where the parts meet: edges with four faces, which manifold-3d refuses.
    expect(report.watertight).toBe(false);
    expect(report.problem).toBeTruthy();
  });

  it('completes only the parts named, and says which names matched nothing', async () => {
    const document = await chairDocument();
    await segmentModel(document, { simplifier: MeshoptSimplifier });
    const report = await completeModel(document, { partNames: ['part_03', 'part_99'] });
    expect(report.parts.map((part) => part.name)).toEqual(['part_03']);
    expect(report.unmatchedPartNames).toEqual(['part_99']);
    await expect(completeModel(document, { partNames: ['nope'] })).rejects.toBeInstanceOf(ModelInputError);
  });

  it('quick_cap mode closes holes with the triangulation alone (no new points; rim copies only across the UV seam)', async () => {
    const document = texturedSphereDocument(punchHoles(uvSphereMesh(48, 24), SPHERE_HOLES, 0.3));
    const before = snapshot(document);
    const report = await completeModel(document, { mode: 'cap' });
    expect(report).toMatchObject({ holesFilled: 3, watertight: true });
    const existing = new Set<string>();
    for (let index = 0; index < before.positions.length; index += 3)
      existing.add(before.positions.subarray(index, index + 3).join(','));
    const after = snapshot(document).positions;
    for (let index = before.positions.length; index < after.length; index += 3)
      expect(existing.has(after.subarray(index, index + 3).join(','))).toBe(true);
  });

  it('reports a watertight model as such, with nothing to fill', async () => {
    const document = singleMeshDocument('ball', uvSphereMesh(24, 12));
    expect(await completeModel(document)).toMatchObject({ holesFilled: 0, watertight: true });
  });
});
