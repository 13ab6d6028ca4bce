// A small real generator for the example worker: reads a shape and a colour from the prompt ("a red torus")
// and builds that parametric mesh (UV sphere, box, cylinder, cone, torus) with normals, as a GLB written by
// glTF-Transform. Standard parametric surfaces; no library builds these as glTF primitives directly.
import { Document, NodeIO } from '@gltf-transform/core';

export const SHAPES = ['sphere', 'box', 'cylinder', 'cone', 'torus'] as const;
export type Shape = (typeof SHAPES)[number];

const SHAPE_WORDS: Record<string, Shape> = {
  sphere: 'sphere',
  ball: 'sphere',
  planet: 'sphere',
  orb: 'sphere',
  cube: 'box',
  box: 'box',
  crate: 'box',
  block: 'box',
  cylinder: 'cylinder',
  can: 'cylinder',
  tower: 'cylinder',
  pillar: 'cylinder',
  cone: 'cone',
  spike: 'cone',
  pyramid: 'cone',
  torus: 'torus',
  ring: 'torus',
  donut: 'torus',
  doughnut: 'torus',
};

const COLOUR_WORDS: Record<string, [number, number, number]> = {
  red: [0.8, 0.1, 0.1],
  green: [0.1, 0.6, 0.2],
  blue: [0.1, 0.3, 0.8],
  yellow: [0.9, 0.8, 0.1],
  orange: [0.9, 0.45, 0.1],
  purple: [0.5, 0.2, 0.7],
  pink: [0.9, 0.5, 0.7],
  white: [0.95, 0.95, 0.95],
  black: [0.05, 0.05, 0.05],
  grey: [0.5, 0.5, 0.5],
  gray: [0.5, 0.5, 0.5],
  brown: [0.45, 0.3, 0.15],
  gold: [0.85, 0.65, 0.2],
};

export interface MeshData {
  positions: Float32Array;
  normals: Float32Array;
  indices: Uint32Array;
}

export function describePrompt(prompt: string): { shape: Shape; colour: [number, number, number] } {
  const words = prompt.toLowerCase().match(/[a-z]+/g) ?? [];
  const shape = words.map((word) => SHAPE_WORDS[word]).find(Boolean) ?? 'sphere';
  const colour = words.map((word) => COLOUR_WORDS[word]).find(Boolean) ?? [0.7, 0.7, 0.7];
  return { shape, colour };
}

export function buildShape(shape: Shape, segments = 32): MeshData {
  switch (shape) {
    case 'sphere':
      return surface(segments, segments / 2, (u, v) => {
        const theta = u * 2 * Math.PI;
        const phi = v * Math.PI;
        const normal: Vec3 = [Math.sin(phi) * Math.cos(theta), Math.cos(phi), Math.sin(phi) * Math.sin(theta)];
        return { position: scale(normal, 0.5), normal };
      });
    case 'torus':
      return surface(segments, segments / 2, (u, v) => {
        const theta = u * 2 * Math.PI;
        const phi = v * 2 * Math.PI;
        const normal: Vec3 = [Math.cos(phi) * Math.cos(theta), Math.sin(phi), Math.cos(phi) * Math.sin(theta)];
        const ringCentre: Vec3 = [0.35 * Math.cos(theta), 0, 0.35 * Math.sin(theta)];
        return { position: add(ringCentre, scale(normal, 0.15)), normal };
      });
    case 'cylinder':
      return merge([
        surface(segments, 1, (u, v) => {
          const normal: Vec3 = [Math.cos(u * 2 * Math.PI), 0, Math.sin(u * 2 * Math.PI)];
          return { position: [normal[0] * 0.4, 0.5 - v, normal[2] * 0.4], normal };
        }),
        disc(segments, 0.4, 0.5, 1),
        disc(segments, 0.4, -0.5, -1),
      ]);
    case 'cone': {
      const slope = Math.hypot(1, 0.4);
      return merge([
        surface(segments, 1, (u, v) => {
          const angle = u * 2 * Math.PI;
          const radius = 0.4 * v;
          return {
            position: [radius * Math.cos(angle), 0.5 - v, radius * Math.sin(angle)],
            normal: [Math.cos(angle) / slope, 0.4 / slope, Math.sin(angle) / slope],
          };
        }),
        disc(segments, 0.4, -0.5, -1),
      ]);
    }
    case 'box': {
      const faces: [Vec3, Vec3, Vec3][] = [
        [
          [1, 0, 0],
          [0, 0, -1],
          [0, 1, 0],
        ],
        [
          [-1, 0, 0],
          [0, 0, 1],
          [0, 1, 0],
        ],
        [
          [0, 1, 0],
          [1, 0, 0],
          [0, 0, -1],
        ],
        [
          [0, -1, 0],
          [1, 0, 0],
          [0, 0, 1],
        ],
        [
          [0, 0, 1],
          [1, 0, 0],
          [0, 1, 0],
        ],
        [
          [0, 0, -1],
          [-1, 0, 0],
          [0, 1, 0],
        ],
      ];
      return merge(
        faces.map(([normal, right, up]) =>
          surface(1, 1, (u, v) => ({
            position: add(scale(normal, 0.5), add(scale(right, u - 0.5), scale(up, 0.5 - v))),
            normal,
          })),
        ),
      );
    }
  }
}

export async function meshToGlb(mesh: MeshData, colour: [number, number, number], name: string): Promise<Uint8Array> {
  const document = new Document();
  const buffer = document.createBuffer();
  const material = document
    .createMaterial(name)
    .setBaseColorFactor([...colour, 1])
    .setRoughnessFactor(0.6)
    .setMetallicFactor(0);
  const primitive = document
    .createPrimitive()
    .setAttribute('POSITION', document.createAccessor().setType('VEC3').setArray(mesh.positions).setBuffer(buffer))
    .setAttribute('NORMAL', document.createAccessor().setType('VEC3').setArray(mesh.normals).setBuffer(buffer))
    .setIndices(document.createAccessor().setType('SCALAR').setArray(mesh.indices).setBuffer(buffer))
    .setMaterial(material);
  const node = document.createNode(name).setMesh(document.createMesh(name).addPrimitive(primitive));
  document.createScene('scene').addChild(node);
  return new NodeIO().writeBinary(document);
}

type Vec3 = [number, number, number];

/** A (columns × rows) grid over u, v ∈ [0, 1], wound so the front faces look along the normals. */
function surface(
  columns: number,
  rows: number,
  at: (u: number, v: number) => { position: Vec3; normal: Vec3 },
): MeshData {
  const positions: number[] = [];
  const normals: number[] = [];
  const indices: number[] = [];
  for (let row = 0; row <= rows; row += 1) {
    for (let column = 0; column <= columns; column += 1) {
      const point = at(column / columns, row / rows);
      positions.push(...point.position);
      normals.push(...point.normal);
    }
  }
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      const a = row * (columns + 1) + column;
      const b = a + columns + 1;
      indices.push(a, a + 1, b, a + 1, b + 1, b);
    }
  }
  return orient({
    positions: new Float32Array(positions),
    normals: new Float32Array(normals),
    indices: new Uint32Array(indices),
  });
}

function disc(segments: number, radius: number, height: number, facing: 1 | -1): MeshData {
  const positions = [0, height, 0];
  const normals = [0, facing, 0];
  const indices: number[] = [];
  for (let index = 0; index <= segments; index += 1) {
    const angle = (index / segments) * 2 * Math.PI;
    positions.push(radius * Math.cos(angle), height, radius * Math.sin(angle));
    normals.push(0, facing, 0);
    if (index > 0) indices.push(0, index, index + 1);
  }
  return orient({
    positions: new Float32Array(positions),
    normals: new Float32Array(normals),
    indices: new Uint32Array(indices),
  });
}

/** Flips triangles whose winding disagrees with their vertex normals (so every shape is front-facing outwards). */
function orient(mesh: MeshData): MeshData {
  const { positions: p, normals: n, indices } = mesh;
  for (let index = 0; index < indices.length; index += 3) {
    const [a, b, c] = [indices[index] * 3, indices[index + 1] * 3, indices[index + 2] * 3];
    const edge1 = [p[b] - p[a], p[b + 1] - p[a + 1], p[b + 2] - p[a + 2]];
    const edge2 = [p[c] - p[a], p[c + 1] - p[a + 1], p[c + 2] - p[a + 2]];
    const cross = [
      edge1[1] * edge2[2] - edge1[2] * edge2[1],
      edge1[2] * edge2[0] - edge1[0] * edge2[2],
      edge1[0] * edge2[1] - edge1[1] * edge2[0],
    ];
    const facing =
      cross[0] * (n[a] + n[b] + n[c]) +
      cross[1] * (n[a + 1] + n[b + 1] + n[c + 1]) +
      cross[2] * (n[a + 2] + n[b + 2] + n[c + 2]);
    if (facing < 0) [indices[index + 1], indices[index + 2]] = [indices[index + 2], indices[index + 1]];
  }
  return mesh;
}

function merge(parts: MeshData[]): MeshData {
  const vertexCount = parts.reduce((sum, part) => sum + part.positions.length / 3, 0);
  const indexCount = parts.reduce((sum, part) => sum + part.indices.length, 0);
  const positions = new Float32Array(vertexCount * 3);
  const normals = new Float32Array(vertexCount * 3);
  const indices = new Uint32Array(indexCount);
  let vertexOffset = 0;
  let indexOffset = 0;
  for (const part of parts) {
    positions.set(part.positions, vertexOffset * 3);
    normals.set(part.normals, vertexOffset * 3);
    for (let index = 0; index < part.indices.length; index += 1)
      indices[indexOffset + index] = part.indices[index] + vertexOffset;
    vertexOffset += part.positions.length / 3;
    indexOffset += part.indices.length;
  }
  return { positions, normals, indices };
}

function add(a: Vec3, b: Vec3): Vec3 {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
}

function scale(a: Vec3, factor: number): Vec3 {
  return [a[0] * factor, a[1] * factor, a[2] * factor];
}
