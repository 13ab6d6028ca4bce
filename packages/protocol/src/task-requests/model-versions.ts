// Which `model_version` strings each task type accepts, which are retired (error 2015) and the default (tripo-api.md §4.1).

export const MODEL_VERSIONS = {
  h31: 'v3.1-20260211',
  h30: 'v3.0-20250812',
  h25: 'v2.5-20250123',
  p1: 'P1-20260311',
} as const;

/** The V2 server default for 3D generation when model_version is omitted. */
export const DEFAULT_MODEL_VERSION = MODEL_VERSIONS.h25;

const RETIRED_3D_VERSIONS = ['v2.0-20240919', 'Turbo-v1.0-20250506', 'v1.4-20240625', 'v1.3-20240522'] as const;

export interface ModelVersionTable {
  accepted: readonly string[];
  retired: readonly string[];
  /** undefined: the field has no default and stays absent when omitted */
  defaultVersion: string | undefined;
  /** the old alias `default` (V2SCHEMA) resolves to defaultVersion */
  acceptsDefaultAlias: boolean;
}

const GENERATE_MODEL = {
  accepted: [MODEL_VERSIONS.h31, MODEL_VERSIONS.h30, MODEL_VERSIONS.h25, MODEL_VERSIONS.p1],
  retired: RETIRED_3D_VERSIONS,
  defaultVersion: DEFAULT_MODEL_VERSION,
  acceptsDefaultAlias: true,
} as const satisfies ModelVersionTable;

export const MODEL_VERSION_TABLES = {
  text_to_model: GENERATE_MODEL,
  image_to_model: GENERATE_MODEL,
  // multiview never ran on Turbo or v1.x, so those are unknown here rather than retired
  multiview_to_model: { ...GENERATE_MODEL, retired: ['v2.0-20240919'] },
  texture_model: {
    accepted: [MODEL_VERSIONS.h25, MODEL_VERSIONS.h30],
    retired: ['v2.0-20240919'],
    defaultVersion: DEFAULT_MODEL_VERSION,
    acceptsDefaultAlias: false,
  },
  // V2 tolerated 3D version strings on text_to_image; they do not change the result
  text_to_image: {
    accepted: [...GENERATE_MODEL.accepted, ...RETIRED_3D_VERSIONS, 'default'],
    retired: [],
    defaultVersion: undefined,
    acceptsDefaultAlias: false,
  },
  generate_image: {
    accepted: [
      'flux.1_kontext_pro',
      'flux.1_dev',
      'gpt_4o',
      'gemini_2.5_flash_image_preview',
      'z_image',
      'gpt_image_1.5',
      'gpt_image_2',
      'midjourney',
      'gemini_3_pro_image_preview',
      'gemini_3.1_flash_image_preview',
      // Polyforge's embedded image model (renders the text_to_model generator's object); explicit only
      'polyforge_basic',
    ],
    retired: [],
    defaultVersion: 'flux.1_kontext_pro',
    acceptsDefaultAlias: false,
  },
  mesh_segmentation: {
    accepted: ['v1.0-20250506', 'v2.0-20260430'],
    retired: [],
    defaultVersion: 'v1.0-20250506',
    acceptsDefaultAlias: false,
  },
  mesh_completion: {
    accepted: ['v1.0-20250506'],
    retired: [],
    defaultVersion: 'v1.0-20250506',
    acceptsDefaultAlias: false,
  },
  // docs and ComfyUI-Tripo say ...25, the Python SDK and the Rust client say ...26: accept both
  highpoly_to_lowpoly: {
    accepted: ['P-v2.0-20251225', 'P-v2.0-20251226'],
    retired: ['P-v1.0-20250506'],
    defaultVersion: 'P-v2.0-20251225',
    acceptsDefaultAlias: false,
  },
  animate_rig: {
    accepted: ['v1.0-20240301', 'v2.0-20250506', 'v2.5-20260210'],
    retired: [],
    defaultVersion: 'v1.0-20240301',
    acceptsDefaultAlias: false,
  },
} as const satisfies Record<string, ModelVersionTable>;

/** generate_image model versions billed at 10 credits (pricing.txt); every other one costs 5. */
export const PREMIUM_IMAGE_MODEL_VERSIONS: readonly string[] = [
  'gpt_image_1.5',
  'gpt_image_2',
  'midjourney',
  'gemini_3_pro_image_preview',
  'gemini_3.1_flash_image_preview',
];

export function isP1ModelVersion(version: string | undefined): boolean {
  return version !== undefined && version.startsWith('P1-');
}
