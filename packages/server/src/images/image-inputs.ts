// The checks every input image goes through, in one place for the file store, the create path and the
// workers: the header limits (inspect-image.ts), the content policy (image-safety.ts, and the moderation
// provider when one is set) and, for `url` references, the bounded fetch under the outbound address policy
// (fetch-image-url.ts, net/address-policy.ts).
import { DomainError } from '../domain-error.ts';
import { AddressPolicy } from '../net/address-policy.ts';
import { FETCH_IMAGE_URL_DEFAULTS, fetchImageUrl } from './fetch-image-url.ts';
import { URL_IMAGE_FORMATS } from './image-limits.ts';
import { ImageSafety, IMAGE_SAFETY_DEFAULTS } from './image-safety.ts';
import { inspectImage, type ImageInfo } from './inspect-image.ts';

export interface ImageInputsOptions {
  maxImageBytes: number;
  safety?: ImageSafety;
  /** the operator's moderation provider, asked about a `url` image after the offline classifier passed it */
  moderation?: { checkImageBytes(bytes: Uint8Array, label: string): Promise<void> };
  urlFetchTimeoutMs?: number;
  /** shorthand for a policy that opens every private network (tests); ignored when addressPolicy is given */
  urlFetchAllowPrivateAddresses?: boolean;
  /** the deployment's outbound address policy (platform.ts passes the one every tenant-aimed request uses) */
  addressPolicy?: AddressPolicy;
}

export interface FetchedInputImage {
  bytes: Uint8Array;
  info: ImageInfo;
  unsafeScore: number;
}

export class ImageInputs {
  readonly safety: ImageSafety;
  private readonly addressPolicy: AddressPolicy;

  constructor(private readonly options: ImageInputsOptions) {
    this.safety = options.safety ?? new ImageSafety(IMAGE_SAFETY_DEFAULTS);
    this.addressPolicy =
      options.addressPolicy ??
      new AddressPolicy({ allowPrivateAddresses: options.urlFetchAllowPrivateAddresses ?? false, allowedNetworks: [] });
  }

  /** Create-time check of a `url` reference, without fetching it: http(s), and no address that is refused outright. */
  checkUrlReference(rawUrl: string): void {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      throw new DomainError('invalidParameter', 'file.url is not a valid URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new DomainError('invalidParameter', 'file.url must be an http or https URL');
    const reason = this.addressPolicy.refusalOf(url);
    if (reason)
      throw new DomainError(
        'invalidParameter',
        `file.url is refused: ${reason}; reference a publicly reachable image or upload it`,
      );
  }

  /** Worker side: fetches a `url` reference and runs every check on it (JPEG/PNG only, as the spec says for URLs). */
  async fetchUrlImage(rawUrl: string): Promise<FetchedInputImage> {
    const fetched = await fetchImageUrl(rawUrl, {
      ...FETCH_IMAGE_URL_DEFAULTS,
      maxBytes: this.options.maxImageBytes,
      timeoutMs: this.options.urlFetchTimeoutMs ?? FETCH_IMAGE_URL_DEFAULTS.timeoutMs,
      allowPrivateAddresses: this.addressPolicy.allowsPrivateAddresses,
      addressPolicy: this.addressPolicy,
    });
    if (fetched.bytes.byteLength === 0) throw new DomainError('emptyFile', 'the image at file.url is empty');
    const info = await inspectImage(fetched.bytes, { formats: URL_IMAGE_FORMATS, label: 'the image at file.url' });
    const unsafeScore = await this.safety.unsafeScoreOf(fetched.bytes);
    this.safety.assertAllowed(unsafeScore, 'the image at file.url');
    await this.options.moderation?.checkImageBytes(fetched.bytes, 'the image at file.url');
    return { bytes: fetched.bytes, info, unsafeScore };
  }
}
