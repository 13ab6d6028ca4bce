// Third-party models (README.md in this folder) through import and every output format, checked by independent
// readers: the Khronos glTF validator, assimp, three.js's loaders, the USDA text itself (UsdSkel skinning
// recomputed from it) and, in blender-corpus.test.ts, Blender. What each format keeps is counted against the
// source; what it cannot keep must be named in the warnings.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Document } from '@gltf-transform/core';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { USDZLoader } from 'three/examples/jsm/loaders/USDZLoader.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyConvertOptions, loadGeometryCodecs, type GeometryCodecs } from '../../src/convert/apply-convert-options.ts';
import { convertModel, type ConvertedModel, type SupportedConvertFormat } from '../../src/convert/convert-model.ts';
import { writeGlb } from '../../src/formats/glb/write-glb.ts';
import { collectWorldTriangles } from '../../src/mesh/collect-world-triangles.ts';
import { modelStats } from '../../src/mesh/model-stats.ts';
import { readModel, type ReadableModelFormat } from '../../src/read/read-model.ts';
import { renderPreview } from '../../src/render/render-preview.ts';
import { segmentModel } from '../../src/segmentation/segment-model.ts';
import { assimpInfo, hasAssimp } from '../fixtures/assimp-info.ts';
import { validateGlb } from '../fixtures/validate-glb.ts';
import { parseUsdSkel, skinUsdPoints } from './usda-skel-reader.ts';

const here = import.meta.dirname;
const corpus = (name: string) => new Uint8Array(readFileSync(join(here, name)));
const scratch = mkdtempSync(join(tmpdir(), 'corpus-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let codecs: GeometryCodecs;
beforeAll(async () => {
  codecs = await loadGeometryCodecs();
});

/** The convert_model pipeline as the engine runs it, without a face limit so counts compare with the source. */
async function convert(file: string, format: SupportedConvertFormat, request: Record<string, unknown> = {}): Promise<ConvertedModel & { document: Document }> {
  const document = await readModel(corpus(file), file.endsWith('.obj') ? 'obj' : 'glb');
  const applied = await applyConvertOptions(document, { format, face_limit: null, ...request }, codecs);
  const converted = await convertModel(document, { format, quadFaces: applied.quadFaces, materialMaps: applied.materialMaps, fbxPreset: request.fbx_preset as 'mixamo' | undefined });
  return { ...converted, warnings: [...applied.warnings, ...converted.warnings], document };
}

describe('import of compressed and bare third-party files', () => {
  it.each<[string, ReadableModelFormat, number]>([
    ['box-draco.glb', 'glb', 12],
    ['box-meshopt.glb', 'glb', 12],
    ['box-textured-ktx2.glb', 'glb', 12],
  ])('reads %s (decoded, extension dropped) and writes a GLB with zero validator errors', async (file, format, triangles) => {
    const document = await readModel(corpus(file), format);
    expect(document.getRoot().listExtensionsUsed().map((extension) => extension.extensionName)).not.toEqual(
      expect.arrayContaining(['KHR_draco_mesh_compression', 'EXT_meshopt_compression', 'KHR_texture_basisu']),
    );
    expect(modelStats(document).triangleCount).toBe(triangles);
    expect((await validateGlb(await writeGlb(document))).errors).toEqual([]);
  });

  it('transcodes the Basis Universal (ETC1S) KTX2 texture to a PNG of the right size and colour', async () => {
    const document = await readModel(corpus('box-textured-ktx2.glb'), 'glb');
    const [texture] = document.getRoot().listTextures();
    expect(texture.getMimeType()).toBe('image/png');
    const { data, info } = await sharp(texture.getImage()!).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([40, 40]);
    // The source KTX2 (glTF-Transform's 2d_etc1s.ktx2) is a flat ochre; ETC1S keeps it within a few levels.
    expect(Math.abs(data[0] - 181) + Math.abs(data[1] - 148) + Math.abs(data[2] - 16)).toBeLessThan(12);
  });

  it('welds and smooths the Stanford bunny OBJ without normals: about its own vertex count, no faceting', async () => {
    const document = await readModel(corpus('bunny.obj'), 'obj');
    const source = readFileSync(join(here, 'bunny.obj'), 'utf8');
    const sourceVertices = source.match(/^v /gm)!.length;
    const primitive = document.getRoot().listMeshes()[0].listPrimitives()[0];
    const vertexCount = primitive.getAttribute('POSITION')!.getCount();
    // 1,859 positions in the file; flat-shaded soup would be 3 × 3,600 = 10,800.
    expect(vertexCount).toBeGreaterThanOrEqual(sourceVertices * 0.95);
    expect(vertexCount).toBeLessThanOrEqual(sourceVertices * 1.1);
    // Smooth, not faceted: flat shading gives a triangle's three corners the same normal (spread 0).
    const spread = meanCornerNormalSpreadDegrees(document);
    expect(spread).toBeGreaterThan(1);
    expect(spread).toBeLessThan(20);
  });

  it('welds the bunny written as STL (triangle soup by nature) the same way', async () => {
    const obj = await readModel(corpus('bunny.obj'), 'obj');
    const stl = (await convertModel(obj, { format: 'STL' })).bytes;
    const document = await readModel(stl, 'stl');
    const vertexCount = document.getRoot().listMeshes()[0].listPrimitives()[0].getAttribute('POSITION')!.getCount();
    expect(vertexCount).toBeLessThan(1859 * 1.1);
    expect(meanCornerNormalSpreadDegrees(document)).toBeGreaterThan(1);
  });
});

describe('DamagedHelmet (five PBR maps) through every format', () => {
  const MAPS = ['baseColor', 'metallicRoughness', 'normal', 'occlusion', 'emissive'] as const;

  it('GLB keeps all five maps and validates', async () => {
    const { bytes, warnings } = await convert('damaged-helmet.glb', 'GLB');
    expect(warnings).toEqual([]);
    expect((await validateGlb(bytes)).errors).toEqual([]);
    const material = (await readModel(bytes, 'glb')).getRoot().listMaterials()[0];
    expect(MAPS.filter((map) => material[`get${map[0].toUpperCase()}${map.slice(1)}Texture` as 'getNormalTexture']())).toEqual([...MAPS]);
  });

  it('FBX embeds every map and connects each to the property Blender and assimp read for it', async () => {
    const { bytes, warnings } = await convert('damaged-helmet.glb', 'FBX');
    expect(warnings.join(' ')).toMatch(/occlusion map.*AmbientColor/);
    const text = Buffer.from(bytes).toString('latin1');
    for (const property of ['DiffuseColor', 'NormalMap', 'EmissiveColor', 'ReflectionFactor', 'ShininessExponent', 'AmbientColor']) {
      expect(text, property).toContain(property);
    }
    // three's FBXLoader (through read-fbx.ts): base colour, normal and emissive maps back on the one material.
    const [material, ...others] = (await readModel(bytes, 'fbx')).getRoot().listMaterials();
    expect(others).toHaveLength(0);
    expect(material.getBaseColorTexture()).toBeTruthy();
    expect(material.getNormalTexture()).toBeTruthy();
    expect(material.getEmissiveTexture()).toBeTruthy();
    if (hasAssimp) {
      const path = join(scratch, 'helmet.fbx');
      writeFileSync(path, bytes);
      const info = assimpInfo(path);
      expect(info.materialCount).toBe(1);
      expect(info.faceCount).toBe(15452);
    }
  });

  it('OBJ/MTL writes the PBR extension maps, each file present in the zip', async () => {
    const { bytes, extension, warnings } = await convert('damaged-helmet.glb', 'OBJ');
    expect(extension).toBe('zip');
    expect(warnings.join(' ')).toMatch(/occlusion map.*map_Ka/);
    const files = unzipSync(bytes);
    const mtl = new TextDecoder().decode(files['model.mtl']);
    for (const key of ['map_Kd', 'map_Bump', 'norm', 'map_Ke', 'map_Pm', 'map_Pr', 'map_Ka']) {
      const file = new RegExp(`^${key} (\\S+)$`, 'm').exec(mtl)?.[1];
      expect(file, key).toBeTruthy();
      expect(files[file!], `${key} → ${file}`).toBeTruthy();
    }
    // The split metallic and roughness maps are greyscale images of the source's size.
    const metallic = /^map_Pm (\S+)$/m.exec(mtl)![1];
    expect(await sharp(files[metallic]).metadata()).toMatchObject({ width: 256, height: 256, channels: 1 });
    if (hasAssimp) {
      const directory = mkdtempSync(join(scratch, 'obj-'));
      for (const [name, content] of Object.entries(files)) writeFileSync(join(directory, name), content);
      const info = assimpInfo(join(directory, 'model.obj'));
      expect(info.faceCount).toBe(15452);
      expect(info.textureRefs.length).toBeGreaterThanOrEqual(4);
    }
  });

  it('USDZ reads all five maps through UsdUVTexture outputs (metallic .b, roughness .g, occlusion .r)', async () => {
    const { bytes, warnings } = await convert('damaged-helmet.glb', 'USDZ');
    expect(warnings).toEqual([]);
    const files = unzipSync(bytes);
    const usda = new TextDecoder().decode(files['model.usda']);
    for (const input of [
      /color3f inputs:diffuseColor\.connect = <[^>]*BaseColor\.outputs:rgb>/,
      /float inputs:metallic\.connect = <[^>]*MetallicRoughness\.outputs:b>/,
      /float inputs:roughness\.connect = <[^>]*MetallicRoughness\.outputs:g>/,
      /float inputs:occlusion\.connect = <[^>]*Occlusion\.outputs:r>/,
      /color3f inputs:emissiveColor\.connect = <[^>]*Emissive\.outputs:rgb>/,
      /normal3f inputs:normal\.connect = <[^>]*Normal\.outputs:rgb>/,
    ]) {
      expect(usda).toMatch(input);
    }
    for (const [, file] of usda.matchAll(/asset inputs:file = @([^@]+)@/g)) expect(files[file], file).toBeTruthy();
    // three's USDZ loader, an independent reader, finds all six PBR map slots filled.
    const material = withImageStandIn(() => {
      let found: Record<string, unknown> | undefined;
      new USDZLoader().parse(bytes.slice().buffer).traverse((object) => {
        if ((object as { isMesh?: boolean }).isMesh) found = (object as unknown as { material: Record<string, unknown> }).material;
      });
      return found!;
    });
    for (const slot of ['map', 'normalMap', 'emissiveMap', 'aoMap', 'metalnessMap', 'roughnessMap']) expect(material[slot], slot).toBeTruthy();
  });

  it('STL and 3MF stand Z up on the build plate and name what they drop', async () => {
    const stl = await convert('damaged-helmet.glb', 'STL');
    expect(stl.warnings.join(' ')).toMatch(/STL cannot carry textures \(5\)/);
    const glbBounds = modelStats(stl.document).boundingBox;
    if (hasAssimp) {
      const path = join(scratch, 'helmet.stl');
      writeFileSync(path, stl.bytes);
      const info = assimpInfo(path);
      expect(info.min[2]).toBeCloseTo(0, 4);
      expect(info.max[2]).toBeCloseTo(glbBounds.max[1] - glbBounds.min[1], 3);
      expect(info.max[1]).toBeCloseTo(-glbBounds.min[2], 3);
    }
    const threeMf = await convert('damaged-helmet.glb', '3MF');
    expect(threeMf.warnings.join(' ')).toMatch(/3MF core has no textures/);
  });

  it('renders the same after FBX and back (three FBXLoader → glTF) as the source, within tolerance', async () => {
    const source = await readModel(corpus('damaged-helmet.glb'), 'glb');
    const { bytes } = await convert('damaged-helmet.glb', 'FBX');
    const back = await readModel(bytes, 'fbx');
    // three's FBX loader has no metalness/roughness maps: compare the parts both sides have (colour, normal, emission).
    for (const document of [source, back]) {
      for (const material of document.getRoot().listMaterials()) material.setMetallicFactor(0).setRoughnessFactor(1).setMetallicRoughnessTexture(null).setOcclusionTexture(null);
    }
    const [a, b] = await Promise.all([source, back].map((document) => renderPreview(document, { sizePixels: 192, supersampling: 1, sharp })));
    const difference = await meanImageDifference(a, b);
    // The same comparison with the base colour map dropped: what the metric says of a real loss.
    for (const material of back.getRoot().listMaterials()) material.setBaseColorTexture(null);
    const lost = await meanImageDifference(a, await renderPreview(back, { sizePixels: 192, supersampling: 1, sharp }));
    console.info(`helmet render difference after FBX: ${difference.toFixed(2)} levels (base colour map dropped: ${lost.toFixed(2)})`);
    expect(difference).toBeLessThan(4);
    expect(lost).toBeGreaterThan(3 * difference);
  });
});

describe('the rigged, animated Fox through FBX and USDZ', () => {
  it('FBX keeps the 24-bone skeleton, the skin and the three clips', async () => {
    const { bytes, warnings } = await convert('fox.glb', 'FBX');
    expect(warnings).toEqual([]);
    // Read back by three's FBXLoader (read-fbx.ts) into glTF: one skin over the bones, the three clips.
    const back = (await readModel(bytes, 'fbx')).getRoot();
    expect(back.listSkins()).toHaveLength(1);
    expect(back.listSkins()[0].listJoints().length).toBeGreaterThanOrEqual(24);
    expect(back.listAnimations().map((clip) => clip.getName()).sort()).toEqual(['Run', 'Survey', 'Walk']);
  });

  it('USDZ writes a UsdSkel whose skinning, recomputed from the text, poses the mesh as glTF does', async () => {
    const { bytes, warnings, document } = await convert('fox.glb', 'USDZ');
    expect(warnings.join(' ')).toMatch(/first animation is bound/);
    const usda = new TextDecoder().decode(unzipSync(bytes)['model.usda']);
    const skel = parseUsdSkel(usda);
    const skin = document.getRoot().listSkins()[0];
    expect(skel.joints).toHaveLength(skin.listJoints().length);
    // three's USDZ loader sees the same: one skinned mesh, every joint a bone, three clips.
    const loaded = withImageStandIn(() => new USDZLoader().parse(bytes.slice().buffer));
    let skinnedMeshes = 0, bones = 0;
    loaded.traverse((object) => {
      if ((object as { isSkinnedMesh?: boolean }).isSkinnedMesh) skinnedMeshes++;
      if ((object as { isBone?: boolean }).isBone) bones++;
    });
    expect([skinnedMeshes, bones, loaded.animations.length]).toEqual([1, skin.listJoints().length, 3]);
    expect(skel.animations.map((animation) => animation.name)).toEqual(['Survey', 'Walk', 'Run']);
    expect(skel.boundAnimation).toBe('Survey');
    // Rest pose: USD's Σ w · restWorld · bind⁻¹ · p against glTF's posed world vertices.
    const expected = collectWorldTriangles(document)[0].positions;
    const rest = skinUsdPoints(skel, 'rest');
    expect(maxDistance(rest, expected)).toBeLessThan(1e-3 * 80);
    // First frame of "Walk": glTF's sampler applied to the nodes, against USD's time sample.
    const walk = document.getRoot().listAnimations().find((animation) => animation.getName() === 'Walk')!;
    for (const channel of walk.listChannels()) {
      const node = channel.getTargetNode()!, output = channel.getSampler()!.getOutput()!;
      const value: number[] = output.getElement(0, []);
      if (channel.getTargetPath() === 'rotation') node.setRotation(value as unknown as [number, number, number, number]);
      if (channel.getTargetPath() === 'translation') node.setTranslation(value as unknown as [number, number, number]);
      if (channel.getTargetPath() === 'scale') node.setScale(value as unknown as [number, number, number]);
    }
    const posed = skinUsdPoints(skel, { animation: 'Walk', frame: 0 });
    expect(maxDistance(posed, collectWorldTriangles(document)[0].positions)).toBeLessThan(1e-3 * 80);
  });

  it('writes the Khronos SimpleSkin (an embedded .gltf) as a UsdSkel that poses like glTF at rest', async () => {
    const document = await readModel(corpus('simple-skin.gltf'), 'gltf');
    const { bytes } = await convertModel(document, { format: 'USDZ' });
    const skel = parseUsdSkel(new TextDecoder().decode(unzipSync(bytes)['model.usda']));
    expect(skel.joints).toHaveLength(2);
    expect(skel.animations).toHaveLength(1);
    expect(maxDistance(skinUsdPoints(skel, 'rest'), collectWorldTriangles(document)[0].positions)).toBeLessThan(1e-4);
  });

  it('names a non-template skeleton in the mixamo preset\'s warnings instead of silently keeping its names', async () => {
    const { warnings } = await convert('fox.glb', 'FBX', { fbx_preset: 'mixamo' });
    expect(warnings.join(' ')).toMatch(/bone names are kept/);
  });

  it('says animate_in_place has nothing to remove from clips that already loop in place', async () => {
    const { warnings } = await convert('fox.glb', 'GLB', { animate_in_place: true });
    expect(warnings.join(' ')).toMatch(/already play in place/);
  });
});

/** Mean angle between the normals at the ends of each triangle edge: 0 for flat shading, a few degrees when smooth. */
describe('segmentation of third-party models', () => {
  it('splits the Fox into head, body, tail and four legs (segmented by its fitted skeleton)', async () => {
    const { MeshoptSimplifier } = await import('meshoptimizer');
    await MeshoptSimplifier.ready;
    const document = await readModel(corpus('fox.glb'), 'glb');
    const report = await segmentModel(document, { simplifier: MeshoptSimplifier });
    expect([...(report.partLabels ?? [])].sort()).toEqual(['body', 'front_left_leg', 'front_right_leg', 'head', 'rear_left_leg', 'rear_right_leg', 'tail']);
    // Each part is a real share of the fox, not a sliver.
    for (const faces of report.partFaceCounts) expect(faces).toBeGreaterThan(576 * 0.04);
  });
});

function meanCornerNormalSpreadDegrees(document: Document): number {
  const [world] = collectWorldTriangles(document);
  const { positions, normals, indices } = world;
  let total = 0, count = 0;
  for (let corner = 0; corner < indices.length; corner += 3) {
    for (let k = 0; k < 3; k++) {
      const a = indices[corner + k] * 3, b = indices[corner + ((k + 1) % 3)] * 3;
      const dot = normals![a] * normals![b] + normals![a + 1] * normals![b + 1] + normals![a + 2] * normals![b + 2];
      total += (Math.acos(Math.min(1, Math.max(-1, dot))) * 180) / Math.PI;
      count++;
    }
  }
  expect(positions.length).toBeGreaterThan(0);
  return total / count;
}

/** Mean absolute difference (0–255 levels) over the pixels the model covers in the first image. */
async function meanImageDifference(a: Uint8Array, b: Uint8Array): Promise<number> {
  const [x, y] = await Promise.all([a, b].map((bytes) => sharp(bytes).removeAlpha().raw().toBuffer()));
  const background = [200, 202, 206];
  let sum = 0, count = 0;
  for (let pixel = 0; pixel < x.length; pixel += 3) {
    if (Math.abs(x[pixel] - background[0]) + Math.abs(x[pixel + 1] - background[1]) + Math.abs(x[pixel + 2] - background[2]) < 6) continue;
    for (let channel = 0; channel < 3; channel++) sum += Math.abs(x[pixel + channel] - y[pixel + channel]);
    count += 3;
  }
  return sum / Math.max(1, count);
}

/** three's loaders create <img> elements for textures; Node has none, so a do-nothing one stands in meanwhile. */
function withImageStandIn<T>(work: () => T): T {
  const globals = globalThis as Record<string, unknown>;
  const previous = globals.document;
  globals.document = { createElementNS: () => ({ style: {}, addEventListener() {}, removeEventListener() {}, setAttribute() {} }) };
  try {
    return work();
  } finally {
    // Texture loads finish after parse returns; keep the stand-in until they have run.
    setTimeout(() => (globals.document = previous), 1000);
  }
}

function maxDistance(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let index = 0; index < a.length; index += 3) worst = Math.max(worst, Math.hypot(a[index] - b[index], a[index + 1] - b[index + 1], a[index + 2] - b[index + 2]));
  return worst;
}
