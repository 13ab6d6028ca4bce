// Writes a Document as a binary glTF (GLB) with glTF-Transform's NodeIO.

import type { Document } from '@gltf-transform/core';
import { sharedGltfIO } from '../../read/create-gltf-io.ts';

export async function writeGlb(document: Document): Promise<Uint8Array> {
  const io = await sharedGltfIO();
  return io.writeBinary(document);
}
