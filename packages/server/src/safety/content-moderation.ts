// The content policy a task request meets before anything else is decided about it (error 2008, nothing
// charged): the offline lexicon on every text, then the operator's moderation provider, when one is set, on the
// texts and input images. The offline image classifier (images/image-safety.ts) runs as each image is resolved.
//
// Decided: when the provider cannot be reached or answers nonsense, the default is to fail open: the offline
// checks (lexicon and image classifier) still decide, and a warning is logged. An operator who must not serve an
// unchecked request sets POLYFORGE_MODERATION_ON_FAILURE=closed: then creates and quotes answer 503 (code 1000,
// retryable, Retry-After) until the provider is back, still charging nothing.
import { createHash } from 'node:crypto';
import type { TaskRequest } from '@polyforge/protocol';
import { DomainError } from '../domain-error.ts';
import type { ModerationCategory } from './moderation-categories.ts';
import { moderatedTextsOf, type ModeratedText } from './moderated-texts-of.ts';
import { describeCategories, moderateTexts } from './moderate-texts.ts';
import type { ModerationProvider } from './openai-moderation-provider.ts';

export interface ContentModerationOptions {
  provider?: ModerationProvider;
  /** what a provider failure means: `open` = the offline checks decide; `closed` = refuse with 503 */
  onProviderFailure: 'open' | 'closed';
  /** send input images to the provider too (texts always go) */
  providerChecksImages: boolean;
  log?: (message: string, details: Record<string, unknown>) => void;
}

export const CONTENT_MODERATION_DEFAULTS: ContentModerationOptions = {
  onProviderFailure: 'open',
  providerChecksImages: true,
};

/** An input image the provider may be asked about; its bytes are read only then. */
export interface ModeratedImage {
  label: string;
  readBytes(): Promise<Uint8Array>;
}

/** Provider answers kept per text or image hash, so a quote and its create ask once. */
const PROVIDER_CACHE_ENTRIES = 2000;
const PROVIDER_RETRY_AFTER_SECONDS = 5;

export class ContentModeration {
  private readonly providerAnswers = new Map<string, ModerationCategory[]>();

  constructor(private readonly options: ContentModerationOptions = CONTENT_MODERATION_DEFAULTS) {}

  /**
   * Every text of the request: the offline lexicon, then the provider (negative prompts stay offline: they list
   * what to avoid, which a classifier reads as asking for it). Throws 2008 naming the field and the category.
   */
  async checkRequestTexts(request: TaskRequest): Promise<void> {
    const texts = moderatedTextsOf(request);
    const violation = moderateTexts(texts);
    if (violation) {
      this.options.log?.('content policy: request text refused', {
        field: violation.field,
        categories: violation.categories,
        reasons: violation.reasons,
      });
      throw refusal(violation.field, violation.categories);
    }
    const positive = texts.filter((text) => text.kind === 'positive');
    if (this.options.provider && positive.length > 0)
      await this.checkTextsWithProvider(this.options.provider, positive);
  }

  /** The provider's check of input images that passed the offline classifier; nothing to do without a provider. */
  async checkInputImages(images: readonly ModeratedImage[]): Promise<void> {
    const provider = this.options.provider;
    if (!provider || !this.options.providerChecksImages) return;
    await Promise.all(images.map(async (image) => this.checkImageBytes(await image.readBytes(), image.label)));
  }

  /** One image's provider check (the worker calls it for a `url` input after fetching it). */
  async checkImageBytes(bytes: Uint8Array, label: string): Promise<void> {
    const provider = this.options.provider;
    if (!provider || !this.options.providerChecksImages) return;
    const key = `image:${createHash('sha256').update(bytes).digest('hex')}`;
    const categories = await this.askProvider(provider, [key], async () => [await provider.moderateImage(bytes)]);
    if (categories && categories[0]!.length > 0) throw refusal(label, categories[0]!, provider.name);
  }

  private async checkTextsWithProvider(provider: ModerationProvider, texts: readonly ModeratedText[]): Promise<void> {
    const keys = texts.map((text) => `text:${text.text}`);
    const answers = await this.askProvider(provider, keys, () =>
      provider.moderateTexts(texts.map((text) => text.text)),
    );
    const refused = answers?.findIndex((categories) => categories.length > 0) ?? -1;
    if (answers && refused >= 0) throw refusal(texts[refused]!.field, answers[refused]!, provider.name);
  }

  /** The cached or fresh answers for these keys; undefined when the provider failed and failures are open. */
  private async askProvider(
    provider: ModerationProvider,
    keys: readonly string[],
    ask: () => Promise<ModerationCategory[][]>,
  ): Promise<ModerationCategory[][] | undefined> {
    const cached = keys.map((key) => this.providerAnswers.get(key));
    if (cached.every((answer) => answer !== undefined)) return cached as ModerationCategory[][];
    let answers: ModerationCategory[][];
    try {
      answers = await ask();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.options.log?.('content policy: moderation provider failed', {
        provider: provider.name,
        reason,
        onFailure: this.options.onProviderFailure,
      });
      if (this.options.onProviderFailure === 'open') return undefined;
      throw new DomainError(
        'serviceUnavailable',
        `the content moderation service (${provider.name}) is not answering, so the request cannot be checked; nothing was charged`,
        {
          retryAfterSeconds: PROVIDER_RETRY_AFTER_SECONDS,
        },
      );
    }
    keys.forEach((key, index) => this.remember(key, answers[index]!));
    return answers;
  }

  private remember(key: string, categories: ModerationCategory[]): void {
    if (this.providerAnswers.size >= PROVIDER_CACHE_ENTRIES)
      this.providerAnswers.delete(this.providerAnswers.keys().next().value!);
    this.providerAnswers.set(key, categories);
  }
}

function refusal(field: string, categories: readonly ModerationCategory[], providerName?: string): DomainError {
  const by = providerName ? ` (flagged by ${providerName})` : '';
  return new DomainError(
    'contentPolicyViolation',
    `${field} was refused by the content policy: ${describeCategories(categories)}${by}; nothing was charged`,
  );
}
