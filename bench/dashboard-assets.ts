// Benchmark: the dashboard's built assets (web/static-assets.ts): esbuild's bundle time, and each file's size raw,
// gzip-9 and brotli-11 with brotli's time per file (the page weights themselves are asserted in
// test/web/dashboard-pages-browser.test.ts). Usage: node --conditions=polyforge-source --import tsx bench/dashboard-assets.ts
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import { staticAssets } from '../packages/server/src/web/static-assets.ts';

const KIB = 1024;
const started = performance.now();
const assets = await staticAssets();
const builtMs = performance.now() - started;

const rows: string[] = [];
let viewerChunks = 0;
for (const [name, asset] of [...assets.files].sort((a, b) => b[1].body.length - a[1].body.length)) {
  const brotliStarted = performance.now();
  const brotli = zlib.brotliCompressSync(asset.body, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: asset.body.length },
  });
  const brotliMs = performance.now() - brotliStarted;
  const gzip = zlib.gzipSync(asset.body, { level: 9 });
  rows.push(
    `| ${name} | ${(asset.body.length / KIB).toFixed(1)} | ${(gzip.length / KIB).toFixed(1)} | ${(brotli.length / KIB).toFixed(1)} | ${brotliMs.toFixed(0)} |`,
  );
  if (name.startsWith('chunk-')) viewerChunks += brotli.length;
}

console.log(`esbuild bundle + gzip (+ brotli of the small files): ${builtMs.toFixed(0)} ms\n`);
console.log('| file | raw KiB | gzip-9 KiB | brotli-11 KiB | brotli ms |');
console.log('|---|---:|---:|---:|---:|');
console.log(rows.join('\n'));
console.log(
  `\nall chunks (the viewer and its loaders; a page loads only those it needs), brotli: ${(viewerChunks / KIB).toFixed(0)} KiB`,
);
