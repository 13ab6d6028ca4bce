import { decodeImage } from '@polyforge/geometry/raster/decode-image';
import { drawingImage } from '@polyforge/geometry/test/fixtures/build-image-fixtures';
import { describe, expect, it } from 'vitest';
import { createBackgroundRemover } from './background-remover.ts';

describe('background remover choice', () => {
  it('the AGPL opt-in is loaded only when installed, with a clear message otherwise', async () => {
    const image = await decodeImage(await drawingImage(64));
    await expect(createBackgroundRemover('imgly').foregroundMask(image)).rejects.toThrow(
      /@imgly\/background-removal-node \(AGPL-3.0\), which is not installed/,
    );
  });

  it('is the classical graph-cut remover by default', () => {
    expect(createBackgroundRemover().method).toBe('classical');
  });
});
