// The built-in animation library: which clip animate_retarget plays for each preset id on each template.
// `preset:biped:<name>` clips are biped only; the rig-v2 generic ids (preset:idle, preset:walk, ...) play the
// biped clip of that name on a biped and the quadruped clip on a quadruped where one exists;
// `preset:quadruped:walk` is the quadruped walk. The hexapod, octopod, serpentine and aquatic presets need
// templates the built-in rigger does not make.
import { ANIMATION_PRESETS } from '@polyforge/protocol';
import type { RigTemplateName } from '../rig-templates.ts';
import { BIPED_ACTION_CLIPS } from './biped-action-clips.ts';
import { BIPED_EMOTION_CLIPS } from './biped-emotion-clips.ts';
import { BIPED_LOCOMOTION_CLIPS } from './biped-locomotion-clips.ts';
import { BIPED_SOCIAL_CLIPS } from './biped-social-clips.ts';
import type { PresetClip } from './pose-clip.ts';
import { QUADRUPED_CLIPS } from './quadruped-clips.ts';

const BIPED_CLIPS: Record<string, () => PresetClip> = {
  ...BIPED_LOCOMOTION_CLIPS,
  ...BIPED_SOCIAL_CLIPS,
  ...BIPED_EMOTION_CLIPS,
  ...BIPED_ACTION_CLIPS,
};

export type PresetLookup = { clip: PresetClip } | { error: string };

export function presetClip(presetId: string, template: RigTemplateName): PresetLookup {
  if (!ANIMATION_PRESETS.has(presetId)) return { error: `"${presetId}" is not an animation preset` };
  const parts = presetId.split(':');
  if (parts.length === 3) {
    const [, family, name] = parts;
    if (family === template) {
      const build = (template === 'biped' ? BIPED_CLIPS : QUADRUPED_CLIPS)[name];
      if (build) return { clip: build() };
    }
    if (family === 'biped' || family === 'quadruped')
      return { error: `${presetId} is for ${family} rigs; this rig is a ${template}` };
    return { error: `${presetId} needs a ${family} rig; the built-in rigger makes biped and quadruped rigs only` };
  }
  const name = parts[1];
  const build = (template === 'biped' ? BIPED_CLIPS : QUADRUPED_CLIPS)[name];
  if (build) return { clip: build() };
  return {
    error: `${presetId} has no ${template} version here (${template} rigs play: ${presetsForTemplate(template)
      .filter((id) => id.split(':').length === 2)
      .join(', ')})`,
  };
}

/** Every preset id that plays on the template. */
export function presetsForTemplate(template: RigTemplateName): string[] {
  return [...ANIMATION_PRESETS].filter((presetId) => 'clip' in presetClipIfCheap(presetId, template));
}

function presetClipIfCheap(presetId: string, template: RigTemplateName): { clip: true } | { error: string } {
  const parts = presetId.split(':');
  const table = template === 'biped' ? BIPED_CLIPS : QUADRUPED_CLIPS;
  if (parts.length === 3) return parts[1] === template && table[parts[2]] ? { clip: true } : { error: '' };
  return table[parts[1]] ? { clip: true } : { error: '' };
}
