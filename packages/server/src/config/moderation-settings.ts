// The content policy's moderation provider (POLYFORGE_MODERATION_*): which one, its key and what it checks.
import type { EnvironmentSettings } from './environment-schema.ts';
import type { ModerationConfig } from './platform-config.ts';

export function parseModerationSettings(settings: EnvironmentSettings): ModerationConfig {
  const apiKey = settings.POLYFORGE_MODERATION_API_KEY ?? settings.POLYFORGE_OPENAI_API_KEY;
  if (settings.POLYFORGE_MODERATION_PROVIDER === 'openai' && !apiKey) {
    throw new Error(
      'Invalid configuration: POLYFORGE_MODERATION_PROVIDER=openai needs POLYFORGE_MODERATION_API_KEY (or POLYFORGE_OPENAI_API_KEY)',
    );
  }
  return Object.freeze({
    provider:
      settings.POLYFORGE_MODERATION_PROVIDER === 'openai' && apiKey
        ? {
            kind: 'openai' as const,
            apiKey,
            baseUrl: settings.POLYFORGE_MODERATION_BASE_URL.replace(/\/$/, ''),
            model: settings.POLYFORGE_MODERATION_MODEL,
            timeoutMs: Math.round(settings.POLYFORGE_MODERATION_TIMEOUT_SECONDS * 1000),
          }
        : undefined,
    onProviderFailure: settings.POLYFORGE_MODERATION_ON_FAILURE,
    providerChecksImages: settings.POLYFORGE_MODERATION_IMAGES,
  });
}
