// Builds the committed corpus files in this folder from third-party originals (README.md says where each comes
// from and under which licence). Run once by hand with the originals in one folder:
//   node --conditions=polyforge-source --import tsx packages/geometry/test/corpus/build-corpus.ts /path/to/originals
// It shrinks what is too large to commit (DamagedHelmet's 2048² textures to 256², the 69k-triangle Stanford bunny
// to ~3.6k triangles written as an OBJ without normals, the case import must weld and smooth) and packs the
// small Khronos boxes into self-contained GLBs; the other files are copied unchanged.

import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NodeIO } from '@gltf-transform/core';
import { ALL_EXTENSIONS, KHRTextureBasisu } from '@gltf-transform/extensions';
import { textureCompress, weld } from '@gltf-transform/functions';
import { MeshoptDecoder, MeshoptSimplifier } from 'meshoptimizer';
import sharp from 'sharp';

const source = process.argv[2];
if (!source) throw new Error('usage: build-corpus.ts <folder with the originals>');
const target = import.meta.dirname;
await Promise.all([MeshoptDecoder.ready, MeshoptSimplifier.ready]);
const io = new NodeIO().registerExtensions(ALL_EXTENSIONS).registerDependencies({ 'meshopt.decoder': MeshoptDecoder });

// DamagedHelmet: every map kept, each downscaled to 256² JPEG (the originals are 2048² and 3.7 MB in all).
const helmet = await io.read(join(source, 'DamagedHelmet.glb'));
await helmet.transform(textureCompress({ encoder: sharp, targetFormat: 'jpeg', resize: [256, 256], quality: 85 }));
writeFileSync(join(target, 'damaged-helmet.glb'), await io.writeBinary(helmet));

copyFileSync(join(source, 'Fox.glb'), join(target, 'fox.glb'));
copyFileSync(join(source, 'BoxMeshopt.glb'), join(target, 'box-meshopt.glb'));
copyFileSync(join(source, 'SimpleSkin.gltf'), join(target, 'simple-skin.gltf'));

// BoxDraco: its JSON and its Draco payload (0.bin) in one GLB, bytes untouched.
writeFileSync(join(target, 'box-draco.glb'), packGlb(JSON.parse(readFileSync(join(source, 'BoxDraco.gltf'), 'utf8')), readFileSync(join(source, '0.bin'))));

// BoxTextured with its PNG replaced by a Basis Universal (ETC1S) KTX2 texture under KHR_texture_basisu.
const box = await io.read(join(source, 'BoxTextured.gltf'));
box.createExtension(KHRTextureBasisu).setRequired(true);
for (const texture of box.getRoot().listTextures()) texture.setImage(readFileSync(join(source, '2d_etc1s.ktx2'))).setMimeType('image/ktx2').setURI('texture.ktx2');
writeFileSync(join(target, 'box-textured-ktx2.glb'), await io.writeBinary(box));

// Stanford bunny: welded, simplified with meshoptimizer, written as bare `v` / `f` lines (no normals, no UVs).
const bunny = await io.read(join(source, 'bunny.glb'));
await bunny.transform(weld());
const primitive = bunny.getRoot().listMeshes()[0].listPrimitives()[0];
const positions = primitive.getAttribute('POSITION')!.getArray() as Float32Array;
const indices = new Uint32Array(primitive.getIndices()!.getArray()!);
const [simplified] = MeshoptSimplifier.simplify(indices, positions, 3, 3600 * 3, 0.02);
const used = new Map<number, number>();
const lines = ['# Stanford bunny (Stanford 3D Scanning Repository), simplified by build-corpus.ts'];
for (const vertex of simplified) {
  if (used.has(vertex)) continue;
  used.set(vertex, used.size + 1);
  lines.push(`v ${[0, 1, 2].map((axis) => positions[vertex * 3 + axis].toFixed(5)).join(' ')}`);
}
for (let corner = 0; corner < simplified.length; corner += 3) {
  lines.push(`f ${used.get(simplified[corner])} ${used.get(simplified[corner + 1])} ${used.get(simplified[corner + 2])}`);
}
writeFileSync(join(target, 'bunny.obj'), `${lines.join('\n')}\n`);

function packGlb(json: { buffers: Array<{ uri?: string; byteLength: number }> }, bin: Uint8Array): Uint8Array {
  delete json.buffers[0].uri;
  const jsonBytes = Buffer.from(JSON.stringify(json).padEnd(Math.ceil(JSON.stringify(json).length / 4) * 4, ' '));
  const binBytes = Buffer.concat([bin, Buffer.alloc((4 - (bin.length % 4)) % 4)]);
  const header = Buffer.alloc(12), jsonHeader = Buffer.alloc(8), binHeader = Buffer.alloc(8);
  header.writeUInt32LE(0x46546c67, 0); header.writeUInt32LE(2, 4);
  header.writeUInt32LE(12 + 8 + jsonBytes.length + 8 + binBytes.length, 8);
  jsonHeader.writeUInt32LE(jsonBytes.length, 0); jsonHeader.writeUInt32LE(0x4e4f534a, 4);
  binHeader.writeUInt32LE(binBytes.length, 0); binHeader.writeUInt32LE(0x004e4942, 4);
  return Buffer.concat([header, jsonHeader, jsonBytes, binHeader, binBytes]);
}
