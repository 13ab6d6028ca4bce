// Parses the environment once, at boot, into a frozen config; a bad setting fails with a message naming it.
import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  POLYFORGE_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:|file:)/, 'must be a postgres:// URL or sqlite:<path>')
    .optional(),
  POLYFORGE_WORKERS: booleanFlag.default(true),
  POLYFORGE_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  POLYFORGE_DOWNLOAD_TTL_SECONDS: z.coerce.number().int().min(1).max(7 * 24 * 3600).default(60),
  POLYFORGE_PUBLIC_URL: z.url().optional(),
  POLYFORGE_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(30),
  POLYFORGE_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(2048).default(150),
  POLYFORGE_MAX_IMAGE_MB: z.coerce.number().int().min(1).max(2048).default(20),
  POLYFORGE_DEFAULT_CONCURRENCY: z.coerce.number().int().min(1).max(100000).default(10),
  POLYFORGE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('warn'),
});

export interface PlatformConfig {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; filePath: string } | { kind: 'postgres'; url: string };
  workersEnabled: boolean;
  workerConcurrency: number;
  downloadTtlSeconds: number;
  publicUrl?: string;
  leaseSeconds: number;
  maxUploadBytes: number;
  maxImageBytes: number;
  defaultConcurrencyLimit: number;
  logLevel: string;
}

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Readonly<PlatformConfig> {
  const parsed = environmentSchema.safeParse(pickDefined(environment));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  const settings = parsed.data;
  const dataDir = path.resolve(settings.POLYFORGE_DATA_DIR);
  const databaseUrl = settings.DATABASE_URL;
  const database: PlatformConfig['database'] =
    databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl)
      ? { kind: 'postgres', url: databaseUrl }
      : { kind: 'sqlite', filePath: databaseUrl ? databaseUrl.replace(/^(sqlite:|file:)/, '') : path.join(dataDir, 'polyforge.sqlite') };
  return Object.freeze({
    port: settings.PORT,
    host: settings.HOST,
    dataDir,
    database,
    workersEnabled: settings.POLYFORGE_WORKERS,
    workerConcurrency: settings.POLYFORGE_WORKER_CONCURRENCY,
    downloadTtlSeconds: settings.POLYFORGE_DOWNLOAD_TTL_SECONDS,
    publicUrl: settings.POLYFORGE_PUBLIC_URL?.replace(/\/$/, ''),
    leaseSeconds: settings.POLYFORGE_LEASE_SECONDS,
    maxUploadBytes: settings.POLYFORGE_MAX_UPLOAD_MB * 1024 * 1024,
    maxImageBytes: settings.POLYFORGE_MAX_IMAGE_MB * 1024 * 1024,
    defaultConcurrencyLimit: settings.POLYFORGE_DEFAULT_CONCURRENCY,
    logLevel: settings.POLYFORGE_LOG_LEVEL,
  });
}

function pickDefined(environment: NodeJS.ProcessEnv): Record<string, string> {
  const keys = Object.keys(environmentSchema.shape);
  return Object.fromEntries(keys.filter((key) => environment[key] !== undefined && environment[key] !== '').map((key) => [key, environment[key] as string]));
}
