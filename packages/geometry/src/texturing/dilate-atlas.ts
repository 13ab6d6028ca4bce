// Gutter fill for a baked atlas: texels outside every chart copy the mean of their covered (or already filled)
// 8-neighbours, ring by ring, `rings` times, so bilinear filtering and mipmaps at chart borders read the chart's
// own colours rather than the background; the texels still empty after that take the atlas's mean colour.
// Each ring only visits the empty neighbours of the previous one. Works in place on RGBA bytes.

export function dilateAtlas(rgba: Uint8Array, size: number, covered: Uint8Array, rings = 8): void {
  const known = Uint8Array.from(covered);
  const queued = new Uint8Array(size * size);
  let candidates: number[] = [];
  const enqueueEmptyNeighbours = (texel: number, into: number[]) => {
    const x = texel % size,
      y = (texel - x) / size;
    for (let dy = -1; dy <= 1; dy++) {
      const ny = y + dy;
      if (ny < 0 || ny >= size) continue;
      for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx;
        if (nx < 0 || nx >= size) continue;
        const neighbour = ny * size + nx;
        if (known[neighbour] || queued[neighbour]) continue;
        queued[neighbour] = 1;
        into.push(neighbour);
      }
    }
  };
  // First ring: the empty texels with a covered neighbour (scanning the empty ones is cheaper than the covered).
  for (let texel = 0; texel < size * size; texel++) {
    if (known[texel]) continue;
    const x = texel % size,
      y = (texel - x) / size;
    let touches = false;
    for (let dy = -1; dy <= 1 && !touches; dy++) {
      const ny = y + dy;
      if (ny < 0 || ny >= size) continue;
      for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx;
        if (nx >= 0 && nx < size && known[ny * size + nx]) {
          touches = true;
          break;
        }
      }
    }
    if (touches) {
      queued[texel] = 1;
      candidates.push(texel);
    }
  }

  for (let ring = 0; ring < rings && candidates.length > 0; ring++) {
    for (const texel of candidates) {
      const x = texel % size,
        y = (texel - x) / size;
      let r = 0,
        g = 0,
        b = 0,
        n = 0;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= size) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= size) continue;
          const neighbour = ny * size + nx;
          if (!known[neighbour]) continue;
          r += rgba[neighbour * 4];
          g += rgba[neighbour * 4 + 1];
          b += rgba[neighbour * 4 + 2];
          n++;
        }
      }
      if (n > 0) {
        rgba[texel * 4] = Math.round(r / n);
        rgba[texel * 4 + 1] = Math.round(g / n);
        rgba[texel * 4 + 2] = Math.round(b / n);
        rgba[texel * 4 + 3] = 255;
      }
    }
    const next: number[] = [];
    for (const texel of candidates) known[texel] = 1;
    for (const texel of candidates) enqueueEmptyNeighbours(texel, next);
    candidates = next;
  }

  let r = 0,
    g = 0,
    b = 0,
    n = 0;
  for (let texel = 0; texel < size * size; texel++) {
    if (!covered[texel]) continue;
    r += rgba[texel * 4];
    g += rgba[texel * 4 + 1];
    b += rgba[texel * 4 + 2];
    n++;
  }
  const mean = n > 0 ? [Math.round(r / n), Math.round(g / n), Math.round(b / n), 255] : [128, 128, 128, 255];
  for (let texel = 0; texel < size * size; texel++) {
    if (known[texel]) continue;
    rgba[texel * 4] = mean[0];
    rgba[texel * 4 + 1] = mean[1];
    rgba[texel * 4 + 2] = mean[2];
    rgba[texel * 4 + 3] = 255;
  }
}
