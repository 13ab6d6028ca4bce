#!/usr/bin/env node
// Packages the Blender add-on as the zip Blender installs (Preferences > Add-ons > Install...): the
// polyforge_blender/ folder at the zip's root, named after bl_info's version. Usage: node build-addon-zip.mjs [out.zip]
import { readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ADDON_MODULE = 'polyforge_blender';
const SOURCE_DIR = join(HERE, ADDON_MODULE);
// A fixed time keeps the zip the same bytes for the same sources.
const FIXED_MTIME = new Date('2026-01-01T00:00:00Z');

/** bl_info["version"] as "0.1.0". */
export function addonVersion() {
  const init = readFileSync(join(SOURCE_DIR, '__init__.py'), 'utf8');
  const match = /"version":\s*\((\d+),\s*(\d+),\s*(\d+)\)/.exec(init);
  if (!match) throw new Error(`No bl_info version in ${join(SOURCE_DIR, '__init__.py')}`);
  return match.slice(1, 4).join('.');
}

/** Writes the zip (default dist/polyforge-blender-<version>.zip beside this script); returns its path. */
export function buildAddonZip(outPath = join(HERE, 'dist', `polyforge-blender-${addonVersion()}.zip`)) {
  const files = {};
  for (const name of readdirSync(SOURCE_DIR).sort()) {
    if (!name.endsWith('.py')) continue;
    files[`${ADDON_MODULE}/${name}`] = [readFileSync(join(SOURCE_DIR, name)), { mtime: FIXED_MTIME }];
  }
  const target = resolve(outPath);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, zipSync(files, { level: 9 }));
  return target;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${buildAddonZip(process.argv[2])}\n`);
}
