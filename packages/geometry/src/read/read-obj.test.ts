import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, type Primitive } from '@gltf-transform/core';
import { weld } from '@gltf-transform/functions';
import type { BufferGeometry, Material as ThreeMaterial, Mesh as ThreeMesh } from 'three';
import { OBJLoader } from 'three/examples/jsm/loaders/OBJLoader.js';
import { describe, expect, it } from 'vitest';
import { objText } from '../../test/fixtures/build-fixtures.ts';
import { smoothUnweldedPrimitives } from '../mesh/smooth-unwelded-primitives.ts';
import { readModel } from './read-model.ts';
import { readObj } from './read-obj.ts';
import { threeGeometryToMesh } from './three-geometry-to-mesh.ts';

const OPTIONS = { maxTriangleCount: 1_000_000 };

/** What the reader made of an OBJ before it kept the file's indices: three's OBJLoader, then weld(). */
async function readThroughObjLoader(text: string): Promise<Document> {
  const document = new Document();
  const buffer = document.createBuffer();
  const scene = document.createScene('Scene');
  document.getRoot().setDefaultScene(scene);
  const materials = new Map<string, ReturnType<Document['createMaterial']>>();
  new OBJLoader().parse(text).traverse((object) => {
    const threeMesh = object as ThreeMesh<BufferGeometry, ThreeMaterial | ThreeMaterial[]>;
    if (!threeMesh.isMesh) return;
    const threeMaterials = Array.isArray(threeMesh.material) ? threeMesh.material : [threeMesh.material];
    const mesh = threeGeometryToMesh(document, threeMesh.geometry, {
      name: threeMesh.name || 'mesh',
      buffer,
      materialFor: (index) => {
        const name = threeMaterials[index]?.name ?? '';
        if (name === '') return null;
        if (!materials.has(name)) materials.set(name, document.createMaterial(name));
        return materials.get(name)!;
      },
      keepNormals: /^vn\s/m.test(text),
    });
    scene.addChild(document.createNode(mesh.getName()).setMesh(mesh));
  });
  return document.transform(weld());
}

function describePrimitives(document: Document) {
  return document
    .getRoot()
    .listMeshes()
    .flatMap((mesh) =>
      mesh.listPrimitives().map((primitive: Primitive) => ({
        mesh: mesh.getName(),
        material: primitive.getMaterial()?.getName() ?? null,
        indices: Array.from(primitive.getIndices()!.getArray()!),
        indexType: primitive.getIndices()!.getArray()!.constructor.name,
        attributes: Object.fromEntries(
          primitive
            .listSemantics()
            .map((semantic) => [semantic, Array.from(primitive.getAttribute(semantic)!.getArray()!)]),
        ),
      })),
    );
}

const CUBE_WITH_DUPLICATES = [
  // The same corner written twice as its own `v` (as exporters that write a vertex per face do) is one vertex.
  'v 0 0 0',
  'v 1 0 0',
  'v 1 1 0',
  'v 0 1 0',
  'v 1 1 0',
  'vt 0 0',
  'vt 1 0',
  'vt 1 1',
  'vt 1 1',
  'vn 0 0 2',
  'vn 0 0 1',
  'vn 0 0 0',
  'o quad',
  'f 1/1/1 2/2/1 3/3/1',
  'f 1/1/2 5/4/2 4/3/2',
  'o flat',
  // No vn on these faces, and a zero vn: each corner takes its face's normal.
  'f 1/1 2/2 4/3',
  'f 2/1/3 3/2/3 4/3/3',
].join('\n');

describe('readObj', () => {
  it.each([
    ['the cube fixture (quads, two materials)', () => objText()],
    ['duplicate v / vt / vn lines, missing and zero normals', () => CUBE_WITH_DUPLICATES],
    [
      'the Stanford bunny (no normals: no NORMAL here, smoothing adds it)',
      () => readFileSync(join(import.meta.dirname, '../../test/corpus/bunny.obj'), 'utf8'),
    ],
  ])('reads %s as the OBJLoader route did, vertex for vertex', async (_name, build) => {
    const text = build();
    const document = readObj(new TextEncoder().encode(text), OPTIONS);
    expect(describePrimitives(document)).toEqual(describePrimitives(await readThroughObjLoader(text)));
  });

  it('smooths an OBJ without normals into what smoothing + weld() made of the OBJLoader route, with no weld() pass', async () => {
    const text = readFileSync(join(import.meta.dirname, '../../test/corpus/bunny.obj'), 'utf8');
    const before = await readThroughObjLoader(text);
    smoothUnweldedPrimitives(before);
    await before.transform(weld());
    const after = await readModel(new TextEncoder().encode(text), 'obj');
    expect(describePrimitives(after)).toEqual(describePrimitives(before));
    const accessorNames = (document: Document) =>
      document
        .getRoot()
        .listAccessors()
        .map((accessor) => accessor.getName());
    expect(accessorNames(after)).toEqual(accessorNames(before));
  });

  it('makes one mesh and node per object and one material per usemtl name, coloured by CSS names', () => {
    const document = readObj(new TextEncoder().encode(objText()), OPTIONS);
    const root = document.getRoot();
    expect(root.listMeshes().map((mesh) => mesh.getName())).toEqual(['cube']);
    expect(
      root
        .getDefaultScene()!
        .listChildren()
        .map((node) => node.getName()),
    ).toEqual(['cube']);
    expect(root.listMaterials().map((material) => material.getBaseColorFactor())).toEqual([
      [1, 0, 0, 1],
      [0, 0, 1, 1],
    ]);
  });

  it('gives UVs only to the primitives whose faces have vt', () => {
    const text = 'v 0 0 0\nv 1 0 0\nv 0 1 0\nvt 0.25 0.75\nusemtl a\nf 1/1 2/1 3/1\nusemtl b\nf 3 2 1\n';
    const [first, second] = readObj(new TextEncoder().encode(text), OPTIONS).getRoot().listMeshes()[0].listPrimitives();
    expect(Array.from(first.getAttribute('TEXCOORD_0')!.getArray()!)).toEqual([0.25, 0.25, 0.25, 0.25, 0.25, 0.25]);
    expect(second.getAttribute('TEXCOORD_0')).toBeNull();
  });

  it('refuses a coordinate that is not a number, and a file over the triangle budget with its full count', () => {
    expect(() => readObj(new TextEncoder().encode('v 0 0 0\nv 1 zero 0\nv 0 1 0\nf 1 2 3\n'), OPTIONS)).toThrow(
      /coordinate that is not a number/,
    );
    expect(() =>
      readObj(new TextEncoder().encode('v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\nf 1 2 3 1 2\n'), { maxTriangleCount: 2 }),
    ).toThrow(/has 4 triangles; the limit is 2/);
  });
});
