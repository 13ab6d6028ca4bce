// The foreground mask type shared by background removal, silhouettes and image edits, and its clean-up.
import type { RgbaImage } from './decode-image.ts';

export interface ForegroundMask {
  width: number;
  height: number;
  /** 1 = object, 0 = background, one byte per pixel. */
  data: Uint8Array;
}

export function maskFromAlpha(image: RgbaImage, threshold = 128): ForegroundMask {
  const data = new Uint8Array(image.width * image.height);
  for (let pixel = 0; pixel < data.length; pixel++) data[pixel] = image.data[pixel * 4 + 3] >= threshold ? 1 : 0;
  return { width: image.width, height: image.height, data };
}

export function countForeground(mask: ForegroundMask): number {
  let count = 0;
  for (let pixel = 0; pixel < mask.data.length; pixel++) count += mask.data[pixel];
  return count;
}

/**
 * Keeps the largest object region and any other at least `keepShare` of its size (8-connected), and fills
 * background holes not connected to the image border smaller than `holeShare` of the object's area.
 */
export function cleanMask(
  mask: ForegroundMask,
  options: { keepShare?: number; holeShare?: number } = {},
): ForegroundMask {
  const keepShare = options.keepShare ?? 0.15;
  const holeShare = options.holeShare ?? 0.02;
  const { width, height } = mask;
  const objects = labelComponents(mask.data, width, height, 1);
  const largest = Math.max(0, ...objects.sizes);
  const data = new Uint8Array(mask.data.length);
  for (let pixel = 0; pixel < data.length; pixel++) {
    const label = objects.labels[pixel];
    if (label >= 0 && objects.sizes[label] >= largest * keepShare) data[pixel] = 1;
  }
  const area = data.reduce((sum, value) => sum + value, 0);
  const holes = labelComponents(data, width, height, 0);
  for (let pixel = 0; pixel < data.length; pixel++) {
    const label = holes.labels[pixel];
    if (label >= 0 && !holes.touchesBorder[label] && holes.sizes[label] < area * holeShare) data[pixel] = 1;
  }
  return { width, height, data };
}

/** The mask with every background region that does not reach the image border filled. */
export function fillHoles(mask: ForegroundMask): ForegroundMask {
  const { width, height } = mask;
  const data = mask.data.slice();
  const holes = labelComponents(data, width, height, 0);
  for (let pixel = 0; pixel < data.length; pixel++) {
    const label = holes.labels[pixel];
    if (label >= 0 && !holes.touchesBorder[label]) data[pixel] = 1;
  }
  return { width, height, data };
}

export interface Components {
  labels: Int32Array;
  sizes: number[];
  touchesBorder: boolean[];
}

/** Connected regions of the pixels equal to `value`: 8-connected for 1 (object), 4-connected for 0 (background). */
export function labelComponents(data: Uint8Array, width: number, height: number, value: number): Components {
  const labels = new Int32Array(data.length).fill(-1);
  const sizes: number[] = [];
  const touchesBorder: boolean[] = [];
  const stack = new Int32Array(data.length);
  // Objects connect diagonally (8-neighbour), background through edges only (4-neighbour), so the two never cross.
  const diagonal = value === 1;
  for (let start = 0; start < data.length; start++) {
    if (data[start] !== value || labels[start] !== -1) continue;
    const label = sizes.length;
    let size = 0;
    let border = false;
    let top = 0;
    stack[top++] = start;
    labels[start] = label;
    while (top > 0) {
      const pixel = stack[--top];
      size++;
      const x = pixel % width;
      const y = (pixel - x) / width;
      if (x === 0 || y === 0 || x === width - 1 || y === height - 1) border = true;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          if ((dx === 0 && dy === 0) || (!diagonal && dx !== 0 && dy !== 0)) continue;
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const next = ny * width + nx;
          if (data[next] !== value || labels[next] !== -1) continue;
          labels[next] = label;
          stack[top++] = next;
        }
      }
    }
    sizes.push(size);
    touchesBorder.push(border);
  }
  return { labels, sizes, touchesBorder };
}
