// The one place that configures glTF-Transform's NodeIO: every extension it knows, plus the decoders the
// ecosystem uses for compressed glTF: meshoptimizer's (EXT_meshopt_compression) and draco3dgltf's
// (KHR_draco_mesh_compression), the same pair glTF-Transform's own CLI registers. Both are WASM and load once.

import { NodeIO } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import draco3d from 'draco3dgltf';
import { MeshoptDecoder } from 'meshoptimizer';

let dracoDecoder: Promise<unknown> | undefined;

export async function createGltfIO(): Promise<NodeIO> {
  dracoDecoder ??= draco3d.createDecoderModule();
  const [decoder] = await Promise.all([dracoDecoder, MeshoptDecoder.ready]);
  return new NodeIO()
    .registerExtensions(ALL_EXTENSIONS)
    .registerDependencies({ 'meshopt.decoder': MeshoptDecoder, 'draco3d.decoder': decoder });
}

let shared: Promise<NodeIO> | undefined;

/**
 * One NodeIO for the model reader and the GLB writer, which configure nothing more: instances are reusable, and
 * constructing one costs ~0.3 ms (two dynamic imports, every extension registered), a tenth of converting a small
 * model. Callers that register more dependencies (an encoder) make their own with createGltfIO.
 */
export function sharedGltfIO(): Promise<NodeIO> {
  shared ??= createGltfIO().catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}
