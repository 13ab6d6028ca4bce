// edit_multiview_image on the CPU: each requested view of a generate_multiview_image task is changed per its
// prompt by the small edit vocabulary of @polyforge/geometry's raster/parse-edit-prompt.ts (colour, lightness,
// saturation, contrast, material words), applied to the object only (background-remover.ts gives the mask); the other
// views are passed through unchanged. A prompt outside the vocabulary is refused at create time (2002, no
// charge). The price is per edited view (pricing.ts).
import type { TaskRequest } from '@polyforge/protocol';
import sharp from 'sharp';
import { MULTIVIEW_VIEW_NAMES } from '@polyforge/geometry/multiview/view-frame';
import type { BackgroundRemover } from '../../images/background-remover.ts';
import { NoForegroundError } from '@polyforge/geometry/raster/classical-background-remover';
import { decodeImage } from '@polyforge/geometry/raster/decode-image';
import { editImageColours } from '@polyforge/geometry/raster/edit-image-colours';
import { EDIT_VOCABULARY_HINT, parseEditPrompt } from '@polyforge/geometry/raster/parse-edit-prompt';
import {
  EngineFailure,
  type Engine,
  type EngineContext,
  type EngineInput,
  type EngineOutputFile,
  type EngineResult,
  type EngineSupport,
} from '../engine.ts';
import { multiviewOutputKey } from './generate-multiview-image-engine.ts';

type EditRequest = Extract<TaskRequest, { type: 'edit_multiview_image' }>;

const WORKING_SIZE_PIXELS = 256;

export class EditMultiviewImageEngine implements Engine {
  readonly name = 'builtin';
  readonly taskTypes = ['edit_multiview_image'];

  constructor(private readonly backgroundRemover: BackgroundRemover) {}

  supports(request: TaskRequest): EngineSupport {
    for (const { view, prompt } of (request as EditRequest).prompts) {
      if (parseEditPrompt(prompt).length === 0) {
        return {
          ok: false,
          reason: `the built-in image editor did not understand the ${view} view's prompt "${prompt.slice(0, 80)}"; it understands ${EDIT_VOCABULARY_HINT}`,
        };
      }
    }
    return { ok: true };
  }

  estimateSeconds(request: TaskRequest): number {
    return 2 * (request as EditRequest).prompts.length;
  }

  async run(input: EngineInput, context: EngineContext): Promise<EngineResult> {
    const request = input.request as EditRequest;
    const files: Record<string, EngineOutputFile> = {};
    for (const view of MULTIVIEW_VIEW_NAMES) {
      const source = input.sourceOutputs?.[multiviewOutputKey(view)];
      if (!source)
        throw new EngineFailure(
          'inputExpired',
          `the ${view} view of source task ${request.original_task_id} is no longer available`,
        );
      const prompt = request.prompts.find((entry) => entry.view === view)?.prompt;
      files[multiviewOutputKey(view)] =
        prompt === undefined
          ? { bytes: source.bytes, extension: source.format || 'webp', mimeType: `image/${source.format || 'webp'}` }
          : await this.editView(source.bytes, prompt, view);
      context.reportProgress(((MULTIVIEW_VIEW_NAMES.indexOf(view) + 1) / MULTIVIEW_VIEW_NAMES.length) * 95);
    }
    return { files };
  }

  private async editView(bytes: Uint8Array, prompt: string, view: string): Promise<EngineOutputFile> {
    const image = await decodeImage(bytes);
    const working = await decodeImage(bytes, { maxSidePixels: WORKING_SIZE_PIXELS });
    let mask;
    try {
      mask = await this.backgroundRemover.foregroundMask(working);
    } catch (error) {
      if (error instanceof NoForegroundError)
        throw new EngineFailure(
          'noForegroundObject',
          `no object could be separated from the background of the ${view} view`,
        );
      throw error;
    }
    // a soft mask at full size: the working mask's 0/255 values upsampled linearly, so the outline blends
    const binary = Uint8Array.from(mask.data, (inside) => inside * 255);
    const soft = await sharp(binary, { raw: { width: mask.width, height: mask.height, channels: 1 } })
      .resize(image.width, image.height, { fit: 'fill', kernel: 'linear' })
      .extractChannel(0)
      .raw()
      .toBuffer();
    const weights = new Uint8Array(soft.buffer, soft.byteOffset, soft.byteLength);
    const edited = editImageColours(image, weights, parseEditPrompt(prompt));
    const webp = await sharp(edited.data, { raw: { width: edited.width, height: edited.height, channels: 4 } })
      .webp({ quality: 92 })
      .toBuffer();
    return { bytes: new Uint8Array(webp), extension: 'webp', mimeType: 'image/webp' };
  }
}
