// A primitive as a USD Mesh: its faces (triangles, or the optional quad faces), points, extent, vertex normals,
// primvars:st and displayColor, and its skin's joint indices and weights when it is bound to a skeleton.
import type { WorldPrimitive } from '../../mesh/collect-world-triangles.ts';
import { formatNumber, tuples } from './usda-values.ts';

export interface Faces {
  counts: Int32Array;
  indices: Uint32Array;
}

export function faceList(primitive: WorldPrimitive, mirrored: boolean, quadFaces: number[][] | undefined): Faces {
  if (!quadFaces) return { counts: new Int32Array(primitive.indices.length / 3).fill(3), indices: primitive.indices };
  const vertexCount = primitive.positions.length / 3;
  const counts = new Int32Array(quadFaces.length);
  const indices = new Uint32Array(quadFaces.reduce((sum, face) => sum + face.length, 0));
  let corner = 0;
  quadFaces.forEach((face, index) => {
    counts[index] = face.length;
    for (let k = 0; k < face.length; k++) {
      const vertex = face[mirrored ? (face.length - k) % face.length : k];
      if (!(vertex >= 0 && vertex < vertexCount)) throw new Error(`writeUsdz: face vertex ${vertex} out of range`);
      indices[corner++] = vertex;
    }
  });
  return { counts, indices };
}

export interface MeshSkinning {
  skeletonPath: string;
  width: number;
  indices: Int32Array;
  values: Float32Array;
}

export function meshText(
  name: string,
  primitive: WorldPrimitive,
  faces: Faces,
  materialPath: string,
  skinning?: MeshSkinning,
): string {
  const { positions, normals, uvs, colors } = primitive;
  const min = [Infinity, Infinity, Infinity],
    max = [-Infinity, -Infinity, -Infinity];
  for (let offset = 0; offset < positions.length; offset += 3) {
    for (let axis = 0; axis < 3; axis++) {
      min[axis] = Math.min(min[axis], positions[offset + axis]);
      max[axis] = Math.max(max[axis], positions[offset + axis]);
    }
  }
  const lines = [
    `    def Mesh "${name}" (`,
    `        prepend apiSchemas = [${skinning ? '"SkelBindingAPI", ' : ''}"MaterialBindingAPI"]`,
    '    )',
    '    {',
    `        float3[] extent = [${tuples([...min, ...max], 3)}]`,
    `        int[] faceVertexCounts = [${Array.from(faces.counts).join(', ')}]`,
    `        int[] faceVertexIndices = [${Array.from(faces.indices).join(', ')}]`,
    `        rel material:binding = <${materialPath}>`,
    `        point3f[] points = [${tuples(positions, 3)}]`,
  ];
  if (normals) {
    lines.push(
      `        normal3f[] normals = [${tuples(normals, 3)}] (`,
      '            interpolation = "vertex"',
      '        )',
    );
  }
  if (uvs) {
    const flipped = new Float32Array(uvs.length);
    for (let index = 0; index < uvs.length; index += 2) {
      flipped[index] = uvs[index];
      flipped[index + 1] = 1 - uvs[index + 1]; // USD's st origin is bottom-left
    }
    lines.push(
      `        texCoord2f[] primvars:st = [${tuples(flipped, 2)}] (`,
      '            interpolation = "vertex"',
      '        )',
    );
  }
  if (colors) {
    const srgb = Array.from(colors, (value) => toSrgb(value)); // displayColor is authored in display (sRGB) values
    lines.push(
      `        color3f[] primvars:displayColor = [${tuples(srgb, 3)}] (`,
      '            interpolation = "vertex"',
      '        )',
    );
  }
  if (skinning) {
    lines.push(
      `        int[] primvars:skel:jointIndices = [${Array.from(skinning.indices).join(', ')}] (`,
      `            elementSize = ${skinning.width}`,
      '            interpolation = "vertex"',
      '        )',
      `        float[] primvars:skel:jointWeights = [${Array.from(skinning.values, formatNumber).join(', ')}] (`,
      `            elementSize = ${skinning.width}`,
      '            interpolation = "vertex"',
      '        )',
      '        matrix4d primvars:skel:geomBindTransform = ((1, 0, 0, 0), (0, 1, 0, 0), (0, 0, 1, 0), (0, 0, 0, 1))',
      `        rel skel:skeleton = <${skinning.skeletonPath}>`,
    );
  }
  lines.push('        uniform token subdivisionScheme = "none"', '    }');
  return lines.join('\n');
}

function toSrgb(linear: number): number {
  const value = Math.min(1, Math.max(0, linear));
  return value <= 0.0031308 ? value * 12.92 : 1.055 * value ** (1 / 2.4) - 0.055;
}
