import { execFileSync } from 'node:child_process';
import { resolveObjectURL } from 'node:buffer';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Document } from '@gltf-transform/core';
import {
  Box3,
  LoadingManager,
  Texture,
  type BufferGeometry,
  type Group,
  type Material,
  type Mesh,
  type MeshPhongMaterial,
} from 'three';
import { FBXLoader } from 'three/examples/jsm/loaders/FBXLoader.js';
import { afterAll, describe, expect, it } from 'vitest';
import { hasAssimp } from '../../../test/fixtures/assimp-info.ts';
import {
  HIERARCHY_BOUNDS,
  hierarchyDocument,
  skinnedAnimatedDocument,
  texturedCubeDocument,
  twoMaterialDocument,
} from '../../../test/fixtures/build-fixtures.ts';
import { checkerPng } from '../../../test/fixtures/encode-png.ts';
import { collectWorldTriangles } from '../../mesh/collect-world-triangles.ts';
import { writeFbx } from './write-fbx.ts';

type Vec3 = [number, number, number];
const FIXTURES: Array<{
  name: string;
  build: () => Document;
  triangleCount: number;
  min: Vec3;
  max: Vec3;
  materialNames: string[];
}> = [
  {
    name: 'textured cube',
    build: texturedCubeDocument,
    triangleCount: 12,
    min: [-0.5, -0.5, -0.5],
    max: [0.5, 0.5, 0.5],
    materialNames: ['checker'],
  },
  {
    name: 'two materials',
    build: twoMaterialDocument,
    triangleCount: 24,
    min: [-1.5, -0.5, -0.5],
    max: [1.5, 0.5, 0.5],
    materialNames: ['red', 'blue'],
  },
  {
    name: 'node hierarchy',
    build: hierarchyDocument,
    triangleCount: 24,
    min: HIERARCHY_BOUNDS.min,
    max: HIERARCHY_BOUNDS.max,
    materialNames: ['grey'],
  },
  {
    name: 'skinned + animated (rest pose)',
    build: skinnedAnimatedDocument,
    triangleCount: 4,
    min: [-0.5, 0, 0],
    max: [0.5, 2, 0],
    materialNames: ['skin'],
  },
];

const scratch = mkdtempSync(join(tmpdir(), 'polyforge-fbx-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** `assimp info`, optionally with -r (no post-processing, so polygons are not triangulated). */
function assimpReport(bytes: Uint8Array, raw = false) {
  const path = join(scratch, `model-${Math.random().toString(36).slice(2)}.fbx`);
  writeFileSync(path, bytes);
  const output = execFileSync('assimp', ['info', path, ...(raw ? ['-r'] : [])], { encoding: 'utf8' });
  const count = (label: string) => Number(new RegExp(`^${label}:?\\s+(\\d+)`, 'm').exec(output)?.[1]);
  const point = (label: string) =>
    new RegExp(`^${label} point\\s+\\(([^)]*)\\)`, 'm').exec(output)![1].trim().split(/\s+/).map(Number);
  return {
    faces: count('Faces'),
    materials: count('Materials'),
    embeddedTextures: count('Textures \\(embed\\.\\)'),
    primitiveTypes: /^Primitive Types:\s+(.*)$/m.exec(output)?.[1],
    min: point('Minimum'),
    max: point('Maximum'),
    materialNames: [...output.matchAll(/^\s+'([^']*)' \(prop\)/gm)].map((match) => match[1]),
  };
}

/** Reads with three's FBXLoader; embedded images arrive as blob: URLs, which we resolve to their bytes. */
async function threeRead(bytes: Uint8Array) {
  const images: Texture[] = [];
  const manager = new LoadingManager();
  manager.addHandler(/\.(png|jpe?g)$/i, {
    path: '',
    setPath() {},
    load(url: string) {
      const texture = new Texture();
      texture.userData.url = url;
      images.push(texture);
      return texture;
    },
  } as never);
  const group: Group = new FBXLoader(manager).parse(bytes.slice().buffer, '');
  const meshes: Mesh[] = [];
  group.updateMatrixWorld(true);
  group.traverse((object) => (object as Mesh).isMesh && meshes.push(object as Mesh));
  const bounds = new Box3();
  let triangleCount = 0,
    windingMismatches = 0;
  for (const mesh of meshes) {
    const geometry = (mesh.geometry as BufferGeometry).clone().applyMatrix4(mesh.matrixWorld);
    const position = geometry.getAttribute('position'),
      normal = geometry.getAttribute('normal');
    geometry.computeBoundingBox();
    bounds.union(geometry.boundingBox!);
    triangleCount += position.count / 3;
    for (let corner = 0; corner < position.count; corner += 3) {
      const [a, b, c] = [0, 1, 2].map((k) => [
        position.getX(corner + k),
        position.getY(corner + k),
        position.getZ(corner + k),
      ]);
      const u = [b[0] - a[0], b[1] - a[1], b[2] - a[2]],
        v = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
      const face = [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
      if (face[0] * normal.getX(corner) + face[1] * normal.getY(corner) + face[2] * normal.getZ(corner) < 0)
        windingMismatches++;
    }
  }
  const materials = meshes.flatMap(
    (mesh) => (Array.isArray(mesh.material) ? mesh.material : [mesh.material]) as Material[],
  );
  const imageBytes = await Promise.all(
    images.map(async (texture) => new Uint8Array(await resolveObjectURL(texture.userData.url)!.arrayBuffer())),
  );
  return {
    meshes,
    triangleCount,
    windingMismatches,
    min: bounds.min.toArray(),
    max: bounds.max.toArray(),
    materials,
    imageBytes,
  };
}

function expectBounds(actual: { min: ArrayLike<number>; max: ArrayLike<number> }, expected: { min: Vec3; max: Vec3 }) {
  for (let axis = 0; axis < 3; axis++) {
    expect(actual.min[axis]).toBeCloseTo(expected.min[axis], 4);
    expect(actual.max[axis]).toBeCloseTo(expected.max[axis], 4);
  }
}

/** One quad per box face: boxGeometry() puts each face's 4 vertices in a row, triangulated (0 1 2) (0 2 3). */
function boxQuads(document: Document) {
  const primitive = document.getRoot().listMeshes()[0].listPrimitives()[0];
  return new Map([
    [primitive, Array.from({ length: 6 }, (_, face) => [0, 1, 2, 3].map((corner) => face * 4 + corner))],
  ]);
}

describe('writeFbx', () => {
  it('writes a binary FBX 7.4 header and footer', () => {
    const bytes = writeFbx(texturedCubeDocument());
    expect(new TextDecoder().decode(bytes.subarray(0, 18))).toBe('Kaydara FBX Binary');
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint32(23, true)).toBe(7400);
    expect([...bytes.subarray(-16)]).toEqual([
      0xf8, 0x5a, 0x8c, 0x6a, 0xde, 0xf5, 0xd9, 0x7e, 0xec, 0xe9, 0x0c, 0xe3, 0x75, 0x8f, 0x29, 0x0b,
    ]);
    // Footer: version at a 16-byte aligned offset, 120 zero bytes, the magic.
    expect((bytes.length - 140) % 16).toBe(0);
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 140, true)).toBe(7400);
  });

  describe.each(FIXTURES)('$name', (fixture) => {
    it.skipIf(!hasAssimp)('is read by assimp with the same faces, bounds and materials', () => {
      const report = assimpReport(writeFbx(fixture.build()));
      expect(report.faces).toBe(fixture.triangleCount);
      expect(report.primitiveTypes).toBe('triangles');
      expect(report.materialNames).toEqual(fixture.materialNames);
      expectBounds(report, fixture);
    });

    it('is read by three.js FBXLoader with the same triangles, bounds, winding and materials', async () => {
      const read = await threeRead(writeFbx(fixture.build()));
      expect(read.triangleCount).toBe(fixture.triangleCount);
      expect(read.windingMismatches).toBe(0);
      expect([...new Set(read.materials.map((material) => material.name))]).toEqual(fixture.materialNames);
      expectBounds(read, fixture);
    });
  });

  it.skipIf(!hasAssimp)('embeds the base colour texture, which assimp finds', () => {
    expect(assimpReport(writeFbx(texturedCubeDocument()))).toMatchObject({ embeddedTextures: 1, materials: 1 });
    expect(assimpReport(writeFbx(texturedCubeDocument(), { embedTextures: false }))).toMatchObject({
      embeddedTextures: 0,
    });
  });

  it('gives three the embedded PNG byte for byte, as the diffuse map, and the glTF UVs flipped to FBX convention', async () => {
    const read = await threeRead(writeFbx(texturedCubeDocument()));
    expect(read.imageBytes).toEqual([checkerPng()]);
    expect((read.materials[0] as MeshPhongMaterial).map).toBeInstanceOf(Texture);

    const key = (values: ArrayLike<number>) => Array.from(values, (value) => value.toFixed(3)).join(',');
    const expected = new Map<string, string>();
    for (const { positions, normals, uvs } of collectWorldTriangles(texturedCubeDocument())) {
      for (let vertex = 0; vertex < positions.length / 3; vertex++) {
        const uv = uvs!.subarray(vertex * 2, vertex * 2 + 2);
        expected.set(
          key([...positions.subarray(vertex * 3, vertex * 3 + 3), ...normals!.subarray(vertex * 3, vertex * 3 + 3)]),
          key([uv[0], 1 - uv[1]]),
        );
      }
    }
    const geometry = read.meshes[0].geometry;
    const [position, normal, uv] = ['position', 'normal', 'uv'].map((name) => geometry.getAttribute(name));
    for (let corner = 0; corner < position.count; corner++) {
      const corner3 = [
        position.getX(corner),
        position.getY(corner),
        position.getZ(corner),
        normal.getX(corner),
        normal.getY(corner),
        normal.getZ(corner),
      ];
      expect(key([uv.getX(corner), uv.getY(corner)])).toBe(expected.get(key(corner3)));
    }
  });

  it('welds positions split at seams into shared control points', () => {
    // The Vertices record: name length 8, "Vertices", then a 'd' array whose first uint32 is its length.
    const controlPoints = (bytes: Uint8Array) => {
      const at = Buffer.from(bytes).indexOf(Buffer.from('\x08Verticesd', 'latin1'));
      return new DataView(bytes.buffer, bytes.byteOffset).getUint32(at + 10, true) / 3;
    };
    expect(controlPoints(writeFbx(texturedCubeDocument()))).toBe(8); // 24 glTF vertices
    expect(controlPoints(writeFbx(hierarchyDocument()))).toBe(8); // per model
  });

  describe('quad faces', () => {
    it.skipIf(!hasAssimp)('writes 4-vertex polygons that assimp reads as polygons when not triangulating', () => {
      const document = texturedCubeDocument();
      const report = assimpReport(writeFbx(document, { quadFaces: boxQuads(document) }), true);
      expect(report.faces).toBe(6);
      expect(report.primitiveTypes).toBe('n-polygons');
      expectBounds(report, { min: [-0.5, -0.5, -0.5], max: [0.5, 0.5, 0.5] });
      expect(assimpReport(writeFbx(document, { quadFaces: boxQuads(document) })).faces).toBe(12); // triangulated
    });

    it('keeps the quads front-facing under a mirroring node transform', async () => {
      const document = hierarchyDocument(); // the cube is instanced by a plain and a mirrored node
      const read = await threeRead(writeFbx(document, { quadFaces: boxQuads(document) }));
      expect(read.triangleCount).toBe(24);
      expect(read.windingMismatches).toBe(0);
      expectBounds(read, HIERARCHY_BOUNDS);
      if (hasAssimp) expect(assimpReport(writeFbx(document, { quadFaces: boxQuads(document) }), true).faces).toBe(12);
    });

    it('mixes triangles and quads, and rejects out-of-range vertices', () => {
      const document = texturedCubeDocument();
      const primitive = document.getRoot().listMeshes()[0].listPrimitives()[0];
      const mixed = [
        [0, 1, 2, 3],
        [4, 5, 6],
        [4, 6, 7],
        ...Array.from({ length: 4 }, (_, face) => [8, 9, 10, 11].map((vertex) => vertex + face * 4)),
      ];
      if (hasAssimp)
        expect(assimpReport(writeFbx(document, { quadFaces: new Map([[primitive, mixed]]) }), true).faces).toBe(7);
      expect(() => writeFbx(document, { quadFaces: new Map([[primitive, [[0, 1, 24]]]]) })).toThrow(/out of range/);
    });
  });

  it.skipIf(!hasAssimp)('writes FBX 7.5 (64-bit records) and stored arrays that assimp also reads', () => {
    for (const options of [{ version: 7500 as const }, { compressionLevel: 0 as const }]) {
      const report = assimpReport(writeFbx(twoMaterialDocument(), options));
      expect(report.faces).toBe(24);
      expectBounds(report, { min: [-1.5, -0.5, -0.5], max: [1.5, 0.5, 0.5] });
    }
  });
});
