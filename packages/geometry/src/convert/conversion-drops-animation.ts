// Whether a convert_model request's output can hold no animation, so that readModel may leave the source's
// animations unread (ReadModelOptions.skipAnimations): with_animation=false, or a format that writes none (OBJ,
// STL, 3MF) when no option reads the clips first (animate_in_place and assemble_animation edit them, part_names
// changes which channels the warnings count).

import { CONVERT_MODEL_DEFAULTS } from '@polyforge/protocol';
import type { ConvertOptionsRequest } from './apply-convert-options.ts';
import { formatDropsAnimation } from './conversion-warnings.ts';

export function conversionDropsAnimation(request: ConvertOptionsRequest): boolean {
  if (!(request.with_animation ?? CONVERT_MODEL_DEFAULTS.with_animation)) return true;
  return (
    formatDropsAnimation(request.format) &&
    !(request.animate_in_place ?? CONVERT_MODEL_DEFAULTS.animate_in_place) &&
    !request.assemble_animation &&
    !(request.part_names && request.part_names.length > 0)
  );
}
