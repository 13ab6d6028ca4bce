// Writes glTF animations as FBX AnimationStack + AnimationLayer, with one AnimationCurveNode per animated
// T/R/S property and one AnimationCurve per component (KeyTime in FBX ticks, 46186158000 per second).
// Only channels that target a written skeleton Model are kept (static meshes are baked in world space).
// FBX curves interpolate each Euler angle on its own, so rotations are resampled where that would drift from
// glTF's slerp: LINEAR intervals are split into steps of at most 10°, CUBICSPLINE intervals are sampled from
// the Hermite spline; STEP keys become constant keys. Euler triples are kept continuous from key to key.

import type { Animation, AnimationSampler } from '@gltf-transform/core';
import { fbx, type FbxNode } from './write-fbx-binary.ts';
import { fbxName, number, properties70, type FbxObjectSink } from './write-fbx-objects.ts';
import { quaternionToEulerDegrees, type FbxTransform, type Vec3 } from '../../mesh/transform-math.ts';
import type { FbxArmature } from './write-fbx-skin.ts';

export const FBX_TICKS_PER_SECOND = 46186158000;

const MAX_ROTATION_STEP_RADIANS = (10 * Math.PI) / 180;
const CUBIC_SAMPLES_PER_INTERVAL = 4;
// KeyAttrFlags as Blender writes them: interpolation (bit 1 constant, bit 2 linear) and auto tangents.
const FLAGS_LINEAR = (1 << 2) | (1 << 8) | (1 << 13) | (1 << 14);
const FLAGS_CONSTANT = 1 << 1;

const PROPERTIES = {
  translation: { curveNode: 'T', property: 'Lcl Translation', rest: 'translation' },
  rotation: { curveNode: 'R', property: 'Lcl Rotation', rest: 'rotation' },
  scale: { curveNode: 'S', property: 'Lcl Scaling', rest: 'scaling' },
} as const;

export interface WrittenAnimation {
  name: string;
  startTicks: number;
  stopTicks: number;
}

export function writeAnimations(
  animations: Animation[],
  armature: FbxArmature,
  sink: FbxObjectSink,
): WrittenAnimation[] {
  const written: WrittenAnimation[] = [];
  const usedNames = new Set<string>();
  animations.forEach((animation, index) => {
    const channels = animation.listChannels().filter((channel) => {
      const node = channel.getTargetNode(),
        path = channel.getTargetPath(),
        sampler = channel.getSampler();
      return (
        node && armature.models.has(node) && path && path in PROPERTIES && sampler?.getInput() && sampler.getOutput()
      );
    });
    if (channels.length === 0) return;
    let name = animation.getName() || `animation_${index}`;
    for (let suffix = 2; usedNames.has(name); suffix++) name = `${animation.getName() || 'animation'}_${suffix}`;
    usedNames.add(name);

    const stackId = sink.newId(),
      layerId = sink.newId();
    let start = Infinity,
      stop = -Infinity;
    for (const channel of channels) {
      const node = channel.getTargetNode()!,
        path = channel.getTargetPath() as keyof typeof PROPERTIES;
      const { curveNode, property, rest } = PROPERTIES[path];
      const keys = sampleChannel(channel.getSampler()!, path === 'rotation');
      if (keys.times.length === 0) continue;
      start = Math.min(start, keys.times[0]);
      stop = Math.max(stop, keys.times[keys.times.length - 1]);
      const defaults = armature.rest.get(node)![rest as keyof FbxTransform];
      const curveNodeId = sink.newId();
      sink.add(
        fbx.node(
          'AnimationCurveNode',
          [fbx.int64(curveNodeId), fbxName(curveNode, 'AnimCurveNode'), fbx.string('')],
          [
            properties70(
              (['X', 'Y', 'Z'] as const).map((axis, component) => [
                `d|${axis}`,
                'Number',
                '',
                'A',
                number(defaults[component]),
              ]),
            ),
          ],
        ),
      );
      sink.connect(curveNodeId, layerId);
      sink.connect(curveNodeId, armature.models.get(node)!, property);
      const ticks = BigInt64Array.from(keys.times, (seconds) => BigInt(Math.round(seconds * FBX_TICKS_PER_SECOND)));
      (['X', 'Y', 'Z'] as const).forEach((axis, component) => {
        const curveId = sink.newId();
        const values = Float32Array.from(keys.values, (value) => value[component]);
        sink.add(curveNodeCurve(curveId, defaults[component], ticks, values, keys.constant));
        sink.connect(curveId, curveNodeId, `d|${axis}`);
      });
    }
    if (start > stop) return;
    const startTicks = Math.round(start * FBX_TICKS_PER_SECOND),
      stopTicks = Math.round(stop * FBX_TICKS_PER_SECOND);
    const time = (value: number) => fbx.int64(value);
    sink.add(
      fbx.node(
        'AnimationStack',
        [fbx.int64(stackId), fbxName(name, 'AnimStack'), fbx.string('')],
        [
          properties70([
            ['LocalStart', 'KTime', 'Time', '', time(startTicks)],
            ['LocalStop', 'KTime', 'Time', '', time(stopTicks)],
            ['ReferenceStart', 'KTime', 'Time', '', time(startTicks)],
            ['ReferenceStop', 'KTime', 'Time', '', time(stopTicks)],
          ]),
        ],
      ),
    );
    // An empty Properties70 gives the layer the nested scope that readers (assimp) require.
    sink.add(
      fbx.node('AnimationLayer', [fbx.int64(layerId), fbxName(name, 'AnimLayer'), fbx.string('')], [properties70([])]),
    );
    sink.connect(layerId, stackId);
    written.push({ name, startTicks, stopTicks });
  });
  return written;
}

/** The Takes section's entry for a written stack. */
export function takeNode({ name, startTicks, stopTicks }: WrittenAnimation): FbxNode {
  return fbx.node(
    'Take',
    [fbx.string(name)],
    [
      fbx.node('FileName', [fbx.string(`${name.replace(/[^\w.-]+/g, '_')}.tak`)]),
      fbx.node('LocalTime', [fbx.int64(startTicks), fbx.int64(stopTicks)]),
      fbx.node('ReferenceTime', [fbx.int64(startTicks), fbx.int64(stopTicks)]),
    ],
  );
}

function curveNodeCurve(
  id: number,
  defaultValue: number,
  ticks: BigInt64Array,
  values: Float32Array,
  constant: boolean,
): FbxNode {
  return fbx.node(
    'AnimationCurve',
    [fbx.int64(id), fbxName('', 'AnimCurve'), fbx.string('')],
    [
      fbx.node('Default', [fbx.float64(defaultValue)]),
      fbx.node('KeyVer', [fbx.int32(4009)]),
      fbx.node('KeyTime', [fbx.int64s(ticks)]),
      fbx.node('KeyValueFloat', [fbx.float32s(values)]),
      fbx.node('KeyAttrFlags', [fbx.int32s(Int32Array.of(constant ? FLAGS_CONSTANT : FLAGS_LINEAR))]),
      fbx.node('KeyAttrDataFloat', [fbx.float32s(new Float32Array(4))]),
      fbx.node('KeyAttrRefCount', [fbx.int32s(Int32Array.of(ticks.length))]),
    ],
  );
}

interface ChannelKeys {
  times: number[];
  /** xyz per key: translation, Euler degrees or scale. */
  values: Vec3[];
  constant: boolean;
}

/** The sampler's keys as FBX keys; rotations resampled as described at the top of the file. */
export function sampleChannel(sampler: AnimationSampler, rotation: boolean): ChannelKeys {
  const input = sampler.getInput()!,
    output = sampler.getOutput()!;
  const times = Array.from(input.getArray()!, Number);
  const width = rotation ? 4 : 3;
  const interpolation = sampler.getInterpolation();
  const cubic = interpolation === 'CUBICSPLINE';
  const element = (index: number) => output.getElement(index, []).slice(0, width);
  // CUBICSPLINE outputs are (in-tangent, value, out-tangent) triples.
  const value = (key: number) => element(cubic ? key * 3 + 1 : key);
  const sampleTimes: number[] = [],
    samples: number[][] = [];
  const push = (time: number, sample: number[]) => {
    sampleTimes.push(time);
    samples.push(rotation ? normalize(sample) : sample);
  };
  for (let key = 0; key < times.length; key++) {
    push(times[key], value(key));
    if (key + 1 === times.length || interpolation === 'STEP') continue;
    const [t0, t1] = [times[key], times[key + 1]],
      duration = t1 - t0;
    if (!(duration > 0)) continue;
    let steps = 1;
    if (cubic) steps = CUBIC_SAMPLES_PER_INTERVAL;
    if (rotation)
      steps = Math.max(steps, Math.ceil(angleBetween(value(key), value(key + 1)) / MAX_ROTATION_STEP_RADIANS));
    for (let step = 1; step < steps; step++) {
      const s = step / steps;
      if (cubic) {
        const p0 = value(key),
          m0 = element(key * 3 + 2),
          p1 = value(key + 1),
          m1 = element((key + 1) * 3);
        const s2 = s * s,
          s3 = s2 * s;
        const [h00, h10, h01, h11] = [2 * s3 - 3 * s2 + 1, s3 - 2 * s2 + s, -2 * s3 + 3 * s2, s3 - s2];
        push(
          t0 + s * duration,
          p0.map((_, c) => h00 * p0[c] + h10 * duration * m0[c] + h01 * p1[c] + h11 * duration * m1[c]),
        );
      } else {
        push(t0 + s * duration, slerp(value(key), value(key + 1), s));
      }
    }
  }
  let previous: Vec3 | undefined;
  const values = samples.map((sample): Vec3 => {
    if (!rotation) return [sample[0], sample[1], sample[2]];
    previous = quaternionToEulerDegrees(sample, previous);
    return previous;
  });
  return { times: sampleTimes, values, constant: interpolation === 'STEP' };
}

function normalize(q: number[]): number[] {
  const length = Math.hypot(...q) || 1;
  return q.map((component) => component / length);
}

function angleBetween(a: number[], b: number[]): number {
  const [na, nb] = [normalize(a), normalize(b)];
  const dot = Math.abs(na.reduce((sum, component, index) => sum + component * nb[index], 0));
  return 2 * Math.acos(Math.min(1, dot));
}

/** Shortest-path spherical interpolation, as glTF's LINEAR rotation sampler specifies. */
function slerp(a: number[], b: number[], s: number): number[] {
  const [qa, qb0] = [normalize(a), normalize(b)];
  let dot = qa.reduce((sum, component, index) => sum + component * qb0[index], 0);
  const qb = dot < 0 ? qb0.map((component) => -component) : qb0;
  dot = Math.abs(dot);
  if (dot > 0.9995) return normalize(qa.map((component, index) => component + s * (qb[index] - component)));
  const theta = Math.acos(dot),
    sin = Math.sin(theta);
  const wa = Math.sin((1 - s) * theta) / sin,
    wb = Math.sin(s * theta) / sin;
  return qa.map((component, index) => wa * component + wb * qb[index]);
}
