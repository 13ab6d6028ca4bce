// Animation tasks: animate_prerigcheck, animate_rig, animate_retarget (tripo-api.md §4.14).
import { z } from 'zod';
import { describeInput } from '../json-values.ts';
import { booleanField, enumField, expected, modelVersionField, taskIdField } from './fields.ts';
import { MODEL_VERSION_TABLES } from './model-versions.ts';
import { ANIMATION_PRESETS } from './animation-presets.ts';

export const RIG_TYPES = [
  'biped',
  'quadruped',
  'hexapod',
  'octopod',
  'avian',
  'serpentine',
  'aquatic',
  'others',
] as const;

/** Retarget takes at most this many presets in one task (1004 "animations size must be <= 5"). */
export const MAX_RETARGET_ANIMATIONS = 5;

export const animatePrerigcheckSchema = z.object({
  type: z.literal('animate_prerigcheck'),
  original_model_task_id: taskIdField(),
});

/** v1.0-20240301 (the default) rigs bipeds only; a request for another rig type that names no model gets this one. */
export const RIG_MODEL_FOR_ANY_TYPE = 'v2.5-20260210';

export const animateRigSchema = z
  .object({
    type: z.literal('animate_rig'),
    original_model_task_id: taskIdField(),
    model_version: modelVersionField(MODEL_VERSION_TABLES.animate_rig).removeDefault().optional(),
    out_format: enumField(['glb', 'fbx']).default('glb'),
    rig_type: enumField(RIG_TYPES).default('biped'),
    spec: enumField(['tripo', 'mixamo']).default('tripo'),
  })
  .superRefine((request, context) => {
    if (request.model_version === 'v1.0-20240301' && request.rig_type !== 'biped') {
      context.addIssue({
        code: 'custom',
        path: ['rig_type'],
        message: `"${request.rig_type}" needs model_version v2.0-20250506 or v2.5-20260210 (v1.0-20240301 rigs bipeds only)`,
      });
    }
  })
  // the default model follows rig_type, so animate_prerigcheck → animate_rig with the rig_type it found works
  .transform((request) => ({
    ...request,
    model_version:
      request.model_version ??
      (request.rig_type === 'biped' ? MODEL_VERSION_TABLES.animate_rig.defaultVersion : RIG_MODEL_FOR_ANY_TYPE),
  }));

const presetField = () =>
  z.string(expected('an animation preset such as "preset:idle"')).refine((preset) => ANIMATION_PRESETS.has(preset), {
    error: (issue) =>
      `must be a known animation preset such as "preset:idle" or "preset:biped:wave_goodbye_01" (got ${describeInput(issue.input)})`,
  });

export const animateRetargetSchema = z
  .object({
    type: z.literal('animate_retarget'),
    original_model_task_id: taskIdField(),
    animation: presetField().optional(),
    animations: z
      .array(presetField(), expected(`a list of 1 to ${MAX_RETARGET_ANIMATIONS} animation presets`))
      .min(1, expected(`a list of 1 to ${MAX_RETARGET_ANIMATIONS} animation presets`))
      .max(MAX_RETARGET_ANIMATIONS, expected(`a list of at most ${MAX_RETARGET_ANIMATIONS} animation presets`))
      .optional(),
    out_format: enumField(['glb', 'fbx']).default('glb'),
    bake_animation: booleanField().default(true),
    // docs say true, the Python SDK's own default is false; the server follows the docs
    export_with_geometry: booleanField().default(true),
    animate_in_place: booleanField().default(false),
    render_video: booleanField().optional(),
  })
  .superRefine((request, context) => {
    if ((request.animation === undefined) === (request.animations === undefined)) {
      context.addIssue({
        code: 'custom',
        path: [request.animation === undefined ? 'animation' : 'animations'],
        message:
          request.animation === undefined
            ? 'is required: give either animation (one preset) or animations (a list)'
            : 'cannot be combined with animation; give one or the other',
      });
    }
    const seen = new Set<string>();
    request.animations?.forEach((preset, index) => {
      if (seen.has(preset))
        context.addIssue({ code: 'custom', path: ['animations', index], message: `repeats "${preset}"` });
      seen.add(preset);
    });
  });

/** The presets a retarget request asks for, whichever field carried them. */
export function retargetAnimationsOf(request: { animation?: string; animations?: string[] }): string[] {
  return request.animations ?? (request.animation === undefined ? [] : [request.animation]);
}
