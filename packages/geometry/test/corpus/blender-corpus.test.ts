// Blender 3.4 headless as an independent reader of every format it can import (FBX, OBJ, glTF, STL; Debian's
// build has no USD), in one Blender process for all files (its start-up costs ~10 s): DamagedHelmet's maps must
// reach the Principled BSDF inputs they belong to, the Fox must come in as an armature, a skinned mesh and its
// three actions, and the STL must stand on Blender's ground (Z up). CI installs Blender (.ci/run).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyConvertOptions, loadGeometryCodecs } from '../../src/convert/apply-convert-options.ts';
import { convertModel, type SupportedConvertFormat } from '../../src/convert/convert-model.ts';
import { readModel } from '../../src/read/read-model.ts';
import { hasTool } from '../fixtures/required-tool.ts';

const hasBlender = hasTool('blender');
const here = import.meta.dirname;
const scratch = mkdtempSync(join(tmpdir(), 'blender-corpus-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface BlenderView {
  error?: string;
  meshes: number;
  faces: number;
  materials: string[];
  inputs: Record<string, string[]>;
  images: number;
  bones: number;
  skinned: number;
  actions: string[];
  bounds: [[number, number, number], [number, number, number]];
}

let views: Record<string, BlenderView> = {};
let blenderSeconds = 0;

async function write(file: string, format: SupportedConvertFormat, name: string): Promise<string> {
  const codecs = await loadGeometryCodecs();
  const document = await readModel(new Uint8Array(readFileSync(join(here, file))), 'glb');
  const applied = await applyConvertOptions(document, { format, face_limit: null }, codecs);
  const { bytes, extension } = await convertModel(document, { format, materialMaps: applied.materialMaps });
  if (extension !== 'zip') {
    const path = join(scratch, `${name}.${extension}`);
    writeFileSync(path, bytes);
    return path;
  }
  const directory = join(scratch, name);
  mkdirSync(directory);
  for (const [entry, content] of Object.entries(unzipSync(bytes))) writeFileSync(join(directory, entry), content);
  return join(directory, 'model.obj');
}

describe.skipIf(!hasBlender)('Blender reads what the writers wrote', () => {
  const paths: Record<string, string> = {};
  beforeAll(async () => {
    paths.helmetFbx = await write('damaged-helmet.glb', 'FBX', 'helmet');
    paths.helmetObj = await write('damaged-helmet.glb', 'OBJ', 'helmet-obj');
    paths.helmetGlb = await write('damaged-helmet.glb', 'GLB', 'helmet');
    paths.helmetStl = await write('damaged-helmet.glb', 'STL', 'helmet');
    paths.foxFbx = await write('fox.glb', 'FBX', 'fox');
    const started = performance.now();
    const output = execFileSync('blender', ['-b', '--factory-startup', '--python', join(here, 'blender-inspect.py'), '--', ...Object.values(paths)], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    blenderSeconds = (performance.now() - started) / 1000;
    views = JSON.parse(/^RESULT(.*)$/m.exec(output)![1]);
    console.info(`one Blender run for ${Object.keys(paths).length} imports: ${blenderSeconds.toFixed(1)} s`);
  }, 180_000);

  const view = (key: string) => {
    const result = views[paths[key]];
    expect(result.error, result.error).toBeUndefined();
    return result;
  };

  it('FBX: base colour, metallic, roughness, normal and emission maps all reach the Principled BSDF', () => {
    const helmet = view('helmetFbx');
    expect(helmet.faces).toBe(15452);
    expect(helmet.materials).toHaveLength(1);
    expect(helmet.inputs[helmet.materials[0]]).toEqual(expect.arrayContaining(['Base Color', 'Metallic', 'Roughness', 'Normal', 'Emission']));
  });

  it('OBJ/MTL: the same five inputs (Blender 3.4 reads map_refl / map_Ns / map_Bump / map_Ke)', () => {
    const helmet = view('helmetObj');
    expect(helmet.faces).toBe(15452);
    expect(helmet.inputs[helmet.materials[0]]).toEqual(expect.arrayContaining(['Base Color', 'Metallic', 'Roughness', 'Normal', 'Emission']));
  });

  it('GLB: the same five inputs as the source', () => {
    const helmet = view('helmetGlb');
    expect(helmet.inputs[helmet.materials[0]]).toEqual(expect.arrayContaining(['Base Color', 'Metallic', 'Roughness', 'Normal', 'Emission']));
  });

  it('STL: stands on the ground, Z up', () => {
    const helmet = view('helmetStl');
    expect(helmet.bounds[0][2]).toBeCloseTo(0, 3);
    expect(helmet.bounds[1][2]).toBeGreaterThan(1.5);
  });

  it('FBX: the Fox as an armature of 24+ bones, one skinned mesh and its three actions', () => {
    const fox = view('foxFbx');
    expect(fox.bones).toBeGreaterThanOrEqual(24);
    expect(fox.skinned).toBe(1);
    expect(fox.actions.length).toBeGreaterThanOrEqual(3);
    for (const clip of ['Survey', 'Walk', 'Run']) expect(fox.actions.some((action) => action.includes(clip)), clip).toBe(true);
  });
});
