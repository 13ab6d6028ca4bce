// Packs files into a zip archive (PKWARE APPNOTE: local headers, data, central directory, end record; no zip64).
// Entries are stored, deflated here with Node's native zlib on the thread pool, or handed in already deflated (a
// big OBJ is compressed piece by piece on another thread while its text is still being written). Written by hand
// because the zip libraries (fflate, yazl) compress each entry themselves and take no pre-deflated data; the
// container is ~100 lines of fixed-layout headers.

import { promisify } from 'node:util';
import zlib from 'node:zlib';

const deflateRawOnPool = promisify(zlib.deflateRaw);

/** Below this many bytes a deflate costs less than its round trip to the thread pool (~50 µs and a stream object). */
const SMALL_DEFLATE_BYTES = 16 * 1024;

/** The same bytes either way; small inputs are deflated in place. */
function deflateRaw(bytes: Uint8Array, options: zlib.ZlibOptions): Promise<Buffer> {
  if (bytes.length >= SMALL_DEFLATE_BYTES) return deflateRawOnPool(bytes, options);
  try {
    return Promise.resolve(zlib.deflateRawSync(bytes, options));
  } catch (error) {
    return Promise.reject(error as Error);
  }
}

export type ZipEntry =
  | {
      name: string;
      bytes: Uint8Array;
      /** zlib level; 0 stores the bytes as they are (right for images, which are compressed already). */
      compressionLevel: number;
    }
  | {
      name: string;
      /** a complete raw deflate stream of the entry */
      deflated: Uint8Array;
      crc32: number;
      uncompressedBytes: number;
    };

interface PackedEntry {
  name: Uint8Array;
  method: 0 | 8;
  data: Uint8Array;
  crc32: number;
  uncompressedBytes: number;
}

const LOCAL_HEADER_BYTES = 30;
const CENTRAL_HEADER_BYTES = 46;
const END_RECORD_BYTES = 22;
const MAX_ZIP32 = 0xffff_ffff;
const UTF8_NAMES_FLAG = 0x0800;
const VERSION_NEEDED = 20;
/** 2020-01-01 00:00 in MS-DOS date/time: the same files always give the same archive bytes. */
const DOS_TIME = 0;
const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1;

export async function writeZip(entries: readonly ZipEntry[]): Promise<Uint8Array> {
  const packed = await Promise.all(entries.map(packEntry));
  if (packed.length > 0xffff) throw new Error('writeZip: more than 65,535 entries need zip64');
  let size = END_RECORD_BYTES;
  for (const entry of packed)
    size += LOCAL_HEADER_BYTES + CENTRAL_HEADER_BYTES + 2 * entry.name.length + entry.data.length;
  if (size > MAX_ZIP32) throw new Error('writeZip: archives over 4 GB need zip64');

  const archive = new Uint8Array(size);
  const view = new DataView(archive.buffer);
  const offsets: number[] = [];
  let at = 0;
  for (const entry of packed) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    writeCommonFields(view, at + 4, entry, false);
    archive.set(entry.name, at + LOCAL_HEADER_BYTES);
    at += LOCAL_HEADER_BYTES + entry.name.length;
    archive.set(entry.data, at);
    at += entry.data.length;
  }
  const centralStart = at;
  for (const [index, entry] of packed.entries()) {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, VERSION_NEEDED, true); // version made by: MS-DOS attributes, spec 2.0
    writeCommonFields(view, at + 6, entry, true);
    view.setUint32(at + 42, offsets[index]!, true);
    archive.set(entry.name, at + CENTRAL_HEADER_BYTES);
    at += CENTRAL_HEADER_BYTES + entry.name.length;
  }
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, packed.length, true);
  view.setUint16(at + 10, packed.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return archive;
}

/** The fields local and central headers share, from "version needed" on; the central one has 3 more 16-bit fields. */
function writeCommonFields(view: DataView, at: number, entry: PackedEntry, central: boolean): void {
  view.setUint16(at, VERSION_NEEDED, true);
  view.setUint16(at + 2, UTF8_NAMES_FLAG, true);
  view.setUint16(at + 4, entry.method, true);
  view.setUint16(at + 6, DOS_TIME, true);
  view.setUint16(at + 8, DOS_DATE, true);
  view.setUint32(at + 10, entry.crc32, true);
  view.setUint32(at + 14, entry.data.length, true);
  view.setUint32(at + 18, entry.uncompressedBytes, true);
  view.setUint16(at + 22, entry.name.length, true);
  view.setUint16(at + 24, 0, true); // extra field length
  if (central) view.setUint16(at + 26, 0, true); // comment length; disk number, attributes stay 0
}

async function packEntry(entry: ZipEntry): Promise<PackedEntry> {
  const name = new TextEncoder().encode(entry.name);
  if ('deflated' in entry) {
    return {
      name,
      method: 8,
      data: entry.deflated,
      crc32: entry.crc32 >>> 0,
      uncompressedBytes: entry.uncompressedBytes,
    };
  }
  if (entry.bytes.length > MAX_ZIP32) throw new Error('writeZip: entries over 4 GB need zip64');
  const crc32 = zlib.crc32(entry.bytes) >>> 0;
  if (entry.compressionLevel === 0)
    return { name, method: 0, data: entry.bytes, crc32, uncompressedBytes: entry.bytes.length };
  const deflated = await deflateRaw(entry.bytes, { level: entry.compressionLevel });
  return { name, method: 8, data: deflated, crc32, uncompressedBytes: entry.bytes.length };
}

/**
 * Deflates a stream handed over in pieces, each on the zlib thread pool as soon as it arrives (pigz's scheme:
 * every piece is compressed on its own and ends with a sync flush, so the pieces join into one raw deflate
 * stream; back-references never reach into the previous piece, which costs a little ratio).
 */
export class PiecewiseDeflater {
  private readonly pieces: Promise<Buffer>[] = [];
  private crc = 0;
  private bytes = 0;

  constructor(private readonly level: number) {}

  add(piece: Uint8Array): void {
    this.crc = zlib.crc32(piece, this.crc);
    this.bytes += piece.length;
    const deflated = deflateRaw(piece, { level: this.level, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    deflated.catch(() => undefined); // a caller that never finishes must not leave an unhandled rejection
    this.pieces.push(deflated);
  }

  /** The deflated stream, closed by a final empty block, with the CRC-32 and size of the whole input. */
  async finish(): Promise<{ deflated: Uint8Array; crc32: number; uncompressedBytes: number }> {
    const last = await deflateRaw(new Uint8Array(0), { level: this.level, finishFlush: zlib.constants.Z_FINISH });
    const deflated = Buffer.concat([...(await Promise.all(this.pieces)), last]);
    return { deflated, crc32: this.crc >>> 0, uncompressedBytes: this.bytes };
  }
}
