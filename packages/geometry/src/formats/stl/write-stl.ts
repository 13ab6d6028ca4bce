// Writes a Document's default scene as binary STL, in world space. Written by hand: the format is an 80-byte
// header, a uint32 triangle count and 50 bytes per triangle (normal, three vertices, a uint16 attribute), so
// a library would add nothing. Facet normals are computed from the winding, which is what STL readers trust.
// Written in the print frame (print-frame.ts): Z up, standing on the build plate, in the model's own units.

import type { Document } from '@gltf-transform/core';
import { collectWorldTriangles } from '../../mesh/collect-world-triangles.ts';
import { buildPlateLift, toPrintFrame } from '../../mesh/print-frame.ts';

const HEADER_TEXT = 'Binary STL written by Polyforge';

export function writeStl(document: Document): Uint8Array {
  const primitives = collectWorldTriangles(document);
  const triangleCount = primitives.reduce((sum, primitive) => sum + primitive.indices.length / 3, 0);
  const bytes = new Uint8Array(84 + 50 * triangleCount);
  bytes.set(new TextEncoder().encode(HEADER_TEXT));
  const view = new DataView(bytes.buffer);
  view.setUint32(80, triangleCount, true);

  const lift = buildPlateLift(primitives);
  let offset = 84;
  for (const primitive of primitives) {
    const { indices } = primitive;
    const positions = new Float32Array(primitive.positions.length);
    for (let index = 0; index < positions.length; index += 3) {
      toPrintFrame(
        primitive.positions[index],
        primitive.positions[index + 1],
        primitive.positions[index + 2],
        lift,
        positions,
        index,
      );
    }
    for (let corner = 0; corner < indices.length; corner += 3) {
      const a = indices[corner] * 3,
        b = indices[corner + 1] * 3,
        c = indices[corner + 2] * 3;
      const ux = positions[b] - positions[a],
        uy = positions[b + 1] - positions[a + 1],
        uz = positions[b + 2] - positions[a + 2];
      const vx = positions[c] - positions[a],
        vy = positions[c + 1] - positions[a + 1],
        vz = positions[c + 2] - positions[a + 2];
      let nx = uy * vz - uz * vy,
        ny = uz * vx - ux * vz,
        nz = ux * vy - uy * vx;
      const length = Math.hypot(nx, ny, nz);
      if (length > 0) {
        nx /= length;
        ny /= length;
        nz /= length;
      }
      view.setFloat32(offset, nx, true);
      view.setFloat32(offset + 4, ny, true);
      view.setFloat32(offset + 8, nz, true);
      offset += 12;
      for (const vertex of [a, b, c]) {
        view.setFloat32(offset, positions[vertex], true);
        view.setFloat32(offset + 4, positions[vertex + 1], true);
        view.setFloat32(offset + 8, positions[vertex + 2], true);
        offset += 12;
      }
      offset += 2; // attribute byte count: zero
    }
  }
  return bytes;
}
