// The bounds every input image must meet (tripo-api.md §3: JPEG/PNG/WebP, 20–6000 px per side, ≤ 20 MB;
// URL inputs JPEG/PNG only). The byte limit is the operator's POLYFORGE_MAX_IMAGE_MB.

export const IMAGE_LIMITS = {
  minSidePixels: 20,
  maxSidePixels: 6000,
  /** 6000 × 6000: what the per-side limit allows; also handed to sharp so no decode can exceed it. */
  maxPixels: 6000 * 6000,
} as const;

export const UPLOAD_IMAGE_FORMATS = ['jpeg', 'png', 'webp'] as const;
export const URL_IMAGE_FORMATS = ['jpeg', 'png'] as const;
export type InputImageFormat = (typeof UPLOAD_IMAGE_FORMATS)[number];
