// What a provider chain reads from a generation request: its input images in view order, its shape (what an adapter
// judges to refuse it) and the face limit to ask for.
import { QUAD_DEFAULT_FACE_LIMIT, type TaskRequestOf } from '@polyforge/protocol';
import type { EngineInput } from '../engine.ts';
import { detectFileFormat } from '@polyforge/geometry/read/detect-file-format';
import { MULTIVIEW_VIEW_NAMES } from '@polyforge/geometry/multiview/view-frame';
import type { Provider3dImage, Provider3dRequestShape, TextureSourceKind } from './provider-3d.ts';

export type GenerationRequest =
  | TaskRequestOf<'text_to_model'>
  | TaskRequestOf<'image_to_model'>
  | TaskRequestOf<'multiview_to_model'>
  | TaskRequestOf<'texture_model'>;

/** face_limit for smart_low_poly when the client gives none (the highpoly_to_lowpoly default). */
const SMART_LOW_POLY_FACE_LIMIT = 10_000;

export function faceLimitOf(request: GenerationRequest): number | undefined {
  if (request.type === 'texture_model') return undefined;
  if (request.face_limit !== undefined) return request.face_limit;
  if (request.smart_low_poly) return SMART_LOW_POLY_FACE_LIMIT;
  if (request.quad) return QUAD_DEFAULT_FACE_LIMIT;
  return undefined;
}

/** The input images in order: image_to_model's one image; multiview's views front, left, back, right (filled `files` slots over the source task's views). */
export function imagesOf(input: EngineInput): Provider3dImage[] {
  const request = input.request as GenerationRequest;
  if (request.type !== 'multiview_to_model')
    return input.files.filter((file) => file.kind === 'image').map((file) => imageOf(file.bytes, file.fileName));
  const byView = new Map<string, Provider3dImage>();
  for (const view of MULTIVIEW_VIEW_NAMES) {
    const source = input.sourceOutputs?.[`generate_multiview_image.${view}_view_url`];
    if (source) byView.set(view, imageOf(source.bytes, `${view}.${source.format || 'png'}`));
  }
  let next = 0;
  (request.files ?? []).forEach((slot, index) => {
    if (!isFilledSlot(slot)) return;
    const file = input.files[next++];
    if (file) byView.set(MULTIVIEW_VIEW_NAMES[index]!, imageOf(file.bytes, file.fileName));
  });
  return MULTIVIEW_VIEW_NAMES.filter((view) => byView.has(view)).map((view) => byView.get(view)!);
}

function imageOf(bytes: Uint8Array, fileName: string): Provider3dImage {
  return { bytes, mimeType: detectFileFormat(bytes)?.mimeType ?? 'application/octet-stream', fileName };
}

function isFilledSlot(slot: unknown): boolean {
  return ['file_token', 'url', 'object'].some(
    (field) => (slot as Record<string, unknown> | undefined)?.[field] !== undefined,
  );
}

export function shapeOf(request: GenerationRequest, model: string): Provider3dRequestShape {
  if (request.type === 'texture_model') {
    const prompt = request.texture_prompt;
    const source: TextureSourceKind =
      prompt?.text !== undefined
        ? prompt.style_image
          ? 'text_and_style_image'
          : 'text'
        : prompt?.image
          ? 'image'
          : prompt?.images
            ? 'views'
            : 'none';
    return {
      taskType: request.type,
      model,
      prompt: prompt?.text,
      imageCount: source === 'image' ? 1 : 0,
      textureSource: source,
    };
  }
  // with original_task_id the views come from that task (at most four)
  const views =
    request.type === 'multiview_to_model'
      ? request.original_task_id !== undefined
        ? 4
        : (request.files ?? []).filter(isFilledSlot).length
      : 0;
  const images = request.type === 'image_to_model' ? 1 : views;
  return { taskType: request.type, model, prompt: (request as { prompt?: string }).prompt, imageCount: images };
}
