import { Document } from '@gltf-transform/core';
import { MeshoptSimplifier } from 'meshoptimizer';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  chairDocument,
  chairMesh,
  chairRegion,
  figureDocument,
  figureMesh,
  figureRegion,
  singleMeshDocument,
  smoothFigureMesh,
  uvSphereMesh,
} from '../../test/fixtures/build-part-fixtures.ts';
import { humanFigureDocument, quadrupedAnimalDocument } from '../../test/fixtures/build-creatures.ts';
import { validateGlb } from '../../test/fixtures/validate-glb.ts';
import { collectWorldTriangles } from '../mesh/collect-world-triangles.ts';
import { ModelInputError } from '../read/model-input-error.ts';
import { readModel } from '../read/read-model.ts';
import { writeGlb } from '../formats/glb/write-glb.ts';
import { segmentMesh } from './segment-mesh.ts';
import { segmentModel } from './segment-model.ts';
import { weldPositions } from './weld-positions.ts';
import { readFileSync } from 'node:fs';

type Vec3 = [number, number, number];

/** region → part name → triangle count, from the segmented document's nodes. */
function regionTable(document: Document, regionOf: (centroid: Vec3) => string): Map<string, Map<string, number>> {
  const table = new Map<string, Map<string, number>>();
  for (const primitive of collectWorldTriangles(document)) {
    for (let corner = 0; corner < primitive.indices.length; corner += 3) {
      const centroid = [0, 1, 2].map(
        (axis) =>
          [0, 1, 2].reduce((sum, k) => sum + primitive.positions[primitive.indices[corner + k] * 3 + axis], 0) / 3,
      ) as Vec3;
      const region = regionOf(centroid);
      const row = table.get(region) ?? table.set(region, new Map()).get(region)!;
      row.set(primitive.nodeName, (row.get(primitive.nodeName) ?? 0) + 1);
    }
  }
  return table;
}

/** The part holding most of a region, and the share of the region it holds. */
function dominantPart(table: Map<string, Map<string, number>>, region: string): { part: string; share: number } {
  const row = table.get(region)!;
  const total = [...row.values()].reduce((sum, count) => sum + count, 0);
  const [part, count] = [...row.entries()].sort((a, b) => b[1] - a[1])[0];
  return { part, share: count / total };
}

describe('segmentModel', () => {
  beforeAll(() => MeshoptSimplifier.ready);

  it('splits a one-piece chair at its joints: four legs apart from the seat and from each other, the back off the seat', async () => {
    const document = await chairDocument();
    const report = await segmentModel(document, { simplifier: MeshoptSimplifier });
    expect(report.partCount).toBeGreaterThanOrEqual(4);
    expect(report.partNames).toEqual(
      Array.from({ length: report.partCount }, (_, index) => `part_${String(index + 1).padStart(2, '0')}`),
    );
    const table = regionTable(document, chairRegion);
    const seat = dominantPart(table, 'seat');
    const legs = [0, 1, 2, 3].map((leg) => dominantPart(table, `leg${leg}`));
    for (const leg of legs) {
      expect(leg.share).toBeGreaterThan(0.95);
      expect(leg.part).not.toBe(seat.part);
    }
    expect(new Set(legs.map((leg) => leg.part)).size).toBe(4);
    expect(seat.share).toBeGreaterThan(0.9);
    const back = dominantPart(table, 'back');
    expect(back.share).toBeGreaterThan(0.9);
    expect(back.part).not.toBe(seat.part);
    // Each part is a named node with its own mesh, and the file is valid glTF.
    const glb = await writeGlb(document);
    expect((await validateGlb(glb)).errors).toEqual([]);
    const reread = await readModel(glb, 'glb');
    expect(
      reread
        .getRoot()
        .listNodes()
        .map((node) => node.getName()),
    ).toEqual(report.partNames);
    expect(
      reread
        .getRoot()
        .listMeshes()
        .map((mesh) => mesh.getName()),
    ).toEqual(report.partNames);
  });

  it.each([
    ['with creased joints (a boolean union)', () => figureDocument()],
    [
      'with soft, filleted joints (a smooth level set, like generated models)',
      async () => singleMeshDocument('figure', await smoothFigureMesh()),
    ],
  ])('splits a human-like figure %s: head, both arms and both legs each apart from the torso', async (_kind, build) => {
    const document = await build();
    await segmentModel(document, { simplifier: MeshoptSimplifier });
    const table = regionTable(document, figureRegion);
    const torso = dominantPart(table, 'torso');
    expect(torso.share).toBeGreaterThan(0.9);
    const limbs = ['head', 'leftArm', 'rightArm', 'leftLeg', 'rightLeg'].map((region) => ({
      region,
      ...dominantPart(table, region),
    }));
    for (const limb of limbs) {
      expect(limb.share, limb.region).toBeGreaterThan(0.9);
      expect(limb.part, limb.region).not.toBe(torso.part);
    }
    expect(new Set(limbs.map((limb) => limb.part)).size).toBe(5);
  });

  it('finds the same limbs through the simplified proxy a dense mesh is segmented on', async () => {
    const mesh = await figureMesh();
    const welded = weldPositions(mesh.positions, mesh.indices);
    const { graph, partOf } = segmentMesh(welded.positions, welded.triangles, {
      simplifier: MeshoptSimplifier,
      proxyFaceCount: 6000,
    });
    expect(graph.faceCount).toBeGreaterThan(6000);
    const partsOf = new Map<string, Map<number, number>>();
    for (let face = 0; face < graph.faceCount; face++) {
      const region = figureRegion([
        graph.centroids[face * 3],
        graph.centroids[face * 3 + 1],
        graph.centroids[face * 3 + 2],
      ]);
      const row = partsOf.get(region) ?? partsOf.set(region, new Map()).get(region)!;
      row.set(partOf[face], (row.get(partOf[face]) ?? 0) + 1);
    }
    const dominant = (region: string) => [...partsOf.get(region)!.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const torso = dominant('torso');
    for (const region of ['head', 'leftArm', 'rightArm', 'leftLeg', 'rightLeg'])
      expect(dominant(region), region).not.toBe(torso);
  });

  it('gives fewer parts for "simple" than for "detailed", and never fewer than one', async () => {
    const mesh = await chairMesh();
    const welded = weldPositions(mesh.positions, mesh.indices);
    const simple = segmentMesh(welded.positions, welded.triangles, { granularity: 'simple' });
    const detailed = segmentMesh(welded.positions, welded.triangles, { granularity: 'detailed' });
    expect(simple.partCount).toBeGreaterThanOrEqual(1);
    expect(simple.partCount).toBeLessThanOrEqual(detailed.partCount);
  });

  it('leaves a sphere whole: no cut there follows a valley or a change of thickness', async () => {
    const report = await segmentModel(singleMeshDocument('ball', uvSphereMesh(40, 20)), {
      simplifier: MeshoptSimplifier,
    });
    expect(report.partCount).toBe(1);
  });

  it('keeps a tiny separate piece apart only with split_by_connectivity', async () => {
    const big = uvSphereMesh(32, 16),
      small = uvSphereMesh(8, 4);
    const positions = new Float32Array(big.positions.length + small.positions.length);
    positions.set(big.positions);
    for (let index = 0; index < small.positions.length; index += 3)
      positions.set(
        [small.positions[index] * 0.05 + 1.2, small.positions[index + 1] * 0.05, small.positions[index + 2] * 0.05],
        big.positions.length + index,
      );
    const indices = new Uint32Array(big.indices.length + small.indices.length);
    indices.set(big.indices);
    indices.set(
      small.indices.map((index) => index + big.positions.length / 3),
      big.indices.length,
    );
    const build = () => singleMeshDocument('pair', { positions, indices });
    expect((await segmentModel(build(), { simplifier: MeshoptSimplifier })).partCount).toBe(1);
    expect((await segmentModel(build(), { simplifier: MeshoptSimplifier, splitByConnectivity: true })).partCount).toBe(
      2,
    );
  });

  it('refuses a model with nothing to segment', async () => {
    const document = new Document();
    const points = document
      .createPrimitive()
      .setMode(0)
      .setAttribute(
        'POSITION',
        document
          .createAccessor()
          .setType('VEC3')
          .setArray(new Float32Array([0, 0, 0, 1, 1, 1])),
      );
    document
      .getRoot()
      .setDefaultScene(
        document
          .createScene()
          .addChild(document.createNode('dots').setMesh(document.createMesh().addPrimitive(points))),
      );
    await expect(segmentModel(document)).rejects.toBeInstanceOf(ModelInputError);
  });
});

/** Mean triangle centroid and surface area of each part (by node name) of a segmented document. */
function partPlacements(document: Document): Map<string, { centre: Vec3; area: number }> {
  const sums = new Map<string, { centre: Vec3; area: number; count: number }>();
  for (const primitive of collectWorldTriangles(document)) {
    const entry = sums.get(primitive.nodeName) ?? { centre: [0, 0, 0] as Vec3, area: 0, count: 0 };
    const { positions: p, indices } = primitive;
    for (let corner = 0; corner < indices.length; corner += 3) {
      const [a, b, c] = [indices[corner] * 3, indices[corner + 1] * 3, indices[corner + 2] * 3];
      for (let axis = 0; axis < 3; axis++) entry.centre[axis] += (p[a + axis] + p[b + axis] + p[c + axis]) / 3;
      const u = [p[b] - p[a], p[b + 1] - p[a + 1], p[b + 2] - p[a + 2]];
      const v = [p[c] - p[a], p[c + 1] - p[a + 1], p[c + 2] - p[a + 2]];
      entry.area += Math.hypot(u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]) / 2;
      entry.count++;
    }
    sums.set(primitive.nodeName, entry);
  }
  return new Map(
    [...sums].map(([name, { centre, area, count }]) => [
      name,
      { centre: centre.map((value) => value / count) as Vec3, area },
    ]),
  );
}

/** label (head, left_arm, ...) → where that part sits, from the report's names and labels. */
function labelledPlacements(document: Document, report: Awaited<ReturnType<typeof segmentModel>>) {
  const placements = partPlacements(document);
  return new Map(report.partNames.map((name, index) => [report.partLabels![index]!, placements.get(name)!]));
}

describe('segmentModel on characters, animals and hard-surface models', () => {
  beforeAll(() => MeshoptSimplifier.ready);

  it.each(['T', 'A'] as const)(
    'separates a one-piece human figure in %s pose into head, body, both arms and both legs, each where it belongs',
    async (pose) => {
      const document = await humanFigureDocument(pose, { edgeLength: 0.04 });
      const report = await segmentModel(document, { simplifier: MeshoptSimplifier });
      expect([...report.partLabels!].sort()).toEqual([
        'body',
        'head',
        'left_arm',
        'left_leg',
        'right_arm',
        'right_leg',
      ]);
      const at = labelledPlacements(document, report);
      const height = (label: string) => at.get(label)!.centre[1];
      expect(height('head')).toBeGreaterThan(height('body'));
      for (const leg of ['left_leg', 'right_leg']) expect(height(leg)).toBeLessThan(height('body'));
      for (const arm of ['left_arm', 'right_arm']) expect(height(arm)).toBeGreaterThan(height('left_leg'));
      // left and right on opposite sides of the body's midline, arms further out than legs
      const side = (label: string) => at.get(label)!.centre[0] - at.get('body')!.centre[0];
      expect(Math.sign(side('left_arm'))).toBe(-Math.sign(side('right_arm')));
      expect(Math.sign(side('left_leg'))).toBe(Math.sign(side('left_arm')));
      expect(Math.abs(side('left_arm'))).toBeGreaterThan(Math.abs(side('left_leg')));
    },
  );

  it('separates a four-legged animal into head, body, tail and four legs, legs below the body', async () => {
    const document = await quadrupedAnimalDocument();
    const report = await segmentModel(document, { simplifier: MeshoptSimplifier });
    const legs = ['front_left_leg', 'front_right_leg', 'rear_left_leg', 'rear_right_leg'];
    expect([...report.partLabels!].sort()).toEqual(['body', 'head', 'tail', ...legs].sort());
    const at = labelledPlacements(document, report);
    for (const leg of legs) expect(at.get(leg)!.centre[1]).toBeLessThan(at.get('body')!.centre[1]);
  });

  it('does not shatter a hard-surface model: the DamagedHelmet in a few sizeable parts, fewer for "simple"', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../test/corpus/damaged-helmet.glb', import.meta.url)));
    const balanced = await readModel(bytes, 'glb');
    const report = await segmentModel(balanced, { simplifier: MeshoptSimplifier });
    expect(report.partLabels).toBeUndefined(); // not mistaken for a creature
    expect(report.partCount).toBeGreaterThanOrEqual(3);
    expect(report.partCount).toBeLessThanOrEqual(12); // 23 before merging pieces that touch
    const areas = [...partPlacements(balanced).values()].map(({ area }) => area);
    const total = areas.reduce((sum, area) => sum + area, 0);
    for (const area of areas) expect(area / total).toBeGreaterThan(0.015); // no slivers

    const simple = await segmentModel(await readModel(bytes, 'glb'), {
      simplifier: MeshoptSimplifier,
      granularity: 'simple',
    });
    expect(simple.partCount).toBeLessThan(report.partCount);
  });
});
