// Reads the one "file" part of a multipart upload. A body the multipart parser cannot read (no boundary, only the
// closing boundary, cut off mid-part, broken part headers) is the client's fault: it becomes 1004, never a 500.
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../domain-error.ts';

export interface UploadPart {
  fileName: string;
  bytes: Uint8Array;
}

export async function readUploadPart(request: FastifyRequest, maxBytes: number, usage: string): Promise<UploadPart> {
  if (!request.isMultipart()) throw new DomainError('malformedRequest', usage);
  try {
    const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (!part || part.fieldname !== 'file')
      throw new DomainError('malformedRequest', 'the multipart body needs a part named "file"');
    const bytes = await part.toBuffer();
    return { fileName: part.filename, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  } catch (error) {
    // @fastify/multipart's own errors (size and part limits) carry an FST_ code the error mapper knows
    if (
      error instanceof DomainError ||
      (typeof (error as { code?: unknown })?.code === 'string' &&
        String((error as { code: string }).code).startsWith('FST_'))
    )
      throw error;
    throw new DomainError(
      'malformedRequest',
      `the multipart body could not be read (${describeParserError(error)}); ${usage}`,
    );
  }
}

function describeParserError(error: unknown): string {
  const message = String((error as Error)?.message ?? error);
  return message.length > 120 ? `${message.slice(0, 117)}...` : message;
}
