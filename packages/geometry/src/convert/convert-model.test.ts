import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Document } from '@gltf-transform/core';
import { unzipSync } from 'fflate';
import { Box3, type BufferGeometry, type Mesh } from 'three';
import { OBJLoader } from 'three/examples/jsm/loaders/OBJLoader.js';
import { STLLoader } from 'three/examples/jsm/loaders/STLLoader.js';
import { afterAll, describe, expect, it } from 'vitest';
import { assimpInfo, hasAssimp } from '../../test/fixtures/assimp-info.ts';
import {
  binaryStl,
  HIERARCHY_BOUNDS,
  hierarchyDocument,
  skinnedAnimatedDocument,
  texturedCubeDocument,
  twoMaterialDocument,
} from '../../test/fixtures/build-fixtures.ts';
import { checkerPng } from '../../test/fixtures/encode-png.ts';
import { validateGlb } from '../../test/fixtures/validate-glb.ts';
import { collectWorldTriangles } from '../mesh/collect-world-triangles.ts';
import { convertModel, SUPPORTED_CONVERT_FORMATS } from './convert-model.ts';
import { modelStats } from '../mesh/model-stats.ts';
import { readModel } from '../read/read-model.ts';

type Vec3 = [number, number, number];
interface Fixture {
  name: string;
  build: () => Document;
  triangleCount: number;
  min: Vec3;
  max: Vec3;
  materialNames: string[];
}

const FIXTURES: Fixture[] = [
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
    name: 'skinned + animated',
    build: skinnedAnimatedDocument,
    triangleCount: 4,
    min: [-0.5, 0, 0],
    max: [0.5, 2, 0],
    materialNames: ['skin'],
  },
];

const TOLERANCE = 1e-5;
const scratch = mkdtempSync(join(tmpdir(), 'polyforge-convert-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function expectBounds(
  actual: { min: ArrayLike<number>; max: ArrayLike<number> },
  fixture: { min: Vec3; max: Vec3 },
): void {
  for (let axis = 0; axis < 3; axis++) {
    expect(actual.min[axis]).toBeCloseTo(fixture.min[axis], 4);
    expect(actual.max[axis]).toBeCloseTo(fixture.max[axis], 4);
  }
}

/** Triangles and bounds as three's loaders see them, plus how many triangles wind against their normals. */
function summariseThreeGeometries(geometries: BufferGeometry[]) {
  const bounds = new Box3();
  let triangleCount = 0;
  let windingMismatches = 0;
  for (const geometry of geometries) {
    geometry.computeBoundingBox();
    bounds.union(geometry.boundingBox!);
    const position = geometry.getAttribute('position');
    const normal = geometry.getAttribute('normal');
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
  return { triangleCount, min: bounds.min.toArray(), max: bounds.max.toArray(), windingMismatches };
}

describe('convertModel', () => {
  it('lists the formats it implements', () => {
    expect(SUPPORTED_CONVERT_FORMATS).toEqual(['GLTF', 'GLB', 'OBJ', 'STL', 'FBX', 'USDZ', '3MF']);
  });

  describe.each(FIXTURES)('$name', (fixture) => {
    it.each(['GLB', 'GLTF'] as const)(
      '→ %s: a .glb with zero validator errors that reads back the same',
      async (format) => {
        const converted = await convertModel(fixture.build(), { format });
        expect(converted).toMatchObject({ extension: 'glb', mimeType: 'model/gltf-binary' });
        expect((await validateGlb(converted.bytes)).errors).toEqual([]);
        const stats = modelStats(await readModel(converted.bytes, 'glb'));
        expect(stats.triangleCount).toBe(fixture.triangleCount);
        expectBounds(stats.boundingBox, fixture);
      },
    );

    it('→ OBJ: a zip with model.obj, model.mtl and textures that three and assimp read back', async () => {
      const converted = await convertModel(fixture.build(), { format: 'OBJ' });
      expect(converted).toMatchObject({ extension: 'zip', mimeType: 'application/zip' });
      const files = unzipSync(converted.bytes);
      const objText = new TextDecoder().decode(files['model.obj']);
      const mtlText = new TextDecoder().decode(files['model.mtl']);
      expect(objText).toMatch(/^mtllib model\.mtl$/m);
      expect([...mtlText.matchAll(/^newmtl (.+)$/gm)].map((match) => match[1])).toEqual(fixture.materialNames);
      for (const name of fixture.materialNames) expect(objText).toMatch(new RegExp(`^usemtl ${name}$`, 'm'));

      const group = new OBJLoader().parse(objText);
      const geometries: BufferGeometry[] = [];
      group.traverse((object) => (object as Mesh).isMesh && geometries.push((object as Mesh).geometry));
      const summary = summariseThreeGeometries(geometries);
      expect(summary.triangleCount).toBe(fixture.triangleCount);
      expect(summary.windingMismatches).toBe(0);
      expectBounds(summary, fixture);

      if (hasAssimp) {
        const directory = mkdtempSync(join(scratch, 'obj-'));
        for (const [name, bytes] of Object.entries(files)) writeFileSync(join(directory, name), bytes);
        const info = assimpInfo(join(directory, 'model.obj'));
        expect(info.faceCount).toBe(fixture.triangleCount);
        expect(info.primitiveTypes).toBe('triangles');
        expectBounds(info, fixture);
        expect(info.textureRefs.sort()).toEqual(
          Object.keys(files)
            .filter((name) => name.endsWith('.png'))
            .sort(),
        );
      }
    });

    it('→ STL: binary STL that three and assimp read back', async () => {
      const converted = await convertModel(fixture.build(), { format: 'STL' });
      expect(converted).toMatchObject({ extension: 'stl', mimeType: 'model/stl' });
      expect(converted.bytes.length).toBe(84 + 50 * fixture.triangleCount);
      const geometry = new STLLoader().parse(converted.bytes.slice().buffer);
      const summary = summariseThreeGeometries([geometry]);
      expect(summary.triangleCount).toBe(fixture.triangleCount);
      expect(summary.windingMismatches).toBe(0);
      // The print frame: Z up, (x, y, z) → (x, −z, y), lifted so the model stands on the build plate.
      const printed = {
        min: [fixture.min[0], -fixture.max[2], 0] as Vec3,
        max: [fixture.max[0], -fixture.min[2], fixture.max[1] - fixture.min[1]] as Vec3,
      };
      expectBounds(summary, printed);

      if (hasAssimp) {
        const path = join(scratch, `${fixture.name.replace(/\W+/g, '-')}.stl`);
        writeFileSync(path, converted.bytes);
        const info = assimpInfo(path);
        expect(info.faceCount).toBe(fixture.triangleCount);
        expectBounds(info, printed);
      }
    });

    // Format details are tested beside each writer (write-fbx/usdz/3mf.test.ts); here: dispatch and a reader.
    it.each([
      { format: 'FBX', extension: 'fbx', mimeType: 'application/octet-stream' },
      { format: '3MF', extension: '3mf', mimeType: 'model/3mf' },
    ] as const)(
      '→ $format: a .$extension that assimp reads with the same face count',
      async ({ format, extension, mimeType }) => {
        const converted = await convertModel(fixture.build(), { format });
        expect(converted).toMatchObject({ extension, mimeType });
        if (!hasAssimp) return;
        const path = join(scratch, `${fixture.name.replace(/\W+/g, '-')}.${extension}`);
        writeFileSync(path, converted.bytes);
        const info = assimpInfo(path);
        expect(info.faceCount).toBe(fixture.triangleCount);
        expect(info.materialCount).toBe(fixture.materialNames.length);
        if (format === 'FBX') expectBounds(info, fixture);
      },
    );

    it('→ USDZ: a .usdz whose first entry is the USDA layer', async () => {
      const converted = await convertModel(fixture.build(), { format: 'USDZ' });
      expect(converted).toMatchObject({ extension: 'usdz', mimeType: 'model/vnd.usdz+zip' });
      const files = unzipSync(converted.bytes);
      expect(Object.keys(files)[0]).toBe('model.usda');
      const usda = new TextDecoder().decode(files['model.usda']);
      const faceCount = [...usda.matchAll(/faceVertexCounts = \[([^\]]*)\]/g)].reduce(
        (sum, match) => sum + match[1].split(',').length,
        0,
      );
      expect(faceCount).toBe(fixture.triangleCount);
    });
  });

  it('passes quad faces to FBX, USDZ and OBJ, and keeps triangles in the formats that cannot store quads', async () => {
    const document = texturedCubeDocument();
    const primitive = document.getRoot().listMeshes()[0].listPrimitives()[0];
    const quadFaces = new Map([
      [primitive, Array.from({ length: 6 }, (_, face) => [0, 1, 2, 3].map((corner) => face * 4 + corner))],
    ]);

    const obj = unzipSync((await convertModel(document, { format: 'OBJ', quadFaces })).bytes);
    const objText = new TextDecoder().decode(obj['model.obj']);
    expect(objText.match(/^f( \d+\/\d+\/\d+){4}$/gm)).toHaveLength(6);
    expect(objText).toMatch(/^f 1\/1\/1 2\/2\/2 3\/3\/3 4\/4\/4$/m);
    const group = new OBJLoader().parse(objText);
    const geometries: BufferGeometry[] = [];
    group.traverse((object) => (object as Mesh).isMesh && geometries.push((object as Mesh).geometry));
    expect(summariseThreeGeometries(geometries)).toMatchObject({ triangleCount: 12, windingMismatches: 0 });

    const usdz = unzipSync((await convertModel(document, { format: 'USDZ', quadFaces })).bytes);
    expect(new TextDecoder().decode(usdz['model.usda'])).toMatch(/faceVertexCounts = \[4, 4, 4, 4, 4, 4\]/);
    expect(
      modelStats(await readModel((await convertModel(document, { format: 'GLB', quadFaces })).bytes, 'glb'))
        .triangleCount,
    ).toBe(12);

    if (hasAssimp) {
      const rawFaces = (path: string) =>
        Number(/^Faces:\s+(\d+)/m.exec(execFileSync('assimp', ['info', path, '-r'], { encoding: 'utf8' }))![1]);
      const fbxPath = join(scratch, 'quads.fbx');
      writeFileSync(fbxPath, (await convertModel(document, { format: 'FBX', quadFaces })).bytes);
      expect(rawFaces(fbxPath)).toBe(6);
      const directory = mkdtempSync(join(scratch, 'quads-obj-'));
      for (const [name, bytes] of Object.entries(obj)) writeFileSync(join(directory, name), bytes);
      expect(rawFaces(join(directory, 'model.obj'))).toBe(6);
    }
  });

  it('puts the texture into the OBJ zip byte for byte, referenced by map_Kd, with UVs flipped to OBJ convention', async () => {
    const files = unzipSync((await convertModel(texturedCubeDocument(), { format: 'OBJ' })).bytes);
    expect(Object.keys(files).sort()).toEqual(['checker.png', 'model.mtl', 'model.obj']);
    expect(files['checker.png']).toEqual(checkerPng());
    expect(new TextDecoder().decode(files['model.mtl'])).toMatch(/^map_Kd checker\.png$/m);

    // Reading the OBJ back must give every corner the UV it had in the glTF.
    const uvByCorner = (document: Document) => {
      const map = new Map<string, string>();
      for (const { positions, normals, uvs } of collectWorldTriangles(document)) {
        for (let vertex = 0; vertex < positions.length / 3; vertex++) {
          const key = [
            ...positions.subarray(vertex * 3, vertex * 3 + 3),
            ...normals!.subarray(vertex * 3, vertex * 3 + 3),
          ]
            .map((value) => value.toFixed(3))
            .join(',');
          map.set(key, [...uvs!.subarray(vertex * 2, vertex * 2 + 2)].map((value) => value.toFixed(3)).join(','));
        }
      }
      return map;
    };
    const reread = await readModel(files['model.obj'], 'obj');
    expect(uvByCorner(reread)).toEqual(uvByCorner(texturedCubeDocument()));
  });

  it('writes a plain .obj when the model has no material', async () => {
    const converted = await convertModel(await readModel(binaryStl(), 'stl'), { format: 'OBJ' });
    expect(converted).toMatchObject({ extension: 'obj', mimeType: 'model/obj' });
    const text = new TextDecoder().decode(converted.bytes);
    expect(text).not.toMatch(/mtllib|usemtl/);
    expect(text.match(/^f /gm)).toHaveLength(4);
  });

  it('writes a plain .obj when the only materials belong to meshes outside the default scene', async () => {
    const document = await readModel(binaryStl(), 'stl');
    const offScene = document.createMesh('off-scene').addPrimitive(
      document
        .createPrimitive()
        .setAttribute(
          'POSITION',
          document
            .createAccessor()
            .setType('VEC3')
            .setArray(new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0])),
        )
        .setMaterial(document.createMaterial('unused')),
    );
    document.createNode('not-in-any-scene').setMesh(offScene);
    const converted = await convertModel(document, { format: 'OBJ' });
    expect(converted).toMatchObject({ extension: 'obj', mimeType: 'model/obj' });
    const text = new TextDecoder().decode(converted.bytes);
    expect(text.startsWith('# Wavefront OBJ')).toBe(true);
    expect(text).not.toMatch(/mtllib|usemtl/);
    expect(text.match(/^f /gm)).toHaveLength(4);
  });

  it('poses skinned meshes by their joints, not by the mesh node', async () => {
    const document = skinnedAnimatedDocument();
    const bone1 = document
      .getRoot()
      .listNodes()
      .find((node) => node.getName() === 'bone1')!;
    bone1.setRotation([0, 0, Math.SQRT1_2, Math.SQRT1_2]); // 90° about z: the top row swings to x = -1
    document
      .getRoot()
      .listNodes()
      .find((node) => node.getName() === 'strip')!
      .setTranslation([100, 0, 0]);
    const stats = modelStats(document);
    expect(stats.boundingBox.min[0]).toBeCloseTo(-1, 5);
    expect(stats.boundingBox.max[0]).toBeCloseTo(0.5, 5);
    expect(stats.boundingBox.max[1]).toBeCloseTo(1.5, 5);
  });

  it('does not change the document it converts', async () => {
    const document = hierarchyDocument();
    const before = modelStats(document);
    for (const format of SUPPORTED_CONVERT_FORMATS) await convertModel(document, { format });
    expect(modelStats(document)).toEqual(before);
    expect(Math.abs(before.boundingBox.max[0] - HIERARCHY_BOUNDS.max[0])).toBeLessThan(TOLERANCE);
  });
});
