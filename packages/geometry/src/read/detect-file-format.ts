// Identifies an uploaded file from its bytes (magic numbers and content), never from its name alone.

export const IMAGE_FORMATS = {
  png: { extension: 'png', mimeType: 'image/png' },
  jpeg: { extension: 'jpg', mimeType: 'image/jpeg' },
  webp: { extension: 'webp', mimeType: 'image/webp' },
} as const;

export const MODEL_FORMATS = {
  glb: { extension: 'glb', mimeType: 'model/gltf-binary' },
  gltf: { extension: 'gltf', mimeType: 'model/gltf+json' },
  fbx: { extension: 'fbx', mimeType: 'application/octet-stream' },
  stl: { extension: 'stl', mimeType: 'model/stl' },
  obj: { extension: 'obj', mimeType: 'model/obj' },
} as const;

export type ImageFormat = keyof typeof IMAGE_FORMATS;
export type ModelFormat = keyof typeof MODEL_FORMATS;

export type DetectedFormat =
  | {
      kind: 'image';
      format: ImageFormat;
      extension: (typeof IMAGE_FORMATS)[ImageFormat]['extension'];
      mimeType: string;
    }
  | {
      kind: 'model';
      format: ModelFormat;
      extension: (typeof MODEL_FORMATS)[ModelFormat]['extension'];
      mimeType: string;
    };

/** How much of a text file is looked at to decide whether it is OBJ / ASCII STL / ASCII FBX. */
const TEXT_SNIFF_BYTES = 64 * 1024;
const OBJ_KEYWORDS = new Set(['v', 'vt', 'vn', 'vp', 'f', 'o', 'g', 's', 'l', 'p', 'mtllib', 'usemtl']);

/**
 * Returns the format of `bytes`, or undefined when it is none we know. The content decides; `fileName`
 * only breaks a tie for OBJ, the one format without a signature (a text file with vertices named `.obj`
 * whose first lines hold a statement we do not list, such as `cstype`).
 */
export function detectFileFormat(bytes: Uint8Array, fileName?: string): DetectedFormat | undefined {
  const binary = detectBinary(bytes);
  if (binary) return binary;
  if (isBinaryStl(bytes)) return model('stl');
  return detectText(bytes, fileName);
}

function detectBinary(bytes: Uint8Array): DetectedFormat | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return image('png');
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return image('jpeg');
  if (asciiAt(bytes, 0, 'RIFF') && asciiAt(bytes, 8, 'WEBP')) return image('webp');
  if (asciiAt(bytes, 0, 'glTF') && bytes.length >= 12 && readUint32(bytes, 4) === 2) return model('glb');
  if (asciiAt(bytes, 0, 'Kaydara FBX Binary')) return model('fbx');
  return undefined;
}

/** Binary STL has no signature: an 80-byte header, a uint32 triangle count n, then exactly 50 bytes per triangle. */
function isBinaryStl(bytes: Uint8Array): boolean {
  if (bytes.length < 84 + 50) return false;
  const triangleCount = readUint32(bytes, 80);
  return triangleCount > 0 && 84 + 50 * triangleCount === bytes.length;
}

function detectText(bytes: Uint8Array, fileName: string | undefined): DetectedFormat | undefined {
  const head = decodeTextHead(bytes);
  if (head === undefined) return undefined;
  const trimmed = head.trimStart();
  if (trimmed.startsWith('{')) return isGltfJson(bytes) ? model('gltf') : undefined;
  if (/^; FBX \d/.test(trimmed) || /^\s*FBXHeaderExtension:/m.test(head)) return model('fbx');
  if (/^solid\b/.test(trimmed) && /\bfacet\s+normal\b/.test(head)) return model('stl');
  if (looksLikeObj(head, fileName)) return model('obj');
  return undefined;
}

/** The first bytes as text, or undefined when they hold control bytes that no text format has. */
function decodeTextHead(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, TEXT_SNIFF_BYTES);
  if (head.length === 0) return undefined;
  for (const byte of head) {
    if (byte === 0 || (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c))
      return undefined;
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(head).replace(/^\uFEFF/, '');
}

function isGltfJson(bytes: Uint8Array): boolean {
  try {
    const json: unknown = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
    const asset = (json as { asset?: { version?: unknown } } | null)?.asset;
    return typeof asset?.version === 'string';
  } catch {
    return false;
  }
}

function looksLikeObj(head: string, fileName: string | undefined): boolean {
  // The head may end mid-line; drop the last partial line unless the whole file fitted.
  const lines = head.split(/\r?\n/);
  if (lines.length > 1) lines.pop();
  let vertexLines = 0;
  let unknownLines = 0;
  for (const rawLine of lines) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const keyword = line.split(/\s+/, 1)[0];
    if (keyword === 'v') vertexLines++;
    if (!OBJ_KEYWORDS.has(keyword)) unknownLines++;
  }
  if (vertexLines === 0) return false;
  if (unknownLines === 0) return true;
  return fileName?.toLowerCase().endsWith('.obj') === true && unknownLines < vertexLines;
}

function image(format: ImageFormat): DetectedFormat {
  return { kind: 'image', format, ...IMAGE_FORMATS[format] };
}

function model(format: ModelFormat): DetectedFormat {
  return { kind: 'model', format, ...MODEL_FORMATS[format] };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

function asciiAt(bytes: Uint8Array, offset: number, text: string): boolean {
  if (bytes.length < offset + text.length) return false;
  for (let index = 0; index < text.length; index++) {
    if (bytes[offset + index] !== text.charCodeAt(index)) return false;
  }
  return true;
}

function readUint32(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(offset, true);
}
