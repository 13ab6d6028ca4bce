import { ANIMATION_PRESETS, RIG_V1_BIPED_PRESETS, RIG_V2_PRESETS } from '@polyforge/protocol';
import { describe, expect, it } from 'vitest';
import type { PresetClip } from './pose-clip.ts';
import { presetClip, presetsForTemplate } from './preset-library.ts';

const CREATURE_PRESETS = [
  'preset:hexapod:walk',
  'preset:octopod:walk',
  'preset:serpentine:march',
  'preset:aquatic:march',
];

/** Joint angles and root offsets sampled at 12 times: what a clip does, as numbers. */
function signature(clip: PresetClip, joints: string[]): number[] {
  const values: number[] = [];
  for (let step = 0; step < 12; step++) {
    const pose = clip.sample((step / 11) * clip.durationSeconds);
    for (const joint of joints) values.push(...(pose.joints[joint] ?? [0, 0, 0]));
    values.push(...(pose.root ?? [0, 0, 0]).map((value) => value * 90));
  }
  return values;
}

function clipsOf(template: 'biped' | 'quadruped', ids: string[]): Map<string, PresetClip> {
  const clips = new Map<string, PresetClip>();
  for (const id of ids) {
    const found = presetClip(id, template);
    if ('clip' in found) clips.set(id, found.clip);
  }
  return clips;
}

describe('the built-in animation library', () => {
  it('has a clip for every preset the spec lists, for a biped or a quadruped rig, except the creature rigs it has no template for', () => {
    for (const id of ANIMATION_PRESETS) {
      const playable = 'clip' in presetClip(id, 'biped') || 'clip' in presetClip(id, 'quadruped');
      expect(playable || CREATURE_PRESETS.includes(id), id).toBe(true);
    }
    expect(RIG_V1_BIPED_PRESETS.length).toBeGreaterThan(90);
    for (const id of RIG_V1_BIPED_PRESETS) expect('clip' in presetClip(id, 'biped'), id).toBe(true);
    for (const id of RIG_V2_PRESETS.filter((preset) => preset.split(':').length === 2))
      expect('clip' in presetClip(id, 'biped'), id).toBe(true);
    expect(presetsForTemplate('quadruped')).toEqual(
      expect.arrayContaining(['preset:quadruped:walk', 'preset:idle', 'preset:walk', 'preset:run', 'preset:jump']),
    );
  });

  it('says why a preset cannot play on a rig', () => {
    expect(presetClip('preset:quadruped:walk', 'biped')).toEqual({
      error: 'preset:quadruped:walk is for quadruped rigs; this rig is a biped',
    });
    expect(presetClip('preset:biped:golf', 'quadruped')).toEqual({
      error: 'preset:biped:golf is for biped rigs; this rig is a quadruped',
    });
    expect((presetClip('preset:hexapod:walk', 'biped') as { error: string }).error).toMatch(/needs a hexapod rig/);
    expect((presetClip('preset:slash', 'quadruped') as { error: string }).error).toMatch(/no quadruped version/);
  });

  it('gives every biped preset its own motion: no two clips alike, none standing still', () => {
    const clips = clipsOf('biped', RIG_V1_BIPED_PRESETS as string[]);
    const joints = [
      'hips',
      'spine',
      'spine1',
      'spine2',
      'neck',
      'head',
      'upper_arm_l',
      'lower_arm_l',
      'upper_arm_r',
      'lower_arm_r',
      'upper_leg_l',
      'lower_leg_l',
      'upper_leg_r',
      'lower_leg_r',
      'foot_l',
      'foot_r',
      'hand_l',
      'hand_r',
      'shoulder_l',
      'shoulder_r',
    ];
    const signatures = [...clips].map(([id, clip]) => ({ id, values: signature(clip, joints) }));
    for (const { id, values } of signatures) {
      expect(values.every(Number.isFinite), id).toBe(true);
      const first = values.slice(0, values.length / 12);
      const motion = Math.max(...values.map((value, index) => Math.abs(value - first[index % first.length])));
      expect(motion, `${id} does not move`).toBeGreaterThan(2);
    }
    for (let a = 0; a < signatures.length; a++) {
      for (let b = a + 1; b < signatures.length; b++) {
        const difference = Math.max(
          ...signatures[a].values.map((value, index) => Math.abs(value - signatures[b].values[index])),
        );
        expect(difference, `${signatures[a].id} and ${signatures[b].id} are the same motion`).toBeGreaterThan(5);
      }
    }
  });

  it('gives the quadruped presets distinct motions too', () => {
    const clips = clipsOf('quadruped', [
      'preset:idle',
      'preset:walk',
      'preset:run',
      'preset:jump',
      'preset:turn',
      'preset:hurt',
      'preset:fall',
    ]);
    const joints = [
      'hips',
      'spine',
      'neck',
      'head',
      'tail',
      'front_upper_leg_l',
      'front_lower_leg_l',
      'rear_upper_leg_l',
      'rear_upper_leg_r',
    ];
    const signatures = [...clips.values()].map((clip) => signature(clip, joints));
    for (let a = 0; a < signatures.length; a++) {
      for (let b = a + 1; b < signatures.length; b++)
        expect(
          Math.max(...signatures[a].map((value, index) => Math.abs(value - signatures[b][index]))),
        ).toBeGreaterThan(5);
    }
  });
});
