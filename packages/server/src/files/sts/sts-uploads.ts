// The STS upload flow of /v2/openapi/upload/sts/token: issues per-upload S3 credentials scoped to one object key,
// authorises requests to this server's S3-compatible upload endpoint (SigV4), reads their bodies, and stores a
// PutObject's bytes as the slot's file: type-checked and bounded like every other upload.
import { createHash } from 'node:crypto';
import type { Clock } from '../../clock.ts';
import { DomainError } from '../../domain-error.ts';
import { newId } from '../../ids.ts';
import { PRESIGNED_UPLOAD_FORMATS, type FileStore } from '../file-store.ts';
import { AwsChunkedBodyError, crc32Base64, decodeAwsChunkedBody } from './decode-aws-chunked-body.ts';
import { S3ProtocolError } from './s3-protocol-error.ts';
import type { StsCredentialSigner, StsScope } from './sts-credentials.ts';
import { STS_UPLOAD_BUCKET, stsObjectKey } from './sts-object-key.ts';
import {
  parseAmzDate,
  parseSigV4Authorization,
  sigV4SignatureMatches,
  type SignedRequest,
  type SigningOrigin,
} from './verify-sigv4-signature.ts';

/** STS credentials last an hour: long enough for a large multipart upload on a slow link. */
export const STS_CREDENTIAL_TTL_SECONDS = 3600;
/** S3 refuses requests signed more than 15 minutes away from its clock. */
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

/** The `data` of POST /v2/openapi/upload/sts/token, in Tripo's shape. */
export interface StsUploadGrant {
  s3_host: string;
  resource_bucket: string;
  resource_uri: string;
  session_token: string;
  sts_ak: string;
  sts_sk: string;
}

/** A request the credentials of one upload signed. */
export interface AuthorisedUpload {
  scope: StsScope;
  /** the slot's credential, which completes it (FileStore.completePendingUpload) */
  secretAccessKey: string;
}

export interface StsUploadsDependencies {
  files: FileStore;
  clock: Clock;
  signer: StsCredentialSigner;
  maxUploadBytes: number;
}

export class StsUploads {
  constructor(private readonly deps: StsUploadsDependencies) {}

  /**
   * A slot and its credentials. The format names the key (`input.<format>`), as on Tripo; the bytes' type is read
   * from their content, since the official Python SDK announces "jpeg" for any extension it does not know.
   */
  async issue(
    account: { accountId: string; clientId: string },
    format: unknown,
    s3Host: string,
  ): Promise<StsUploadGrant> {
    if (typeof format !== 'string' || !(PRESIGNED_UPLOAD_FORMATS as readonly string[]).includes(format.toLowerCase())) {
      throw new DomainError(
        'invalidParameter',
        `format must be one of ${PRESIGNED_UPLOAD_FORMATS.join(', ')} (got ${JSON.stringify(format ?? null).slice(0, 40)})`,
      );
    }
    const nowMs = this.deps.clock.nowMs();
    const uploadId = newId();
    const objectKey = stsObjectKey(account.clientId, nowMs, uploadId, format.toLowerCase());
    const scope: StsScope = {
      uploadId,
      accountId: account.accountId,
      bucket: STS_UPLOAD_BUCKET,
      objectKey,
      expiresAtMs: nowMs + STS_CREDENTIAL_TTL_SECONDS * 1000,
    };
    const credentials = this.deps.signer.issue(scope);
    await this.deps.files.createPendingUpload(account.accountId, {
      id: uploadId,
      secret: credentials.secretAccessKey,
      ttlSeconds: STS_CREDENTIAL_TTL_SECONDS,
    });
    return {
      s3_host: s3Host,
      resource_bucket: STS_UPLOAD_BUCKET,
      resource_uri: objectKey,
      session_token: credentials.sessionToken,
      sts_ak: credentials.accessKeyId,
      sts_sk: credentials.secretAccessKey,
    };
  }

  /** Checks the request's signature, its credentials' scope and time, and that it writes their one key. */
  async authorise(
    request: SignedRequest,
    origins: SigningOrigin[],
    bucket: string,
    key: string,
  ): Promise<AuthorisedUpload> {
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value.join(',') : value;
    };
    const authorization = parseSigV4Authorization(header('authorization'));
    if (!authorization) {
      const presigned = /(^|&)X-Amz-Signature=/i.test(request.rawQuery);
      throw new S3ProtocolError(
        'AccessDenied',
        403,
        presigned
          ? 'presigned URLs are not accepted here; sign requests with an Authorization header (AWS Signature Version 4)'
          : 'the request must be signed with AWS Signature Version 4 (Authorization: AWS4-HMAC-SHA256 ...)',
      );
    }
    if (authorization.service !== 's3')
      throw new S3ProtocolError(
        'AuthorizationHeaderMalformed',
        400,
        `the credential scope names service "${authorization.service}", not "s3"`,
      );
    const opened = this.deps.signer.open(authorization.accessKeyId, header('x-amz-security-token') ?? '');
    if (!opened)
      throw new S3ProtocolError(
        'InvalidAccessKeyId',
        403,
        'the access key id and session token were not issued by this server (ask for new ones with POST /v2/openapi/upload/sts/token)',
      );
    const nowMs = this.deps.clock.nowMs();
    if (nowMs > opened.scope.expiresAtMs)
      throw new S3ProtocolError(
        'ExpiredToken',
        400,
        'the provided token has expired; ask for new credentials with POST /v2/openapi/upload/sts/token',
      );
    const signingDate = parseAmzDate(header('x-amz-date'));
    if (!signingDate) throw new S3ProtocolError('AccessDenied', 403, 'the request needs an X-Amz-Date header');
    if (Math.abs(signingDate.getTime() - nowMs) > MAX_CLOCK_SKEW_MS)
      throw new S3ProtocolError(
        'RequestTimeTooSkewed',
        403,
        'the difference between the request time and the server time is too large',
      );
    const required = ['host', 'x-amz-content-sha256', 'x-amz-security-token'].filter(
      (name) => !authorization.signedHeaders.includes(name),
    );
    if (required.length > 0)
      throw new S3ProtocolError('AccessDenied', 403, `the signature must cover ${required.join(', ')}`);
    const matches =
      authorization.scopeDate === header('x-amz-date')!.slice(0, 8) &&
      (await sigV4SignatureMatches(
        request,
        authorization,
        {
          accessKeyId: authorization.accessKeyId,
          secretAccessKey: opened.secretAccessKey,
          sessionToken: header('x-amz-security-token')!,
        },
        signingDate,
        origins,
      ));
    if (!matches)
      throw new S3ProtocolError(
        'SignatureDoesNotMatch',
        403,
        'the request signature we calculated does not match the signature you provided; check the secret key and the endpoint',
      );
    if (bucket !== opened.scope.bucket || key !== opened.scope.objectKey) {
      throw new S3ProtocolError(
        'AccessDenied',
        403,
        `these credentials may only write ${opened.scope.bucket}/${opened.scope.objectKey}`,
      );
    }
    return { scope: opened.scope, secretAccessKey: opened.secretAccessKey };
  }

  /** The object bytes of a signed request's body: checked against its payload hash, aws-chunked decoded. */
  readBody(headers: SignedRequest['headers'], body: Uint8Array): Uint8Array {
    const payloadHash = String(headers['x-amz-content-sha256'] ?? '');
    let bytes = body;
    if (payloadHash === 'STREAMING-UNSIGNED-PAYLOAD-TRAILER') {
      try {
        bytes = decodeAwsChunkedBody(body, this.deps.maxUploadBytes).bytes;
      } catch (error) {
        if (!(error instanceof AwsChunkedBodyError)) throw error;
        if (error.message === 'too large') throw tooLarge(this.deps.maxUploadBytes);
        throw new S3ProtocolError('IncompleteBody', 400, error.message);
      }
      const declared = headers['x-amz-decoded-content-length'];
      if (declared !== undefined && Number(declared) !== bytes.byteLength)
        throw new S3ProtocolError(
          'IncompleteBody',
          400,
          'x-amz-decoded-content-length does not match the decoded body',
        );
    } else if (/^[0-9a-f]{64}$/.test(payloadHash)) {
      if (createHash('sha256').update(body).digest('hex') !== payloadHash)
        throw new S3ProtocolError(
          'XAmzContentSHA256Mismatch',
          400,
          'the x-amz-content-sha256 header does not match the body',
        );
    } else if (payloadHash.startsWith('STREAMING-')) {
      throw new S3ProtocolError(
        'NotImplemented',
        501,
        `${payloadHash} bodies are not supported here; send UNSIGNED-PAYLOAD over HTTPS (what boto3 and the AWS SDKs do by default)`,
      );
    } else if (payloadHash !== 'UNSIGNED-PAYLOAD') {
      throw new S3ProtocolError(
        'InvalidArgument',
        400,
        'x-amz-content-sha256 must be a SHA-256 hex digest, UNSIGNED-PAYLOAD or STREAMING-UNSIGNED-PAYLOAD-TRAILER',
      );
    }
    if (bytes.byteLength > this.deps.maxUploadBytes) throw tooLarge(this.deps.maxUploadBytes);
    const md5 = headers['content-md5'];
    if (typeof md5 === 'string' && createHash('md5').update(bytes).digest('base64') !== md5)
      throw new S3ProtocolError('BadDigest', 400, 'the Content-MD5 you specified did not match what we received');
    const crc32 = headers['x-amz-checksum-crc32'];
    if (typeof crc32 === 'string' && crc32Base64(bytes) !== crc32)
      throw new S3ProtocolError(
        'BadDigest',
        400,
        'the x-amz-checksum-crc32 you specified did not match what we received',
      );
    return bytes;
  }

  /** PutObject: the bytes become the slot's file (type by content, size bounded, image checks); one upload per slot. */
  async putObject(upload: AuthorisedUpload, bytes: Uint8Array): Promise<{ etag: string }> {
    await this.deps.files.completePendingUpload(upload.scope.uploadId, upload.secretAccessKey, bytes);
    return { etag: md5Hex(bytes) };
  }
}

export function md5Hex(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('hex');
}

export function tooLarge(maxUploadBytes: number): S3ProtocolError {
  return new S3ProtocolError(
    'EntityTooLarge',
    400,
    `files may be at most ${Math.round(maxUploadBytes / (1024 * 1024))} MB`,
  );
}
