import { describe, expect, it } from 'vitest';
import {
  asciiStl,
  binaryStl,
  objText,
  texturedCubeGlb,
  texturedCubeGltfEmbedded,
  texturedCubeDocument,
  texturedCubeGltfExternal,
} from '../../test/fixtures/build-fixtures.ts';
import { writeFbx } from '../formats/fbx/write-fbx.ts';
import { ModelInputError } from './model-input-error.ts';
import { modelStats } from '../mesh/model-stats.ts';
import { readModel, type ReadableModelFormat } from './read-model.ts';

const text = (value: string) => new TextEncoder().encode(value);

/** Splits a GLB into its JSON and BIN chunks so a test can corrupt the JSON and put it back together. */
function splitGlb(glb: Uint8Array): { json: Record<string, any>; bin: Uint8Array } {
  const view = new DataView(glb.buffer, glb.byteOffset, glb.byteLength);
  const jsonLength = view.getUint32(12, true);
  const json = JSON.parse(new TextDecoder().decode(glb.subarray(20, 20 + jsonLength)));
  const binLength = view.getUint32(20 + jsonLength, true);
  return { json, bin: glb.slice(28 + jsonLength, 28 + jsonLength + binLength) };
}

function joinGlb(json: unknown, bin: Uint8Array): Uint8Array {
  const jsonBytes = text(JSON.stringify(json));
  const jsonPadded = new Uint8Array(Math.ceil(jsonBytes.length / 4) * 4).fill(0x20);
  jsonPadded.set(jsonBytes);
  const binPadded = new Uint8Array(Math.ceil(bin.length / 4) * 4);
  binPadded.set(bin);
  const out = new Uint8Array(12 + 8 + jsonPadded.length + 8 + binPadded.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x46546c67, true);
  view.setUint32(4, 2, true);
  view.setUint32(8, out.length, true);
  view.setUint32(12, jsonPadded.length, true);
  view.setUint32(16, 0x4e4f534a, true);
  out.set(jsonPadded, 20);
  view.setUint32(20 + jsonPadded.length, binPadded.length, true);
  view.setUint32(24 + jsonPadded.length, 0x004e4942, true);
  out.set(binPadded, 28 + jsonPadded.length);
  return out;
}

/** Rewrites the declared element count of the first array property of the record named `recordName`. */
function inflateFbxArrayLength(fbx: Uint8Array, recordName: string, length: number): Uint8Array {
  const name = text(recordName);
  const at = fbx.findIndex((_, index) => name.every((byte, offset) => fbx[index + offset] === byte));
  expect(String.fromCharCode(fbx[at + name.length])).toBe('i');
  new DataView(fbx.buffer, fbx.byteOffset).setUint32(at + name.length + 1, length, true);
  return fbx;
}

async function corruptGlb(edit: (json: Record<string, any>) => void): Promise<Uint8Array> {
  const { json, bin } = splitGlb(await texturedCubeGlb());
  edit(json);
  return joinGlb(json, bin);
}

describe('readModel accepts', () => {
  it.each<[string, () => Promise<Uint8Array> | Uint8Array, ReadableModelFormat, number, number]>([
    ['GLB', texturedCubeGlb, 'glb', 12, 1],
    ['glTF with data: URIs', texturedCubeGltfEmbedded, 'gltf', 12, 1],
    ['OBJ with quads and two usemtl groups', () => text(objText()), 'obj', 12, 0],
    ['ASCII STL', () => text(asciiStl()), 'stl', 4, 0],
    ['binary STL', binaryStl, 'stl', 4, 0],
    ['binary STL with trailing bytes', () => new Uint8Array([...binaryStl(), 0, 0, 0, 0, 0]), 'stl', 4, 0],
  ])('%s', async (_name, build, format, triangleCount, textureCount) => {
    const stats = modelStats(await readModel(await build(), format));
    expect(stats.triangleCount).toBe(triangleCount);
    expect(stats.textureCount).toBe(textureCount);
  });

  it('gives OBJ usemtl groups their own materials, coloured by CSS colour names', async () => {
    const document = await readModel(text(objText()), 'obj');
    const materials = document.getRoot().listMaterials();
    expect(materials.map((material) => material.getName())).toEqual(['red', 'blue']);
    expect(materials[0].getBaseColorFactor()).toEqual([1, 0, 0, 1]);
    const primitives = document.getRoot().listMeshes()[0].listPrimitives();
    expect(primitives.map((primitive) => primitive.getMaterial()?.getName())).toEqual(['red', 'blue']);
    expect(
      primitives.every(
        (primitive) =>
          primitive.getIndices() && primitive.getAttribute('NORMAL') && primitive.getAttribute('TEXCOORD_0'),
      ),
    ).toBe(true);
  });

  it("welds STL triangle soup by position and keeps the tetrahedron's 70.5° edges hard", async () => {
    const document = await readModel(binaryStl(), 'stl');
    const stats = modelStats(document);
    // 4 corners × 3 faces each: every edge is sharper than the 60° crease angle, so each corner keeps 3 normals.
    expect(stats.vertexCount).toBe(12);
    const primitive = document.getRoot().listMeshes()[0].listPrimitives()[0];
    expect(primitive.getIndices()!.getCount()).toBe(12);
    expect(primitive.getAttribute('NORMAL')).toBeTruthy();
    expect(stats.boundingBox).toEqual({ min: [0, 0, 0], max: [1, 1, 1] });
  });
});

describe('readModel refuses with a ModelInputError', () => {
  const random = Uint8Array.from({ length: 10_000 }, (_, index) => (Math.imul(index + 1, 2654435761) >>> 13) & 0xff);

  it.each<[string, () => Promise<Uint8Array> | Uint8Array, ReadableModelFormat | 'fbx', RegExp]>([
    ['an empty file', () => new Uint8Array(0), 'glb', /empty/],
    ['a truncated GLB', async () => (await texturedCubeGlb()).slice(0, 200), 'glb', /truncated/],
    [
      'a GLB cut inside its binary chunk',
      async () => {
        const glb = await texturedCubeGlb();
        const cut = glb.slice(0, glb.length - 100);
        new DataView(cut.buffer).setUint32(8, cut.length, true);
        return cut;
      },
      'glb',
      /truncated/,
    ],
    ['random bytes as GLB', () => random, 'glb', /not a GLB/],
    ['random bytes as glTF', () => random, 'gltf', /not valid JSON/],
    ['random bytes as OBJ', () => random, 'obj', /not text/],
    ['random bytes as STL', () => random, 'stl', /triangles/],
    [
      'a GLB of version 1',
      () => new Uint8Array([0x67, 0x6c, 0x54, 0x46, 1, 0, 0, 0, 24, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
      'glb',
      /version 1/,
    ],
    ['a glTF with an external buffer', texturedCubeGltfExternal, 'gltf', /external file "cube\.bin".*self-contained/],
    ['a glTF that is not glTF 2.0', () => text('{"asset":{"version":"1.0"}}'), 'gltf', /Only glTF 2\.0/],
    [
      'a GLB whose indices claim 100 million triangles',
      () =>
        corruptGlb((json) => {
          json.accessors[json.meshes[0].primitives[0].indices].count = 300_000_000;
        }),
      'glb',
      /has 100,000,000 triangles; the limit is 5,000,000/,
    ],
    [
      'a GLB whose data-less accessor claims 1 billion elements',
      () =>
        corruptGlb((json) => {
          json.accessors.push({ type: 'MAT4', componentType: 5126, count: 1_000_000_000 });
        }),
      'glb',
      /would need 61,035 MB of memory/,
    ],
    [
      'a GLB whose accessor runs past its buffer view',
      () =>
        corruptGlb((json) => {
          json.accessors[0].count += 10;
        }),
      'glb',
      /accessors\[0\] needs/,
    ],
    [
      'a GLB whose buffer view runs past its buffer',
      () =>
        corruptGlb((json) => {
          json.bufferViews[0].byteLength += 1_000_000;
        }),
      'glb',
      /past the end/,
    ],
    [
      'a GLB that claims more bytes than it has',
      () =>
        corruptGlb((json) => {
          json.buffers[0].byteLength += 1_000_000;
        }),
      'glb',
      /truncated/,
    ],
    [
      'a GLB without meshes',
      () =>
        corruptGlb((json) => {
          delete json.meshes;
          json.nodes = [{ name: 'empty' }];
        }),
      'glb',
      /no meshes/,
    ],
    [
      'an OBJ face that refers to a missing vertex',
      () => text('v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 99\n'),
      'obj',
      /does not exist/,
    ],
    ['an OBJ without faces', () => text('v 0 0 0\nv 1 0 0\n'), 'obj', /no faces/],
    ['an ASCII STL cut short', () => text(asciiStl().slice(0, 200)), 'stl', /malformed|truncated/],
    ['an ASCII STL without facets', () => text('solid nothing\nendsolid nothing\n'), 'stl', /no facets/],
    ['a binary STL cut short', () => binaryStl().slice(0, 150), 'stl', /truncated: its header declares 4 triangles/],
    [
      'a binary STL header claiming 10 million triangles',
      () => {
        const stl = binaryStl();
        new DataView(stl.buffer).setUint32(80, 10_000_000, true);
        return stl;
      },
      'stl',
      /10,000,000 triangles; the limit is 5,000,000/,
    ],
    ['random bytes as FBX', () => random, 'fbx', /not an FBX file/],
    ['a binary FBX cut short', () => writeFbx(texturedCubeDocument()).slice(0, 400), 'fbx', /truncated/],
    [
      'a binary FBX of version 6.1',
      () => {
        const fbx = writeFbx(texturedCubeDocument());
        new DataView(fbx.buffer).setUint32(23, 6100, true);
        return fbx;
      },
      'fbx',
      /FBX version 6100 is not supported/,
    ],
    [
      'a binary FBX whose array declares 4 GB (a zip bomb)',
      () => inflateFbxArrayLength(writeFbx(texturedCubeDocument()), 'PolygonVertexIndex', 1_000_000_000),
      'fbx',
      /declares 3,815 MB of decompressed data/,
    ],
    [
      'a binary FBX whose polygon index array declares 30 million corners',
      () => inflateFbxArrayLength(writeFbx(texturedCubeDocument()), 'PolygonVertexIndex', 30_000_000),
      'fbx',
      /at least 10,000,000 triangles; the limit is 5,000,000/,
    ],
    [
      'an ASCII FBX without geometry',
      () => text('; FBX 7.4.0 project file\nFBXHeaderExtension:  {\n}\n'),
      'fbx',
      /could not be read|no meshes/,
    ],
  ])('%s', async (_name, build, format, message) => {
    const bytes = await build();
    const error = await readModel(bytes, format).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ModelInputError);
    expect((error as Error).message).toMatch(message);
  });

  it.each<[string, () => Promise<Uint8Array> | Uint8Array, ReadableModelFormat]>([
    ['GLB', texturedCubeGlb, 'glb'],
    ['OBJ', () => text(objText()), 'obj'],
    ['STL', binaryStl, 'stl'],
    ['FBX', () => writeFbx(texturedCubeDocument()), 'fbx'],
  ])('a %s over the triangle budget', async (_name, build, format) => {
    await expect(readModel(await build(), format, { maxTriangleCount: 3 })).rejects.toThrow(
      /triangles; the limit is 3\b/,
    );
  });
});
