// The operator's moderation provider: OpenAI's moderation endpoint (POST /v1/moderations, omni-moderation-latest).
// Texts go as one array of strings (one result each); an image goes alone as a multi-modal input with a base64
// data URL, scaled down first (the endpoint takes files up to 20 MB; 1024 px is plenty to judge content).
//
// Counted: the flagged booleans of the categories this platform refuses. Not counted: plain `violence` (a knight
// with a sword scores there), `harassment` and non-violent `illicit` (a wine bottle), which a 3D asset
// platform must serve.
import sharp from 'sharp';
import { z } from 'zod';
import { fetchWithRetries } from '../engines/providers/provider-http.ts';
import type { ModerationCategory } from './moderation-categories.ts';

export interface ModerationProvider {
  /** how refusals and logs name it */
  readonly name: string;
  /** the refused categories of each text, in order */
  moderateTexts(texts: readonly string[]): Promise<ModerationCategory[][]>;
  /** the refused categories of one encoded image */
  moderateImage(bytes: Uint8Array): Promise<ModerationCategory[]>;
}

export interface OpenAiModerationSettings {
  apiKey: string;
  /** e.g. https://api.openai.com (the path /v1/moderations is appended) */
  baseUrl: string;
  model: string;
  timeoutMs: number;
  maxAttempts: number;
}

/** OpenAI category → the platform category it counts as; categories not listed are not refused. */
export const OPENAI_COUNTED_CATEGORIES: Readonly<Record<string, ModerationCategory>> = {
  'sexual/minors': 'minors',
  sexual: 'sexual',
  'self-harm': 'self-harm',
  'self-harm/intent': 'self-harm',
  'self-harm/instructions': 'self-harm',
  'violence/graphic': 'gore',
  hate: 'hate',
  'hate/threatening': 'hate',
  'illicit/violent': 'weapons',
};

const IMAGE_SIDE_PIXELS = 1024;

const moderationResponseSchema = z.object({
  results: z.array(z.object({ flagged: z.boolean(), categories: z.record(z.string(), z.boolean().nullable()) })),
});

export class OpenAiModerationProvider implements ModerationProvider {
  readonly name = 'OpenAI moderation';

  constructor(private readonly settings: OpenAiModerationSettings) {}

  async moderateTexts(texts: readonly string[]): Promise<ModerationCategory[][]> {
    if (texts.length === 0) return [];
    const results = await this.send([...texts]);
    if (results.length !== texts.length)
      throw new Error(`${this.name} answered ${results.length} results for ${texts.length} texts`);
    return results.map(countedCategories);
  }

  async moderateImage(bytes: Uint8Array): Promise<ModerationCategory[]> {
    // the image already passed the upload limits (images/inspect-image.ts)
    const jpeg = await sharp(bytes)
      .rotate()
      .resize(IMAGE_SIDE_PIXELS, IMAGE_SIDE_PIXELS, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 85 })
      .toBuffer();
    const results = await this.send([
      { type: 'image_url', image_url: { url: `data:image/jpeg;base64,${jpeg.toString('base64')}` } },
    ]);
    if (results.length !== 1) throw new Error(`${this.name} answered ${results.length} results for one image`);
    return countedCategories(results[0]!);
  }

  private async send(input: unknown[]): Promise<z.infer<typeof moderationResponseSchema>['results']> {
    const response = await fetchWithRetries(
      `${this.settings.baseUrl}/v1/moderations`,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${this.settings.apiKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ model: this.settings.model, input }),
      },
      {
        providerName: this.name,
        timeoutMs: this.settings.timeoutMs,
        maxAttempts: this.settings.maxAttempts,
        retryBaseMs: 200,
      },
    );
    const parsed = moderationResponseSchema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new Error(`${this.name} answered a body without results[].flagged and categories`);
    return parsed.data.results;
  }
}

function countedCategories(result: { categories: Record<string, boolean | null> }): ModerationCategory[] {
  const found = new Set<ModerationCategory>();
  for (const [name, flagged] of Object.entries(result.categories)) {
    const category = OPENAI_COUNTED_CATEGORIES[name];
    if (flagged === true && category) found.add(category);
  }
  return [...found];
}
