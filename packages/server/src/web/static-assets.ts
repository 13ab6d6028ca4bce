// The dashboard's and Studio's static assets, built once per process on the first web request: esbuild bundles
// each page script with what it imports (three.js included), splits what is loaded lazily (the 3D viewer) into
// chunks, minifies, and names every file after its content hash, so URLs change when content does and each
// file can be cached for a year. Each file is kept in memory with its gzip and brotli forms.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

export const ASSETS_PREFIX = '/dashboard/assets';
// src/web/static from both src/web/ (sources) and dist/web/ (the build): the files ship as they are, unbuilt
const STATIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/web/static');

/** The files pages name (layout.ts); everything they import is bundled in or split into chunks. */
export const ASSET_ENTRIES = ['app.css', 'copy-button.js', 'task-page.js', 'studio.js', 'studio-model.js'] as const;
export type AssetEntry = (typeof ASSET_ENTRIES)[number];

/** Below this a file is sent as it is: compression would save less than its framing costs. */
const COMPRESS_MIN_BYTES = 512;
/** Brotli at its best quality takes seconds on the three.js chunk: files above this get it in the background. */
const BROTLI_INLINE_MAX_BYTES = 128 * 1024;
const BROTLI_CACHE_DIR = path.join(os.tmpdir(), 'polyforge-asset-cache');

export interface StaticAsset {
  body: Buffer;
  gzip?: Buffer;
  /** absent until it is ready (large files are compressed in the background) */
  brotli?: Buffer;
  contentType: string;
  etag: string;
}

export interface StaticAssets {
  /** file name (with its hash) → the file */
  files: Map<string, StaticAsset>;
  /** the URL of an entry, e.g. /dashboard/assets/studio-3JQ2WX4K.js */
  urlOf(entry: AssetEntry): string;
  /** resolves when every brotli form exists (tests wait for it; serving never does) */
  compressed: Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

let building: Promise<StaticAssets> | undefined;

/** The process's assets; built on first call, the same object afterwards (the sources do not change while running). */
export function staticAssets(): Promise<StaticAssets> {
  building ??= buildStaticAssets().catch((error: unknown) => {
    building = undefined; // a later request tries again rather than failing forever
    throw error;
  });
  return building;
}

async function buildStaticAssets(): Promise<StaticAssets> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: STATIC_DIR,
    entryPoints: [...ASSET_ENTRIES],
    bundle: true,
    splitting: true,
    format: 'esm',
    target: ['es2022', 'chrome100', 'firefox100', 'safari15'],
    minify: true,
    write: false,
    outdir: 'out',
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    metafile: true,
    logLevel: 'silent',
  });
  const files = new Map<string, StaticAsset>();
  const background: Promise<void>[] = [];
  const gzip = promisify(zlib.gzip);
  await Promise.all(
    result.outputFiles.map(async (output) => {
      const name = path.basename(output.path);
      const body = Buffer.from(output.contents);
      const asset: StaticAsset = {
        body,
        contentType: CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream',
        etag: `"${output.hash}"`,
      };
      files.set(name, asset);
      if (body.length < COMPRESS_MIN_BYTES) return;
      asset.gzip = await gzip(body, { level: 9 });
      const brotli = brotliOf(body).then((compressed) => {
        asset.brotli = compressed;
      });
      if (body.length <= BROTLI_INLINE_MAX_BYTES) await brotli;
      else background.push(brotli);
    }),
  );
  const urls = new Map<string, string>();
  for (const [outputPath, output] of Object.entries(result.metafile.outputs)) {
    if (output.entryPoint) urls.set(output.entryPoint, `${ASSETS_PREFIX}/${path.basename(outputPath)}`);
  }
  return {
    files,
    urlOf(entry) {
      const url = urls.get(entry);
      if (!url) throw new Error(`no static asset built for ${entry}`);
      return url;
    },
    compressed: Promise.all(background).then(() => undefined),
  };
}

/**
 * Brotli at quality 11, cached on disk by content hash: the first process on a machine pays the seconds it takes
 * for the three.js chunk, the next ones (other API processes, test files) read it back.
 */
async function brotliOf(body: Buffer): Promise<Buffer> {
  const cacheFile = path.join(BROTLI_CACHE_DIR, `${createHash('sha256').update(body).digest('hex')}.br`);
  const cached = await fs.readFile(cacheFile).catch(() => undefined);
  // the cache sits in a shared temporary directory: a file is used only if it decompresses to these very bytes
  if (cached && (await promisify(zlib.brotliDecompress)(cached).catch(() => undefined))?.equals(body)) return cached;
  const compressed = await promisify(zlib.brotliCompress)(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  try {
    await fs.mkdir(BROTLI_CACHE_DIR, { recursive: true });
    const temporary = `${cacheFile}.${process.pid}.${Date.now()}`;
    await fs.writeFile(temporary, compressed);
    await fs.rename(temporary, cacheFile);
  } catch {
    // a read-only or full temporary directory only costs the next process the same seconds
  }
  return compressed;
}

/** The best encoding the client accepts (brotli, then gzip) of those available; q=0 refuses one. */
export function chooseEncoding(
  acceptEncoding: string | undefined,
  available: { brotli?: unknown; gzip?: unknown },
): 'br' | 'gzip' | undefined {
  if (!acceptEncoding) return undefined;
  const accepted = new Set<string>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...parameters] = part.trim().split(';');
    const quality = parameters
      .map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1])
      .find((value) => value !== undefined);
    if (quality === undefined || Number(quality) > 0) accepted.add(name.trim());
  }
  if (available.brotli && accepted.has('br')) return 'br';
  if (available.gzip && (accepted.has('gzip') || accepted.has('*'))) return 'gzip';
  return undefined;
}
