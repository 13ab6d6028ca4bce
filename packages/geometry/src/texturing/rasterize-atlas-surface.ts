// The texture-space geometry buffer of the baker: every atlas texel whose centre lies inside a triangle in UV
// space gets that triangle, its barycentric coordinates, and the surface point and normal there (world space),
// so the colour passes only look up per-texel data. Half-space rasterisation over each triangle's texel
// bounding box (Pineda 1988), texel centres at (i + 0.5) / size; xatlas charts do not overlap, so each covered
// texel belongs to exactly one triangle.

export interface AtlasTriangles {
  /** World-space xyz per vertex. */
  positions: Float32Array;
  /** World-space unit normal per vertex, when the mesh has them (else face normals are used). */
  normals?: Float32Array;
  uvs: Float32Array;
  indices: Uint32Array;
}

export interface AtlasSurface {
  size: number;
  /** Triangle (index into the concatenated list) per texel, -1 where no chart covers it. */
  triangleOf: Int32Array;
  /** Barycentric weights of vertices 1 and 2 per covered texel (vertex 0 gets the rest). */
  barycentric: Float32Array;
  /** Covered texels in raster order, with their surface point and normal (xyz each). */
  texels: Int32Array;
  points: Float32Array;
  normals: Float32Array;
}

export function rasterizeAtlasSurface(meshes: AtlasTriangles[], size: number): AtlasSurface {
  const triangleOf = new Int32Array(size * size).fill(-1);
  const barycentric = new Float32Array(size * size * 2);
  const firstTriangles: number[] = [];
  let firstTriangle = 0;
  for (const mesh of meshes) {
    firstTriangles.push(firstTriangle);
    rasterizeMesh(mesh, size, firstTriangle, triangleOf, barycentric);
    firstTriangle += mesh.indices.length / 3;
  }

  let covered = 0;
  for (let texel = 0; texel < triangleOf.length; texel++) if (triangleOf[texel] >= 0) covered++;
  const texels = new Int32Array(covered);
  const points = new Float32Array(covered * 3);
  const normals = new Float32Array(covered * 3);
  let slot = 0;
  let meshIndex = 0;
  for (let texel = 0; texel < triangleOf.length; texel++) {
    const triangle = triangleOf[texel];
    if (triangle < 0) continue;
    // Binary search for the mesh only when the triangle is outside the last one's range.
    if (
      triangle < firstTriangles[meshIndex] ||
      (meshIndex + 1 < meshes.length && triangle >= firstTriangles[meshIndex + 1])
    ) {
      let low = 0,
        high = meshes.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (firstTriangles[middle] <= triangle) low = middle;
        else high = middle - 1;
      }
      meshIndex = low;
    }
    const mesh = meshes[meshIndex];
    const p = mesh.positions,
      n = mesh.normals;
    const local = triangle - firstTriangles[meshIndex];
    const a = mesh.indices[local * 3] * 3,
      b = mesh.indices[local * 3 + 1] * 3,
      c = mesh.indices[local * 3 + 2] * 3;
    const w1 = barycentric[texel * 2],
      w2 = barycentric[texel * 2 + 1],
      w0 = 1 - w1 - w2;
    const out = slot * 3;
    texels[slot] = texel;
    points[out] = w0 * p[a] + w1 * p[b] + w2 * p[c];
    points[out + 1] = w0 * p[a + 1] + w1 * p[b + 1] + w2 * p[c + 1];
    points[out + 2] = w0 * p[a + 2] + w1 * p[b + 2] + w2 * p[c + 2];
    let nx: number, ny: number, nz: number;
    if (n) {
      nx = w0 * n[a] + w1 * n[b] + w2 * n[c];
      ny = w0 * n[a + 1] + w1 * n[b + 1] + w2 * n[c + 1];
      nz = w0 * n[a + 2] + w1 * n[b + 2] + w2 * n[c + 2];
    } else {
      const ux = p[b] - p[a],
        uy = p[b + 1] - p[a + 1],
        uz = p[b + 2] - p[a + 2];
      const vx = p[c] - p[a],
        vy = p[c + 1] - p[a + 1],
        vz = p[c + 2] - p[a + 2];
      nx = uy * vz - uz * vy;
      ny = uz * vx - ux * vz;
      nz = ux * vy - uy * vx;
    }
    const length = Math.sqrt(nx * nx + ny * ny + nz * nz) || 1;
    normals[out] = nx / length;
    normals[out + 1] = ny / length;
    normals[out + 2] = nz / length;
    slot++;
  }
  return { size, triangleOf, barycentric, texels, points, normals };
}

function rasterizeMesh(
  mesh: AtlasTriangles,
  size: number,
  firstTriangle: number,
  triangleOf: Int32Array,
  barycentric: Float32Array,
): void {
  const { uvs, indices } = mesh;
  for (let triangle = 0; triangle < indices.length / 3; triangle++) {
    const a = indices[triangle * 3],
      b = indices[triangle * 3 + 1],
      c = indices[triangle * 3 + 2];
    const x0 = uvs[a * 2] * size,
      y0 = uvs[a * 2 + 1] * size;
    const x1 = uvs[b * 2] * size,
      y1 = uvs[b * 2 + 1] * size;
    const x2 = uvs[c * 2] * size,
      y2 = uvs[c * 2 + 1] * size;
    const area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
    if (!(Math.abs(area) > 1e-12)) continue;
    const minX = Math.max(0, Math.floor(Math.min(x0, x1, x2))),
      maxX = Math.min(size - 1, Math.ceil(Math.max(x0, x1, x2)));
    const minY = Math.max(0, Math.floor(Math.min(y0, y1, y2))),
      maxY = Math.min(size - 1, Math.ceil(Math.max(y0, y1, y2)));
    const inverse = 1 / area;
    for (let y = minY; y <= maxY; y++) {
      const py = y + 0.5;
      for (let x = minX; x <= maxX; x++) {
        const px = x + 0.5;
        // Barycentric weights of b and c from signed sub-areas; inside when all three are ≥ 0.
        const w1 = ((px - x0) * (y2 - y0) - (x2 - x0) * (py - y0)) * inverse;
        const w2 = ((x1 - x0) * (py - y0) - (px - x0) * (y1 - y0)) * inverse;
        if (w1 < -1e-6 || w2 < -1e-6 || w1 + w2 > 1 + 1e-6) continue;
        const texel = y * size + x;
        triangleOf[texel] = firstTriangle + triangle;
        barycentric[texel * 2] = w1;
        barycentric[texel * 2 + 1] = w2;
      }
    }
  }
}
