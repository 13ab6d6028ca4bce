import { Document } from '@gltf-transform/core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { texturedCubeDocument } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { withPreview } from './with-preview.ts';

const model = { bytes: new Uint8Array([1]), extension: 'glb', mimeType: 'model/gltf-binary' };

describe('withPreview', () => {
  it('adds a WebP rendered_image beside the model and keeps the rest of the result', async () => {
    const result = await withPreview(
      texturedCubeDocument(),
      { files: { model }, result: { face_count: 12 } },
      { sizePixels: 128 },
    );
    expect(result.files.model).toBe(model);
    expect(result.result).toEqual({ face_count: 12 });
    expect(result.files.rendered_image).toMatchObject({ extension: 'webp', mimeType: 'image/webp' });
    expect(await sharp(result.files.rendered_image.bytes).metadata()).toMatchObject({
      format: 'webp',
      width: 128,
      height: 128,
    });
  });

  it('adds no preview for a model without triangles instead of failing the task', async () => {
    const document = new Document();
    document.getRoot().setDefaultScene(document.createScene());
    const result = await withPreview(document, { files: { model } });
    expect(Object.keys(result.files)).toEqual(['model']);
  });
});
