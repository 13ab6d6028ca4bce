// texture_model's source model as the glTF binary the providers take: a stored GLB as it is, a model of another
// format (an imported FBX, OBJ, STL...) read with our reader and written as GLB.
import { createGltfIO } from '@polyforge/geometry/read/create-gltf-io';
import { readModel, type ReadableModelFormat } from '@polyforge/geometry/read/read-model';
import { EngineFailure, type EngineInputFile } from '../engine.ts';

export async function sourceModelGlb(source: EngineInputFile | undefined): Promise<Uint8Array> {
  if (!source) throw new EngineFailure('inputExpired', 'the source model is no longer available');
  if (source.format === 'glb') return source.bytes;
  const document = await readModel(source.bytes, source.format as ReadableModelFormat);
  return (await createGltfIO()).writeBinary(document);
}
