#!/usr/bin/env node
// Packages the Blender add-on as one zip that installs both ways: as a legacy add-on on Blender 3.4 to 4.1
// (Preferences > Add-ons > Install..., which reads bl_info) and as an extension on 4.2 and later (Install from Disk,
// which reads blender_manifest.toml; extensions may keep their files in one folder of the zip). The polyforge_blender/
// folder sits at the zip's root, named after bl_info's version. Usage: node build-addon-zip.mjs [out.zip]
import { readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ADDON_MODULE = 'polyforge_blender';
export const MANIFEST_NAME = 'blender_manifest.toml';
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

/** A top-level `key = "value"` of the manifest (before its first [table]), or undefined. */
function manifestString(manifest, key) {
  const topLevel = manifest.split(/^\[/m)[0];
  return new RegExp(`^${key}\\s*=\\s*"([^"]*)"\\s*(#.*)?$`, 'm').exec(topLevel)?.[1];
}

/** The manifest must name the same add-on and version as bl_info: 4.2+ installs by the one, 3.4–4.1 by the other. */
function checkedManifest() {
  const manifest = readFileSync(join(SOURCE_DIR, MANIFEST_NAME), 'utf8');
  const [id, version] = [manifestString(manifest, 'id'), manifestString(manifest, 'version')];
  if (id !== ADDON_MODULE) throw new Error(`${MANIFEST_NAME}: id is ${id}, the add-on's folder is ${ADDON_MODULE}`);
  if (version !== addonVersion())
    throw new Error(`${MANIFEST_NAME}: version is ${version}, bl_info says ${addonVersion()}`);
  return manifest;
}

/** Writes the zip (default dist/polyforge-blender-<version>.zip beside this script); returns its path. */
export function buildAddonZip(outPath = join(HERE, 'dist', `polyforge-blender-${addonVersion()}.zip`)) {
  const files = { [`${ADDON_MODULE}/${MANIFEST_NAME}`]: [Buffer.from(checkedManifest()), { mtime: FIXED_MTIME }] };
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
