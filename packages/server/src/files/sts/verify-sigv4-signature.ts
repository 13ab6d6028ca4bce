// Checks an AWS Signature Version 4 (header form) the way S3 does: the request is signed again with the AWS
// SDK's own signer (@smithy/signature-v4) from the parts the client says it signed, and the two signatures are
// compared in constant time. Nothing of the canonicalisation is written here.
import { timingSafeEqual } from 'node:crypto';
import { HttpRequest } from '@smithy/core/protocols';
import { Hash } from '@smithy/core/serde';
import { SignatureV4 } from '@smithy/signature-v4';

export interface SignedRequest {
  method: string;
  /** the request path exactly as it arrived (still percent-encoded) */
  rawPath: string;
  /** the query string as it arrived, without "?" */
  rawQuery: string;
  /** lower-case header names, as Node gives them */
  headers: Record<string, string | string[] | undefined>;
}

export interface SigV4Authorization {
  accessKeyId: string;
  /** YYYYMMDD of the credential scope */
  scopeDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

/** Where the client may have sent the request: the Host it signed and a path prefix a proxy removed. */
export interface SigningOrigin {
  host: string;
  pathPrefix: string;
}

const AUTHORIZATION_PATTERN =
  /^AWS4-HMAC-SHA256\s+Credential=([^/\s,]+)\/(\d{8})\/([^/\s,]+)\/([^/\s,]+)\/aws4_request\s*,\s*SignedHeaders=([a-z0-9;._-]+)\s*,\s*Signature=([0-9a-f]{64})$/;

export function parseSigV4Authorization(header: string | undefined): SigV4Authorization | undefined {
  const match = header ? AUTHORIZATION_PATTERN.exec(header.trim()) : null;
  if (!match) return undefined;
  const [, accessKeyId, scopeDate, region, service, signedHeaders, signature] = match as unknown as string[];
  return {
    accessKeyId: accessKeyId!,
    scopeDate: scopeDate!,
    region: region!,
    service: service!,
    signedHeaders: signedHeaders!.split(';'),
    signature: signature!,
  };
}

/** `20261206T101500Z` → a Date, or undefined. */
export function parseAmzDate(value: string | undefined): Date | undefined {
  const match = value ? /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value) : null;
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const date = new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

class Sha256 extends Hash {
  constructor(secret?: ConstructorParameters<typeof Hash>[1]) {
    super('sha256', secret);
  }
}

/** True when signing the request again with these credentials, from one of the origins, gives its signature. */
export async function sigV4SignatureMatches(
  request: SignedRequest,
  authorization: SigV4Authorization,
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string },
  signingDate: Date,
  origins: SigningOrigin[],
): Promise<boolean> {
  const query = parseQuery(request.rawQuery);
  if (!query) return false;
  const signer = new SignatureV4({
    service: authorization.service,
    region: authorization.region,
    credentials,
    sha256: Sha256,
    uriEscapePath: false,
    applyChecksum: false,
  });
  const expected = Buffer.from(authorization.signature, 'hex');
  for (const origin of origins) {
    const headers: Record<string, string> = {};
    for (const name of authorization.signedHeaders) {
      const value = name === 'host' ? origin.host : request.headers[name];
      if (value === undefined) return false;
      headers[name] = Array.isArray(value) ? value.join(',') : value;
    }
    const path =
      origin.pathPrefix && !request.rawPath.startsWith(`${origin.pathPrefix}/`)
        ? origin.pathPrefix + request.rawPath
        : request.rawPath;
    const signed = await signer.sign(
      new HttpRequest({ method: request.method, protocol: 'https:', hostname: origin.host, path, query, headers }),
      {
        signingDate,
        signingRegion: authorization.region,
        signingService: authorization.service,
        signableHeaders: new Set(authorization.signedHeaders),
      },
    );
    const produced = /Signature=([0-9a-f]{64})$/.exec(String(signed.headers.authorization ?? ''))?.[1];
    if (produced && timingSafeEqual(Buffer.from(produced, 'hex'), expected)) return true;
  }
  return false;
}

/** Decoded query parameters (no "+" → space: SigV4 clients percent-encode spaces), or undefined when malformed. */
function parseQuery(rawQuery: string): Record<string, string | string[]> | undefined {
  const query: Record<string, string | string[]> = Object.create(null);
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const separator = pair.indexOf('=');
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(separator < 0 ? pair : pair.slice(0, separator));
      value = separator < 0 ? '' : decodeURIComponent(pair.slice(separator + 1));
    } catch {
      return undefined;
    }
    const previous = query[key];
    query[key] = previous === undefined ? value : [previous, value].flat();
  }
  return query;
}
