// UsdSkel for the USDZ writer: each glTF skin becomes a SkelRoot holding a Skeleton (joint paths, bind and rest
// transforms), the skinned meshes in bind space with skel:jointIndices / skel:jointWeights primvars, and one
// SkelAnimation per glTF animation that moves its joints (USD binds one per skeleton: the first is bound through
// skel:animationSource, the others are written beside it for tools that switch clips).
// The frames line up with glTF's skinning: the SkelRoot and Skeleton sit at the identity, so skeleton space is
// glTF world space; bindTransforms are the inverse bind matrices inverted, geomBindTransform is the identity and
// the points are the raw POSITION values, so USD computes Σ w · jointWorld · IBM · p exactly as glTF does.
// Animation is sampled at 30 time codes per second (linear, step and cubic glTF samplers evaluated exactly).

import type { Animation, AnimationChannel, Document, Node, Skin } from '@gltf-transform/core';
import { IDENTITY4, invert4, multiply4, type Matrix4 } from '../../mesh/transform-math.ts';

export const USD_TIME_CODES_PER_SECOND = 30;

export interface UsdSkeleton {
  skin: Skin;
  /** Joints ordered parents first, as UsdSkel requires; jointOrder[k] = index in skin.listJoints(). */
  joints: Node[];
  /** skin joint index → position in `joints` (what the jointIndices primvar holds). */
  usdIndexOf: Int32Array;
  paths: string[];
}

export interface UsdSkelAnimation {
  name: string;
  /** time code → per joint (translation, rotation xyzw, scale) in the joint's parent-joint space. */
  frames: Array<{ time: number; translations: number[][]; rotations: number[][]; scales: number[][] }>;
}

export function buildUsdSkeleton(skin: Skin): UsdSkeleton {
  const list = skin.listJoints();
  const set = new Set(list);
  const jointParent = (joint: Node): Node | undefined => {
    for (let node = joint.getParentNode(); node; node = node.getParentNode()) if (set.has(node)) return node;
    return undefined;
  };
  const children = new Map<Node | undefined, Node[]>();
  for (const joint of list) {
    const parent = jointParent(joint);
    children.set(parent, [...(children.get(parent) ?? []), joint]);
  }
  const joints: Node[] = [],
    paths: string[] = [];
  const used = new Set<string>();
  const visit = (joint: Node, parentPath: string) => {
    const name = uniqueJointName(joint.getName() || `joint${list.indexOf(joint)}`, used);
    const path = parentPath ? `${parentPath}/${name}` : name;
    joints.push(joint);
    paths.push(path);
    for (const child of children.get(joint) ?? []) visit(child, path);
  };
  for (const root of children.get(undefined) ?? []) visit(root, '');
  const usdIndexOf = new Int32Array(list.length);
  list.forEach((joint, index) => (usdIndexOf[index] = joints.indexOf(joint)));
  return { skin, joints, usdIndexOf, paths };
}

/** A joint's transform relative to its parent joint (or to the world, for a root joint), at the nodes' current TRS. */
function jointLocalMatrix(joint: Node, set: Set<Node>, local: (node: Node) => Matrix4): Matrix4 {
  let matrix: Matrix4 = local(joint);
  for (let node = joint.getParentNode(); node && !set.has(node); node = node.getParentNode())
    matrix = multiply4(local(node), matrix);
  return matrix;
}

export function skeletonText(skeleton: UsdSkeleton, animationPaths: string[], indent: string): string {
  const set = new Set(skeleton.joints);
  const inverseBinds = skeleton.skin.getInverseBindMatrices();
  const list = skeleton.skin.listJoints();
  const bind = skeleton.joints.map((joint) => {
    const index = list.indexOf(joint);
    const inverse = inverseBinds ? inverseBinds.getElement(index, []) : [...IDENTITY4];
    return invert4(inverse) ?? Float64Array.from(IDENTITY4);
  });
  const rest = skeleton.joints.map((joint) => jointLocalMatrix(joint, set, (node) => node.getMatrix()));
  const lines = [
    `${indent}def Skeleton "Skeleton" (`,
    `${indent}    prepend apiSchemas = ["SkelBindingAPI"]`,
    `${indent})`,
    `${indent}{`,
    `${indent}    uniform token[] joints = [${skeleton.paths.map((path) => `"${path}"`).join(', ')}]`,
    `${indent}    uniform matrix4d[] bindTransforms = [${bind.map(matrixText).join(', ')}]`,
    `${indent}    uniform matrix4d[] restTransforms = [${rest.map(matrixText).join(', ')}]`,
  ];
  if (animationPaths[0]) lines.push(`${indent}    rel skel:animationSource = <${animationPaths[0]}>`);
  lines.push(`${indent}}`);
  return lines.join('\n');
}

/** The animations that move at least one joint of the skeleton, sampled at USD_TIME_CODES_PER_SECOND. */
export function sampleSkelAnimations(document: Document, skeleton: UsdSkeleton): UsdSkelAnimation[] {
  const set = new Set(skeleton.joints);
  const result: UsdSkelAnimation[] = [];
  document
    .getRoot()
    .listAnimations()
    .forEach((animation: Animation, index) => {
      const channels = animation
        .listChannels()
        .filter((channel) => set.has(channel.getTargetNode()!) && channel.getSampler()?.getInput());
      if (channels.length === 0) return;
      let start = Infinity,
        stop = -Infinity;
      for (const channel of channels) {
        const times = channel.getSampler()!.getInput()!.getArray()!;
        start = Math.min(start, times[0]);
        stop = Math.max(stop, times[times.length - 1]);
      }
      const byNode = new Map<Node, AnimationChannel[]>();
      for (const channel of channels)
        byNode.set(channel.getTargetNode()!, [...(byNode.get(channel.getTargetNode()!) ?? []), channel]);
      const first = Math.floor(start * USD_TIME_CODES_PER_SECOND),
        last = Math.ceil(stop * USD_TIME_CODES_PER_SECOND);
      const frames: UsdSkelAnimation['frames'] = [];
      for (let code = first; code <= last; code++) {
        const seconds = Math.min(stop, Math.max(start, code / USD_TIME_CODES_PER_SECOND));
        const trs = (node: Node) => {
          const own = {
            translation: node.getTranslation() as number[],
            rotation: node.getRotation() as number[],
            scale: node.getScale() as number[],
          };
          for (const channel of byNode.get(node) ?? []) {
            const path = channel.getTargetPath() as 'translation' | 'rotation' | 'scale';
            if (path in own) own[path] = evaluateSampler(channel, seconds);
          }
          return own;
        };
        const translations: number[][] = [],
          rotations: number[][] = [],
          scales: number[][] = [];
        for (const joint of skeleton.joints) {
          let value = trs(joint);
          if (!set.has(joint.getParentNode()!) && joint.getParentNode()) {
            // A root joint below non-joint nodes: its skeleton-space transform includes theirs (at rest).
            value = decompose(
              jointLocalMatrix(joint, set, (node) => (node === joint ? compose(value) : node.getMatrix())),
            );
          }
          translations.push(value.translation);
          rotations.push(value.rotation);
          scales.push(value.scale);
        }
        frames.push({ time: code, translations, rotations, scales });
      }
      result.push({ name: animation.getName() || `animation_${index}`, frames });
    });
  return result;
}

export function skelAnimationText(
  name: string,
  skeleton: UsdSkeleton,
  animation: UsdSkelAnimation,
  indent: string,
): string {
  const samples = (
    pick: (frame: UsdSkelAnimation['frames'][number]) => number[][],
    format: (value: number[]) => string,
  ) =>
    animation.frames
      .map((frame) => `${indent}        ${frame.time}: [${pick(frame).map(format).join(', ')}],`)
      .join('\n');
  const vector = (value: number[]) => `(${value.map(formatNumber).join(', ')})`;
  const quaternion = (value: number[]) => `(${[value[3], value[0], value[1], value[2]].map(formatNumber).join(', ')})`; // USD text is (w, x, y, z)
  return [
    `${indent}def SkelAnimation "${name}"`,
    `${indent}{`,
    `${indent}    uniform token[] joints = [${skeleton.paths.map((path) => `"${path}"`).join(', ')}]`,
    `${indent}    float3[] translations.timeSamples = {`,
    samples((frame) => frame.translations, vector),
    `${indent}    }`,
    `${indent}    quatf[] rotations.timeSamples = {`,
    samples((frame) => frame.rotations, quaternion),
    `${indent}    }`,
    `${indent}    half3[] scales.timeSamples = {`,
    samples((frame) => frame.scales, vector),
    `${indent}    }`,
    `${indent}}`,
  ].join('\n');
}

/** jointIndices (in the Skeleton's order) and weights per vertex, `width` influences each (4 or 8). */
export function skinPrimvars(
  skeleton: UsdSkeleton,
  joints: number[][],
  weights: number[][],
): { width: number; indices: Int32Array; values: Float32Array } {
  const width = joints[0]?.length ?? 4;
  const indices = new Int32Array(joints.length * width),
    values = new Float32Array(joints.length * width);
  joints.forEach((list, vertex) => {
    const total = weights[vertex].reduce((sum, weight) => sum + weight, 0) || 1;
    for (let k = 0; k < width; k++) {
      const weight = weights[vertex][k] / total;
      indices[vertex * width + k] = weight > 0 ? skeleton.usdIndexOf[list[k]] : 0;
      values[vertex * width + k] = weight;
    }
  });
  return { width, indices, values };
}

function evaluateSampler(channel: AnimationChannel, seconds: number): number[] {
  const sampler = channel.getSampler()!;
  const times = sampler.getInput()!.getArray()!;
  const output = sampler.getOutput()!;
  const rotation = channel.getTargetPath() === 'rotation';
  const width = rotation ? 4 : 3;
  const cubic = sampler.getInterpolation() === 'CUBICSPLINE';
  const value = (key: number, part = 1) => output.getElement(cubic ? key * 3 + part : key, []).slice(0, width);
  if (seconds <= times[0]) return value(0);
  const lastKey = times.length - 1;
  if (seconds >= times[lastKey]) return value(lastKey);
  let key = 0;
  while (key < lastKey - 1 && times[key + 1] <= seconds) key++;
  const span = times[key + 1] - times[key];
  const t = span > 0 ? (seconds - times[key]) / span : 0;
  if (sampler.getInterpolation() === 'STEP') return value(key);
  if (cubic) {
    const [p0, m0, p1, m1] = [value(key), value(key, 2), value(key + 1), value(key + 1, 0)];
    const t2 = t * t,
      t3 = t2 * t;
    const mixed = p0.map(
      (_, i) =>
        (2 * t3 - 3 * t2 + 1) * p0[i] +
        (t3 - 2 * t2 + t) * span * m0[i] +
        (-2 * t3 + 3 * t2) * p1[i] +
        (t3 - t2) * span * m1[i],
    );
    return rotation ? normalize(mixed) : mixed;
  }
  const [a, b] = [value(key), value(key + 1)];
  return rotation ? slerp(a, b, t) : a.map((component, i) => component + (b[i] - component) * t);
}

function slerp(a: number[], b: number[], t: number): number[] {
  let dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3];
  const sign = dot < 0 ? -1 : 1;
  dot *= sign;
  if (dot > 0.9995) return normalize(a.map((component, i) => component + (sign * b[i] - component) * t));
  const angle = Math.acos(dot),
    sine = Math.sin(angle);
  const wa = Math.sin((1 - t) * angle) / sine,
    wb = (sign * Math.sin(t * angle)) / sine;
  return a.map((component, i) => wa * component + wb * b[i]);
}

function normalize(q: number[]): number[] {
  const length = Math.hypot(...q) || 1;
  return q.map((component) => component / length);
}

function compose({
  translation: [tx, ty, tz],
  rotation: [x, y, z, w],
  scale: [sx, sy, sz],
}: {
  translation: number[];
  rotation: number[];
  scale: number[];
}): number[] {
  return [
    (1 - 2 * (y * y + z * z)) * sx,
    2 * (x * y + z * w) * sx,
    2 * (x * z - y * w) * sx,
    0,
    2 * (x * y - z * w) * sy,
    (1 - 2 * (x * x + z * z)) * sy,
    2 * (y * z + x * w) * sy,
    0,
    2 * (x * z + y * w) * sz,
    2 * (y * z - x * w) * sz,
    (1 - 2 * (x * x + y * y)) * sz,
    0,
    tx,
    ty,
    tz,
    1,
  ];
}

function decompose(m: Matrix4): { translation: number[]; rotation: number[]; scale: number[] } {
  const scale = [Math.hypot(m[0], m[1], m[2]), Math.hypot(m[4], m[5], m[6]), Math.hypot(m[8], m[9], m[10])];
  const r = [
    m[0] / scale[0],
    m[1] / scale[0],
    m[2] / scale[0],
    m[4] / scale[1],
    m[5] / scale[1],
    m[6] / scale[1],
    m[8] / scale[2],
    m[9] / scale[2],
    m[10] / scale[2],
  ];
  const trace = r[0] + r[4] + r[8];
  let q: number[];
  if (trace > 0) {
    const s = Math.sqrt(trace + 1) * 2;
    q = [(r[5] - r[7]) / s, (r[6] - r[2]) / s, (r[1] - r[3]) / s, s / 4];
  } else if (r[0] > r[4] && r[0] > r[8]) {
    const s = Math.sqrt(1 + r[0] - r[4] - r[8]) * 2;
    q = [s / 4, (r[1] + r[3]) / s, (r[6] + r[2]) / s, (r[5] - r[7]) / s];
  } else if (r[4] > r[8]) {
    const s = Math.sqrt(1 + r[4] - r[0] - r[8]) * 2;
    q = [(r[1] + r[3]) / s, s / 4, (r[5] + r[7]) / s, (r[6] - r[2]) / s];
  } else {
    const s = Math.sqrt(1 + r[8] - r[0] - r[4]) * 2;
    q = [(r[6] + r[2]) / s, (r[5] + r[7]) / s, s / 4, (r[1] - r[3]) / s];
  }
  return { translation: [m[12], m[13], m[14]], rotation: normalize(q), scale };
}

/** USD's matrix4d text: four rows; glTF's column-major array read four at a time gives USD's row-vector rows. */
function matrixText(m: Matrix4): string {
  const rows = [0, 1, 2, 3].map(
    (row) => `(${[0, 1, 2, 3].map((column) => formatNumber(m[row * 4 + column])).join(', ')})`,
  );
  return `(${rows.join(', ')})`;
}

function formatNumber(value: number): string {
  const rounded = Math.round(value * 1e6) / 1e6;
  return Number.isFinite(rounded) ? String(rounded === 0 ? 0 : rounded) : '0';
}

function uniqueJointName(name: string, used: Set<string>): string {
  const base = name.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^(?=\d)/, '_') || '_';
  let candidate = base;
  for (let suffix = 2; used.has(candidate); suffix++) candidate = `${base}_${suffix}`;
  used.add(candidate);
  return candidate;
}
