// The MCP tools that create a task: one per generation input and per post-process, each with its argument schema
// and the V2 task body it builds (tripo-api.md §4). Running them is run-task-tool.ts's job.
import { z } from 'zod';
import { CONVERT_FORMATS, MAX_RETARGET_ANIMATIONS, RIG_TYPES } from '@polyforge/protocol';
import type { TaskBody } from '@polyforge/sdk';
import type { InputFiles } from './input-files.ts';

export interface TaskToolDefinition {
  name: string;
  title: string;
  description: string;
  /** The tool's own arguments; `wait`, `max_credits` and `options` are added to every task tool. */
  inputShape: z.ZodRawShape;
  buildBody(args: Record<string, unknown>, inputs: InputFiles): Promise<TaskBody>;
}

/** Arguments every task tool takes. */
export const COMMON_TASK_ARGUMENTS = {
  wait: z
    .boolean()
    .optional()
    .describe('wait for the task to finish, reporting progress (default true); false returns the task id at once'),
  max_credits: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('refuse, creating nothing, when the quoted price is higher than this'),
  options: z
    .record(z.string(), z.unknown())
    .optional()
    .describe(
      'further task parameters of the Tripo-compatible API, passed on as they are (e.g. {"texture_quality": "detailed"})',
    ),
} satisfies z.ZodRawShape;

const taskId = (what: string) => z.string().min(1).describe(what);
const imageSource = (what: string) =>
  z
    .string()
    .min(1)
    .describe(
      `${what}: a local image path (.png, .jpg, .webp; relative paths are read from the output directory) or an http(s) URL`,
    );

const generationArguments = {
  model_version: z.string().optional().describe('model version, e.g. v2.5-20250123 (the default) or v3.0-20250812'),
  texture: z.boolean().optional().describe('textured model (default true)'),
  pbr: z.boolean().optional().describe('PBR materials (default true)'),
  face_limit: z.number().int().positive().optional().describe('upper bound on the face count'),
};

export const TASK_TOOLS: readonly TaskToolDefinition[] = [
  {
    name: 'generate_from_text',
    title: 'Generate a 3D model from text',
    description:
      'Creates a text_to_model task: a textured 3D model (GLB) and a preview image from a prompt naming one object.',
    inputShape: {
      prompt: z.string().min(1).max(1024).describe('what to make, e.g. "a red sports car"'),
      negative_prompt: z.string().max(255).optional().describe('what to avoid'),
      ...generationArguments,
    },
    buildBody: async (args) =>
      body(
        'text_to_model',
        args,
        pick(args, 'prompt', 'negative_prompt', 'model_version', 'texture', 'pbr', 'face_limit'),
      ),
  },
  {
    name: 'generate_from_image',
    title: 'Generate a 3D model from an image',
    description: 'Creates an image_to_model task from one picture of an object (a local file is uploaded first).',
    inputShape: { image: imageSource('the picture'), ...generationArguments },
    buildBody: async (args, inputs) => ({
      ...body('image_to_model', args, pick(args, 'model_version', 'texture', 'pbr', 'face_limit')),
      file: await inputs.reference(String(args.image), 'image'),
    }),
  },
  {
    name: 'generate_from_multiview',
    title: 'Generate a 3D model from several views',
    description:
      'Creates a multiview_to_model task from front, left, back and right pictures (front required, at least two views).',
    inputShape: {
      front: imageSource('front view'),
      left: imageSource("left view (the object's left side)").optional(),
      back: imageSource('back view').optional(),
      right: imageSource('right view').optional(),
      ...generationArguments,
    },
    buildBody: async (args, inputs) => {
      // The API's order is [front, left, back, right]; a missing view is an empty object.
      const files = [];
      for (const view of ['front', 'left', 'back', 'right']) {
        files.push(typeof args[view] === 'string' ? await inputs.reference(args[view], 'image') : {});
      }
      return {
        ...body('multiview_to_model', args, pick(args, 'model_version', 'texture', 'pbr', 'face_limit')),
        files,
      };
    },
  },
  {
    name: 'import_model',
    title: 'Import a local 3D model',
    description:
      'Uploads a local model file (.glb, .gltf, .fbx, .obj, .stl) as an import_model task, so that the post-process tools can work on it. Free.',
    inputShape: {
      path: z.string().min(1).describe('the model file (relative paths are read from the output directory)'),
    },
    buildBody: async (args, inputs) => ({
      ...body('import_model', args, {}),
      file: await inputs.reference(String(args.path), 'model'),
    }),
  },
  {
    name: 'convert_model',
    title: 'Convert a model to another format',
    description:
      'Creates a convert_model task: GLTF, GLB, USDZ, FBX, OBJ, STL or 3MF, optionally retopologised (quad) or reduced (face_limit).',
    inputShape: {
      task_id: taskId('the task whose model is converted'),
      format: z.enum(CONVERT_FORMATS).describe('output format'),
      quad: z.boolean().optional().describe('quad retopology'),
      face_limit: z.number().int().positive().optional().describe('face count of the result'),
    },
    buildBody: async (args) =>
      body('convert_model', args, {
        original_model_task_id: args.task_id,
        ...pick(args, 'format', 'quad', 'face_limit'),
      }),
  },
  {
    name: 'smart_low_poly',
    title: 'Make a low-poly version',
    description: 'Creates a highpoly_to_lowpoly ("smart low poly") task: a clean low-poly remesh with baked textures.',
    inputShape: {
      task_id: taskId('the task whose model is reduced'),
      face_limit: z.number().int().positive().optional().describe('target face count'),
      quad: z.boolean().optional().describe('quad faces'),
    },
    buildBody: async (args) =>
      body('highpoly_to_lowpoly', args, { original_model_task_id: args.task_id, ...pick(args, 'face_limit', 'quad') }),
  },
  {
    name: 'segment_model',
    title: 'Split a model into parts',
    description:
      'Creates a mesh_segmentation task: the model as a GLB with one named node per part (part names in the result).',
    inputShape: { task_id: taskId('the task whose model is segmented') },
    buildBody: async (args) => body('mesh_segmentation', args, { original_model_task_id: args.task_id }),
  },
  {
    name: 'complete_model',
    title: 'Close the holes of segmented parts',
    description:
      'Creates a mesh_completion task on a mesh_segmentation result: the named parts (default all) become closed shapes.',
    inputShape: {
      task_id: taskId('a successful segment_model task'),
      part_names: z.array(z.string()).optional().describe('the parts to complete (default all)'),
    },
    buildBody: async (args) =>
      body('mesh_completion', args, { original_model_task_id: args.task_id, ...pick(args, 'part_names') }),
  },
  {
    name: 'texture_model',
    title: 'Texture a model',
    description: 'Creates a texture_model task: new textures from a text prompt or a reference image.',
    inputShape: {
      task_id: taskId('the task whose model is textured'),
      prompt: z.string().max(1024).optional().describe('texture description, e.g. "weathered red brick"'),
      image: imageSource('reference picture').optional(),
    },
    buildBody: async (args, inputs) => {
      const texturePrompt: Record<string, unknown> = {};
      if (typeof args.prompt === 'string') texturePrompt.text = args.prompt;
      if (typeof args.image === 'string') texturePrompt.image = await inputs.reference(args.image, 'image');
      const texture = Object.keys(texturePrompt).length > 0 ? { texture_prompt: texturePrompt } : {};
      return body('texture_model', args, { original_model_task_id: args.task_id, ...texture });
    },
  },
  {
    name: 'check_riggable',
    title: 'Check whether a model can be rigged',
    description:
      'Creates an animate_prerigcheck task (free): whether the model can be rigged and as which rig type (biped, quadruped, ...).',
    inputShape: { task_id: taskId('the task whose model is checked') },
    buildBody: async (args) => body('animate_prerigcheck', args, { original_model_task_id: args.task_id }),
  },
  {
    name: 'rig_model',
    title: 'Rig a model',
    description:
      'Creates an animate_rig task: the model with a skeleton and skin weights (GLB, or FBX with out_format).',
    inputShape: {
      task_id: taskId('the task whose model is rigged'),
      rig_type: z.enum(RIG_TYPES).optional().describe('skeleton type (default biped; see check_riggable)'),
      spec: z.enum(['tripo', 'mixamo']).optional().describe('bone naming (default tripo)'),
      out_format: z.enum(['glb', 'fbx']).optional(),
    },
    buildBody: async (args) =>
      body('animate_rig', args, {
        original_model_task_id: args.task_id,
        ...pick(args, 'rig_type', 'spec', 'out_format'),
      }),
  },
  {
    name: 'animate_model',
    title: 'Animate a rigged model',
    description:
      'Creates an animate_retarget task: preset animations played by a rig_model result, one clip per preset.',
    inputShape: {
      task_id: taskId('a successful rig_model task'),
      animations: z
        .array(z.string().min(1))
        .min(1)
        .max(MAX_RETARGET_ANIMATIONS)
        .describe('presets, e.g. ["preset:walk"], ["preset:idle", "preset:run"], ["preset:biped:wave_goodbye_01"]'),
      out_format: z.enum(['glb', 'fbx']).optional(),
      animate_in_place: z.boolean().optional().describe('keep the root in place'),
    },
    buildBody: async (args) =>
      body('animate_retarget', args, {
        original_model_task_id: args.task_id,
        ...pick(args, 'animations', 'out_format', 'animate_in_place'),
      }),
  },
];

export function taskToolNamed(name: string): TaskToolDefinition | undefined {
  return TASK_TOOLS.find((tool) => tool.name === name);
}

/** `options` first, so that the tool's named arguments and the type win over them. */
function body(type: string, args: Record<string, unknown>, fields: Record<string, unknown>): TaskBody {
  const options =
    args.options !== null && typeof args.options === 'object' ? (args.options as Record<string, unknown>) : {};
  return { ...options, ...fields, type };
}

function pick(args: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of keys) if (args[key] !== undefined) picked[key] = args[key];
  return picked;
}
