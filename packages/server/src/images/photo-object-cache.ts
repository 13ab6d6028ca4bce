// The photo analyses of image inputs (geometry's image-to-model/analyse-photo.ts), kept by content hash so the
// create-time check and the task's run look at a photo once. In memory, bounded; a worker in another process
// (or after a restart) analyses again, which gives the same answer for the same bytes.
import { createHash } from 'node:crypto';
import { analysePhoto } from '@polyforge/geometry/image-to-model/analyse-photo';
import type { PhotoObject } from '@polyforge/geometry/image-to-model/find-photo-object';
import type { BackgroundRemover } from '@polyforge/geometry/raster/background-remover';

export interface PhotoObjectCacheOptions {
  /** analyses kept (each holds a mask of at most 200 × 200 bytes) */
  maxEntries: number;
}

export const PHOTO_OBJECT_CACHE_DEFAULTS: PhotoObjectCacheOptions = { maxEntries: 64 };

export class PhotoObjectCache {
  private readonly entries = new Map<string, Promise<PhotoObject>>();

  constructor(
    private readonly backgroundRemover: BackgroundRemover,
    private readonly options: PhotoObjectCacheOptions = PHOTO_OBJECT_CACHE_DEFAULTS,
  ) {}

  /** Whether analysing is quick enough for create time: the built-in method is; a learned model takes seconds. */
  get analysesAtCreate(): boolean {
    return this.backgroundRemover.method === 'classical';
  }

  analyse(bytes: Uint8Array): Promise<PhotoObject> {
    const key = createHash('sha256').update(bytes).digest('hex');
    const cached = this.entries.get(key);
    if (cached) {
      // most recently used last, so the oldest is evicted first
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const analysis = analysePhoto(bytes, { backgroundRemover: this.backgroundRemover });
    this.entries.set(key, analysis);
    analysis.catch(() => this.entries.delete(key));
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return analysis;
  }
}
