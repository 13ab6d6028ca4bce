// Decodes an `aws-chunked` request body (Content-Encoding: aws-chunked), which recent AWS SDKs send for uploads
// so they can append a checksum trailer: `<hex size>[;ext]\r\n<bytes>\r\n ... 0\r\n<trailer lines>\r\n\r\n`.
// Written by hand: it is a few lines of framing, and no maintained npm package parses it on the server side.
// A CRC32 trailer is checked (zlib); other checksum trailers are read and not checked (TLS already covers the
// transfer, and the content is type-checked afterwards).
import zlib from 'node:zlib';

export interface AwsChunkedBody {
  bytes: Uint8Array;
  /** trailer headers, lower-case names (e.g. x-amz-checksum-crc32) */
  trailers: Record<string, string>;
}

export class AwsChunkedBodyError extends Error {}

export function decodeAwsChunkedBody(body: Uint8Array, maxDecodedBytes: number): AwsChunkedBody {
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const chunks: Buffer[] = [];
  let decodedBytes = 0;
  let offset = 0;
  for (;;) {
    const lineEnd = buffer.indexOf('\r\n', offset);
    if (lineEnd < 0) throw new AwsChunkedBodyError('the aws-chunked body ends inside a chunk header');
    const header = buffer.subarray(offset, lineEnd).toString('latin1');
    const sizeText = header.split(';')[0]!.trim();
    if (!/^[0-9a-fA-F]{1,8}$/.test(sizeText))
      throw new AwsChunkedBodyError('an aws-chunked chunk header has no valid size');
    const size = parseInt(sizeText, 16);
    offset = lineEnd + 2;
    if (size === 0) break;
    decodedBytes += size;
    if (decodedBytes > maxDecodedBytes) throw new AwsChunkedBodyError('too large');
    if (offset + size + 2 > buffer.length || buffer[offset + size] !== 0x0d || buffer[offset + size + 1] !== 0x0a) {
      throw new AwsChunkedBodyError('an aws-chunked chunk is shorter than its header says');
    }
    chunks.push(buffer.subarray(offset, offset + size));
    offset += size + 2;
  }
  const trailers: Record<string, string> = {};
  for (;;) {
    const lineEnd = buffer.indexOf('\r\n', offset);
    if (lineEnd < 0) break; // a missing final CRLF is tolerated
    const line = buffer.subarray(offset, lineEnd).toString('latin1');
    offset = lineEnd + 2;
    if (line === '') break;
    const colon = line.indexOf(':');
    if (colon > 0) trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const bytes = new Uint8Array(Buffer.concat(chunks));
  const crc32 = trailers['x-amz-checksum-crc32'];
  if (crc32 !== undefined && crc32 !== crc32Base64(bytes))
    throw new AwsChunkedBodyError('the x-amz-checksum-crc32 trailer does not match the bytes');
  return { bytes, trailers };
}

/** The CRC32 of the bytes as S3 writes it: 4 big-endian bytes, base64. */
export function crc32Base64(bytes: Uint8Array): string {
  const value = Buffer.alloc(4);
  value.writeUInt32BE(zlib.crc32(bytes) >>> 0);
  return value.toString('base64');
}
