// The one place that configures glTF-Transform's NodeIO: every extension it knows, plus the meshopt decoder
// (small, bundled with meshoptimizer) so EXT_meshopt_compression files can be read. Draco is not wired: its
// decoder (draco3dgltf) is not a dependency, and read-gltf.ts turns that into a clear message.

import { NodeIO } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import { MeshoptDecoder } from 'meshoptimizer';

export async function createGltfIO(): Promise<NodeIO> {
  await MeshoptDecoder.ready;
  return new NodeIO().registerExtensions(ALL_EXTENSIONS).registerDependencies({ 'meshopt.decoder': MeshoptDecoder });
}
