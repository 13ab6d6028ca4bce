import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HIERARCHY_BOUNDS, hierarchyDocument } from '../../../test/fixtures/build-fixtures.ts';
import { assimpInfo, hasAssimp } from '../../../test/fixtures/assimp-info.ts';
import { convertModel } from '../../convert/convert-model.ts';
import { modelStats } from '../../mesh/model-stats.ts';
import { quadrangulate } from '../../mesh/quadrangulate.ts';

const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'fbx-preset-'));
afterAll(() => fs.rm(scratch, { recursive: true, force: true }));

async function fbxBounds(preset: 'blender' | '3dsmax' | 'mixamo', withQuads = false) {
  const document = hierarchyDocument();
  const quadFaces = withQuads ? quadrangulate(document) : undefined;
  const output = await convertModel(document, { format: 'FBX', fbxPreset: preset, quadFaces });
  const filePath = path.join(await fs.mkdtemp(path.join(scratch, `${preset}-`)), `${preset}.fbx`);
  await fs.writeFile(filePath, output.bytes);
  const rawInfo = execFileSync('assimp', ['info', filePath, '-r'], { encoding: 'utf8' });
  return { info: assimpInfo(filePath), rawInfo, document };
}

describe.skipIf(!hasAssimp)('fbx_preset', () => {
  const { min, max } = HIERARCHY_BOUNDS;

  it('blender: Y up, metres, as the glTF', async () => {
    const { info } = await fbxBounds('blender');
    expect(info.min).toEqual(min.map((value) => expect.closeTo(value, 4)));
    expect(info.max).toEqual(max.map((value) => expect.closeTo(value, 4)));
  });

  it('3dsmax: Z up, centimetres', async () => {
    const { info } = await fbxBounds('3dsmax');
    // (x, y, z) in metres, Y up → (x, -z, y) in centimetres, Z up
    expect(info.min).toEqual([min[0] * 100, -max[2] * 100, min[1] * 100].map((value) => expect.closeTo(value, 2)));
    expect(info.max).toEqual([max[0] * 100, -min[2] * 100, max[1] * 100].map((value) => expect.closeTo(value, 2)));
  });

  it('mixamo: Y up, centimetres; quads survive the change of frame; the input is left untouched', async () => {
    const { info, rawInfo, document } = await fbxBounds('mixamo', true);
    expect(info.min).toEqual(min.map((value) => expect.closeTo(value * 100, 2)));
    expect(info.max).toEqual(max.map((value) => expect.closeTo(value * 100, 2)));
    expect(rawInfo).toMatch(/Primitive Types:\s+.*polygons/);
    expect(modelStats(document).boundingBox.max).toEqual(max.map((value) => expect.closeTo(value, 4)));
  });
});
