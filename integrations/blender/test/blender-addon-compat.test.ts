// Blender 4.x compatibility without a Blender 4.x to run (Debian ships 3.4): the add-on's Python must use none of
// the APIs that 4.0–4.4 removed or changed, and the packaged zip must carry a 4.2+ extension manifest that names the
// same add-on and version as bl_info. The headless 3.4 run (blender-addon.test.ts) covers behaviour.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { parseManifestToml, type ManifestTable } from './parse-manifest-toml.ts';
import { REMOVED_BLENDER_APIS, findRemovedApis } from './removed-blender-apis.ts';

const ADDON_DIR = fileURLToPath(new URL('../polyforge_blender/', import.meta.url));
const BUILD_SCRIPT = fileURLToPath(new URL('../build-addon-zip.mjs', import.meta.url));
const PYTHON_FILES = readdirSync(ADDON_DIR)
  .filter((name) => name.endsWith('.py'))
  .sort();

function blInfoVersion(initSource: string): string {
  const match = /"version":\s*\((\d+),\s*(\d+),\s*(\d+)\)/.exec(initSource);
  if (!match) throw new Error('no bl_info version');
  return match.slice(1, 4).join('.');
}

describe('the add-on uses no Blender API that 4.x removed', () => {
  it.each(PYTHON_FILES)('%s', (name) => {
    const found = findRemovedApis(readFileSync(join(ADDON_DIR, name), 'utf8'));
    expect(
      found.map(({ api, line, text }) => `${name}:${line} ${api.name} (${api.changedIn}; use ${api.instead}): ${text}`),
    ).toEqual([]);
  });

  it.each(REMOVED_BLENDER_APIS.map((api) => [api.name, api] as const))('the check catches: %s', (_, api) => {
    expect(findRemovedApis(`import bpy\n${api.sample}\n`).map((hit) => hit.api)).toContain(api);
  });

  it('ignores comments that name a removed API', () => {
    expect(findRemovedApis('# bgl and use_auto_smooth are gone in 4.x\nx = 1  # not bgl.glEnable either\n')).toEqual(
      [],
    );
  });

  it('finds its preferences by __package__, which is bl_ext.<repository>.polyforge_blender in an extension', () => {
    const preferences = readFileSync(join(ADDON_DIR, 'preferences.py'), 'utf8');
    expect(preferences).toMatch(/^ADDON_ID = __package__$/m);
    expect(preferences).toMatch(/bl_idname = ADDON_ID/);
    expect(preferences).toMatch(/addons\.get\(ADDON_ID\)/);
    expect(readFileSync(join(ADDON_DIR, 'operators.py'), 'utf8')).toMatch(/addon_show\(module=__package__\)/);
  });
});

describe('the packaged zip installs as a legacy add-on and as a 4.2+ extension', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'polyforge-blender-zip-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const zipPath = join(scratch, 'addon.zip');
  const built = spawnSync(process.execPath, [BUILD_SCRIPT, zipPath], { encoding: 'utf8' });
  const entries = built.status === 0 ? unzipSync(readFileSync(zipPath)) : {};
  const text = (path: string) => new TextDecoder().decode(entries[path]);

  it('keeps every file in one polyforge_blender/ folder, the manifest beside __init__.py', () => {
    expect(built.status, built.stderr).toBe(0);
    const names = Object.keys(entries).sort();
    expect(names.every((name) => name.startsWith('polyforge_blender/'))).toBe(true);
    expect(names).toContain('polyforge_blender/__init__.py');
    expect(names).toContain('polyforge_blender/blender_manifest.toml');
    expect(names.filter((name) => name.endsWith('.py'))).toEqual(
      PYTHON_FILES.map((name) => `polyforge_blender/${name}`),
    );
  });

  it('has a manifest with every required field, whose id and version match bl_info', () => {
    const manifest = parseManifestToml(text('polyforge_blender/blender_manifest.toml'));
    expect(manifest).toMatchObject({
      schema_version: '1.0.0',
      id: 'polyforge_blender',
      version: blInfoVersion(text('polyforge_blender/__init__.py')),
      name: 'Polyforge',
      maintainer: expect.any(String),
      type: 'add-on',
      blender_version_min: '4.2.0',
      license: ['SPDX:MIT'],
    });
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    // Blender refuses a tagline over 64 characters or one that ends in punctuation; the same goes for the reasons.
    const tagline = manifest.tagline as string;
    expect(tagline.length).toBeGreaterThan(0);
    expect(tagline.length).toBeLessThanOrEqual(64);
    expect(tagline).not.toMatch(/[.!?,;:]$/);
    const permissions = manifest.permissions as ManifestTable;
    expect(Object.keys(permissions).sort()).toEqual(['files', 'network']);
    for (const reason of Object.values(permissions) as string[]) {
      expect(reason.length).toBeGreaterThan(0);
      expect(reason.length).toBeLessThanOrEqual(64);
      expect(reason).not.toMatch(/[.!?,;:]$/);
    }
  });

  it('still carries bl_info for Blender 3.4 to 4.1', () => {
    expect(text('polyforge_blender/__init__.py')).toMatch(/"blender":\s*\(3,\s*4,\s*0\)/);
  });
});

describe('the manifest reader', () => {
  it('reads tables, arrays, numbers, booleans and strings with # inside', () => {
    expect(parseManifestToml('a = "x # y" # note\nn = 3\nb = true\nl = ["p", "q"]\n[t]\nk = "v"\n')).toEqual({
      a: 'x # y',
      n: 3,
      b: true,
      l: ['p', 'q'],
      t: { k: 'v' },
    });
  });

  it.each(['a = "open', 'a = 1\na = 2', 'a = { b = 1 }', 'just words', 'a = "x" trailing'])('refuses %j', (source) => {
    expect(() => parseManifestToml(source)).toThrow();
  });
});
