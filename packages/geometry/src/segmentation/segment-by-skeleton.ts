// Semantic parts of characters and animals: when the pre-rig shape analysis recognises a creature (a biped with a
// head, or a four-legged animal with a head, mirror-symmetric), its template skeleton is fitted as animate_rig
// does (rigging/) and each face goes to the body part of the nearest bone it can see from inside the solid:
// head (neck and head bones), body (hips, spine, chest), tail, and each arm and leg — upper and lower limb apart
// at `detailed` granularity. Isolated specks are absorbed by the neighbour they share most boundary with, and the
// boundaries are then moved onto the cheapest valley nearby by the same graph cut the generic method uses.
// Rationale: curvature and thickness cues alone cannot see where a smooth animal's head ends and its neck begins
// (a quadruped came out as one head-body-tail part); the fitted skeleton knows. Skeleton-driven segmentation
// follows e.g. Reniers & Telea, "Skeleton-based hierarchical shape segmentation" (SMI 2007). Faces of separate
// small pieces (eyes, teeth) join the part of their nearest bone, so an eye belongs to the head.

import { analyseRigShape, type RigShapeAnalysis } from '../rigging/analyse-rig-shape.ts';
import type { Point3 } from '../rigging/extract-limb-branches.ts';
import { fitBipedSkeleton } from '../rigging/fit-biped-skeleton.ts';
import { fitQuadrupedSkeleton } from '../rigging/fit-quadruped-skeleton.ts';
import { RIG_TEMPLATES } from '../rigging/rig-templates.ts';
import { segmentInsideSolid } from '../rigging/voxelize-solid.ts';
import { labelComponents, type FaceGraph } from './build-face-graph.ts';
import { refinePartBoundaries } from './refine-part-boundaries.ts';
import { cutWeights, type SegmentationGranularity } from './segment-face-graph.ts';

export interface SkeletonSegmentation {
  /** part id per face, 0 = largest area */
  partOf: Int32Array;
  partCount: number;
  /** body part name per part id: head, body, tail, left_arm, front_right_leg, ... */
  labels: string[];
}

/** Below this mirror symmetry a shape is not trusted to be a creature (a helmet once passed as a "biped"). */
const MIN_SYMMETRY = 0.75;
/** Connected bits of one label smaller than this share of the area join a neighbour. */
const SPECK_AREA_SHARE = 0.004;
/** The graph cut may move a boundary this share of the model's height. */
const BAND_HEIGHT_SHARE = 0.04;

export function isCreature(analysis: RigShapeAnalysis): boolean {
  if (!analysis.riggable || analysis.symmetry < MIN_SYMMETRY || !analysis.head) return false;
  return (analysis.rigType === 'quadruped' && analysis.legs.length === 4) || analysis.rigType === 'biped';
}

export function segmentBySkeleton(
  graph: FaceGraph,
  granularity: SegmentationGranularity = 'balanced',
): SkeletonSegmentation | undefined {
  const positions = Float32Array.from(graph.positions);
  const min: Point3 = [Infinity, Infinity, Infinity],
    max: Point3 = [-Infinity, -Infinity, -Infinity];
  for (let index = 0; index < positions.length; index += 3) {
    for (let axis = 0; axis < 3; axis++) {
      min[axis] = Math.min(min[axis], positions[index + axis]);
      max[axis] = Math.max(max[axis], positions[index + axis]);
    }
  }
  const analysis = analyseRigShape({ positions, triangles: graph.triangles, parts: [], min, max });
  if (!isCreature(analysis)) return undefined;
  const quadruped = analysis.rigType === 'quadruped';
  const fitted = (quadruped ? fitQuadrupedSkeleton : fitBipedSkeleton)(analysis);
  const template = RIG_TEMPLATES[quadruped ? 'quadruped' : 'biped'];
  const bones: Array<{ from: Point3; to: Point3; label: string }> = [];
  for (const joint of template.joints) {
    if (!joint.parent) continue;
    const from = fitted.joints.get(joint.parent),
      to = fitted.joints.get(joint.id);
    if (!from || !to) continue;
    const label = labelOf(joint.parent, joint.id, granularity);
    if (joint.parent === 'neck') {
      // The neck bone's lower half is the top of the body, its upper half the head's.
      const middle: Point3 = [(from[0] + to[0]) / 2, (from[1] + to[1]) / 2, (from[2] + to[2]) / 2];
      bones.push({ from, to: middle, label: 'body' }, { from: middle, to, label });
    } else {
      bones.push({ from, to, label });
    }
  }
  if (bones.length === 0) return undefined;

  const labels: string[] = [];
  const labelIndex = (name: string) => (labels.includes(name) ? labels.indexOf(name) : labels.push(name) - 1);
  const faceLabel = new Int32Array(graph.faceCount);
  const point: Point3 = [0, 0, 0];
  for (let face = 0; face < graph.faceCount; face++) {
    const centroid = graph.centroids.subarray(face * 3, face * 3 + 3);
    const normal = graph.normals.subarray(face * 3, face * 3 + 3);
    // A step inside the surface, so the visibility test starts in the solid rather than on its skin.
    const inset = 1.5 * analysis.grid.voxelSize;
    for (let axis = 0; axis < 3; axis++) point[axis] = centroid[axis] - normal[axis] * inset;
    let best = -1,
      bestDistance = Infinity,
      fallback = -1,
      fallbackDistance = Infinity;
    bones.forEach((bone, index) => {
      const closest = closestOnSegment(point, bone.from, bone.to);
      const distance = Math.hypot(closest[0] - point[0], closest[1] - point[1], closest[2] - point[2]);
      if (distance < fallbackDistance) [fallback, fallbackDistance] = [index, distance];
      if (distance < bestDistance && segmentInsideSolid(analysis.grid, point, closest))
        [best, bestDistance] = [index, distance];
    });
    faceLabel[face] = labelIndex(bones[best >= 0 ? best : fallback].label);
  }

  absorbSpecks(graph, faceLabel);
  const height = max[1] - min[1];
  const refined = refinePartBoundaries(graph, faceLabel, cutWeights(graph), BAND_HEIGHT_SHARE * height);
  absorbSpecks(graph, refined);
  return orderByArea(graph, refined, labels);
}

/** Which body part the bone from `parent` to `child` belongs to. */
function labelOf(parent: string, child: string, granularity: SegmentationGranularity): string {
  const side = /_l$/.test(child) ? 'left' : /_r$/.test(child) ? 'right' : '';
  if (parent === 'neck' || parent === 'head') return 'head';
  if (/^tail/.test(parent)) return 'tail';
  if (/^(hips|spine\d?|chest)$/.test(parent) && !/^(tail)/.test(child)) return 'body';
  if (/^hips$/.test(parent) && /^tail/.test(child)) return 'tail';
  const limb = /(front_|rear_)?(upper_arm|lower_arm|hand|shoulder|upper_leg|lower_leg|foot|toe)/.exec(parent);
  // The clavicle (shoulder → upper arm) lies in the torso; the arm starts at the shoulder joint.
  if (!limb || limb[2] === 'shoulder') return 'body';
  const position = limb[1] ? limb[1].replace('_', '') + '_' : '';
  const kind = /arm|hand|shoulder/.test(limb[2]) ? 'arm' : 'leg';
  if (granularity !== 'detailed') return `${position}${side}_${kind}`.replace(/^_/, '');
  const segment = /upper|shoulder/.test(limb[2]) ? 'upper' : 'lower';
  return `${position}${side}_${segment}_${kind}`.replace(/^_/, '');
}

function closestOnSegment(p: ArrayLike<number>, a: Point3, b: Point3): Point3 {
  const ab = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
  const lengthSquared = ab[0] ** 2 + ab[1] ** 2 + ab[2] ** 2 || 1;
  const t = Math.max(
    0,
    Math.min(1, ((p[0] - a[0]) * ab[0] + (p[1] - a[1]) * ab[1] + (p[2] - a[2]) * ab[2]) / lengthSquared),
  );
  return [a[0] + t * ab[0], a[1] + t * ab[1], a[2] + t * ab[2]];
}

/** Connected regions of one label below SPECK_AREA_SHARE of the area take the label they border most. */
function absorbSpecks(graph: FaceGraph, labels: Int32Array): void {
  const total = graph.areas.reduce((sum, area) => sum + area, 0);
  for (let round = 0; round < 3; round++) {
    const regions = new Uint32Array(graph.faceCount);
    const regionCount = labelComponents(graph, (_edge, from, to) => labels[from] === labels[to], regions);
    const area = new Float64Array(regionCount);
    for (let face = 0; face < graph.faceCount; face++) area[regions[face]] += graph.areas[face];
    const border = new Map<number, Map<number, number>>();
    for (let edge = 0; edge < graph.edgeCount; edge++) {
      const a = graph.edgeFaces[edge * 2],
        b = graph.edgeFaces[edge * 2 + 1];
      if (regions[a] === regions[b]) continue;
      for (const [from, to] of [
        [a, b],
        [b, a],
      ]) {
        const region = regions[from];
        if (area[region] >= SPECK_AREA_SHARE * total) continue;
        const shares = border.get(region) ?? border.set(region, new Map()).get(region)!;
        shares.set(labels[to], (shares.get(labels[to]) ?? 0) + graph.edgeLength[edge]);
      }
    }
    if (border.size === 0) return;
    const target = new Map<number, number>();
    for (const [region, shares] of border) target.set(region, [...shares].sort((x, y) => y[1] - x[1])[0][0]);
    for (let face = 0; face < graph.faceCount; face++) {
      const label = target.get(regions[face]);
      if (label !== undefined) labels[face] = label;
    }
  }
}

/** Parts = labels in use, numbered by decreasing area (part 0 largest), as segment-mesh.ts numbers them. */
function orderByArea(graph: FaceGraph, labels: Int32Array, names: string[]): SkeletonSegmentation {
  const area = new Map<number, number>();
  for (let face = 0; face < graph.faceCount; face++)
    area.set(labels[face], (area.get(labels[face]) ?? 0) + graph.areas[face]);
  const order = [...area.keys()].sort((a, b) => area.get(b)! - area.get(a)!);
  const partOfLabel = new Map(order.map((label, part) => [label, part]));
  const partOf = Int32Array.from(labels, (label) => partOfLabel.get(label)!);
  return { partOf, partCount: order.length, labels: order.map((label) => names[label]) };
}
