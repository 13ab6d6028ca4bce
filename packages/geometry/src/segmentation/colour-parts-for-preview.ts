// The segmentation preview: a copy of the segmented model whose parts each get a flat colour of their own
// (evenly spaced hues by golden-ratio steps), so `rendered_image` shows where the cuts are.
import type { Document } from '@gltf-transform/core';
import { cloneDocument } from '@gltf-transform/functions';

export function colourPartsForPreview(document: Document): Document {
  const copy = cloneDocument(document);
  const scene = copy.getRoot().getDefaultScene() ?? copy.getRoot().listScenes()[0];
  let index = 0;
  for (const node of scene?.listChildren() ?? []) {
    const mesh = node.getMesh();
    if (!mesh) continue;
    const hue = (index++ * 0.618034) % 1;
    const material = copy
      .createMaterial(`preview_${node.getName()}`)
      .setBaseColorFactor([...hueToLinearRgb(hue), 1])
      .setRoughnessFactor(0.8)
      .setMetallicFactor(0);
    for (const primitive of mesh.listPrimitives()) primitive.setMaterial(material);
  }
  return copy;
}

/** A saturated colour of the given hue (0–1), in linear light. */
function hueToLinearRgb(hue: number): [number, number, number] {
  const channel = (offset: number) => {
    const value = Math.abs(((hue * 6 + offset) % 6) - 3) - 1;
    const srgb = 0.25 + 0.65 * Math.min(1, Math.max(0, value));
    return srgb <= 0.04045 ? srgb / 12.92 : ((srgb + 0.055) / 1.055) ** 2.4;
  };
  return [channel(0), channel(4), channel(2)];
}
