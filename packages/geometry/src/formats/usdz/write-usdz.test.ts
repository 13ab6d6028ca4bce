import { execFileSync } from 'node:child_process';
import { resolveObjectURL, type Blob as NodeBlob } from 'node:buffer';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Document } from '@gltf-transform/core';
import { unzipSync } from 'fflate';
import { Box3, type Mesh, type MeshStandardMaterial, type Object3D } from 'three';
import { USDLoader } from 'three/examples/jsm/loaders/USDLoader.js';
import { afterAll, describe, expect, it } from 'vitest';
import {
  HIERARCHY_BOUNDS,
  hierarchyDocument,
  skinnedAnimatedDocument,
  texturedCubeDocument,
  twoMaterialDocument,
} from '../../../test/fixtures/build-fixtures.ts';
import { checkerPng } from '../../../test/fixtures/encode-png.ts';
import { collectWorldTriangles } from '../../mesh/collect-world-triangles.ts';
import { writeUsdz } from './write-usdz.ts';
import { hasTool } from '../../../test/fixtures/required-tool.ts';

type Vec3 = [number, number, number];
const FIXTURES: Array<{ name: string; build: () => Document; triangleCount: number; min: Vec3; max: Vec3 }> = [
  {
    name: 'textured cube',
    build: texturedCubeDocument,
    triangleCount: 12,
    min: [-0.5, -0.5, -0.5],
    max: [0.5, 0.5, 0.5],
  },
  {
    name: 'two materials',
    build: twoMaterialDocument,
    triangleCount: 24,
    min: [-1.5, -0.5, -0.5],
    max: [1.5, 0.5, 0.5],
  },
  {
    name: 'node hierarchy',
    build: hierarchyDocument,
    triangleCount: 24,
    min: HIERARCHY_BOUNDS.min,
    max: HIERARCHY_BOUNDS.max,
  },
  {
    name: 'skinned + animated (rest pose)',
    build: skinnedAnimatedDocument,
    triangleCount: 4,
    min: [-0.5, 0, 0],
    max: [0.5, 2, 0],
  },
];

const scratch = mkdtempSync(join(tmpdir(), 'polyforge-usdz-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const hasUnzip = hasTool('unzip');

/**
 * Reads with three's USDLoader (the USDZLoader's successor). It loads images through a DOM <img>, which Node
 * lacks, so a stand-in element records the blob: URL it is given; the bytes behind it are read back.
 */
async function threeRead(bytes: Uint8Array) {
  const blobs: NodeBlob[] = []; // resolved when the loader sets src: it revokes the URL once the image loads
  const globals = globalThis as { document?: unknown };
  globals.document = {
    createElementNS: () => {
      const listeners: Record<string, (event: unknown) => void> = {};
      return {
        addEventListener: (type: string, listener: (event: unknown) => void) => (listeners[type] = listener),
        removeEventListener: () => undefined,
        set src(url: string) {
          blobs.push(resolveObjectURL(url)!);
          queueMicrotask(() => listeners.load?.({}));
        },
      };
    },
  };
  try {
    const group = new USDLoader().parse(bytes.slice().buffer);
    await new Promise((resolve) => setTimeout(resolve, 10));
    group.updateMatrixWorld(true);
    const meshes: Mesh[] = [];
    group.traverse((object: Object3D) => (object as Mesh).isMesh && meshes.push(object as Mesh));
    const bounds = new Box3();
    let triangleCount = 0,
      windingMismatches = 0;
    for (const mesh of meshes) {
      const geometry = mesh.geometry.index ? mesh.geometry.toNonIndexed() : mesh.geometry.clone();
      geometry.applyMatrix4(mesh.matrixWorld);
      geometry.computeBoundingBox();
      bounds.union(geometry.boundingBox!);
      const position = geometry.getAttribute('position'),
        normal = geometry.getAttribute('normal');
      triangleCount += position.count / 3;
      for (let corner = 0; normal && corner < position.count; corner += 3) {
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
    const images = await Promise.all(blobs.map(async (blob) => new Uint8Array(await blob.arrayBuffer())));
    return { meshes, triangleCount, windingMismatches, min: bounds.min.toArray(), max: bounds.max.toArray(), images };
  } finally {
    delete globals.document;
  }
}

function expectBounds(actual: { min: ArrayLike<number>; max: ArrayLike<number> }, expected: { min: Vec3; max: Vec3 }) {
  for (let axis = 0; axis < 3; axis++) {
    expect(actual.min[axis]).toBeCloseTo(expected.min[axis], 4);
    expect(actual.max[axis]).toBeCloseTo(expected.max[axis], 4);
  }
}

/** Each stored entry's data offset, read from the local headers (independently of the writer). */
function entryDataOffsets(bytes: Uint8Array): Array<{ name: string; dataOffset: number; method: number }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const entries = [];
  for (let at = 0; view.getUint32(at, true) === 0x04034b50;) {
    const nameLength = view.getUint16(at + 26, true),
      extraLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength));
    const dataOffset = at + 30 + nameLength + extraLength;
    entries.push({ name, dataOffset, method: view.getUint16(at + 8, true) });
    at = dataOffset + view.getUint32(at + 18, true);
  }
  return entries;
}

describe('writeUsdz', () => {
  describe.each(FIXTURES)('$name', (fixture) => {
    it('is read by three.js USDLoader with the same triangles, bounds and winding', async () => {
      const read = await threeRead(writeUsdz(fixture.build()));
      expect(read.triangleCount).toBe(fixture.triangleCount);
      expect(read.windingMismatches).toBe(0);
      expectBounds(read, fixture);
    });

    it('is a valid zip of stored, 64-byte aligned entries with the USDA layer first', () => {
      const bytes = writeUsdz(fixture.build());
      const entries = entryDataOffsets(bytes);
      expect(entries[0].name).toBe('model.usda');
      for (const entry of entries) {
        expect(entry.method).toBe(0);
        expect(entry.dataOffset % 64).toBe(0);
      }
      expect(Object.keys(unzipSync(bytes))).toEqual(entries.map((entry) => entry.name));
      if (hasUnzip) {
        const path = join(scratch, `${fixture.name.replace(/\W+/g, '-')}.usdz`);
        writeFileSync(path, bytes);
        expect(execFileSync('unzip', ['-t', path], { encoding: 'utf8' })).toMatch(/No errors detected/); // checks CRCs
      }
      const usda = new TextDecoder().decode(unzipSync(bytes)['model.usda']);
      expect(usda).toMatch(/^#usda 1\.0$/m);
      expect(usda).toMatch(/^\s+metersPerUnit = 1$/m);
      expect(usda).toMatch(/^\s+upAxis = "Y"$/m);
      expect(usda).toMatch(/info:id = "UsdPreviewSurface"/);
    });
  });

  it('packs the base colour texture byte for byte and three maps it with the glTF UVs in USD convention', async () => {
    const bytes = writeUsdz(texturedCubeDocument());
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(['model.usda', 'textures/checker.png']);
    expect(files['textures/checker.png']).toEqual(checkerPng());
    expect(new TextDecoder().decode(files['model.usda'])).toMatch(/asset inputs:file = @textures\/checker\.png@/);

    const read = await threeRead(bytes);
    expect(read.images).toEqual([checkerPng()]);
    const mesh = read.meshes[0];
    expect((mesh.material as MeshStandardMaterial).map).toBeTruthy();
    const key = (values: ArrayLike<number>) => Array.from(values, (value) => value.toFixed(3)).join(',');
    const expected = new Map<string, string>();
    for (const { positions, normals, uvs } of collectWorldTriangles(texturedCubeDocument())) {
      for (let vertex = 0; vertex < positions.length / 3; vertex++) {
        expected.set(
          key([...positions.subarray(vertex * 3, vertex * 3 + 3), ...normals!.subarray(vertex * 3, vertex * 3 + 3)]),
          key([uvs![vertex * 2], 1 - uvs![vertex * 2 + 1]]),
        );
      }
    }
    const geometry = mesh.geometry;
    const [position, normal, uv] = ['position', 'normal', 'uv'].map((name) => geometry.getAttribute(name));
    for (let vertex = 0; vertex < position.count; vertex++) {
      const corner = [
        position.getX(vertex),
        position.getY(vertex),
        position.getZ(vertex),
        normal.getX(vertex),
        normal.getY(vertex),
        normal.getZ(vertex),
      ];
      expect(key([uv.getX(vertex), uv.getY(vertex)])).toBe(expected.get(key(corner)));
    }
  });

  it('gives each material its base colour', async () => {
    const read = await threeRead(writeUsdz(twoMaterialDocument()));
    const colours = read.meshes.map((mesh) => (mesh.material as MeshStandardMaterial).color.toArray());
    expect(colours).toEqual([
      [1, 0, 0],
      [0, 0, 1],
    ]);
  });

  it('writes quad faces as 4-vertex faces, front-facing under mirroring', async () => {
    const document = hierarchyDocument();
    const primitive = document.getRoot().listMeshes()[0].listPrimitives()[0];
    const quads = new Map([
      [primitive, Array.from({ length: 6 }, (_, face) => [0, 1, 2, 3].map((corner) => face * 4 + corner))],
    ]);
    const bytes = writeUsdz(document, { quadFaces: quads });
    expect(new TextDecoder().decode(unzipSync(bytes)['model.usda'])).toMatch(/faceVertexCounts = \[4, 4, 4, 4, 4, 4\]/);
    const read = await threeRead(bytes);
    expect(read.triangleCount).toBe(24);
    expect(read.windingMismatches).toBe(0);
    expectBounds(read, HIERARCHY_BOUNDS);
  });
});
