// Every environment variable the platform reads, with its type, range and default (zod). loadConfig (config.ts)
// parses the environment with it once, at boot.
import { MODEL_VERSION_TABLES } from '@polyforge/protocol';
import { z } from 'zod';
import { parseTrustedProxies } from '../net/trusted-proxies.ts';

const booleanFlag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

/** Hosted 3D generators an operator may plug in (engines/providers-3d/), with their public API's base URL. */
export const PROVIDER_3D_DEFAULT_BASE_URLS = {
  meshy: 'https://api.meshy.ai',
  rodin: 'https://api.hyper3d.com',
  stability: 'https://api.stability.ai',
  fal: 'https://queue.fal.run',
  replicate: 'https://api.replicate.com',
} as const;
export type Provider3dName = keyof typeof PROVIDER_3D_DEFAULT_BASE_URLS;
export const PROVIDER_3D_NAMES = Object.keys(PROVIDER_3D_DEFAULT_BASE_URLS) as Provider3dName[];

/** POLYFORGE_<NAME>_API_KEY, _BASE_URL, _CONCURRENCY (tasks in flight at once) and _TASKS_PER_MINUTE per 3D provider. */
const provider3dSettings = Object.fromEntries(
  PROVIDER_3D_NAMES.flatMap((name) => {
    const prefix = `POLYFORGE_${name.toUpperCase()}`;
    return [
      [`${prefix}_API_KEY`, z.string().min(1).optional()],
      [`${prefix}_BASE_URL`, z.url().default(PROVIDER_3D_DEFAULT_BASE_URLS[name])],
      [`${prefix}_CONCURRENCY`, z.coerce.number().int().min(1).max(1000).default(5)],
      [`${prefix}_TASKS_PER_MINUTE`, z.coerce.number().int().min(1).max(100_000).default(60)],
    ];
  }),
) as Record<string, z.ZodType>;

export const environmentSchema = z.object({
  ...provider3dSettings,
  POLYFORGE_MODEL_PRICES_FILE: z.string().min(1).optional(),
  POLYFORGE_PROVIDER_POLL_SECONDS: z.coerce.number().min(0.01).max(600).default(3),
  POLYFORGE_PROVIDER_TASK_TIMEOUT_SECONDS: z.coerce
    .number()
    .min(1)
    .max(7 * 24 * 3600)
    .default(1800),
  POLYFORGE_PROVIDER_MAX_DOWNLOAD_MB: z.coerce.number().min(0.001).max(4096).default(200),
  POLYFORGE_PROVIDER_DOWNLOAD_ALLOW_PRIVATE: booleanFlag.default(false),
  POLYFORGE_PROVIDER_BREAKER_FAILURES: z.coerce.number().int().min(1).max(1000).default(3),
  POLYFORGE_PROVIDER_BREAKER_SECONDS: z.coerce.number().min(0.01).max(86_400).default(60),
  POLYFORGE_PROVIDER_WORKERS: z.coerce.number().int().min(1).max(1000).default(16),
  POLYFORGE_ROUTING_FILE: z.string().min(1).optional(),
  POLYFORGE_OPENAI_API_KEY: z.string().min(1).optional(),
  POLYFORGE_OPENAI_BASE_URL: z.url().default('https://api.openai.com'),
  POLYFORGE_GEMINI_API_KEY: z.string().min(1).optional(),
  POLYFORGE_GEMINI_BASE_URL: z.url().default('https://generativelanguage.googleapis.com'),
  POLYFORGE_BFL_API_KEY: z.string().min(1).optional(),
  POLYFORGE_BFL_BASE_URL: z.url().default('https://api.bfl.ai'),
  POLYFORGE_PROVIDER_TIMEOUT_SECONDS: z.coerce.number().min(1).max(3600).default(120),
  POLYFORGE_PROVIDER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  POLYFORGE_UPSTREAM_URL: z.url().optional(),
  POLYFORGE_UPSTREAM_API_KEY: z.string().min(1).optional(),
  POLYFORGE_UPSTREAM_TIMEOUT_SECONDS: z.coerce
    .number()
    .int()
    .min(10)
    .max(7 * 24 * 3600)
    .default(3600),
  POLYFORGE_UPSTREAM_POLL_SECONDS: z.coerce.number().min(0.05).max(600).default(2),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  POLYFORGE_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:|file:)/, 'must be a postgres:// URL or sqlite:<path>')
    .optional(),
  POLYFORGE_WORKERS: booleanFlag.default(true),
  POLYFORGE_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  POLYFORGE_DOWNLOAD_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 3600)
    .default(60),
  POLYFORGE_PUBLIC_URL: z.url().optional(),
  POLYFORGE_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(30),
  POLYFORGE_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(2048).default(150),
  POLYFORGE_MAX_IMAGE_MB: z.coerce.number().int().min(1).max(2048).default(20),
  POLYFORGE_BACKGROUND_REMOVAL: z.enum(['classical', 'imgly']).default('classical'),
  POLYFORGE_IMAGE_SAFETY: booleanFlag.default(true),
  POLYFORGE_IMAGE_SAFETY_THRESHOLD: z.coerce.number().min(0).max(1).default(0.7),
  POLYFORGE_URL_FETCH_ALLOW_PRIVATE: booleanFlag.default(false),
  POLYFORGE_OUTBOUND_ALLOW_PRIVATE: booleanFlag.default(false),
  POLYFORGE_OUTBOUND_ALLOWED_NETWORKS: z.string().optional(),
  POLYFORGE_URL_FETCH_TIMEOUT_SECONDS: z.coerce.number().min(1).max(300).default(15),
  POLYFORGE_DEFAULT_CONCURRENCY: z.coerce.number().int().min(1).max(100000).default(10),
  POLYFORGE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('warn'),
  STORAGE_URL: z
    .string()
    .regex(/^(s3:\/\/|file:)/, 'must be s3://bucket?endpoint=...&region=... or file:<directory>')
    .optional(),
  AWS_ACCESS_KEY_ID: z.string().min(1).optional(),
  AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  AWS_SESSION_TOKEN: z.string().min(1).optional(),
  AWS_REGION: z.string().min(1).optional(),
  POLYFORGE_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(0),
  POLYFORGE_RETENTION_SWEEP_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  POLYFORGE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(10_000_000).default(1200),
  POLYFORGE_WEB_SIGNUP: booleanFlag.default(true),
  POLYFORGE_SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .default(168),
  POLYFORGE_STUDIO_PRICES_FILE: z.string().min(1).optional(),
  POLYFORGE_STUDIO_TRIAL_CREDITS: z.coerce.number().int().min(0).max(1_000_000).default(300),
  POLYFORGE_STUDIO_TRIAL_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
  POLYFORGE_STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_/, 'must be a Stripe secret key (sk_... or rk_...)')
    .optional(),
  POLYFORGE_STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_/, 'must be a Stripe webhook signing secret (whsec_...)')
    .optional(),
  POLYFORGE_STRIPE_API_URL: z.url().optional(),
  POLYFORGE_DATABASE_BOOT_TIMEOUT_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  POLYFORGE_HEADERS_TIMEOUT_SECONDS: z.coerce.number().min(1).max(300).default(10),
  POLYFORGE_METRICS_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  POLYFORGE_METRICS_LISTEN: z
    .string()
    .regex(/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:9464')
    .optional(),
  POLYFORGE_ALLOWED_HOSTS: z.string().min(1).optional(),
  POLYFORGE_TRUST_PROXY: z
    .string()
    .default('false')
    .transform((text, context) => {
      try {
        return parseTrustedProxies(text);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  POLYFORGE_OTEL_ENDPOINT: z.url().optional(),
  POLYFORGE_OTEL_SERVICE_NAME: z.string().min(1).default('polyforge'),
  POLYFORGE_SIGNUP_MODE: z.enum(['open', 'verify-email', 'invite-only', 'closed']).optional(),
  POLYFORGE_SIGNUPS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(0).max(100_000).default(5),
  POLYFORGE_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be smtp://[user:password@]host[:port] or smtps://...')
    .optional(),
  POLYFORGE_MAIL_FROM: z.string().min(3).default('Polyforge <no-reply@polyforge.local>'),
  POLYFORGE_LOGIN_FAILURES_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(0).max(100_000).default(30),
  POLYFORGE_DEFAULT_IMAGE_MODEL: z
    .string()
    .refine((value) => (MODEL_VERSION_TABLES.generate_image.accepted as readonly string[]).includes(value), {
      message: `must be a generate_image model_version: ${MODEL_VERSION_TABLES.generate_image.accepted.join(', ')}`,
    })
    .optional(),
  POLYFORGE_MODERATION_PROVIDER: z.enum(['none', 'openai']).default('none'),
  POLYFORGE_MODERATION_API_KEY: z.string().min(1).optional(),
  POLYFORGE_MODERATION_BASE_URL: z.url().default('https://api.openai.com'),
  POLYFORGE_MODERATION_MODEL: z.string().min(1).default('omni-moderation-latest'),
  POLYFORGE_MODERATION_ON_FAILURE: z.enum(['open', 'closed']).default('open'),
  POLYFORGE_MODERATION_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(120).default(5),
  POLYFORGE_MODERATION_IMAGES: booleanFlag.default(true),
});

export type EnvironmentSettings = z.infer<typeof environmentSchema>;

export function pickDefined(environment: NodeJS.ProcessEnv): Record<string, string> {
  const keys = Object.keys(environmentSchema.shape);
  return Object.fromEntries(
    keys
      .filter((key) => environment[key] !== undefined && environment[key] !== '')
      .map((key) => [key, environment[key] as string]),
  );
}
