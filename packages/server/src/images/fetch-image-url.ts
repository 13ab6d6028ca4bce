// Fetches an image named by a task's `url` file reference, bounded in size, time and redirects, http(s)
// only. Each hop's host is resolved once and every address it resolves to is checked (address-policy.ts);
// the connection then goes to the checked address (a pinned `lookup`), so a DNS answer that changes between
// the check and the connect (DNS rebinding) cannot reach a private address.
import dns from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { DomainError } from '../domain-error.ts';
import { isPublicAddress, refusedHostReason } from './address-policy.ts';

export interface FetchImageUrlOptions {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
  /** Operator setting (tests use it): also fetch from loopback and private addresses. */
  allowPrivateAddresses: boolean;
}

export const FETCH_IMAGE_URL_DEFAULTS: Omit<FetchImageUrlOptions, 'maxBytes'> = {
  timeoutMs: 15_000,
  maxRedirects: 3,
  allowPrivateAddresses: false,
};

export interface FetchedImage {
  bytes: Uint8Array;
  finalUrl: string;
}

/** Errors are DomainErrors: fileNotFound (2019) for an unreachable or failing source, invalidParameter for a refused address, payloadTooLarge. */
export async function fetchImageUrl(rawUrl: string, options: FetchImageUrlOptions): Promise<FetchedImage> {
  const deadline = Date.now() + options.timeoutMs;
  let url = parseHttpUrl(rawUrl);
  for (let hop = 0; ; hop++) {
    const address = await resolveAllowed(url, options);
    const response = await requestOnce(url, address, options, deadline);
    if (response.redirectTo !== undefined) {
      if (hop >= options.maxRedirects) throw new DomainError('fileNotFound', `${describe(rawUrl)} redirected more than ${options.maxRedirects} times`);
      url = parseHttpUrl(new URL(response.redirectTo, url).toString());
      continue;
    }
    return { bytes: response.bytes!, finalUrl: url.toString() };
  }
}

function parseHttpUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DomainError('invalidParameter', `file url ${describe(raw)} is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DomainError('invalidParameter', `file url ${describe(raw)} must use http or https`);
  }
  return url;
}

async function resolveAllowed(url: URL, options: FetchImageUrlOptions): Promise<{ address: string; family: number }> {
  if (!options.allowPrivateAddresses) {
    const reason = refusedHostReason(url);
    if (reason) throw new DomainError('invalidParameter', `file url ${describe(url.toString())} is refused: ${reason}`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  try {
    addresses = await dns.lookup(host, { all: true, verbatim: true });
  } catch {
    throw new DomainError('fileNotFound', `the host of ${describe(url.toString())} could not be resolved`);
  }
  if (addresses.length === 0) throw new DomainError('fileNotFound', `the host of ${describe(url.toString())} has no address`);
  if (!options.allowPrivateAddresses) {
    const blocked = addresses.find((entry) => !isPublicAddress(entry.address));
    if (blocked) throw new DomainError('invalidParameter', `file url ${describe(url.toString())} is refused: its host resolves to ${blocked.address}, which is not a public address`);
  }
  return addresses[0];
}

interface HopResult {
  bytes?: Uint8Array;
  redirectTo?: string;
}

function requestOnce(url: URL, resolved: { address: string; family: number }, options: FetchImageUrlOptions, deadline: number): Promise<HopResult> {
  const remainingMs = deadline - Date.now();
  if (remainingMs <= 0) return Promise.reject(timeoutError(url, options));
  const pinnedLookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if ((lookupOptions as { all?: boolean }).all) (callback as (error: null, addresses: { address: string; family: number }[]) => void)(null, [resolved]);
    else callback(null, resolved.address, resolved.family);
  };
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<HopResult>((resolve, reject) => {
    const request = transport.get(url, { lookup: pinnedLookup, headers: { accept: 'image/jpeg, image/png;q=0.9, */*;q=0.1', 'user-agent': 'polyforge-image-fetch/1' } }, (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        resolve({ redirectTo: response.headers.location });
        return;
      }
      if (status !== 200) {
        response.resume();
        reject(new DomainError('fileNotFound', `${describe(url.toString())} answered HTTP ${status}`));
        return;
      }
      const declared = Number(response.headers['content-length'] ?? NaN);
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        response.destroy();
        reject(tooLarge(url, options));
        return;
      }
      const chunks: Buffer[] = [];
      let received = 0;
      response.on('data', (chunk: Buffer) => {
        received += chunk.byteLength;
        if (received > options.maxBytes) {
          response.destroy();
          reject(tooLarge(url, options));
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => {
        const joined = Buffer.concat(chunks);
        resolve({ bytes: new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength) });
      });
      response.on('error', () => reject(new DomainError('fileNotFound', `the download of ${describe(url.toString())} broke off`)));
    });
    request.setTimeout(remainingMs, () => request.destroy(timeoutError(url, options)));
    request.on('error', (error) => reject(error instanceof DomainError ? error : new DomainError('fileNotFound', `${describe(url.toString())} could not be fetched (${error.message})`)));
  });
}

function tooLarge(url: URL, options: FetchImageUrlOptions): DomainError {
  return new DomainError('payloadTooLarge', `${describe(url.toString())} is larger than ${Math.round(options.maxBytes / (1024 * 1024))} MB, the image size limit`);
}

function timeoutError(url: URL, options: FetchImageUrlOptions): DomainError {
  return new DomainError('fileNotFound', `${describe(url.toString())} did not answer within ${Math.round(options.timeoutMs / 1000)} s`);
}

/** The URL without its query (which may carry a signature), shortened, for messages. */
function describe(raw: string): string {
  let text = raw;
  try {
    const url = new URL(raw);
    text = `${url.origin}${url.pathname}`;
  } catch {
    // keep the raw text
  }
  return text.length > 100 ? `${text.slice(0, 97)}...` : text;
}
