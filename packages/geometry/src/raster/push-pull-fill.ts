// Fills the unknown pixels of an image with a smooth extension of the known ones, so a texture sampled just
// outside an object's outline (bilinear filtering, mipmaps, UV seams) shows the object's colours instead of
// its old background.
//
// Method: pull-push interpolation (Gortler, Grzeszczuk, Szeliski & Cohen, "The Lumigraph", SIGGRAPH 1996):
// known pixels are averaged down a pyramid (weights carried along), then every level fills its unknown
// pixels from the level above. Known pixels keep their colour exactly.

/** `rgba` is changed in place for pixels where `known` is 0; alpha is set to 255 everywhere. */
export function pushPullFill(rgba: Uint8Array, known: Uint8Array, width: number, height: number): void {
  type Level = { width: number; height: number; colour: Float32Array; weight: Float32Array };
  const base: Level = {
    width,
    height,
    colour: new Float32Array(width * height * 3),
    weight: new Float32Array(width * height),
  };
  for (let pixel = 0; pixel < width * height; pixel++) {
    if (!known[pixel]) continue;
    base.weight[pixel] = 1;
    for (let channel = 0; channel < 3; channel++) base.colour[pixel * 3 + channel] = rgba[pixel * 4 + channel];
  }
  const levels: Level[] = [base];
  while (levels[levels.length - 1].width > 1 || levels[levels.length - 1].height > 1) {
    const fine = levels[levels.length - 1];
    const coarseWidth = Math.max(1, Math.ceil(fine.width / 2));
    const coarseHeight = Math.max(1, Math.ceil(fine.height / 2));
    const coarse: Level = {
      width: coarseWidth,
      height: coarseHeight,
      colour: new Float32Array(coarseWidth * coarseHeight * 3),
      weight: new Float32Array(coarseWidth * coarseHeight),
    };
    for (let y = 0; y < fine.height; y++) {
      for (let x = 0; x < fine.width; x++) {
        const from = y * fine.width + x;
        const weight = fine.weight[from];
        if (weight === 0) continue;
        const to = (y >> 1) * coarseWidth + (x >> 1);
        coarse.weight[to] += weight;
        for (let channel = 0; channel < 3; channel++)
          coarse.colour[to * 3 + channel] += fine.colour[from * 3 + channel];
      }
    }
    levels.push(coarse);
  }
  // Push: from the coarsest level down, unknown pixels take the (normalised) colour of their parent.
  for (let level = levels.length - 2; level >= 0; level--) {
    const fine = levels[level];
    const coarse = levels[level + 1];
    for (let y = 0; y < fine.height; y++) {
      for (let x = 0; x < fine.width; x++) {
        const pixel = y * fine.width + x;
        if (fine.weight[pixel] > 0) continue;
        const parent = (y >> 1) * coarse.width + (x >> 1);
        const parentWeight = coarse.weight[parent];
        if (parentWeight <= 0) continue;
        for (let channel = 0; channel < 3; channel++)
          fine.colour[pixel * 3 + channel] = coarse.colour[parent * 3 + channel] / parentWeight;
        fine.weight[pixel] = 1;
      }
    }
    // Normalise this level so its children read plain colours.
    for (let pixel = 0; pixel < fine.width * fine.height; pixel++) {
      const weight = fine.weight[pixel];
      if (weight > 0 && weight !== 1) {
        for (let channel = 0; channel < 3; channel++) fine.colour[pixel * 3 + channel] /= weight;
        fine.weight[pixel] = 1;
      }
    }
  }
  for (let pixel = 0; pixel < width * height; pixel++) {
    if (!known[pixel]) {
      for (let channel = 0; channel < 3; channel++)
        rgba[pixel * 4 + channel] = Math.round(Math.min(255, Math.max(0, base.colour[pixel * 3 + channel])));
    }
    rgba[pixel * 4 + 3] = 255;
  }
}
