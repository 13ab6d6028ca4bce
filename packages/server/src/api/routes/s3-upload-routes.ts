// The S3-compatible upload endpoint behind STS credentials (POST /v2/openapi/upload/sts/token): path-style
// `/<bucket>/<key>` on this server, PutObject and the multipart calls boto3's upload_file makes, authenticated by
// AWS Signature V4 (not the API key), answered in S3's XML (its own error mapper: S3 clients read S3 codes).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CATALOG } from '@polyforge/protocol';
import { DomainError } from '../../domain-error.ts';
import { S3ProtocolError } from '../../files/sts/s3-protocol-error.ts';
import { STS_UPLOAD_BUCKET } from '../../files/sts/sts-object-key.ts';
import type { AuthorisedUpload } from '../../files/sts/sts-uploads.ts';
import type { SigningOrigin } from '../../files/sts/verify-sigv4-signature.ts';
import type { ApiContext } from '../api-context.ts';
import {
  completeMultipartUploadXml,
  initiateMultipartUploadXml,
  parseCompleteMultipartUpload,
  s3ErrorXml,
} from '../s3-xml.ts';

const BUCKET_PATH = `/${STS_UPLOAD_BUCKET}/`;
/** aws-chunked framing adds a few bytes per 64 KiB chunk; the decoded size is checked exactly afterwards. */
const CHUNK_FRAMING_ALLOWANCE_BYTES = 1024 * 1024;
const COMPLETE_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

type Query = Record<string, string | undefined>;

export async function registerS3UploadRoutes(app: FastifyInstance, context: ApiContext): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: context.maxUploadBytes + CHUNK_FRAMING_ALLOWANCE_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.setErrorHandler((error, request, reply) => sendS3Error(request, reply, error));
    const url = `${BUCKET_PATH}*`;
    const bodyLimit = context.maxUploadBytes + CHUNK_FRAMING_ALLOWANCE_BYTES;

    scope.put<{ Querystring: Query }>(url, { bodyLimit }, async (request, reply) => {
      const { upload, bytes } = await authorisedBody(context, request);
      const { uploadId, partNumber } = request.query;
      const result =
        uploadId !== undefined || partNumber !== undefined
          ? await context.sts.multipart.uploadPart(upload, uploadId ?? '', partNumber ?? '', bytes)
          : await context.sts.uploads.putObject(upload, bytes);
      return reply.header('ETag', `"${result.etag}"`).status(200).send('');
    });

    scope.post<{ Querystring: Query }>(url, { bodyLimit: COMPLETE_BODY_LIMIT_BYTES }, async (request, reply) => {
      const { upload, bytes } = await authorisedBody(context, request);
      const { bucket, key } = objectOf(request);
      if (request.query.uploads !== undefined) {
        const multipartId = await context.sts.multipart.create(upload);
        return sendXml(reply, initiateMultipartUploadXml(bucket, key, multipartId));
      }
      if (request.query.uploadId !== undefined) {
        const result = await context.sts.multipart.complete(
          upload,
          request.query.uploadId,
          parseCompleteMultipartUpload(bytes),
        );
        return sendXml(
          reply,
          completeMultipartUploadXml(`${context.baseUrlOf(request)}/${bucket}/${key}`, bucket, key, result.etag),
        );
      }
      throw new S3ProtocolError(
        'NotImplemented',
        501,
        'only CreateMultipartUpload (?uploads) and CompleteMultipartUpload (?uploadId=) are served with POST',
      );
    });

    scope.delete<{ Querystring: Query }>(url, async (request, reply) => {
      const { upload } = await authorisedBody(context, request);
      if (request.query.uploadId === undefined)
        throw new S3ProtocolError(
          'NotImplemented',
          501,
          'only AbortMultipartUpload (?uploadId=) is served with DELETE; uploaded objects are deleted with their account data',
        );
      await context.sts.multipart.abort(upload, request.query.uploadId);
      return reply.status(204).send();
    });

    scope.route({
      method: ['GET', 'HEAD'],
      url,
      handler: async () => {
        throw new S3ProtocolError(
          'MethodNotAllowed',
          405,
          'this endpoint only takes uploads (PutObject and multipart upload); use the task API to read files',
        );
      },
    });
  });
}

async function authorisedBody(
  context: ApiContext,
  request: FastifyRequest,
): Promise<{ upload: AuthorisedUpload; bytes: Uint8Array }> {
  const [rawPath = '', rawQuery = ''] = (request.raw.url ?? '').split(/\?(.*)/s);
  const { bucket, key } = objectOf(request);
  const signed = { method: request.method, rawPath, rawQuery, headers: request.headers };
  const upload = await context.sts.uploads.authorise(signed, signingOrigins(context, request), bucket, key);
  const body = Buffer.isBuffer(request.body)
    ? new Uint8Array(request.body.buffer, request.body.byteOffset, request.body.byteLength)
    : new Uint8Array(0);
  return { upload, bytes: context.sts.uploads.readBody(request.headers, body) };
}

function objectOf(request: FastifyRequest): { bucket: string; key: string } {
  const rawPath = (request.raw.url ?? '').split('?')[0]!;
  try {
    return { bucket: STS_UPLOAD_BUCKET, key: decodeURIComponent(rawPath.slice(BUCKET_PATH.length)) };
  } catch {
    throw new S3ProtocolError('InvalidURI', 400, 'the object key is not valid percent-encoding');
  }
}

/**
 * The Host (and path prefix) the client may have signed: as received, as a trusted proxy forwarded it, or the public URL
 * the credentials' s3_host came from (a proxy that rewrites Host to its upstream still verifies).
 */
function signingOrigins(context: ApiContext, request: FastifyRequest): SigningOrigin[] {
  const origins: SigningOrigin[] = [];
  const add = (host: string | undefined, pathPrefix = '') => {
    if (host && !origins.some((origin) => origin.host === host && origin.pathPrefix === pathPrefix))
      origins.push({ host, pathPrefix });
  };
  add(request.headers.host);
  // X-Forwarded-Host, when a trusted proxy (POLYFORGE_TRUST_PROXY) sent it; otherwise the Host again
  add(request.host);
  const publicBase = new URL(context.baseUrlOf(request));
  add(publicBase.host, publicBase.pathname.replace(/\/$/, ''));
  add(publicBase.host);
  return origins;
}

function sendXml(reply: FastifyReply, xml: string): FastifyReply {
  return reply.status(200).type('application/xml').send(xml);
}

/** S3 errors as S3 writes them; the upload checks' domain errors (size, type, used or expired slot) in S3 terms. */
function sendS3Error(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const s3Error = toS3Error(error);
  if (s3Error.httpStatus >= 500 && !(error instanceof S3ProtocolError))
    request.log.error({ err: error }, 'S3 upload request failed');
  const body = request.method === 'HEAD' ? '' : s3ErrorXml(s3Error.s3Code, s3Error.message, String(request.id));
  return reply.status(s3Error.httpStatus).type('application/xml').send(body);
}

function toS3Error(error: unknown): S3ProtocolError {
  if (error instanceof S3ProtocolError) return error;
  if (error instanceof DomainError) {
    switch (error.errorName) {
      case 'payloadTooLarge':
        return new S3ProtocolError('EntityTooLarge', 400, error.message);
      case 'forbidden':
        return new S3ProtocolError('AccessDenied', 403, error.message);
      case 'emptyFile':
      case 'unsupportedFileType':
      case 'imageDimensionsOutOfRange':
      case 'invalidParameter':
        return new S3ProtocolError('InvalidArgument', 400, error.message);
      default: {
        const entry = ERROR_CATALOG[error.errorName];
        return new S3ProtocolError(
          entry.httpStatus >= 500 ? 'InternalError' : 'InvalidRequest',
          entry.httpStatus,
          error.message,
        );
      }
    }
  }
  const framework = error as Partial<FastifyError> | undefined;
  if (framework?.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return new S3ProtocolError('EntityTooLarge', 400, 'the body is larger than the upload limit');
  if (typeof framework?.statusCode === 'number' && framework.statusCode < 500)
    return new S3ProtocolError('InvalidRequest', framework.statusCode, framework.message ?? 'bad request');
  return new S3ProtocolError('InternalError', 500, 'we encountered an internal error; please try again');
}
