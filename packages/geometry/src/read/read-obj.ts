// Reads Wavefront OBJ text into a glTF-Transform Document through three's OBJLoader. A single upload has no
// .mtl, so each `usemtl` becomes a glTF material of that name (coloured when the name is a CSS colour name).

import { Document, type Material } from '@gltf-transform/core';
import { Color, type BufferGeometry, type Mesh as ThreeMesh, type Material as ThreeMaterial } from 'three';
import { OBJLoader } from 'three/examples/jsm/loaders/OBJLoader.js';
import { ModelInputError } from './model-input-error.ts';
import { threeGeometryToMesh } from './three-geometry-to-mesh.ts';

export interface ReadObjOptions {
  maxTriangleCount: number;
}

/** Statements OBJLoader understands; anything else (curves, `usemap`, junk) is dropped before parsing. */
const KNOWN_KEYWORDS = new Set(['v', 'vn', 'vt', 'f', 'o', 'g', 's', 'usemtl', 'l', 'p']);

export function readObj(bytes: Uint8Array, options: ReadObjOptions): Document {
  const text = decodeObjText(bytes);
  const { filteredText, triangleCount, hasNormals } = prescanObj(text);
  assertTriangleBudget(triangleCount, options.maxTriangleCount);

  let group;
  try {
    group = new OBJLoader().parse(filteredText);
  } catch (error) {
    throw new ModelInputError(`The OBJ file could not be parsed: ${(error as Error).message}`);
  }

  const document = new Document();
  const buffer = document.createBuffer();
  const scene = document.createScene('Scene');
  document.getRoot().setDefaultScene(scene);
  const materials = new Map<string, Material>();
  const materialNamed = (threeMaterial: ThreeMaterial | undefined): Material | null => {
    const name = threeMaterial?.name ?? '';
    if (name === '') return null;
    let material = materials.get(name);
    if (!material) {
      material = document.createMaterial(name).setBaseColorFactor([...colourFromName(name), 1]);
      materials.set(name, material);
    }
    return material;
  };

  group.traverse((object) => {
    if (!(object as ThreeMesh).isMesh) return;
    const threeMesh = object as ThreeMesh<BufferGeometry, ThreeMaterial | ThreeMaterial[]>;
    const threeMaterials = Array.isArray(threeMesh.material) ? threeMesh.material : [threeMesh.material];
    const mesh = threeGeometryToMesh(document, threeMesh.geometry, {
      name: threeMesh.name || 'mesh',
      buffer,
      materialFor: (index) => materialNamed(threeMaterials[index]),
      // Without `vn` lines OBJLoader makes flat normals; read-model.ts welds and smooths such meshes instead.
      keepNormals: hasNormals,
    });
    if (mesh.listPrimitives().length === 0) return mesh.dispose();
    scene.addChild(document.createNode(mesh.getName()).setMesh(mesh));
  });

  if (document.getRoot().listMeshes().length === 0) throw new ModelInputError('The OBJ file contains no faces.');
  return document;
}

function decodeObjText(bytes: Uint8Array): string {
  if (bytes.subarray(0, 64 * 1024).includes(0))
    throw new ModelInputError('The OBJ file is not text: it contains NUL bytes.');
  return new TextDecoder('utf-8').decode(bytes);
}

/** One pass over the lines: keeps what OBJLoader understands and counts the triangles faces will make. */
function prescanObj(text: string): { filteredText: string; triangleCount: number; hasNormals: boolean } {
  const kept: string[] = [];
  let triangleCount = 0;
  let dropped = false;
  let hasNormals = false;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    lineStart = lineEnd + 1;
    const trimmed = line.trimStart();
    const keyword = trimmed.slice(0, firstSpace(trimmed));
    if (!KNOWN_KEYWORDS.has(keyword)) {
      dropped = true;
      continue;
    }
    if (keyword === 'vn') hasNormals = true;
    if (keyword === 'f') triangleCount += Math.max(0, trimmed.split(/\s+/).filter(Boolean).length - 3);
    kept.push(line);
  }
  return { filteredText: dropped ? kept.join('\n') : text, triangleCount, hasNormals };
}

function firstSpace(line: string): number {
  const match = /\s/.exec(line);
  return match ? match.index : line.length;
}

function assertTriangleBudget(triangleCount: number, maxTriangleCount: number): void {
  if (triangleCount > maxTriangleCount) {
    throw new ModelInputError(
      `The OBJ file has ${triangleCount.toLocaleString('en-US')} triangles; the limit is ${maxTriangleCount.toLocaleString('en-US')}. Simplify it before uploading.`,
    );
  }
}

/** Linear RGB for a material named like a CSS colour ("red", "SkyBlue"); white otherwise. */
function colourFromName(name: string): [number, number, number] {
  const hex = (Color.NAMES as Record<string, number>)[name.toLowerCase()];
  if (hex === undefined) return [1, 1, 1];
  const colour = new Color(hex); // three converts sRGB hex to its linear working space
  return [colour.r, colour.g, colour.b];
}
