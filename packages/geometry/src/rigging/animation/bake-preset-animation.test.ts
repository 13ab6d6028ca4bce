import { Logger, type Document } from '@gltf-transform/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { humanFigureDocument, quadrupedAnimalDocument } from '../../../test/fixtures/build-creatures.ts';
import { validateGlb } from '../../../test/fixtures/validate-glb.ts';
import { animateInPlace } from '../../convert/animate-in-place.ts';
import { collectWorldTriangles } from '../../mesh/collect-world-triangles.ts';
import { writeGlb } from '../../formats/glb/write-glb.ts';
import { readRig, type AnimatableRig } from '../read-rig.ts';
import { rigModel } from '../rig-model.ts';
import { applyPresetPose, bakePresetAnimation } from './bake-preset-animation.ts';
import type { PresetClip } from './pose-clip.ts';
import { presetClip } from './preset-library.ts';

async function riggedHuman(pose: 'T' | 'A'): Promise<{ document: Document; rig: AnimatableRig }> {
  const document = (await humanFigureDocument(pose, { edgeLength: 0.05 })).setLogger(
    new Logger(Logger.Verbosity.ERROR),
  );
  await rigModel(document, {});
  return { document, rig: readRig(document) };
}

function clip(id: string, template: 'biped' | 'quadruped' = 'biped'): PresetClip {
  const found = presetClip(id, template);
  if (!('clip' in found)) throw new Error(found.error);
  return found.clip;
}

/** Lowest drawn vertex and the joints' world positions with the rig posed at `time` of the clip. */
function posedAt(document: Document, rig: AnimatableRig, presetClipAt: PresetClip, time: number) {
  const restore = applyPresetPose(rig, presetClipAt, time);
  const lowest = Math.min(
    ...collectWorldTriangles(document).flatMap((primitive) =>
      Array.from({ length: primitive.positions.length / 3 }, (_, vertex) => primitive.positions[vertex * 3 + 1]),
    ),
  );
  const joint = (id: string) => rig.nodes.get(id)!.getWorldTranslation();
  const result = { lowest, handLeft: joint('hand_end_l'), shoulderLeft: joint('upper_arm_l'), hips: joint('hips') };
  restore();
  return result;
}

describe('baking presets onto a fitted rig', () => {
  let human: { document: Document; rig: AnimatableRig };
  beforeAll(async () => {
    human = await riggedHuman('A');
  });

  it('writes one valid glTF animation per preset, named after it, that a validator accepts', async () => {
    for (const id of ['preset:biped:walk', 'preset:biped:wave_goodbye_01', 'preset:jump'])
      bakePresetAnimation(human.document, human.rig, id, clip(id));
    expect(
      human.document
        .getRoot()
        .listAnimations()
        .map((animation) => animation.getName()),
    ).toEqual(['preset:biped:walk', 'preset:biped:wave_goodbye_01', 'preset:jump']);
    expect((await validateGlb(await writeGlb(human.document))).errors).toEqual([]);
    const walk = human.document.getRoot().listAnimations()[0];
    expect(walk.listChannels().length).toBe(
      human.rig.joints.filter((joint) => human.rig.joints.some((child) => child.parent === joint.id)).length + 1,
    );
    expect(walk.listSamplers()[0].getInput()!.getCount()).toBe(Math.round(1.1 * 30) + 1);
  });

  it('keeps the body on the ground in a walk, a sit and a crouching landing, and lifts it in a jump', () => {
    const { document, rig } = human;
    for (const [id, shares] of [
      ['preset:biped:walk', [0, 0.3, 0.6, 0.9]],
      ['preset:biped:sit', [0.6, 1]],
      ['preset:biped:jump', [0.65]],
    ] as const) {
      const playing = clip(id);
      for (const share of shares) {
        const { lowest } = posedAt(document, rig, playing, share * playing.durationSeconds);
        expect(lowest, `${id} at ${share}`).toBeLessThan(0.02);
        expect(lowest, `${id} at ${share}`).toBeGreaterThan(-0.02);
      }
    }
    const jump = clip('preset:biped:jump');
    expect(posedAt(document, rig, jump, 0.82).lowest).toBeGreaterThan(0.2);
  });

  it('travels forward while walking, and on the spot with animate_in_place', async () => {
    const { document, rig } = await riggedHuman('A');
    const walk = clip('preset:biped:walk');
    const start = posedAt(document, rig, walk, 0).hips,
      end = posedAt(document, rig, walk, walk.durationSeconds).hips;
    expect(end[2] - start[2]).toBeGreaterThan(rig.hipHeight);
    bakePresetAnimation(document, rig, 'preset:biped:walk', walk);
    expect(animateInPlace(document)).toBe(1);
    const root = document
      .getRoot()
      .listAnimations()[0]
      .listChannels()
      .find((channel) => channel.getTargetPath() === 'translation')!;
    const output = root.getSampler()!.getOutput()!;
    const first = output.getElement(0, []),
      last = output.getElement(output.getCount() - 1, []);
    expect(last[2]).toBeCloseTo(first[2], 6);
    expect(last[0]).toBeCloseTo(first[0], 6);
  });

  it('plays T-pose-authored arm motion the same on an A-pose and a T-pose model (rest correction)', async () => {
    const tPose = await riggedHuman('T');
    const idle = clip('preset:biped:idle');
    const drop = (model: { document: Document; rig: AnimatableRig }) => {
      const { handLeft, shoulderLeft } = posedAt(model.document, model.rig, idle, 0);
      return shoulderLeft[1] - handLeft[1];
    };
    const fromA = drop(human),
      fromT = drop(tPose);
    expect(fromA).toBeGreaterThan(0.45);
    expect(Math.abs(fromA - fromT)).toBeLessThan(0.08);
  });

  it('writes only the authored keys when not baked', () => {
    const { document, rig } = human;
    const bow = clip('preset:biped:bow');
    const animation = bakePresetAnimation(document, rig, 'bow unbaked', bow, { bake: false });
    expect(animation.listSamplers()[0].getInput()!.getCount()).toBe(bow.keyTimes.length);
  });

  it('walks a quadruped rig with its legs out of step', async () => {
    const document = (await quadrupedAnimalDocument({ edgeLength: 0.04 })).setLogger(
      new Logger(Logger.Verbosity.ERROR),
    );
    await rigModel(document, {});
    const rig = readRig(document);
    expect(rig.template.name).toBe('quadruped');
    const walk = clip('preset:quadruped:walk', 'quadruped');
    bakePresetAnimation(document, rig, 'preset:quadruped:walk', walk);
    expect((await validateGlb(await writeGlb(document))).errors).toEqual([]);
    const paws = (time: number) => {
      const restore = applyPresetPose(rig, walk, time);
      const heights = ['front_foot_l', 'front_foot_r', 'rear_foot_l', 'rear_foot_r'].map(
        (id) => rig.nodes.get(id)!.getWorldTranslation()[1],
      );
      restore();
      return heights;
    };
    const lifted = [0, 0.3, 0.6, 0.9].map((time) => paws(time).indexOf(Math.max(...paws(time))));
    expect(new Set(lifted).size).toBeGreaterThan(2);
  });
});
