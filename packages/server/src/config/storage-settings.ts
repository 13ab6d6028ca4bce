// Where inputs and outputs live (STORAGE_URL): the data dir's blobs/ folder, another folder, or an S3 bucket.
import path from 'node:path';
import type { EnvironmentSettings } from './environment-schema.ts';
import type { StorageConfig } from './platform-config.ts';

/** STORAGE_URL=s3://bucket?endpoint=http://127.0.0.1:9000&region=us-east-1&force_path_style=true[&prefix=p/][&download=proxy] */
export function parseStorageUrl(settings: EnvironmentSettings, dataDir: string): StorageConfig {
  const storageUrl = settings.STORAGE_URL;
  if (!storageUrl) return { kind: 'local', rootDir: path.join(dataDir, 'blobs') };
  if (storageUrl.startsWith('file:'))
    return { kind: 'local', rootDir: path.resolve(storageUrl.replace(/^file:(\/\/)?/, '')) };
  const fail = (problem: string): never => {
    throw new Error(`Invalid configuration: STORAGE_URL: ${problem}`);
  };
  let url: URL;
  try {
    url = new URL(storageUrl);
  } catch {
    return fail('not a URL; expected s3://bucket?endpoint=...&region=...');
  }
  const bucket = url.hostname;
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) fail(`"${bucket}" is not a valid bucket name`);
  const known = new Set([
    'endpoint',
    'region',
    'force_path_style',
    'prefix',
    'download',
    'access_key_id',
    'secret_access_key',
    'session_token',
  ]);
  for (const name of url.searchParams.keys())
    if (!known.has(name)) fail(`unknown setting "${name}" (known: ${[...known].join(', ')})`);
  const parameter = (name: string) => url.searchParams.get(name) ?? undefined;
  const endpoint = parameter('endpoint');
  if (endpoint !== undefined && !/^https?:\/\/[^/]+/.test(endpoint)) fail('endpoint must be an http(s):// URL');
  const forcePathStyle = parameter('force_path_style') ?? 'false';
  if (!['true', 'false', '1', '0'].includes(forcePathStyle)) fail('force_path_style must be true or false');
  const downloadMode = parameter('download') ?? 'redirect';
  if (downloadMode !== 'redirect' && downloadMode !== 'proxy') fail('download must be redirect or proxy');
  const prefix = parameter('prefix') ?? '';
  if (prefix !== '' && !/^[A-Za-z0-9][A-Za-z0-9._/-]*\/$/.test(prefix))
    fail('prefix must be letters, digits, . _ - / and end with /');
  // Credentials in the URL win over the usual AWS variables; percent-encode "+" and "/" of a secret in the URL.
  const accessKeyId = parameter('access_key_id') ?? settings.AWS_ACCESS_KEY_ID;
  const secretAccessKey = parameter('secret_access_key') ?? settings.AWS_SECRET_ACCESS_KEY;
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined))
    fail('give both an access key id and a secret access key, or neither');
  const sessionToken = parameter('session_token') ?? settings.AWS_SESSION_TOKEN;
  return {
    kind: 's3',
    bucket,
    endpoint: endpoint?.replace(/\/$/, ''),
    region: parameter('region') ?? settings.AWS_REGION ?? 'us-east-1',
    forcePathStyle: forcePathStyle === 'true' || forcePathStyle === '1',
    prefix,
    credentials:
      accessKeyId && secretAccessKey
        ? { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) }
        : undefined,
    downloadMode: downloadMode as 'redirect' | 'proxy',
  };
}
