import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeFbxBinary, encodeFbxBinaryDeflatingAhead, fbx } from './write-fbx-binary.ts';

function occurrences(haystack: Uint8Array, needle: Uint8Array): number[] {
  const found: number[] = [];
  for (
    let start = Buffer.from(haystack).indexOf(needle);
    start >= 0;
    start = Buffer.from(haystack).indexOf(needle, start + 1)
  )
    found.push(start);
  return found;
}

describe('encodeFbxBinary', () => {
  it('writes every copy of a repeated array as its own record holding zlib level 1 of its bytes', () => {
    const times = BigInt64Array.from({ length: 40 }, (_, index) => BigInt(index) * 1924423250n);
    const values = Float32Array.from({ length: 40 }, (_, index) => Math.sin(index));
    const curve = (id: number) =>
      fbx.node(
        'AnimationCurve',
        [fbx.int64(id), fbx.string('AnimCurve'), fbx.string('')],
        [
          fbx.node('KeyTime', [fbx.int64s(times)]),
          fbx.node('KeyValueFloat', [fbx.float32s(id === 2 ? values.map((value) => -value) : values)]),
        ],
      );
    const bytes = encodeFbxBinary([fbx.node('Objects', [], [curve(1), curve(2), curve(3)])]);

    const deflatedTimes = deflateSync(new Uint8Array(times.buffer), { level: 1 });
    const timeRecords = occurrences(bytes, deflatedTimes);
    expect(timeRecords).toHaveLength(3);
    for (const start of timeRecords) {
      const header = new DataView(bytes.buffer, bytes.byteOffset + start - 13, 13);
      expect(String.fromCharCode(header.getUint8(0))).toBe('l');
      expect([header.getUint32(1, true), header.getUint32(5, true), header.getUint32(9, true)]).toEqual([
        40,
        1,
        deflatedTimes.length,
      ]);
      expect(
        new BigInt64Array(new Uint8Array(inflateSync(bytes.subarray(start, start + deflatedTimes.length))).buffer),
      ).toEqual(times);
    }
    expect(occurrences(bytes, deflateSync(new Uint8Array(values.buffer), { level: 1 }))).toHaveLength(2);
    expect(occurrences(bytes, new TextEncoder().encode('AnimCurve'))).toHaveLength(3);
  });

  it('keeps scalars of every type exact and apart when the same value repeats', () => {
    const bytes = encodeFbxBinary([
      fbx.node('A', [
        fbx.int32(-7),
        fbx.float64(0.1),
        fbx.int64(2 ** 40),
        fbx.int16(-2),
        fbx.float32(1.5),
        fbx.bool(true),
      ]),
      fbx.node('B', [fbx.int32(-7), fbx.float64(0.1)]),
    ]);
    // After the 27-byte file header, node A: end offset, property count and bytes (3 × 4 bytes in 7.4), the
    // name's length and "A", then its properties; no children, so no null record before node B.
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    let offset = 27 + 14;
    const read = (code: string, size: number, get: (at: number) => number | bigint) => {
      expect(String.fromCharCode(bytes[offset])).toBe(code);
      const value = get(offset + 1);
      offset += 1 + size;
      return value;
    };
    expect(read('I', 4, (at) => view.getInt32(at, true))).toBe(-7);
    expect(read('D', 8, (at) => view.getFloat64(at, true))).toBe(0.1);
    expect(read('L', 8, (at) => view.getBigInt64(at, true))).toBe(2n ** 40n);
    expect(read('Y', 2, (at) => view.getInt16(at, true))).toBe(-2);
    expect(read('F', 4, (at) => view.getFloat32(at, true))).toBe(1.5);
    expect(read('C', 1, (at) => view.getUint8(at))).toBe(1);
    offset += 14; // node B's header
    expect(read('I', 4, (at) => view.getInt32(at, true))).toBe(-7);
    expect(read('D', 8, (at) => view.getFloat64(at, true))).toBe(0.1);
  });

  it('writes the same bytes when the large arrays are deflated ahead on the thread pool', async () => {
    const vertices = Float64Array.from({ length: 30_000 }, (_, index) => Math.cos(index * 0.37));
    const indices = Int32Array.from({ length: 40_000 }, (_, index) =>
      index % 3 === 2 ? -(index % 997) - 1 : index % 997,
    );
    const nodes = [
      fbx.node(
        'Objects',
        [],
        [
          fbx.node(
            'Geometry',
            [fbx.int64(7), fbx.string('Mesh')],
            [
              fbx.node('Vertices', [fbx.float64s(vertices)]),
              fbx.node('PolygonVertexIndex', [fbx.int32s(indices)]),
              fbx.node('Small', [fbx.int32s(indices.subarray(0, 100))]),
            ],
          ),
          fbx.node('Video', [fbx.raw(new Uint8Array(100_000).fill(9))]),
        ],
      ),
    ];
    for (const options of [
      {},
      { compressionLevel: 0 as const },
      { version: 7500 as const, compressionLevel: 6 as const },
    ]) {
      const ahead = await encodeFbxBinaryDeflatingAhead(nodes, options);
      expect(Buffer.from(ahead).equals(Buffer.from(encodeFbxBinary(nodes, options)))).toBe(true);
    }
    const compressed = await encodeFbxBinaryDeflatingAhead(nodes);
    expect(occurrences(compressed, deflateSync(new Uint8Array(vertices.buffer), { level: 1 }))).toHaveLength(1);
  });
});
