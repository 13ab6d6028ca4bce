// Hostile files built in code: malformed and truncated models, archive and image decompression bombs.
// Bombs are made without ever holding their expanded size: a deflate block run that encodes 1 MiB of zeros,
// flushed to a byte boundary, is repeated; a back-reference into zeros only ever yields zeros, so the copies
// decode to N MiB of zeros from ~1 KiB each.
import { crc32, deflateRawSync, constants as zlibConstants } from 'node:zlib';
import { writeFbx } from '@polyforge/geometry/formats/fbx/write-fbx';
import { objText, texturedCubeDocument, texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';

const MIB = 1024 * 1024;

/** A raw deflate stream that inflates to `mebibytes` MiB of zeros, and its compressed size stays ~1 KiB per MiB. */
export function zeroDeflateBomb(mebibytes: number): Buffer {
  const run = deflateRawSync(Buffer.alloc(MIB), { level: 9, finishFlush: zlibConstants.Z_SYNC_FLUSH });
  // A final, empty fixed-Huffman block ends the stream: bits 1 (final) + 01 (fixed) + 0000000 (end of block).
  return Buffer.concat([...Array.from({ length: mebibytes }, () => run), Buffer.from([0x03, 0x00])]);
}

/** A zip with one deflated entry; the sizes in the headers can lie, as real bombs' do. */
export function zipWithEntry(
  entryName: string,
  deflated: Buffer,
  options: { declaredSize: number; crc?: number },
): Uint8Array {
  const name = Buffer.from(entryName);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(options.crc ?? 0, 14);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(options.declaredSize >>> 0, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(options.crc ?? 0, 16);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(options.declaredSize >>> 0, 24);
  central.writeUInt16LE(name.length, 28);
  const centralOffset = local.length + name.length + deflated.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return new Uint8Array(Buffer.concat([local, name, deflated, central, name, end]));
}

function pngChunk(type: string, data: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(data.length, 0);
  header.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([header.subarray(4), data])) >>> 0);
  return Buffer.concat([header, data, crc]);
}

/** A PNG whose header claims width × height RGBA pixels; with `bomb`, its IDAT really inflates to that size. */
export function pngClaiming(width: number, height: number, options: { bomb?: boolean } = {}): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  let idat: Buffer;
  if (options.bomb) {
    const rawBytes = height * (1 + width * 4);
    const mebibytes = Math.ceil(rawBytes / MIB);
    const adler = Buffer.alloc(4);
    adler.writeUInt32BE(((((mebibytes * MIB) % 65521) << 16) | 1) >>> 0); // adler32 of zeros: a = 1, b = n mod 65521
    idat = Buffer.concat([Buffer.from([0x78, 0xda]), zeroDeflateBomb(mebibytes), adler]);
  } else {
    idat = Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), pngChunk('IEND', Buffer.alloc(0))]),
  );
}

/** A baseline JPEG start whose frame header claims width × height. */
export function jpegClaiming(width: number, height: number): Uint8Array {
  const sof = Buffer.from([
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    0x03,
    0x01,
    0x22,
    0x00,
    0x02,
    0x11,
    0x01,
    0x03,
    0x11,
    0x01,
  ]);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([
        0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
        0x00, 0x00,
      ]),
      sof,
      Buffer.from([0xff, 0xd9]),
    ]),
  );
}

/** A WebP (VP8X) whose canvas claims width × height. */
export function webpClaiming(width: number, height: number): Uint8Array {
  const vp8x = Buffer.alloc(18);
  vp8x.write('VP8X', 0, 'ascii');
  vp8x.writeUInt32LE(10, 4);
  vp8x.writeUIntLE(width - 1, 12, 3);
  vp8x.writeUIntLE(height - 1, 15, 3);
  const riff = Buffer.alloc(12);
  riff.write('RIFF', 0, 'ascii');
  riff.writeUInt32LE(4 + vp8x.length, 4);
  riff.write('WEBP', 8, 'ascii');
  return new Uint8Array(Buffer.concat([riff, vp8x]));
}

/** A GLB container from a JSON value (or raw JSON text) and an optional BIN chunk; lengths may be forced. */
export function glbOf(
  json: unknown,
  options: { bin?: Uint8Array; totalLength?: number; jsonChunkLength?: number } = {},
): Uint8Array {
  const jsonText = typeof json === 'string' ? json : JSON.stringify(json);
  const jsonBytes = Buffer.from(jsonText.padEnd(Math.ceil(jsonText.length / 4) * 4, ' '));
  const parts = [jsonBytes];
  const header = Buffer.alloc(12);
  const jsonHeader = Buffer.alloc(8);
  jsonHeader.writeUInt32LE(options.jsonChunkLength ?? jsonBytes.length, 0);
  jsonHeader.write('JSON', 4, 'ascii');
  const chunks = [jsonHeader, ...parts];
  if (options.bin) {
    const binHeader = Buffer.alloc(8);
    binHeader.writeUInt32LE(options.bin.length, 0);
    binHeader.write('BIN\0', 4, 'ascii');
    chunks.push(binHeader, Buffer.from(options.bin));
  }
  const body = Buffer.concat(chunks);
  header.write('glTF', 0, 'ascii');
  header.writeUInt32LE(2, 4);
  header.writeUInt32LE(options.totalLength ?? 12 + body.length, 8);
  return new Uint8Array(Buffer.concat([header, body]));
}

export interface HostileModel {
  name: string;
  fileName: string;
  bytes: Uint8Array;
  /** the hostile part is harmless when ignored (e.g. an mtllib outside the upload is never opened) */
  harmlessIfImported?: boolean;
}

const text = (value: string) => new TextEncoder().encode(value);
const truncated = (bytes: Uint8Array, fraction: number) => bytes.slice(0, Math.floor(bytes.length * fraction));

/** Models that are malformed, truncated, lying about their sizes, or reaching outside themselves. */
export async function hostileModels(): Promise<HostileModel[]> {
  const cube = await texturedCubeGlb();
  const fbx = writeFbx(texturedCubeDocument());
  const triangleAccessors = {
    asset: { version: '2.0' },
    buffers: [{ byteLength: 36 }],
    bufferViews: [{ buffer: 0, byteLength: 36 }],
    accessors: [
      { bufferView: 0, componentType: 5126, count: 1_000_000_000, type: 'VEC3', min: [0, 0, 0], max: [1, 1, 1] },
    ],
    meshes: [{ primitives: [{ attributes: { POSITION: 0 } }] }],
    nodes: [{ mesh: 0 }],
    scenes: [{ nodes: [0] }],
  };
  const binaryStlClaimingBillions = new Uint8Array(84 + 50);
  new DataView(binaryStlClaimingBillions.buffer).setUint32(80, 0x7fffffff, true);
  const nanStl = new Uint8Array(84 + 50);
  new DataView(nanStl.buffer).setUint32(80, 1, true);
  for (let offset = 84; offset < 84 + 48; offset += 4) new DataView(nanStl.buffer).setFloat32(offset, Number.NaN, true);
  return [
    { name: 'GLB header only', fileName: 'a.glb', bytes: glbOf('', {}).slice(0, 12) },
    {
      name: 'GLB declaring a length beyond the file',
      fileName: 'a.glb',
      bytes: glbOf({ asset: { version: '2.0' } }, { totalLength: 0x7ffffff0 }),
    },
    {
      name: 'GLB JSON chunk length 4 GiB',
      fileName: 'a.glb',
      bytes: glbOf({ asset: { version: '2.0' } }, { jsonChunkLength: 0xfffffff0 }),
    },
    { name: 'GLB with non-JSON JSON chunk', fileName: 'a.glb', bytes: glbOf('{"asset": {"version": "2.0"') },
    {
      name: 'GLB accessor of a billion vertices over a 36-byte buffer',
      fileName: 'a.glb',
      bytes: glbOf(triangleAccessors, { bin: new Uint8Array(36) }),
    },
    { name: 'GLB truncated at 50%', fileName: 'a.glb', bytes: truncated(cube, 0.5) },
    { name: 'GLB truncated at 97%', fileName: 'a.glb', bytes: truncated(cube, 0.97) },
    {
      name: 'GLB bufferView past its buffer',
      fileName: 'a.glb',
      bytes: glbOf(
        {
          ...triangleAccessors,
          bufferViews: [{ buffer: 0, byteOffset: 1 << 30, byteLength: 36 }],
          accessors: [{ ...triangleAccessors.accessors[0], count: 3 }],
        },
        { bin: new Uint8Array(36) },
      ),
    },
    {
      name: 'GLB buffer URI traversing to /etc/passwd',
      fileName: 'a.glb',
      bytes: glbOf({ ...triangleAccessors, buffers: [{ byteLength: 36, uri: '../../../../../../etc/passwd' }] }),
    },
    {
      name: 'GLB image URI file:///etc/shadow',
      fileName: 'a.glb',
      bytes: glbOf(
        {
          ...triangleAccessors,
          accessors: [{ ...triangleAccessors.accessors[0], count: 3 }],
          images: [{ uri: 'file:///etc/shadow' }],
          textures: [{ source: 0 }],
        },
        { bin: new Uint8Array(36) },
      ),
    },
    {
      name: 'glTF buffer URI ../secret.bin',
      fileName: 'a.gltf',
      bytes: text(JSON.stringify({ ...triangleAccessors, buffers: [{ byteLength: 36, uri: '../secret.bin' }] })),
    },
    {
      name: 'glTF data URI with broken base64',
      fileName: 'a.gltf',
      bytes: text(
        JSON.stringify({
          ...triangleAccessors,
          buffers: [{ byteLength: 36, uri: 'data:application/octet-stream;base64,@@@@' }],
        }),
      ),
    },
    {
      name: 'glTF with an asset and nothing else',
      fileName: 'a.gltf',
      bytes: text(JSON.stringify({ asset: { version: '2.0' } })),
    },
    {
      name: 'glTF with a billion-vertex accessor',
      fileName: 'a.gltf',
      bytes: text(
        JSON.stringify({
          ...triangleAccessors,
          buffers: [
            { byteLength: 36, uri: `data:application/octet-stream;base64,${Buffer.alloc(36).toString('base64')}` },
          ],
        }),
      ),
    },
    {
      name: 'glTF node that is its own child',
      fileName: 'a.gltf',
      bytes: text(JSON.stringify({ asset: { version: '2.0' }, nodes: [{ children: [0] }], scenes: [{ nodes: [0] }] })),
    },
    {
      name: 'OBJ face index out of range',
      fileName: 'a.obj',
      bytes: text('v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 999999\n'),
    },
    {
      name: 'OBJ negative face indices before the start',
      fileName: 'a.obj',
      bytes: text('v 0 0 0\nv 1 0 0\nv 0 1 0\nf -5 -6 -7\n'),
    },
    {
      name: 'OBJ NaN and Infinity coordinates',
      fileName: 'a.obj',
      bytes: text('v NaN 0 0\nv Infinity 0 0\nv 0 -Infinity 0\nf 1 2 3\n'),
    },
    {
      name: 'OBJ mtllib traversing out',
      fileName: 'a.obj',
      bytes: text(`mtllib ../../../../etc/passwd\n${objText()}`),
      harmlessIfImported: true,
    },
    { name: 'OBJ truncated mid-line', fileName: 'a.obj', bytes: text('v 0 0 0\nv 1 0 0\nv 0 1\nf 1 2') },
    // A valid but degenerate polygon: it imports. (At 50,000 corners the preview render's overdraw costs ~20 s of
    // CPU for a 150 KB upload; reported, and kept small here so the suite stays fast.)
    {
      name: 'OBJ one face of 2,000 corners',
      fileName: 'a.obj',
      bytes: text(
        `v 0 0 0\nv 1 0 0\nv 0 1 0\nf ${Array.from({ length: 2_000 }, (_, index) => (index % 3) + 1).join(' ')}\n`,
      ),
      harmlessIfImported: true,
    },
    {
      name: 'OBJ header then binary garbage',
      fileName: 'a.obj',
      bytes: new Uint8Array([...text('v 0 0 0\n'), 0, 1, 2, 0xff, 0xfe]),
    },
    { name: 'binary STL claiming 2^31 triangles', fileName: 'a.stl', bytes: binaryStlClaimingBillions },
    { name: 'binary STL of NaN coordinates', fileName: 'a.stl', bytes: nanStl },
    {
      name: 'ASCII STL truncated in a facet',
      fileName: 'a.stl',
      bytes: text('solid x\n facet normal 0 0 1\n  outer loop\n   vertex 0 0 0\n   vertex 1'),
    },
    { name: 'ASCII STL with no facets', fileName: 'a.stl', bytes: text('solid x\n facet normal 0 0 1\nendsolid x\n') },
    { name: 'FBX binary header only', fileName: 'a.fbx', bytes: fbx.slice(0, 27) },
    { name: 'FBX binary truncated at 40%', fileName: 'a.fbx', bytes: truncated(fbx, 0.4) },
    {
      name: 'FBX node whose end offset points past the file',
      fileName: 'a.fbx',
      bytes: (() => {
        const bytes = fbx.slice();
        new DataView(bytes.buffer).setUint32(27, 0x7fffffff, true);
        return bytes;
      })(),
    },
    {
      name: 'FBX ASCII header only',
      fileName: 'a.fbx',
      bytes: text('; FBX 7.4.0 project file\nFBXHeaderExtension:  {\n'),
    },
  ];
}

/** Archives and compressed streams that expand to a GiB or more. */
export function archiveBombs(): HostileModel[] {
  const gib = zeroDeflateBomb(1024);
  return [
    {
      name: 'USDZ (zip) with a 1 GiB entry',
      fileName: 'bomb.usdz',
      bytes: zipWithEntry('model.usdc', gib, { declaredSize: 1024 }),
    },
    {
      name: '3MF (zip) with a 1 GiB model part',
      fileName: 'bomb.3mf',
      bytes: zipWithEntry('3D/3dmodel.model', gib, { declaredSize: 1024 }),
    },
    {
      name: 'OBJ zip with a 1 GiB .obj',
      fileName: 'bomb.zip',
      bytes: zipWithEntry('model.obj', gib, { declaredSize: 0xffffffff }),
    },
    { name: 'zip bomb named .obj', fileName: 'bomb.obj', bytes: zipWithEntry('model.obj', gib, { declaredSize: 100 }) },
    {
      name: 'gzip bomb named .glb',
      fileName: 'bomb.glb',
      bytes: new Uint8Array(Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), gib])),
    },
  ];
}

/** Images whose headers claim enormous sizes; one really inflates to 1.6 GB of pixels. */
export function imageBombs(): HostileModel[] {
  return [
    { name: 'PNG claiming 100,000 × 100,000 pixels', fileName: 'big.png', bytes: pngClaiming(100_000, 100_000) },
    {
      name: 'PNG decompression bomb 20,000 × 20,000 RGBA',
      fileName: 'bomb.png',
      bytes: pngClaiming(20_000, 20_000, { bomb: true }),
    },
    { name: 'JPEG claiming 65,535 × 65,535 pixels', fileName: 'big.jpg', bytes: jpegClaiming(65_535, 65_535) },
    { name: 'WebP claiming 16,384 × 16,384 pixels', fileName: 'big.webp', bytes: webpClaiming(16_384, 16_384) },
    { name: 'PNG truncated inside its header', fileName: 'cut.png', bytes: pngClaiming(64, 64).slice(0, 20) },
  ];
}
