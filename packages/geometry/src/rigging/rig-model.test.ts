import { Logger, type Document, type Node } from '@gltf-transform/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addEyes,
  humanFigureDocument,
  humanLandmarks,
  quadrupedAnimalDocument,
  skinnedSampleDocument,
} from '../../test/fixtures/build-creatures.ts';
import { validateGlb } from '../../test/fixtures/validate-glb.ts';
import { collectWorldTriangles } from '../mesh/collect-world-triangles.ts';
import { multiply4 } from '../mesh/transform-math.ts';
import { writeGlb } from '../formats/glb/write-glb.ts';
import { rigModel, type RigModelResult } from './rig-model.ts';

function quiet(document: Document): Document {
  return document.setLogger(new Logger(Logger.Verbosity.ERROR));
}

/** World positions of every drawn vertex, primitive by primitive (skins posed by the joints' current transforms). */
function drawnPositions(document: Document): Float32Array[] {
  return collectWorldTriangles(document).map((primitive) => primitive.positions);
}

function quaternionAbout(axis: [number, number, number], degrees: number): [number, number, number, number] {
  const half = (degrees * Math.PI) / 360;
  return [axis[0] * Math.sin(half), axis[1] * Math.sin(half), axis[2] * Math.sin(half), Math.cos(half)];
}

/** Checks the glTF skin contract: one inverse bind matrix per joint, each the inverse of its joint's bind pose. */
function expectConsistentSkin(document: Document, jointCount: number) {
  const [skin, ...others] = document.getRoot().listSkins();
  expect(others).toHaveLength(0);
  expect(skin.listJoints()).toHaveLength(jointCount);
  const inverseBind = skin.getInverseBindMatrices()!;
  expect(inverseBind.getCount()).toBe(jointCount);
  const element: number[] = [];
  skin.listJoints().forEach((joint, index) => {
    const product = multiply4(joint.getWorldMatrix(), inverseBind.getElement(index, element));
    [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1].forEach((value, cell) =>
      expect(product[cell]).toBeCloseTo(value, 5),
    );
  });
  for (const mesh of document.getRoot().listMeshes()) {
    for (const primitive of mesh.listPrimitives()) {
      const joints = primitive.getAttribute('JOINTS_0')!,
        weights = primitive.getAttribute('WEIGHTS_0')!;
      const j: number[] = [],
        w: number[] = [];
      for (let vertex = 0; vertex < weights.getCount(); vertex++) {
        weights.getElement(vertex, w);
        joints.getElement(vertex, j);
        expect(Math.abs(w[0] + w[1] + w[2] + w[3] - 1)).toBeLessThan(1e-6);
        expect(Math.min(...w)).toBeGreaterThanOrEqual(0);
        expect(Math.max(...j)).toBeLessThan(jointCount);
      }
    }
  }
}

function jointNamed(result: RigModelResult, id: string): Node {
  return result.skeleton.nodes.get(id)!;
}

describe('rigging a human figure (bone heat weights, biped template)', () => {
  let document: Document;
  let restPositions: Float32Array[];
  let result: RigModelResult;
  let originalImage: Uint8Array | null;
  beforeAll(async () => {
    document = quiet(await humanFigureDocument('T', { edgeLength: 0.04 }));
    addEyes(document, [0, 1.66, 0.09]);
    originalImage = document.getRoot().listTextures()[0].getImage();
    restPositions = drawnPositions(document);
    result = await rigModel(document, {});
  });

  it('writes a valid skinned GLB: one skin, bind matrices inverting each joint, weights summing to 1', async () => {
    expect(result.template).toBe('biped');
    expect(result.skeleton.joints).toHaveLength(27);
    const validation = await validateGlb(await writeGlb(document));
    expect(validation.errors).toEqual([]);
    expectConsistentSkin(document, 27);
  });

  it('keeps the rest pose exactly where the model was, with its texture and UVs', () => {
    const rigged = drawnPositions(document);
    expect(rigged.map((positions) => positions.length)).toEqual(restPositions.map((positions) => positions.length));
    rigged.forEach((positions, primitive) =>
      positions.forEach((value, index) => expect(Math.abs(value - restPositions[primitive][index])).toBeLessThan(1e-4)),
    );
    const material = document.getRoot().listMeshes()[0].listPrimitives()[0].getMaterial()!;
    expect(material.getBaseColorTexture()?.getImage()).toEqual(originalImage);
    expect(document.getRoot().listMeshes()[0].listPrimitives()[0].getAttribute('TEXCOORD_0')).toBeTruthy();
  });

  it('places the joints on the figure: shoulders, elbows, hips, knees and ankles near where they were modelled', () => {
    const landmarks = humanLandmarks('T');
    const near = (id: string, expected: [number, number, number], tolerance: number) => {
      const actual = jointNamed(result, id).getWorldTranslation();
      expect(Math.hypot(actual[0] - expected[0], actual[1] - expected[1], actual[2] - expected[2]), id).toBeLessThan(
        tolerance,
      );
    };
    near('upper_arm_l', landmarks.shoulderLeft, 0.08);
    near('lower_arm_l', landmarks.elbowLeft, 0.06);
    near('upper_leg_l', landmarks.hipLeft, 0.05);
    near('lower_leg_l', landmarks.kneeLeft, 0.05);
    near('foot_l', landmarks.ankleLeft, 0.05);
    near('upper_arm_r', [-landmarks.shoulderLeft[0], landmarks.shoulderLeft[1], 0], 0.08);
  });

  it('moves the hand with the arm, rigidly, and leaves the feet on the ground', () => {
    const shoulder = jointNamed(result, 'upper_arm_l').getWorldTranslation();
    const handTip = jointNamed(result, 'hand_end_l').getWorldTranslation();
    jointNamed(result, 'upper_arm_l').setRotation(quaternionAbout([0, 0, 1], -60));
    const posed = drawnPositions(document);
    jointNamed(result, 'upper_arm_l').setRotation([0, 0, 0, 1]);
    const [cos, sin] = [Math.cos(-Math.PI / 3), Math.sin(-Math.PI / 3)];
    let handVertices = 0;
    const body = restPositions[0];
    for (let index = 0; index < body.length; index += 3) {
      const rest = [body[index], body[index + 1], body[index + 2]];
      const moved = [posed[0][index], posed[0][index + 1], posed[0][index + 2]];
      if (Math.hypot(rest[0] - handTip[0], rest[1] - handTip[1], rest[2] - handTip[2]) < 0.12) {
        handVertices++;
        const dx = rest[0] - shoulder[0],
          dy = rest[1] - shoulder[1];
        const expected = [shoulder[0] + cos * dx - sin * dy, shoulder[1] + sin * dx + cos * dy, rest[2]];
        expect(Math.hypot(moved[0] - expected[0], moved[1] - expected[1], moved[2] - expected[2])).toBeLessThan(0.02);
      }
      if (rest[1] < 0.15)
        expect(Math.hypot(moved[0] - rest[0], moved[1] - rest[1], moved[2] - rest[2])).toBeLessThan(1e-6);
    }
    expect(handVertices).toBeGreaterThan(20);
    let lowest = Infinity;
    for (let index = 1; index < body.length; index += 3) lowest = Math.min(lowest, posed[0][index]);
    expect(lowest).toBeCloseTo(
      Math.min(...Array.from({ length: body.length / 3 }, (_, vertex) => body[vertex * 3 + 1])),
      6,
    );
  });

  it('bends a knee without touching the other leg, and the eyes follow the head', () => {
    jointNamed(result, 'lower_leg_r').setRotation(quaternionAbout([1, 0, 0], 70));
    jointNamed(result, 'head').setRotation(quaternionAbout([0, 1, 0], 45));
    const posed = drawnPositions(document);
    jointNamed(result, 'lower_leg_r').setRotation([0, 0, 0, 1]);
    jointNamed(result, 'head').setRotation([0, 0, 0, 1]);
    const body = restPositions[0];
    let rightFootMoved = 0;
    for (let index = 0; index < body.length; index += 3) {
      if (body[index + 1] > 0.2) continue;
      const shift = Math.hypot(
        posed[0][index] - body[index],
        posed[0][index + 1] - body[index + 1],
        posed[0][index + 2] - body[index + 2],
      );
      if (body[index] > 0.03) expect(shift).toBeLessThan(1e-6);
      if (body[index] < -0.03 && shift > 0.1) rightFootMoved++;
    }
    expect(rightFootMoved).toBeGreaterThan(20);
    const eyes = restPositions[1],
      eyesPosed = posed[1];
    for (let index = 0; index < eyes.length; index += 3)
      expect(Math.hypot(eyesPosed[index] - eyes[index], eyesPosed[index + 2] - eyes[index + 2])).toBeGreaterThan(0.01);
  });

  it('weights no vertex to a bone on the other side of the body', () => {
    const skin = document.getRoot().listSkins()[0];
    const side = skin
      .listJoints()
      .map((joint) => (joint.getName().startsWith('Left') ? 1 : joint.getName().startsWith('Right') ? -1 : 0));
    let checked = 0;
    for (const primitive of document
      .getRoot()
      .listMeshes()
      .flatMap((mesh) => mesh.listPrimitives())) {
      const position = primitive.getAttribute('POSITION')!,
        joints = primitive.getAttribute('JOINTS_0')!,
        weights = primitive.getAttribute('WEIGHTS_0')!;
      const p: number[] = [],
        j: number[] = [],
        w: number[] = [];
      for (let vertex = 0; vertex < position.getCount(); vertex++) {
        position.getElement(vertex, p);
        if (Math.abs(p[0]) < 0.02) continue;
        joints.getElement(vertex, j);
        weights.getElement(vertex, w);
        for (let k = 0; k < 4; k++) if (w[k] > 0) expect(side[j[k]] * Math.sign(p[0])).toBeGreaterThanOrEqual(0);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('rigging other models', () => {
  it('rigs the four-legged animal with the quadruped template, tail included', async () => {
    const document = quiet(await quadrupedAnimalDocument({ edgeLength: 0.035 }));
    const result = await rigModel(document, {});
    expect(result.template).toBe('quadruped');
    expect(result.skeleton.joints.map((joint) => joint.id)).toEqual(
      expect.arrayContaining(['tail', 'tail_end', 'front_foot_l', 'rear_foot_r', 'head']),
    );
    expect((await validateGlb(await writeGlb(document))).errors).toEqual([]);
    expectConsistentSkin(document, result.skeleton.joints.length);
    const paw = result.skeleton.nodes.get('front_foot_l')!.getWorldTranslation();
    expect(paw[2]).toBeGreaterThan(0.15);
    expect(paw[1]).toBeLessThan(0.1);
  });

  it('solves the weights of a dense mesh on a decimated copy and carries them back smoothly', async () => {
    const document = quiet(await humanFigureDocument('T', { edgeLength: 0.03 }));
    const [rest] = drawnPositions(document);
    const result = await rigModel(document, { maxWeightVertices: 2000 });
    expect(result.weightTriangleCount).toBeLessThan(result.triangleCount / 2);
    expectConsistentSkin(document, 27);
    const elbow = jointNamed(result, 'lower_arm_l').getWorldTranslation(),
      handTip = jointNamed(result, 'hand_end_l').getWorldTranslation();
    jointNamed(result, 'lower_arm_l').setRotation(quaternionAbout([0, 1, 0], -90));
    const [posed] = drawnPositions(document);
    let checked = 0;
    for (let index = 0; index < rest.length; index += 3) {
      const moved = Math.hypot(
        posed[index] - rest[index],
        posed[index + 1] - rest[index + 1],
        posed[index + 2] - rest[index + 2],
      );
      // −90° about +Y takes (x, y, z) relative to the elbow to (−z, y, x): the hand swings forward.
      if (Math.hypot(rest[index] - handTip[0], rest[index + 1] - handTip[1], rest[index + 2] - handTip[2]) < 0.1) {
        const expected = [
          elbow[0] - (rest[index + 2] - elbow[2]),
          rest[index + 1],
          elbow[2] + (rest[index] - elbow[0]),
        ];
        expect(
          Math.hypot(posed[index] - expected[0], posed[index + 1] - expected[1], posed[index + 2] - expected[2]),
        ).toBeLessThan(0.03);
        checked++;
      }
      if (rest[index] < 0.1) expect(moved).toBeLessThan(1e-6);
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('names bones as Mixamo does with spec=mixamo', async () => {
    const document = quiet(await humanFigureDocument('A', { edgeLength: 0.05 }));
    const result = await rigModel(document, { spec: 'mixamo' });
    const names = result.skeleton.joints.map((joint) => result.skeleton.nodes.get(joint.id)!.getName());
    expect(names).toEqual(
      expect.arrayContaining([
        'mixamorig:Hips',
        'mixamorig:LeftArm',
        'mixamorig:RightForeArm',
        'mixamorig:LeftUpLeg',
        'mixamorig:HeadTop_End',
      ]),
    );
  });

  it('re-rigs a sample asset that already has its own skin and animation, from its posed shape', async () => {
    const document = quiet(await skinnedSampleDocument());
    const before = drawnPositions(document);
    const result = await rigModel(document, {});
    expect(result.template).toBe('biped');
    expect(document.getRoot().listAnimations()).toHaveLength(0);
    expect(document.getRoot().listSkins()).toHaveLength(1);
    const after = drawnPositions(document);
    after[0].forEach((value, index) => expect(Math.abs(value - before[0][index])).toBeLessThan(1e-4));
    const hips = result.skeleton.nodes.get('hips')!.getWorldTranslation();
    expect(hips[0]).toBeCloseTo(1, 1);
    expect(hips[1]).toBeCloseTo(0.47, 1);
    expect((await validateGlb(await writeGlb(document))).errors).toEqual([]);
  });
});
