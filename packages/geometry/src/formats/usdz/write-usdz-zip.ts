// Packs files into a USDZ container: a zip whose entries are stored (no compression) and whose file data
// starts at a multiple of 64 bytes, so USD can map them straight from the file (USDZ spec, "Zip Constraints").
// Written by hand: fflate's zipSync with level 0 stores entries but cannot align them, and the format is three
// fixed-layout records; the padding goes in each local header's extra field, as Pixar's usdzip does.

export interface UsdzEntry {
  name: string;
  bytes: Uint8Array;
}

const ALIGNMENT = 64;
const LOCAL_HEADER_BYTES = 30;
const CENTRAL_HEADER_BYTES = 46;
const END_RECORD_BYTES = 22;
const PADDING_FIELD_ID = 0x1986; // any ID readers do not know is skipped
const DOS_DATE_1980_01_01 = 0x21;

/** The first entry must be the root layer (.usda/.usdc), as USD opens the package's first file. */
export function writeUsdzZip(entries: UsdzEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = entries.map((entry) => encoder.encode(entry.name));
  const layout: Array<{ offset: number; extraBytes: number; crc: number }> = [];
  let offset = 0;
  entries.forEach((entry, index) => {
    const dataStart = offset + LOCAL_HEADER_BYTES + names[index].length;
    let extraBytes = (ALIGNMENT - (dataStart % ALIGNMENT)) % ALIGNMENT;
    if (extraBytes > 0 && extraBytes < 4) extraBytes += ALIGNMENT; // an extra field needs a 4-byte header
    layout.push({ offset, extraBytes, crc: crc32(entry.bytes) });
    offset = dataStart + extraBytes + entry.bytes.length;
  });
  const centralStart = offset;
  const centralBytes = names.reduce((sum, name) => sum + CENTRAL_HEADER_BYTES + name.length, 0);
  const total = centralStart + centralBytes + END_RECORD_BYTES;
  if (total > 0xffffffff || entries.length > 0xffff)
    throw new Error('writeUsdzZip: over 4 GiB needs zip64, which this writer does not emit');

  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  entries.forEach((entry, index) => {
    const { offset: at, extraBytes, crc } = layout[index];
    const name = names[index];
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, 20, true); // version needed: 2.0
    view.setUint16(at + 6, 0, true); // flags
    view.setUint16(at + 8, 0, true); // method: stored
    view.setUint16(at + 10, 0, true); // time
    view.setUint16(at + 12, DOS_DATE_1980_01_01, true);
    view.setUint32(at + 14, crc, true);
    view.setUint32(at + 18, entry.bytes.length, true);
    view.setUint32(at + 22, entry.bytes.length, true);
    view.setUint16(at + 26, name.length, true);
    view.setUint16(at + 28, extraBytes, true);
    bytes.set(name, at + LOCAL_HEADER_BYTES);
    const extraStart = at + LOCAL_HEADER_BYTES + name.length;
    if (extraBytes > 0) {
      view.setUint16(extraStart, PADDING_FIELD_ID, true);
      view.setUint16(extraStart + 2, extraBytes - 4, true);
    }
    bytes.set(entry.bytes, extraStart + extraBytes);
  });

  let at = centralStart;
  entries.forEach((entry, index) => {
    const name = names[index];
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true); // made by
    view.setUint16(at + 6, 20, true); // needed
    view.setUint16(at + 10, 0, true); // method: stored
    view.setUint16(at + 14, DOS_DATE_1980_01_01, true);
    view.setUint32(at + 16, layout[index].crc, true);
    view.setUint32(at + 20, entry.bytes.length, true);
    view.setUint32(at + 24, entry.bytes.length, true);
    view.setUint16(at + 28, name.length, true);
    view.setUint32(at + 42, layout[index].offset, true);
    bytes.set(name, at + CENTRAL_HEADER_BYTES);
    at += CENTRAL_HEADER_BYTES + name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, centralBytes, true);
  view.setUint32(at + 16, centralStart, true);
  return bytes;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3, reflected), table-driven. */
function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let index = 0; index < bytes.length; index++) crc = crcTable[(crc ^ bytes[index]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
