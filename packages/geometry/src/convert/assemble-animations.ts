// convert_model `assemble_animation=true`: merges all of the model's animations into one clip on one timeline,
// one after the other in the Document's order (as Blender's NLA plays strips placed end to end, or Mixamo's
// "assemble" of several motions into one take). The spec names the option without defining it (V3, beside the
// retarget outputs, where a model carries one clip per retargeted motion); tools that play only the first
// animation of a file (most game engines' default import, FBX readers that take one take) then play them all.
//
// Method: clip k's keyframes are shifted to start at the end of clip k − 1 plus `gapSeconds` (so the input stays
// strictly increasing and the pose blends over the gap); a property that clip k does not animate holds its rest
// value (the node's TRS, the mesh's morph weights) during clip k, so one clip's last pose does not leak into the
// next. A merged channel keeps its interpolation when every clip uses the same one, else it becomes LINEAR
// (cubic spline values kept, tangents dropped). The clip boundaries go to the animation's extras as
// `clips: [{ name, start, end }]` (seconds) so they can be split again. Fewer than two animations: unchanged.

import type { Accessor, AnimationChannel, AnimationSampler, Document, Node } from '@gltf-transform/core';

export interface AssembleAnimationsOptions {
  /** Seconds between one clip's last keyframe and the next clip's first. */
  gapSeconds?: number;
  name?: string;
}

export const ASSEMBLE_ANIMATIONS_DEFAULTS: Required<AssembleAnimationsOptions> = {
  gapSeconds: 1 / 30,
  name: 'assembled',
};

export interface ClipRange {
  name: string;
  start: number;
  end: number;
}

type Interpolation = 'LINEAR' | 'STEP' | 'CUBICSPLINE';

interface Track {
  node: Node;
  path: 'translation' | 'rotation' | 'scale' | 'weights';
  /** Per clip, the channel animating this property, if any. */
  channels: Array<AnimationChannel | undefined>;
}

/** Returns the clip ranges on the merged timeline, or undefined when there was nothing to assemble. */
export function assembleAnimations(
  document: Document,
  options: AssembleAnimationsOptions = {},
): ClipRange[] | undefined {
  const { gapSeconds, name } = { ...ASSEMBLE_ANIMATIONS_DEFAULTS, ...options };
  const animations = document.getRoot().listAnimations();
  if (animations.length < 2) return undefined;

  const ranges: ClipRange[] = [];
  const starts: number[] = [];
  let offset = 0;
  for (const animation of animations) {
    let start = Infinity,
      end = -Infinity;
    for (const sampler of animation.listSamplers()) {
      const times = sampler.getInput()?.getArray();
      if (!times || times.length === 0) continue;
      start = Math.min(start, times[0]);
      end = Math.max(end, times[times.length - 1]);
    }
    if (start === Infinity) start = end = 0;
    starts.push(start);
    ranges.push({ name: animation.getName(), start: offset, end: offset + (end - start) });
    offset += end - start + gapSeconds;
  }

  const tracks = new Map<string, Track>();
  const nodeIds = new Map<Node, number>();
  animations.forEach((animation, clip) => {
    for (const channel of animation.listChannels()) {
      const node = channel.getTargetNode();
      const path = channel.getTargetPath() as Track['path'] | null;
      if (!node || !path || !channel.getSampler()?.getInput() || !channel.getSampler()?.getOutput()) continue;
      if (!nodeIds.has(node)) nodeIds.set(node, nodeIds.size);
      const key = `${nodeIds.get(node)}:${path}`;
      const track = tracks.get(key) ?? { node, path, channels: new Array(animations.length).fill(undefined) };
      track.channels[clip] ??= channel;
      tracks.set(key, track);
    }
  });

  const buffer = document.getRoot().listBuffers()[0] ?? document.createBuffer();
  const merged = document.createAnimation(name).setExtras({ clips: ranges });
  for (const track of tracks.values()) {
    const interpolations = new Set(
      track.channels.filter(Boolean).map((channel) => channel!.getSampler()!.getInterpolation() as Interpolation),
    );
    const interpolation: Interpolation = interpolations.size === 1 ? [...interpolations][0] : 'LINEAR';
    const cubic = interpolation === 'CUBICSPLINE';
    const width = valueWidth(track);
    const times: number[] = [];
    const values: number[] = [];
    const push = (
      time: number,
      value: ArrayLike<number>,
      inTangent?: ArrayLike<number>,
      outTangent?: ArrayLike<number>,
    ) => {
      if (times.length > 0 && time <= times[times.length - 1]) return; // a zero-length clip's second key
      times.push(time);
      if (cubic) values.push(...Array.from(inTangent ?? zeros(width)));
      values.push(...Array.from(value).slice(0, width));
      if (cubic) values.push(...Array.from(outTangent ?? zeros(width)));
    };
    track.channels.forEach((channel, clip) => {
      const { start, end } = ranges[clip];
      if (!channel) {
        const rest = restValue(track, width);
        push(start, rest);
        push(end, rest);
        return;
      }
      const sampler = channel.getSampler()!;
      const input = sampler.getInput()!.getArray()!;
      const output = Array.from(floatValues(sampler.getOutput()!));
      const sourceCubic = sampler.getInterpolation() === 'CUBICSPLINE';
      for (let key = 0; key < input.length; key++) {
        const time = input[key] - starts[clip] + start;
        if (sourceCubic) {
          const base = key * 3 * width;
          const value = output.slice(base + width, base + 2 * width);
          if (cubic)
            push(time, value, output.slice(base, base + width), output.slice(base + 2 * width, base + 3 * width));
          else push(time, value);
        } else {
          push(time, output.slice(key * width, key * width + width));
        }
      }
    });
    const sampler: AnimationSampler = document
      .createAnimationSampler()
      .setInterpolation(interpolation)
      .setInput(document.createAccessor().setType('SCALAR').setArray(new Float32Array(times)).setBuffer(buffer))
      .setOutput(
        document
          .createAccessor()
          .setType(track.path === 'weights' ? 'SCALAR' : width === 4 ? 'VEC4' : 'VEC3')
          .setArray(new Float32Array(values))
          .setBuffer(buffer),
      );
    merged
      .addSampler(sampler)
      .addChannel(
        document.createAnimationChannel().setTargetNode(track.node).setTargetPath(track.path).setSampler(sampler),
      );
  }

  for (const animation of animations) {
    for (const channel of animation.listChannels()) channel.dispose();
    for (const sampler of animation.listSamplers()) sampler.dispose();
    animation.dispose();
  }
  return ranges;
}

function valueWidth(track: Track): number {
  if (track.path === 'rotation') return 4;
  if (track.path !== 'weights') return 3;
  const weights = track.node.getWeights().length || track.node.getMesh()?.getWeights().length;
  if (weights) return weights;
  const sampler = track.channels.find(Boolean)!.getSampler()!;
  const keys = sampler.getInput()!.getCount() * (sampler.getInterpolation() === 'CUBICSPLINE' ? 3 : 1);
  return Math.max(1, Math.round(sampler.getOutput()!.getCount() / keys));
}

function restValue(track: Track, width: number): number[] {
  const { node, path } = track;
  if (path === 'translation') return node.getTranslation();
  if (path === 'rotation') return node.getRotation();
  if (path === 'scale') return node.getScale();
  const weights = node.getWeights().length ? node.getWeights() : (node.getMesh()?.getWeights() ?? []);
  return Array.from({ length: width }, (_, index) => weights[index] ?? 0);
}

/** Output values as plain floats (normalised integer outputs decoded). */
function floatValues(accessor: Accessor): Float32Array {
  const size = accessor.getElementSize();
  const out = new Float32Array(accessor.getCount() * size);
  const element: number[] = [];
  for (let index = 0; index < accessor.getCount(); index++) out.set(accessor.getElement(index, element), index * size);
  return out;
}

function zeros(width: number): number[] {
  return new Array<number>(width).fill(0);
}
