// Pre-flight checks on a glTF JSON before glTF-Transform reads it: external resources, out-of-range
// buffer views and accessors, and the triangle budget. glTF-Transform trusts the JSON and would allocate
// whatever an accessor claims, so a 1 kB file could ask for gigabytes; these checks refuse such files
// with a message a person can act on instead of a RangeError.

import { ModelInputError } from './model-input-error.ts';

interface GltfJson {
  asset?: { version?: unknown };
  extensionsUsed?: unknown;
  buffers?: Array<{
    uri?: unknown;
    byteLength?: unknown;
    extensions?: Record<string, { fallback?: boolean } | undefined>;
  }>;
  bufferViews?: Array<{ buffer?: unknown; byteOffset?: unknown; byteLength?: unknown; byteStride?: unknown }>;
  accessors?: Array<{
    bufferView?: unknown;
    byteOffset?: unknown;
    count?: unknown;
    type?: unknown;
    componentType?: unknown;
  }>;
  images?: Array<{ uri?: unknown; bufferView?: unknown }>;
  meshes?: Array<{ primitives?: Array<{ mode?: unknown; indices?: unknown; attributes?: Record<string, unknown> }> }>;
}

export interface GltfJsonCheckOptions {
  /** Bytes actually present for each buffer index (GLB BIN chunk, decoded data URI); undefined when none. */
  availableBufferBytes: (bufferIndex: number) => number | undefined;
  maxTriangleCount: number;
}

const COMPONENT_BYTES: Record<number, number> = { 5120: 1, 5121: 1, 5122: 2, 5123: 2, 5125: 4, 5126: 4 };
const TYPE_COMPONENTS: Record<string, number> = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4, MAT2: 4, MAT3: 9, MAT4: 16 };
/** Memory the JSON alone may make the reader allocate: zero-filled accessors and meshopt-decoded buffers. */
const MAX_DECLARED_BYTES = 1024 * 1024 * 1024;
const EXTERNAL_RESOURCE_HINT =
  'a single upload must be self-contained: upload a .glb, or a .gltf whose buffers and images are embedded as data: URIs';

/** Throws ModelInputError when the JSON cannot be read safely; returns the triangle count it declares. */
export function checkGltfJson(value: unknown, options: GltfJsonCheckOptions): number {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ModelInputError('The glTF JSON is not an object.');
  }
  const json = value as GltfJson;
  const version = json.asset?.version;
  if (typeof version !== 'string' || !version.startsWith('2.')) {
    throw new ModelInputError(
      `Only glTF 2.0 is supported; this file declares asset.version ${JSON.stringify(version ?? null)}.`,
    );
  }
  const triangleCount = checkTriangleBudget(json, options.maxTriangleCount);
  checkBuffers(json, options);
  checkBufferViews(json);
  checkAccessors(json);
  checkImages(json);
  return triangleCount;
}

function checkBuffers(json: GltfJson, options: GltfJsonCheckOptions): void {
  let fallbackBytes = 0;
  (json.buffers ?? []).forEach((buffer, index) => {
    const byteLength = nonNegativeInteger(buffer.byteLength, `buffers[${index}].byteLength`);
    if (typeof buffer.uri === 'string' && !buffer.uri.startsWith('data:')) {
      throw new ModelInputError(
        `Buffer ${index} refers to the external file "${buffer.uri}"; ${EXTERNAL_RESOURCE_HINT}.`,
      );
    }
    if (buffer.extensions?.EXT_meshopt_compression?.fallback) {
      // A fallback buffer has no bytes of its own; meshopt decodes into it, so its size is an allocation.
      fallbackBytes += byteLength;
      if (fallbackBytes > MAX_DECLARED_BYTES)
        throw tooMuchMemory(`Buffer ${index} (EXT_meshopt_compression)`, fallbackBytes);
      return;
    }
    const available = options.availableBufferBytes(index);
    if (available === undefined) throw new ModelInputError(`Buffer ${index} has no data.`);
    if (available < byteLength) {
      throw new ModelInputError(
        `Buffer ${index} declares ${byteLength} bytes but only ${available} are present; the file is truncated.`,
      );
    }
  });
}

function checkBufferViews(json: GltfJson): void {
  (json.bufferViews ?? []).forEach((view, index) => {
    const buffer = json.buffers?.[nonNegativeInteger(view.buffer, `bufferViews[${index}].buffer`)];
    if (!buffer) throw new ModelInputError(`bufferViews[${index}] refers to a buffer that does not exist.`);
    const end = integerOr(view.byteOffset, 0) + nonNegativeInteger(view.byteLength, `bufferViews[${index}].byteLength`);
    if (end > Number(buffer.byteLength)) {
      throw new ModelInputError(
        `bufferViews[${index}] reaches byte ${end}, past the end of its buffer (${String(buffer.byteLength)} bytes).`,
      );
    }
  });
}

function checkAccessors(json: GltfJson): void {
  let zeroFilledBytes = 0;
  (json.accessors ?? []).forEach((accessor, index) => {
    const count = nonNegativeInteger(accessor.count, `accessors[${index}].count`);
    const components = TYPE_COMPONENTS[String(accessor.type)];
    const componentBytes = COMPONENT_BYTES[Number(accessor.componentType)];
    if (!components || !componentBytes)
      throw new ModelInputError(`accessors[${index}] has an unknown type or componentType.`);
    if (accessor.bufferView === undefined) {
      // Without a buffer view the reader allocates count × element size of zeros (or sparse values).
      zeroFilledBytes += count * components * componentBytes;
      if (zeroFilledBytes > MAX_DECLARED_BYTES) throw tooMuchMemory(`accessors[${index}]`, zeroFilledBytes);
      return;
    }
    if (count === 0) return;
    const view = json.bufferViews?.[nonNegativeInteger(accessor.bufferView, `accessors[${index}].bufferView`)];
    if (!view) throw new ModelInputError(`accessors[${index}] refers to a buffer view that does not exist.`);
    const elementBytes = components * componentBytes;
    const stride = integerOr(view.byteStride, 0) || elementBytes;
    const end = integerOr(accessor.byteOffset, 0) + stride * (count - 1) + elementBytes;
    if (end > Number(view.byteLength)) {
      throw new ModelInputError(
        `accessors[${index}] needs ${end} bytes but its buffer view holds ${String(view.byteLength)}; the file is corrupt.`,
      );
    }
  });
}

function checkImages(json: GltfJson): void {
  (json.images ?? []).forEach((image, index) => {
    if (typeof image.uri === 'string' && !image.uri.startsWith('data:')) {
      throw new ModelInputError(
        `Image ${index} refers to the external file "${image.uri}"; ${EXTERNAL_RESOURCE_HINT}.`,
      );
    }
    if (image.uri === undefined && image.bufferView === undefined) {
      throw new ModelInputError(`Image ${index} has neither a uri nor a bufferView.`);
    }
  });
}

function checkTriangleBudget(json: GltfJson, maxTriangleCount: number): number {
  let triangleCount = 0;
  for (const mesh of json.meshes ?? []) {
    for (const primitive of mesh.primitives ?? []) {
      const mode = integerOr(primitive.mode, 4);
      if (mode < 4) continue;
      const accessorIndex = primitive.indices ?? primitive.attributes?.POSITION;
      const count = Number(json.accessors?.[Number(accessorIndex)]?.count ?? 0);
      triangleCount += mode === 4 ? Math.floor(count / 3) : Math.max(0, count - 2);
    }
  }
  if (triangleCount > maxTriangleCount) {
    throw new ModelInputError(
      `The model has ${triangleCount.toLocaleString('en-US')} triangles; the limit is ${maxTriangleCount.toLocaleString('en-US')}. Simplify it before uploading.`,
    );
  }
  return triangleCount;
}

function tooMuchMemory(what: string, bytes: number): ModelInputError {
  const megabytes = (value: number) => `${Math.round(value / 1024 / 1024).toLocaleString('en-US')} MB`;
  return new ModelInputError(
    `${what} would need ${megabytes(bytes)} of memory to decode; the limit is ${megabytes(MAX_DECLARED_BYTES)}. The file is corrupt or too large.`,
  );
}

function nonNegativeInteger(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ModelInputError(`${name} must be a non-negative integer.`);
  }
  return value;
}

function integerOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : fallback;
}
