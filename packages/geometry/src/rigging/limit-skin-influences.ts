// Turns dense per-joint weights into glTF's four influences per vertex: drops influences of joints on the
// other side of the body (heat that leaked through the crotch or between touching limbs), keeps the four largest,
// drops the ones below `minimumWeight` and renormalises so each vertex's weights sum to 1 in float32.
import type { JointSide } from './rig-templates.ts';

export interface SkinInfluences {
  /** 4 joint indices per vertex (into the skin's joint list) */
  joints: Uint16Array;
  /** 4 weights per vertex, summing to 1 */
  weights: Float32Array;
}

export interface LimitInfluencesOptions {
  maxInfluences?: 4;
  minimumWeight?: number;
  /** a vertex this far (world units) from the mid-plane counts as being on one side */
  sideMargin?: number;
}

export const LIMIT_INFLUENCES_DEFAULTS: Required<Omit<LimitInfluencesOptions, 'sideMargin'>> = {
  maxInfluences: 4,
  minimumWeight: 0.01,
};

export function limitSkinInfluences(
  dense: Float32Array,
  jointCount: number,
  /** skin joint index of each dense column */
  skinJointOf: Int32Array,
  sides: JointSide[],
  /** signed distance of each vertex from the mid-plane, +left */
  lateral: Float32Array,
  nearestJoint: Int32Array,
  options: LimitInfluencesOptions = {},
): SkinInfluences {
  const { minimumWeight } = { ...LIMIT_INFLUENCES_DEFAULTS, ...options };
  const sideMargin = options.sideMargin ?? 0;
  const n = lateral.length;
  const joints = new Uint16Array(n * 4),
    weights = new Float32Array(n * 4);
  const chosen = new Int32Array(4),
    chosenWeights = new Float64Array(4);
  for (let vertex = 0; vertex < n; vertex++) {
    // The side the vertex belongs to: that of its nearest bone, or else where it lies.
    const nearestSide = sides[nearestJoint[vertex]];
    const side =
      nearestSide !== 'centre'
        ? nearestSide
        : lateral[vertex] > sideMargin
          ? 'left'
          : lateral[vertex] < -sideMargin
            ? 'right'
            : 'centre';
    const opposite = side === 'left' ? 'right' : side === 'right' ? 'left' : undefined;
    let count = 0;
    chosenWeights.fill(0);
    for (let joint = 0; joint < jointCount; joint++) {
      const weight = dense[vertex * jointCount + joint];
      if (!(weight > 0) || sides[joint] === opposite) continue;
      if (count < 4) {
        chosen[count] = joint;
        chosenWeights[count] = weight;
        count++;
        continue;
      }
      let smallest = 0;
      for (let k = 1; k < 4; k++) if (chosenWeights[k] < chosenWeights[smallest]) smallest = k;
      if (weight > chosenWeights[smallest]) {
        chosen[smallest] = joint;
        chosenWeights[smallest] = weight;
      }
    }
    let sum = 0;
    for (let k = 0; k < count; k++) sum += chosenWeights[k];
    for (let k = 0; k < count; k++) if (chosenWeights[k] < minimumWeight * sum) chosenWeights[k] = 0;
    sum = 0;
    for (let k = 0; k < count; k++) sum += chosenWeights[k];
    if (sum <= 0) {
      chosen[0] = nearestJoint[vertex];
      chosenWeights[0] = 1;
      count = 1;
      sum = 1;
    }
    // Largest first; empty slots get joint 0 and weight 0.
    const slots = [0, 1, 2, 3]
      .slice(0, count)
      .filter((k) => chosenWeights[k] > 0)
      .sort((a, b) => chosenWeights[b] - chosenWeights[a]);
    let written = 0;
    for (const k of slots) {
      joints[vertex * 4 + written] = skinJointOf[chosen[k]];
      weights[vertex * 4 + written] = chosenWeights[k] / sum;
      written++;
    }
    // Put float32 rounding error on the largest weight so the four sum to 1 as stored.
    let stored = 0;
    for (let k = 1; k < 4; k++) stored += weights[vertex * 4 + k];
    weights[vertex * 4] = 1 - stored;
  }
  return { joints, weights };
}
