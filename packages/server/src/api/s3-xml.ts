// The XML of the S3 upload endpoint: error bodies, multipart answers, and the CompleteMultipartUpload request
// (fast-xml-parser both ways, so escaping and parsing are the library's).
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { S3ProtocolError } from '../files/sts/s3-protocol-error.ts';
import type { CompletedPart } from '../files/sts/sts-multipart-uploads.ts';

const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' });
const parser = new XMLParser({ isArray: (name) => name === 'Part', parseTagValue: false, processEntities: false });

function document(root: string, fields: Record<string, string>, namespaced = true): string {
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    [root]: namespaced ? { '@_xmlns': S3_NAMESPACE, ...fields } : fields,
  });
}

export function s3ErrorXml(code: string, message: string, requestId: string): string {
  return document('Error', { Code: code, Message: message, RequestId: requestId }, false);
}

export function initiateMultipartUploadXml(bucket: string, key: string, uploadId: string): string {
  return document('InitiateMultipartUploadResult', { Bucket: bucket, Key: key, UploadId: uploadId });
}

export function completeMultipartUploadXml(location: string, bucket: string, key: string, etag: string): string {
  return document('CompleteMultipartUploadResult', { Location: location, Bucket: bucket, Key: key, ETag: `"${etag}"` });
}

/** The parts of a CompleteMultipartUpload body, in the order given. */
export function parseCompleteMultipartUpload(body: Uint8Array): CompletedPart[] {
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  if (/<!(DOCTYPE|ENTITY)/i.test(text))
    throw new S3ProtocolError('MalformedXML', 400, 'document type declarations are not accepted');
  let parsed: { CompleteMultipartUpload?: { Part?: { PartNumber?: unknown; ETag?: unknown }[] } };
  try {
    parsed = parser.parse(text) as typeof parsed;
  } catch {
    throw new S3ProtocolError('MalformedXML', 400, 'the XML you provided was not well-formed');
  }
  const parts = parsed.CompleteMultipartUpload?.Part;
  if (!Array.isArray(parts))
    throw new S3ProtocolError(
      'MalformedXML',
      400,
      'the body must be a CompleteMultipartUpload document with Part elements',
    );
  return parts.map((part) => {
    const partNumber = Number(part.PartNumber);
    if (!Number.isInteger(partNumber) || typeof part.ETag !== 'string')
      throw new S3ProtocolError('MalformedXML', 400, 'each Part needs a PartNumber and an ETag');
    return { partNumber, etag: part.ETag.replace(/&quot;/g, '"') };
  });
}
