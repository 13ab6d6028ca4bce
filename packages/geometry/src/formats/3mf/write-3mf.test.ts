import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Document } from '@gltf-transform/core';
import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { hasAssimp } from '../../../test/fixtures/assimp-info.ts';
import {
  HIERARCHY_BOUNDS,
  hierarchyDocument,
  skinnedAnimatedDocument,
  texturedCubeDocument,
  twoMaterialDocument,
} from '../../../test/fixtures/build-fixtures.ts';
import { write3mf } from './write-3mf.ts';

type Vec3 = [number, number, number];
const FIXTURES: Array<{
  name: string;
  build: () => Document;
  triangleCount: number;
  vertexCount: number;
  min: Vec3;
  max: Vec3;
  colors: string[];
}> = [
  {
    name: 'textured cube',
    build: texturedCubeDocument,
    triangleCount: 12,
    vertexCount: 8,
    min: [-0.5, -0.5, -0.5],
    max: [0.5, 0.5, 0.5],
    colors: ['checker #FFFFFFFF'],
  },
  {
    name: 'two materials',
    build: twoMaterialDocument,
    triangleCount: 24,
    vertexCount: 16,
    min: [-1.5, -0.5, -0.5],
    max: [1.5, 0.5, 0.5],
    colors: ['red #FF0000FF', 'blue #0000FFFF'],
  },
  {
    name: 'node hierarchy',
    build: hierarchyDocument,
    triangleCount: 24,
    vertexCount: 16,
    min: HIERARCHY_BOUNDS.min,
    max: HIERARCHY_BOUNDS.max,
    colors: ['grey #BCBCBCFF'],
  },
  {
    name: 'skinned + animated (rest pose)',
    build: skinnedAnimatedDocument,
    triangleCount: 4,
    vertexCount: 6,
    min: [-0.5, 0, 0],
    max: [0.5, 2, 0],
    colors: ['skin #E7CBBCFF'],
  },
];

const scratch = mkdtempSync(join(tmpdir(), 'polyforge-3mf-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** glTF Y-up metres → 3MF Z-up millimetres: (x, y, z) → 1000 (x, −z, y). */
/** Z up, millimetres, standing on the build plate: glTF's lowest y becomes z = 0. */
function expected3mfBounds({ min, max }: { min: Vec3; max: Vec3 }) {
  return { min: [min[0] * 1000, -max[2] * 1000, 0], max: [max[0] * 1000, -min[2] * 1000, (max[1] - min[1]) * 1000] };
}

function parseModel(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['object', 'vertex', 'triangle', 'base', 'item'].includes(name),
  });
  return { files, model: parser.parse(new TextDecoder().decode(files['3D/3dmodel.model'])).model };
}

describe('write3mf', () => {
  describe.each(FIXTURES)('$name', (fixture) => {
    it.skipIf(!hasAssimp)('is read by assimp with the same faces, welded vertices and bounds (Z up, mm)', () => {
      const path = join(scratch, `${fixture.name.replace(/\W+/g, '-')}.3mf`);
      writeFileSync(path, write3mf(fixture.build()));
      const output = execFileSync('assimp', ['info', path], { encoding: 'utf8' });
      expect(Number(/^Faces:\s+(\d+)/m.exec(output)![1])).toBe(fixture.triangleCount);
      expect(Number(/^Vertices:\s+(\d+)/m.exec(output)![1])).toBe(fixture.vertexCount);
      expect(Number(/^Materials:\s+(\d+)/m.exec(output)![1])).toBe(fixture.colors.length);
      const point = (label: string) =>
        new RegExp(`^${label} point\\s+\\(([^)]*)\\)`, 'm').exec(output)![1].trim().split(/\s+/).map(Number);
      const expected = expected3mfBounds(fixture);
      for (let axis = 0; axis < 3; axis++) {
        expect(point('Minimum')[axis]).toBeCloseTo(expected.min[axis], 2);
        expect(point('Maximum')[axis]).toBeCloseTo(expected.max[axis], 2);
      }
    });

    it('is an OPC package whose model has sRGB base colours, closed outward-facing boxes and a build item per object', () => {
      const { files, model } = parseModel(write3mf(fixture.build()));
      expect(Object.keys(files).sort()).toEqual(['3D/3dmodel.model', '[Content_Types].xml', '_rels/.rels']);
      expect(new TextDecoder().decode(files['_rels/.rels'])).toContain('Target="/3D/3dmodel.model"');
      expect(model.unit).toBe('millimeter');
      expect(
        model.resources.basematerials.base.map(
          (base: { name: string; displaycolor: string }) => `${base.name} ${base.displaycolor}`,
        ),
      ).toEqual(fixture.colors);
      const objects = model.resources.object as Array<{
        id: string;
        mesh: {
          vertices: { vertex: Array<Record<'x' | 'y' | 'z', string>> };
          triangles: { triangle: Array<Record<'v1' | 'v2' | 'v3', string>> };
        };
      }>;
      expect(model.build.item.map((item: { objectid: string }) => item.objectid)).toEqual(
        objects.map((object) => object.id),
      );
      expect(objects.reduce((sum, object) => sum + object.mesh.triangles.triangle.length, 0)).toBe(
        fixture.triangleCount,
      );
      if (fixture.name === 'skinned + animated (rest pose)') return; // an open strip
      for (const object of objects) {
        const vertices = object.mesh.vertices.vertex.map((vertex) => [
          Number(vertex.x),
          Number(vertex.y),
          Number(vertex.z),
        ]);
        const edges = new Map<string, number>();
        let volume = 0;
        for (const { v1, v2, v3 } of object.mesh.triangles.triangle) {
          const [a, b, c] = [v1, v2, v3].map(Number);
          for (const [from, to] of [
            [a, b],
            [b, c],
            [c, a],
          ])
            edges.set(`${from}>${to}`, (edges.get(`${from}>${to}`) ?? 0) + 1);
          const [p, q, r] = [vertices[a], vertices[b], vertices[c]];
          volume +=
            (p[0] * (q[1] * r[2] - q[2] * r[1]) -
              p[1] * (q[0] * r[2] - q[2] * r[0]) +
              p[2] * (q[0] * r[1] - q[1] * r[0])) /
            6;
        }
        // Closed and consistently oriented: every directed edge once, and its reverse once.
        for (const [edge, count] of edges) {
          const [from, to] = edge.split('>');
          expect(count).toBe(1);
          expect(edges.get(`${to}>${from}`)).toBe(1);
        }
        expect(volume).toBeGreaterThan(0); // outward normals: positive signed volume (mirrored instance included)
      }
    });
  });
});
