// Retarget presets (tripo-api.md §4.14): the v2.0/v2.5 rig set and the v1.0 biped set.

export const RIG_V2_PRESETS = [
  'preset:idle',
  'preset:walk',
  'preset:run',
  'preset:dive',
  'preset:climb',
  'preset:jump',
  'preset:slash',
  'preset:shoot',
  'preset:hurt',
  'preset:fall',
  'preset:turn',
  'preset:quadruped:walk',
  'preset:hexapod:walk',
  'preset:octopod:walk',
  'preset:serpentine:march',
  'preset:aquatic:march',
] as const;

function numbered(name: string, from: number, to: number): string[] {
  const names: string[] = [];
  for (let index = from; index <= to; index += 1) names.push(`${name}_${String(index).padStart(2, '0')}`);
  return names;
}

const BIPED_NAMES = [
  'afraid', 'agree', ...numbered('angry', 1, 3), 'basketball_shot', 'bow', ...numbered('box', 1, 3),
  'cast_a_spell', 'cheer', 'chop', 'clap', 'climb', ...numbered('complain', 1, 2), 'cross_body_crunch',
  'crossover_dribble', 'cry', ...numbered('dance', 1, 6), 'defeat_02', 'defeat_03', 'depressed', 'dig', 'dive',
  'dribble', 'fall', 'fire', ...numbered('flee', 1, 2), 'flip', 'fold_arms', 'football_catch', 'football_save',
  'football_pass', 'freaky', 'frightened', ...numbered('front_kick', 1, 2), ...numbered('frustrated', 1, 2), 'golf',
  ...numbered('greet', 1, 4), 'heart_pose', ...numbered('hit_to_body', 1, 2), 'hit_to_head', 'hit_to_side',
  'hit_to_stomach', 'hug', 'hurt', 'idle', 'jump_down', 'jump', ...numbered('jump_rope', 1, 2),
  ...numbered('laugh', 1, 2), 'lift_heavy', 'look_around', ...numbered('make_a_call', 1, 2), 'pitch_baseball',
  'play_mobile_game', 'play_video_game', 'press-up', 'run_upstairs', 'run', ...numbered('scared', 1, 2), 'scratch',
  'shoot', 'shovel', ...numbered('sing', 1, 4), 'sit', 'slash', 'sob', 'standing_relax', 'surf', 'swagger', 'swim',
  'turn', 'victory_celebration', 'volleyball', 'wait', 'walk', 'warm_up', ...numbered('wave_goodbye', 1, 2),
];

/** Presets for rig model_version v1.0-20240301 (biped only). */
export const RIG_V1_BIPED_PRESETS: readonly string[] = BIPED_NAMES.map((name) => `preset:biped:${name}`);

export const ANIMATION_PRESETS: ReadonlySet<string> = new Set<string>([...RIG_V2_PRESETS, ...RIG_V1_BIPED_PRESETS]);
