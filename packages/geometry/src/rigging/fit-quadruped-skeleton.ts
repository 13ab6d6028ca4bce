// Places the quadruped template's joints in a model, from the shape analysis (analyse-rig-shape.ts).
//
// Method: landmark embedding in the character's frame, as for bipeds (fit-biped-skeleton.ts). The four leg
// branches are split into front and rear pairs by how far forward their feet are; under each pair the belly is
// the first solid point straight up from between the feet and the back the first solid point straight down from
// above, which gives the body's thickness there. Leg tops sit a third of the way up into the body on each leg's
// centred path, knees half-way down, feet at a tenth of the leg's height, toe tips where the paw ends forward.
// The spine runs through the body's centre from the rear pair (hips) to the front pair (chest); neck and head
// follow the head branch (skull at 60% of the way from the nose to where the neck leaves the body), the tail its
// branch. Missing parts are placed by proportion and listed in `fallbacks`.
import type { RigShapeAnalysis } from './analyse-rig-shape.ts';
import { toWorld } from './character-frame.ts';
import type { Point3 } from './extract-limb-branches.ts';
import type { FittedSkeleton } from './fit-biped-skeleton.ts';
import type { JointPositions } from './rig-templates.ts';
import { arcLengths, lerp, localPath, pointAtHeight, pointAtLength, ShapeProbes } from './shape-probes.ts';

export function fitQuadrupedSkeleton(analysis: RigShapeAnalysis): FittedSkeleton {
  const { frame, height: H, size } = analysis;
  const probes = new ShapeProbes(analysis.grid, frame);
  const local = new Map<string, Point3>();
  const fallbacks: string[] = [];
  const length = size[2];

  const legs = analysis.legs.map((leg) => ({ leg, path: localPath(frame, leg) }));
  const ankleOf = (path: Point3[]) => pointAtHeight(path, 0.1 * H) ?? path[0];
  legs.sort((a, b) => ankleOf(b.path)[2] - ankleOf(a.path)[2]);
  const pairs = legs.length >= 4 ? [legs.slice(0, 2), legs.slice(legs.length - 2)] : undefined;
  if (!pairs) fallbacks.push('legs');

  const bodyAt = (z: number, x: number): { belly: number; back: number } => {
    const up = probes.march([x, 0.02 * H, z], 1, 1, H, 'enter');
    const down = probes.march([x, 1.05 * H, z], 1, -1, 1.1 * H, 'enter');
    const belly = up !== undefined ? 0.02 * H + up : 0.45 * H;
    const back = down !== undefined ? 1.05 * H - down : 0.8 * H;
    return back > belly ? { belly, back } : { belly: 0.45 * H, back: 0.8 * H };
  };

  const ends = { front: 0, rear: 0 };
  (['front', 'rear'] as const).forEach((end, pairIndex) => {
    const pair = pairs?.[pairIndex].sort((a, b) => ankleOf(b.path)[0] - ankleOf(a.path)[0]);
    const defaultZ = (end === 'front' ? 0.3 : -0.3) * length;
    const ankles = pair
      ? pair.map(({ path }) => ankleOf(path))
      : [
          [0.12 * H, 0, defaultZ],
          [-0.12 * H, 0, defaultZ],
        ];
    const z = (ankles[0][2] + ankles[1][2]) / 2;
    ends[end] = z;
    const { belly, back } = bodyAt(z, (ankles[0][0] + ankles[1][0]) / 2);
    const topY = belly + 0.35 * (back - belly);
    local.set(end === 'front' ? 'chest' : 'hips', [0, (belly + back) / 2, z]);
    (['l', 'r'] as const).forEach((side, index) => {
      const path = pair?.[index].path;
      const top = path
        ? (pointAtHeight(path, belly) ?? path[path.length - 1])
        : ([ankles[index][0], belly, z] as Point3);
      const crossing = path
        ? Math.max(
            1,
            path.findIndex((point) => point[1] >= belly),
          )
        : -1;
      const down = (height: number): Point3 =>
        path ? (pointAtHeight(path, height, crossing, -1) ?? [top[0], height, top[2]]) : [top[0], height, top[2]];
      const footY = 0.1 * topY;
      const foot = down(footY);
      const reach = probes.march([foot[0], 0.4 * footY, foot[2]], 2, 1, 0.3 * H, 'exit');
      local.set(`${end}_upper_leg_${side}`, [top[0], topY, top[2]]);
      local.set(`${end}_lower_leg_${side}`, down((topY + footY) / 2));
      local.set(`${end}_foot_${side}`, foot);
      local.set(`${end}_toe_end_${side}`, [foot[0], 0.4 * footY, foot[2] + (reach ?? 0.05 * H)]);
    });
  });

  const hips = local.get('hips')!,
    chest = local.get('chest')!;
  for (const [id, share] of [
    ['spine', 1 / 3],
    ['spine1', 2 / 3],
  ] as const) {
    const z = hips[2] + share * (chest[2] - hips[2]);
    const body = bodyAt(z, 0);
    local.set(id, [0, (body.belly + body.back) / 2, z]);
  }

  const chestBody = bodyAt(chest[2], 0);
  const bodyRadius = (chestBody.back - chestBody.belly) / 2;
  if (analysis.head) {
    const path = localPath(frame, analysis.head);
    let leave = path.findIndex((point) => point[2] <= chest[2] + bodyRadius);
    if (leave < 2) leave = path.length - 1;
    const neckPath = path.slice(0, leave + 1);
    const lengths = arcLengths(neckPath);
    local.set('head_end', path[0]);
    local.set('head', pointAtLength(neckPath, lengths, 0.6 * lengths[lengths.length - 1]));
    local.set('neck', neckPath[neckPath.length - 1]);
  } else {
    fallbacks.push('head');
    const reach = probes.march(chest, 2, 1, length, 'exit') ?? 0.3 * length;
    const front: Point3 = [0, chest[1], chest[2] + reach];
    local.set('neck', lerp(chest, front, 0.45));
    local.set('head', lerp(chest, front, 0.75));
    local.set('head_end', front);
  }

  if (analysis.tail) {
    const path = localPath(frame, analysis.tail).reverse();
    const rearBody = bodyAt(hips[2], 0);
    let base = path.findIndex((point) => point[2] <= hips[2] - (rearBody.back - rearBody.belly) / 2);
    if (base < 0 || base > path.length - 4) base = 0;
    const tailPath = path.slice(base);
    const lengths = arcLengths(tailPath);
    const total = lengths[lengths.length - 1];
    local.set('tail', tailPath[0]);
    local.set('tail1', pointAtLength(tailPath, lengths, total / 3));
    local.set('tail2', pointAtLength(tailPath, lengths, (2 * total) / 3));
    local.set('tail_end', tailPath[tailPath.length - 1]);
  }

  const joints: JointPositions = new Map();
  for (const [id, point] of local) joints.set(id, toWorld(frame, point));
  return { joints, fallbacks };
}
