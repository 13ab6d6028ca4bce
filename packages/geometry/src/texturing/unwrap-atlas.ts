// UV unwrapping for texture_model with xatlas (watlas, its WebAssembly build): charts, parametrisation and packing
// of one or several meshes into one atlas. xatlas's chart growing is superlinear in chart size (a closed 82k-
// triangle sphere took 49 s here with defaults), so charts are bounded (maxBoundaryLength, in units of the
// model's size) and big meshes are first cut into spatial pieces of at most `maxPieceFaces` triangles by
// recursive median splits of the face centroids (a k-d tree), each added to the atlas as its own mesh; piece
// borders become seams, which the texture baker's dilation hides. Packing aims at `atlasSize` texels: the
// texel density is estimated from the surface area, then corrected once from the packed size.
import * as watlas from 'watlas';

export interface UnwrapInput {
  /** xyz per vertex, in a common (world) space so texel density is even across meshes. */
  positions: Float32Array;
  indices: Uint32Array;
}

export interface UnwrappedMesh {
  /** For each output vertex, the input vertex it copies (xatlas splits vertices along seams). */
  sourceVertex: Uint32Array;
  /** Three output vertex ids per triangle; triangle order may differ from the input's. */
  indices: Uint32Array;
  /** uv per output vertex in [0, 1], v = 0 at the atlas's first row (glTF's convention). */
  uvs: Float32Array;
}

export interface UnwrapOptions {
  atlasSize: number;
  paddingTexels?: number;
  maxPieceFaces?: number;
  /** Longest chart boundary, as a fraction of the bounding box diagonal of all inputs. */
  maxBoundaryFraction?: number;
}

export const UNWRAP_DEFAULTS = { paddingTexels: 3, maxPieceFaces: 12_000, maxBoundaryFraction: 0.1 } as const;

let initialised: Promise<void> | undefined;

export async function unwrapAtlas(inputs: UnwrapInput[], options: UnwrapOptions): Promise<UnwrappedMesh[]> {
  initialised ??= watlas.Initialize();
  await initialised;
  const settings = { ...UNWRAP_DEFAULTS, ...options };
  const diagonal = boundingDiagonal(inputs);
  let surfaceArea = 0;
  const pieces: Array<{ input: number; vertices: Uint32Array; indices: Uint32Array }> = [];
  inputs.forEach((input, inputIndex) => {
    surfaceArea += meshArea(input);
    for (const faces of splitFaces(input, settings.maxPieceFaces))
      pieces.push({ input: inputIndex, ...compactPiece(input, faces) });
  });

  const atlas = new watlas.Atlas();
  try {
    for (const piece of pieces) {
      const source = inputs[piece.input].positions;
      const positions = new Float32Array(piece.vertices.length * 3);
      piece.vertices.forEach((vertex, index) => positions.set(source.subarray(vertex * 3, vertex * 3 + 3), index * 3));
      atlas.addMesh({
        vertexPositionData: positions,
        vertexCount: piece.vertices.length,
        vertexPositionStride: 12,
        indexData: piece.indices,
        indexCount: piece.indices.length,
      });
    }
    atlas.computeCharts({ maxBoundaryLength: settings.maxBoundaryFraction * diagonal, fixWinding: true });
    // Packed area ≈ surface area × density² / efficiency; xatlas ignores `resolution` here, so density it is.
    const efficiency = 0.6;
    let texelsPerUnit = settings.atlasSize * Math.sqrt(efficiency / Math.max(surfaceArea, 1e-12));
    atlas.packCharts({ texelsPerUnit, padding: settings.paddingTexels, bilinear: true, blockAlign: false });
    const packedSide = Math.max(atlas.width, atlas.height);
    if (packedSide > settings.atlasSize || packedSide < settings.atlasSize * 0.85) {
      texelsPerUnit *= (settings.atlasSize * 0.97) / packedSide;
      atlas.packCharts({ texelsPerUnit, padding: settings.paddingTexels, bilinear: true, blockAlign: false });
    }
    const width = atlas.width,
      height = atlas.height;
    const side = Math.max(width, height, 1);

    const perInput = inputs.map(() => ({ sourceVertex: [] as number[], indices: [] as number[], uvs: [] as number[] }));
    pieces.forEach((piece, meshIndex) => {
      const mesh = atlas.getMesh(meshIndex);
      const out = perInput[piece.input];
      const base = out.sourceVertex.length;
      for (let vertex = 0; vertex < mesh.vertexCount; vertex++) {
        const { uv, xref } = mesh.getVertex(vertex);
        out.sourceVertex.push(piece.vertices[xref]);
        // Square texture of `side` texels: UVs scale by the longer side so the atlas keeps its aspect.
        out.uvs.push(uv[0] / side, uv[1] / side);
      }
      const indices = new Uint32Array(mesh.indexCount);
      mesh.getIndexArray(indices);
      for (const index of indices) out.indices.push(base + index);
    });
    return perInput.map((out) => ({
      sourceVertex: Uint32Array.from(out.sourceVertex),
      indices: Uint32Array.from(out.indices),
      uvs: Float32Array.from(out.uvs),
    }));
  } finally {
    atlas.delete();
  }
}

/** Face lists of at most `maxFaces` each, by recursive median splits of the centroids along the longest axis. */
function splitFaces(input: UnwrapInput, maxFaces: number): Uint32Array[] {
  const faceCount = input.indices.length / 3;
  const centroids = new Float32Array(faceCount * 3);
  for (let face = 0; face < faceCount; face++) {
    for (let axis = 0; axis < 3; axis++) {
      centroids[face * 3 + axis] =
        (input.positions[input.indices[face * 3] * 3 + axis] +
          input.positions[input.indices[face * 3 + 1] * 3 + axis] +
          input.positions[input.indices[face * 3 + 2] * 3 + axis]) /
        3;
    }
  }
  const out: Uint32Array[] = [];
  const stack = [Uint32Array.from({ length: faceCount }, (_, face) => face)];
  while (stack.length > 0) {
    const faces = stack.pop()!;
    if (faces.length <= maxFaces) {
      if (faces.length > 0) out.push(faces);
      continue;
    }
    const min = [Infinity, Infinity, Infinity],
      max = [-Infinity, -Infinity, -Infinity];
    for (const face of faces) {
      for (let axis = 0; axis < 3; axis++) {
        min[axis] = Math.min(min[axis], centroids[face * 3 + axis]);
        max[axis] = Math.max(max[axis], centroids[face * 3 + axis]);
      }
    }
    const axis = [0, 1, 2].reduce(
      (best, candidate) => (max[candidate] - min[candidate] > max[best] - min[best] ? candidate : best),
      0,
    );
    const sorted = Array.from(faces).sort((a, b) => centroids[a * 3 + axis] - centroids[b * 3 + axis]);
    const half = sorted.length >> 1;
    stack.push(Uint32Array.from(sorted.slice(0, half)), Uint32Array.from(sorted.slice(half)));
  }
  return out;
}

function compactPiece(input: UnwrapInput, faces: Uint32Array): { vertices: Uint32Array; indices: Uint32Array } {
  const local = new Map<number, number>();
  const indices = new Uint32Array(faces.length * 3);
  faces.forEach((face, slot) => {
    for (let corner = 0; corner < 3; corner++) {
      const vertex = input.indices[face * 3 + corner];
      let index = local.get(vertex);
      if (index === undefined) local.set(vertex, (index = local.size));
      indices[slot * 3 + corner] = index;
    }
  });
  return { vertices: Uint32Array.from(local.keys()), indices };
}

function meshArea(input: UnwrapInput): number {
  let area = 0;
  const p = input.positions;
  for (let face = 0; face < input.indices.length; face += 3) {
    const a = input.indices[face] * 3,
      b = input.indices[face + 1] * 3,
      c = input.indices[face + 2] * 3;
    const ux = p[b] - p[a],
      uy = p[b + 1] - p[a + 1],
      uz = p[b + 2] - p[a + 2];
    const vx = p[c] - p[a],
      vy = p[c + 1] - p[a + 1],
      vz = p[c + 2] - p[a + 2];
    area += Math.hypot(uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx) / 2;
  }
  return area;
}

function boundingDiagonal(inputs: UnwrapInput[]): number {
  const min = [Infinity, Infinity, Infinity],
    max = [-Infinity, -Infinity, -Infinity];
  for (const { positions } of inputs) {
    for (let index = 0; index < positions.length; index += 3) {
      for (let axis = 0; axis < 3; axis++) {
        min[axis] = Math.min(min[axis], positions[index + axis]);
        max[axis] = Math.max(max[axis], positions[index + axis]);
      }
    }
  }
  return min[0] === Infinity ? 1 : Math.hypot(max[0] - min[0], max[1] - min[1], max[2] - min[2]) || 1;
}
