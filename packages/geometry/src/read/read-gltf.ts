// Reads a GLB or a self-contained .gltf (data: URIs only) into a glTF-Transform Document, after the
// pre-flight checks in check-gltf-json.ts. Compression extensions (Draco, meshopt, KTX2/Basis) are decoded on
// read and dropped, so the Document handed on is plain and any writer can write it.

import { GLB_BUFFER, type Document, type JSONDocument } from '@gltf-transform/core';
import { checkGltfJson } from './check-gltf-json.ts';
import { sharedGltfIO } from './create-gltf-io.ts';
import { decodeKtx2Textures } from './decode-ktx2-textures.ts';
import { dropGltfAnimations } from './drop-gltf-animations.ts';
import { asModelInputError, ModelInputError } from './model-input-error.ts';
import { recordUnreadAnimations } from './unread-animations.ts';

const GLB_MAGIC = 0x46546c67; // 'glTF'
const CHUNK_JSON = 0x4e4f534a;
const CHUNK_BIN = 0x004e4942;

export interface ReadGltfOptions {
  maxTriangleCount: number;
  /** Leave the animations (and the accessors only they use) unread; see ReadModelOptions.skipAnimations. */
  skipAnimations?: boolean;
}

export async function readGlb(bytes: Uint8Array, options: ReadGltfOptions): Promise<Document> {
  const glb = alignedCopy(bytes);
  const { json, binByteLength } = parseGlbContainer(glb);
  checkGltfJson(json, {
    maxTriangleCount: options.maxTriangleCount,
    availableBufferBytes: (index) => (index === 0 ? binByteLength : undefined) ?? dataUriBytesOf(json, index),
  });
  // The JSON parsed here is handed on as it is (io.readBinary would parse it a second time).
  const resources = binByteLength === undefined ? {} : { [GLB_BUFFER]: binChunkOf(glb, binByteLength) };
  return readJsonDocument({ json, resources } as JSONDocument, options, 'The GLB file could not be read');
}

export async function readGltfJson(bytes: Uint8Array, options: ReadGltfOptions): Promise<Document> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ModelInputError(`The .gltf file is not valid JSON: ${(error as Error).message}`);
  }
  checkGltfJson(json, {
    maxTriangleCount: options.maxTriangleCount,
    availableBufferBytes: (index) => dataUriBytesOf(json, index),
  });
  return readJsonDocument({ json, resources: {} } as JSONDocument, options, 'The .gltf file could not be read');
}

async function readJsonDocument(jsonDocument: JSONDocument, options: ReadGltfOptions, failure: string) {
  const unread = options.skipAnimations ? dropGltfAnimations(jsonDocument.json) : undefined;
  const io = await sharedGltfIO();
  const document = await finishRead(await asModelInputError(failure, () => io.readJSON(jsonDocument)));
  if (unread) recordUnreadAnimations(document, unread);
  return document;
}

/** Splits a GLB into its JSON and BIN chunks, checking every length against the bytes we actually have. */
function parseGlbContainer(glb: Uint8Array): { json: unknown; binByteLength: number | undefined } {
  if (glb.byteLength < 20)
    throw new ModelInputError('The GLB file is truncated: it is shorter than its 20-byte header.');
  const view = new DataView(glb.buffer, glb.byteOffset, glb.byteLength);
  if (view.getUint32(0, true) !== GLB_MAGIC)
    throw new ModelInputError('The file is not a GLB: it does not start with "glTF".');
  const version = view.getUint32(4, true);
  if (version !== 2) throw new ModelInputError(`Only GLB version 2 is supported; this file is version ${version}.`);
  const totalLength = view.getUint32(8, true);
  if (totalLength > glb.byteLength) {
    throw new ModelInputError(
      `The GLB file is truncated: its header declares ${totalLength} bytes but ${glb.byteLength} were received.`,
    );
  }
  const jsonLength = view.getUint32(12, true);
  if (view.getUint32(16, true) !== CHUNK_JSON) throw new ModelInputError('The GLB file has no JSON chunk.');
  if (20 + jsonLength > totalLength) throw new ModelInputError('The GLB file is truncated inside its JSON chunk.');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(glb.subarray(20, 20 + jsonLength)));
  } catch (error) {
    throw new ModelInputError(`The GLB JSON chunk is not valid JSON: ${(error as Error).message}`);
  }
  const binOffset = 20 + jsonLength;
  if (binOffset + 8 > totalLength || view.getUint32(binOffset + 4, true) !== CHUNK_BIN)
    return { json, binByteLength: undefined };
  const binByteLength = view.getUint32(binOffset, true);
  if (binOffset + 8 + binByteLength > totalLength)
    throw new ModelInputError('The GLB file is truncated inside its binary chunk.');
  return { json, binByteLength };
}

const DECODED_ON_READ = new Set(['EXT_meshopt_compression', 'KHR_draco_mesh_compression']);

async function finishRead(document: Document): Promise<Document> {
  const root = document.getRoot();
  for (const extension of root.listExtensionsUsed()) {
    if (DECODED_ON_READ.has(extension.extensionName)) extension.dispose();
  }
  await decodeKtx2Textures(document);
  if (root.listMeshes().length === 0) throw new ModelInputError('The model contains no meshes.');
  return document;
}

/** Decoded size of a base64 data URI buffer, without decoding it. */
function dataUriBytesOf(json: unknown, index: number): number | undefined {
  const uri = (json as { buffers?: Array<{ uri?: unknown }> }).buffers?.[index]?.uri;
  if (typeof uri !== 'string' || !uri.startsWith('data:')) return undefined;
  const comma = uri.indexOf(',');
  if (comma < 0 || !uri.slice(0, comma).endsWith(';base64')) return undefined;
  const payload = uri.length - comma - 1;
  const padding = uri.endsWith('==') ? 2 : uri.endsWith('=') ? 1 : 0;
  return Math.floor((payload * 3) / 4) - padding;
}

/** The BIN chunk's bytes (parseGlbContainer checked that they are there). */
function binChunkOf(glb: Uint8Array, binByteLength: number): Uint8Array {
  const jsonByteLength = new DataView(glb.buffer, glb.byteOffset, glb.byteLength).getUint32(12, true);
  const binStart = 20 + jsonByteLength + 8;
  return glb.subarray(binStart, binStart + binByteLength);
}

/** glTF-Transform views the GLB header as a Uint32Array, which needs a 4-byte aligned offset. */
function alignedCopy(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
}
