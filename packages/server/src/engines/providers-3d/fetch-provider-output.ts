// Downloads a model a provider links to (signed storage URLs that expire), through the one address policy
// (images/fetch-image-url.ts: public addresses only unless the operator opts in, DNS pinned, redirects re-checked,
// size and time bounded). Every failure is a ProviderFailure of kind `download`, so the next provider is tried.
import { DomainError } from '../../domain-error.ts';
import { fetchImageUrl } from '../../images/fetch-image-url.ts';
import { formatBytes } from './provider-api.ts';
import { ProviderFailure, type Provider3dName } from './provider-3d.ts';

export interface FetchProviderOutputOptions {
  maxBytes: number;
  timeoutMs: number;
  /** operator opt-in: also loopback and private addresses (tests' fake providers, an on-premises mirror) */
  allowPrivateAddresses: boolean;
}

export async function fetchProviderOutput(
  provider: Provider3dName,
  displayName: string,
  url: string,
  options: FetchProviderOutputOptions,
  providerTaskId?: string,
): Promise<Uint8Array> {
  try {
    const fetched = await fetchImageUrl(url, {
      maxBytes: options.maxBytes,
      timeoutMs: options.timeoutMs,
      maxRedirects: 3,
      allowPrivateAddresses: options.allowPrivateAddresses,
    });
    return fetched.bytes;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const detail =
      error.errorName === 'payloadTooLarge'
        ? `is larger than ${formatBytes(options.maxBytes)}, the limit on provider outputs`
        : error.errorName === 'invalidParameter'
          ? `is refused by the address policy (${error.message.replace(/^file url \S+ is refused: /, '')})`
          : `could not be downloaded (${error.message.replace(/^file url /, '')})`;
    throw new ProviderFailure(provider, 'download', `the model ${displayName} linked to ${detail}`, providerTaskId);
  }
}
