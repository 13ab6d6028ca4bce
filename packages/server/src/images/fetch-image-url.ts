// Fetches an image named by a task's `url` file reference, bounded in size, time and redirects, http(s) only,
// under the outbound address policy (net/address-policy.ts): every hop's host is checked, at connect time too, so
// neither a redirect nor a DNS answer that changes after the check (DNS rebinding) reaches a refused address.
import { DomainError } from '../domain-error.ts';
import { AddressPolicy } from '../net/address-policy.ts';
import { guardedHttpRequest, OutboundRequestError } from '../net/guarded-http-request.ts';

export interface FetchImageUrlOptions {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
  /** Operator setting (tests use it): also fetch from loopback and private addresses. Ignored when a policy is given. */
  allowPrivateAddresses: boolean;
  /** the deployment's outbound address policy */
  addressPolicy?: AddressPolicy;
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
  const policy =
    options.addressPolicy ??
    new AddressPolicy({ allowPrivateAddresses: options.allowPrivateAddresses, allowedNetworks: [] });
  const deadline = Date.now() + options.timeoutMs;
  let url = parseHttpUrl(rawUrl);
  for (let hop = 0; ; hop++) {
    const remainingMs = deadline - Date.now();
    if (remainingMs <= 0) throw timeoutError(url, options);
    let response;
    try {
      response = await guardedHttpRequest(url, {
        policy,
        method: 'GET',
        headers: { accept: 'image/jpeg, image/png;q=0.9, */*;q=0.1', 'user-agent': 'polyforge-image-fetch/1' },
        timeoutMs: remainingMs,
        maxResponseBytes: options.maxBytes,
      });
    } catch (error) {
      throw toDomainError(error, url, options);
    }
    if (response.redirectTo !== undefined) {
      if (hop >= options.maxRedirects)
        throw new DomainError('fileNotFound', `${describe(rawUrl)} redirected more than ${options.maxRedirects} times`);
      url = parseHttpUrl(new URL(response.redirectTo, url).toString());
      continue;
    }
    if (response.status !== 200)
      throw new DomainError('fileNotFound', `${describe(url.toString())} answered HTTP ${response.status}`);
    return { bytes: response.body, finalUrl: url.toString() };
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

function toDomainError(error: unknown, url: URL, options: FetchImageUrlOptions): DomainError {
  if (!(error instanceof OutboundRequestError))
    return new DomainError('fileNotFound', `${describe(url.toString())} could not be fetched`);
  switch (error.kind) {
    case 'refused':
      return new DomainError(
        'invalidParameter',
        `file url ${describe(url.toString())} is refused: its host is not a public address (or does not resolve)`,
      );
    case 'timeout':
      return timeoutError(url, options);
    case 'too-large':
      return new DomainError(
        'payloadTooLarge',
        `${describe(url.toString())} is larger than ${Math.round(options.maxBytes / (1024 * 1024))} MB, the image size limit`,
      );
    case 'broken':
      return new DomainError('fileNotFound', `the download of ${describe(url.toString())} broke off`);
    default:
      return new DomainError('fileNotFound', `${describe(url.toString())} could not be fetched (${error.message})`);
  }
}

function timeoutError(url: URL, options: FetchImageUrlOptions): DomainError {
  return new DomainError(
    'fileNotFound',
    `${describe(url.toString())} did not answer within ${Math.round(options.timeoutMs / 1000)} s`,
  );
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
