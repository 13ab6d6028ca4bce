// Places the biped template's joints in a model, from the shape analysis (analyse-rig-shape.ts).
//
// Method: landmark embedding along the curve-skeleton branches, in the character's frame. Legs: the crotch is
// the first solid point straight up from between the feet; hip joints sit a little above it on each leg's
// centred path, knees half-way down, ankles at a twentieth of the height, toes where the foot ends forward.
// Arms: a branch's thickness jumps where it enters the chest, which is the shoulder; elbow and wrist follow at
// the human proportions of the arm's length (0.42, 0.77). Spine and neck run up the body's mid-plane, each joint
// centred front-to-back in the body at its height; the head joint is at the narrowest point between the
// shoulders and the top. A part the analysis did not find (arms held against the body, legs under a dress) is
// placed by average human proportions instead, and `fallbacks` says which.
import type { RigShapeAnalysis } from './analyse-rig-shape.ts';
import { toLocal, toWorld } from './character-frame.ts';
import type { LimbBranch, Point3 } from './extract-limb-branches.ts';
import type { JointPositions } from './rig-templates.ts';
import { arcLengths, localPath, pointAtHeight, pointAtLength, ShapeProbes } from './shape-probes.ts';

export interface FittedSkeleton {
  joints: JointPositions;
  /** parts placed by proportion because the shape did not show them */
  fallbacks: string[];
}

export function fitBipedSkeleton(analysis: RigShapeAnalysis): FittedSkeleton {
  const { frame, height: H } = analysis;
  const probes = new ShapeProbes(analysis.grid, frame);
  const local = new Map<string, Point3>();
  const fallbacks: string[] = [];

  // Legs.
  const legs = [...analysis.legs]
    .sort((a, b) => toLocal(frame, b.extremity)[0] - toLocal(frame, a.extremity)[0])
    .slice(0, 2);
  const legPaths = legs.length === 2 ? legs.map((leg) => localPath(frame, leg)) : undefined;
  let crotchY = 0.47 * H;
  if (legPaths) {
    const ankles = legPaths.map((path) => pointAtHeight(path, 0.08 * H) ?? path[0]);
    const between: Point3 = [(ankles[0][0] + ankles[1][0]) / 2, 0.02 * H, (ankles[0][2] + ankles[1][2]) / 2];
    const up = probes.march(between, 1, 1, H, 'enter');
    if (up !== undefined && between[1] + up > 0.25 * H && between[1] + up < 0.65 * H) crotchY = between[1] + up;
    else fallbacks.push('crotch');
  } else {
    fallbacks.push('legs');
  }
  const hipY = crotchY + 0.06 * H;
  const ankleY = 0.05 * H;
  (['l', 'r'] as const).forEach((side, index) => {
    const sign = side === 'l' ? 1 : -1;
    const path = legPaths?.[index];
    const top = path
      ? (pointAtHeight(path, crotchY) ?? path[path.length - 1])
      : ([sign * 0.06 * H, crotchY, 0] as Point3);
    const upper: Point3 = [top[0], hipY, top[2]];
    const crossing = path ? firstIndexAtOrAbove(path, crotchY) : -1;
    const fromHip = (height: number): Point3 =>
      path
        ? (pointAtHeight(path, height, Math.max(crossing, 1), -1) ?? [top[0], height, top[2]])
        : [top[0], height, top[2]];
    const ankle = fromHip(ankleY);
    const knee = fromHip((hipY + ankleY) / 2);
    const toeHeight = 0.35 * ankleY;
    const forwardReach = probes.march([ankle[0], toeHeight, ankle[2]], 2, 1, 0.3 * H, 'exit');
    const toeEnd: Point3 = [ankle[0], toeHeight, ankle[2] + (forwardReach ?? 0.08 * H)];
    local.set(`upper_leg_${side}`, upper);
    local.set(`lower_leg_${side}`, knee);
    local.set(`foot_${side}`, ankle);
    local.set(`toe_${side}`, [ankle[0], toeHeight, ankle[2] + 0.6 * (toeEnd[2] - ankle[2])]);
    local.set(`toe_end_${side}`, toeEnd);
  });
  const upperLegs = [local.get('upper_leg_l')!, local.get('upper_leg_r')!];
  const hipsZ = (upperLegs[0][2] + upperLegs[1][2]) / 2;
  const hips: Point3 = [(upperLegs[0][0] + upperLegs[1][0]) / 2, hipY + 0.02 * H, hipsZ];
  local.set('hips', hips);

  // Arms.
  const armTops: Point3[] = [];
  for (const side of ['l', 'r'] as const) {
    const branch = side === 'l' ? analysis.arms.left : analysis.arms.right;
    const arm = branch ? fitArm(branch, analysis) : undefined;
    if (!arm) fallbacks.push(`${side === 'l' ? 'left' : 'right'} arm`);
    const sign = side === 'l' ? 1 : -1;
    const shoulderY = 0.81 * H;
    const halfWidth = probes.runThrough([0, shoulderY, hipsZ], 0, H)?.high ?? 0.1 * H;
    const placed = arm ?? {
      upper: [sign * (Math.abs(halfWidth) + 0.01 * H), shoulderY, hipsZ] as Point3,
      lower: [sign * (Math.abs(halfWidth) + 0.05 * H), shoulderY - 0.16 * H, hipsZ] as Point3,
      hand: [sign * (Math.abs(halfWidth) + 0.07 * H), shoulderY - 0.3 * H, hipsZ] as Point3,
      tip: [sign * (Math.abs(halfWidth) + 0.08 * H), shoulderY - 0.4 * H, hipsZ] as Point3,
    };
    local.set(`upper_arm_${side}`, placed.upper);
    local.set(`lower_arm_${side}`, placed.lower);
    local.set(`hand_${side}`, placed.hand);
    local.set(`hand_end_${side}`, placed.tip);
    armTops.push(placed.upper);
  }

  // Spine, neck and head along the mid-plane.
  const centreZ = (y: number, near: number): number => probes.runThrough([0, y, near], 2, H)?.centre ?? near;
  const top = analysis.head ? Math.max(toLocal(frame, analysis.head.extremity)[1], 0.9 * H) : H;
  let neckY = Math.min(Math.max((armTops[0][1] + armTops[1][1]) / 2 + 0.025 * H, hips[1] + 0.15 * H), 0.95 * H);
  if (neckY >= top) neckY = hips[1] + 0.75 * (top - hips[1]);
  let narrowestY = neckY + 0.35 * (top - neckY),
    narrowestWidth = Infinity;
  for (let y = neckY + 0.15 * (top - neckY); y <= neckY + 0.6 * (top - neckY); y += probes.step) {
    const run = probes.runThrough([0, y, centreZ(y, hipsZ)], 0, H);
    if (run && run.high - run.low < narrowestWidth) [narrowestY, narrowestWidth] = [y, run.high - run.low];
  }
  let previousZ = hipsZ;
  for (const [id, share] of [
    ['spine', 0.2],
    ['spine1', 0.44],
    ['spine2', 0.72],
  ] as const) {
    const y = hips[1] + share * (neckY - hips[1]);
    previousZ = centreZ(y, previousZ);
    local.set(id, [0, y, previousZ]);
  }
  const neck: Point3 = [0, neckY, centreZ(neckY, previousZ)];
  const head: Point3 = [0, narrowestY, centreZ(narrowestY, neck[2])];
  local.set('neck', neck);
  local.set('head', head);
  local.set('head_end', [0, top, head[2]]);
  for (const side of ['l', 'r'] as const) {
    const upper = local.get(`upper_arm_${side}`)!;
    local.set(`shoulder_${side}`, [
      0.35 * upper[0],
      Math.min(neckY - 0.02 * H, Math.max(upper[1], neckY - 0.06 * H)),
      (neck[2] + upper[2]) / 2,
    ]);
  }

  const joints: JointPositions = new Map();
  for (const [id, point] of local) joints.set(id, toWorld(frame, point));
  return { joints, fallbacks };
}

/** Shoulder, elbow, wrist and fingertip along an arm branch, in the character's frame. */
function fitArm(
  branch: LimbBranch,
  analysis: RigShapeAnalysis,
): { upper: Point3; lower: Point3; hand: Point3; tip: Point3 } | undefined {
  const path = localPath(analysis.frame, branch);
  if (path.length < 6) return undefined;
  const outer = branch.radii.slice(0, Math.max(2, Math.floor(0.6 * path.length))).sort((a, b) => a - b);
  const armRadius = outer[Math.floor(outer.length / 2)];
  let shoulderIndex = path.length - 1;
  for (let index = Math.floor(0.25 * path.length); index < path.length; index++) {
    if (branch.radii[index] > 1.7 * armRadius) {
      shoulderIndex = index;
      break;
    }
  }
  const arm = path.slice(0, shoulderIndex + 1).reverse();
  const lengths = arcLengths(arm);
  const total = lengths[lengths.length - 1];
  if (total < 0.1 * analysis.height) return undefined;
  return {
    upper: arm[0],
    lower: pointAtLength(arm, lengths, 0.42 * total),
    hand: pointAtLength(arm, lengths, 0.77 * total),
    tip: [...arm[arm.length - 1]],
  };
}

function firstIndexAtOrAbove(path: Point3[], height: number): number {
  const index = path.findIndex((point) => point[1] >= height);
  return index < 0 ? path.length - 1 : index;
}
