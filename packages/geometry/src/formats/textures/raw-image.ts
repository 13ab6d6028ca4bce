// The decoded image the hand-written texture encoders take: 8-bit RGBA, row-major, top row first.

export interface RawRgbaImage {
  width: number;
  height: number;
  /** width × height × 4 bytes. */
  data: Uint8Array;
}

export function hasTransparency(image: RawRgbaImage): boolean {
  for (let offset = 3; offset < image.data.length; offset += 4) if (image.data[offset] !== 255) return true;
  return false;
}
