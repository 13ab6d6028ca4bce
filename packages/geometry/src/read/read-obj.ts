// Reads Wavefront OBJ bytes into a glTF-Transform Document with the file's own vertex sharing (parse-obj.ts,
// build-obj-document.ts). A single upload has no .mtl, so each `usemtl` becomes a glTF material of that name
// (coloured when the name is a CSS colour name).

import { Document, type Material } from '@gltf-transform/core';
import { Color } from 'three';
import { buildObjDocument } from './build-obj-document.ts';
import { ModelInputError } from './model-input-error.ts';
import { parseObj } from './parse-obj.ts';

export interface ReadObjOptions {
  maxTriangleCount: number;
}

export function readObj(bytes: Uint8Array, options: ReadObjOptions): Document {
  if (bytes.subarray(0, 64 * 1024).includes(0))
    throw new ModelInputError('The OBJ file is not text: it contains NUL bytes.');
  const content = parseObj(bytes, options);
  assertTriangleBudget(content.triangleCount, options.maxTriangleCount);
  if (content.objects.length === 0) throw new ModelInputError('The OBJ file contains no faces.');

  const document = new Document();
  document.createBuffer();
  const materials = new Map<string, Material>();
  buildObjDocument(document, content, {
    materialFor: (name) => {
      if (name === '') return null;
      let material = materials.get(name);
      if (!material) {
        material = document.createMaterial(name).setBaseColorFactor([...colourFromName(name), 1]);
        materials.set(name, material);
      }
      return material;
    },
  });
  return document;
}

function assertTriangleBudget(triangleCount: number, maxTriangleCount: number): void {
  if (triangleCount > maxTriangleCount) {
    throw new ModelInputError(
      `The OBJ file has ${triangleCount.toLocaleString('en-US')} triangles; the limit is ${maxTriangleCount.toLocaleString('en-US')}. Simplify it before uploading.`,
    );
  }
}

/** Linear RGB for a material named like a CSS colour ("red", "SkyBlue"); white otherwise. */
function colourFromName(name: string): [number, number, number] {
  const hex = (Color.NAMES as Record<string, number>)[name.toLowerCase()];
  if (hex === undefined) return [1, 1, 1];
  const colour = new Color(hex); // three converts sRGB hex to its linear working space
  return [colour.r, colour.g, colour.b];
}
