// Gaussian mixtures of CIE Lab colours (diagonal covariances), the colour models of the graph-cut segmentations
// (classical-background-remover.ts, salient-object-segmentation.ts): fitted by k-means from a deterministic
// farthest-point start on a subsample, so the same image always gives the same mixture.

const MIN_VARIANCE = 9;

export interface Mixture {
  weights: number[];
  means: [number, number, number][];
  variances: [number, number, number][];
  /** log(weight) − ½ log(2π³ ∏ variances), per component */
  logNormalisers: number[];
}

export function fitMixture(lab: Float32Array, members: number[], components: number): Mixture {
  // Deterministic subsample and farthest-point initialisation, then a few k-means rounds.
  const step = Math.max(1, Math.floor(members.length / 4000));
  const sample: number[] = [];
  for (let index = 0; index < members.length; index += step) sample.push(members[index]);
  const centres: [number, number, number][] = [];
  const mean = [0, 0, 0];
  for (const pixel of sample) for (let axis = 0; axis < 3; axis++) mean[axis] += lab[pixel * 3 + axis] / sample.length;
  centres.push([mean[0], mean[1], mean[2]]);
  const nearest = new Float64Array(sample.length).fill(Infinity);
  while (centres.length < Math.min(components, sample.length)) {
    const last = centres[centres.length - 1];
    let farthest = 0;
    for (let index = 0; index < sample.length; index++) {
      nearest[index] = Math.min(nearest[index], squaredDistance(lab, sample[index], last));
      if (nearest[index] > nearest[farthest]) farthest = index;
    }
    if (nearest[farthest] < 1) break;
    const pixel = sample[farthest];
    centres.push([lab[pixel * 3], lab[pixel * 3 + 1], lab[pixel * 3 + 2]]);
  }
  const assignment = new Int32Array(sample.length);
  for (let round = 0; round < 6; round++) {
    for (let index = 0; index < sample.length; index++) {
      let best = 0;
      let bestDistance = Infinity;
      for (let centre = 0; centre < centres.length; centre++) {
        const distance = squaredDistance(lab, sample[index], centres[centre]);
        if (distance < bestDistance) {
          bestDistance = distance;
          best = centre;
        }
      }
      assignment[index] = best;
    }
    const sums = centres.map(() => [0, 0, 0, 0]);
    for (let index = 0; index < sample.length; index++) {
      const sum = sums[assignment[index]];
      for (let axis = 0; axis < 3; axis++) sum[axis] += lab[sample[index] * 3 + axis];
      sum[3]++;
    }
    sums.forEach((sum, centre) => {
      if (sum[3] > 0) centres[centre] = [sum[0] / sum[3], sum[1] / sum[3], sum[2] / sum[3]];
    });
  }
  const mixture: Mixture = { weights: [], means: [], variances: [], logNormalisers: [] };
  centres.forEach((centre, index) => {
    let count = 0;
    const variance = [0, 0, 0];
    for (let member = 0; member < sample.length; member++) {
      if (assignment[member] !== index) continue;
      count++;
      for (let axis = 0; axis < 3; axis++) variance[axis] += (lab[sample[member] * 3 + axis] - centre[axis]) ** 2;
    }
    if (count === 0) return;
    const variances = variance.map((value) => Math.max(MIN_VARIANCE, value / count)) as [number, number, number];
    const weight = count / sample.length;
    mixture.weights.push(weight);
    mixture.means.push(centre);
    mixture.variances.push(variances);
    mixture.logNormalisers.push(
      Math.log(weight) - 0.5 * Math.log((2 * Math.PI) ** 3 * variances[0] * variances[1] * variances[2]),
    );
  });
  return mixture;
}

export function negativeLogLikelihood(mixture: Mixture, lab: Float32Array, pixel: number): number {
  // log-sum-exp over the components
  const count = mixture.means.length;
  let best = -Infinity;
  for (let component = 0; component < count; component++) {
    const term = componentLogDensity(mixture, component, lab, pixel);
    MIXTURE_TERMS[component] = term;
    if (term > best) best = term;
  }
  let sum = 0;
  for (let component = 0; component < count; component++) sum += Math.exp(MIXTURE_TERMS[component] - best);
  return Math.min(200, -(best + Math.log(sum)));
}

const MIXTURE_TERMS = new Float64Array(16);

function componentLogDensity(mixture: Mixture, component: number, lab: Float32Array, pixel: number): number {
  const mean = mixture.means[component];
  const variance = mixture.variances[component];
  const dl = lab[pixel * 3] - mean[0],
    da = lab[pixel * 3 + 1] - mean[1],
    db = lab[pixel * 3 + 2] - mean[2];
  return (
    mixture.logNormalisers[component] -
    0.5 * ((dl * dl) / variance[0] + (da * da) / variance[1] + (db * db) / variance[2])
  );
}

export function mahalanobisToNearest(mixture: Mixture, lab: Float32Array, pixel: number): number {
  let best = Infinity;
  for (let component = 0; component < mixture.means.length; component++) {
    let sum = 0;
    for (let axis = 0; axis < 3; axis++)
      sum += (lab[pixel * 3 + axis] - mixture.means[component][axis]) ** 2 / mixture.variances[component][axis];
    best = Math.min(best, Math.sqrt(sum));
  }
  return best;
}

export function squaredDistance(lab: Float32Array, pixel: number, centre: readonly number[]): number {
  const dl = lab[pixel * 3] - centre[0];
  const da = lab[pixel * 3 + 1] - centre[1];
  const db = lab[pixel * 3 + 2] - centre[2];
  return dl * dl + da * da + db * db;
}
