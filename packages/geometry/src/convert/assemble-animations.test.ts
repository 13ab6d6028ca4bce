import { describe, expect, it } from 'vitest';
import { skinnedAnimatedDocument, twoAnimationDocument } from '../../test/fixtures/build-fixtures.ts';
import { validateGlb } from '../../test/fixtures/validate-glb.ts';
import { assembleAnimations } from './assemble-animations.ts';
import { writeGlb } from '../formats/glb/write-glb.ts';

describe('assemble_animation: assembleAnimations', () => {
  it('puts every clip on one timeline, end to end, with rest poses where a clip leaves a property alone', async () => {
    const document = twoAnimationDocument(); // "bend" (bone1 rotation, 0–1 s), "slide" (bone0 translation, 0–2 s)
    const ranges = assembleAnimations(document)!;
    expect(ranges.map(({ name }) => name)).toEqual(['bend', 'slide']);
    expect(ranges[0]).toMatchObject({ start: 0, end: 1 });
    expect(ranges[1].start).toBeCloseTo(1 + 1 / 30, 6);
    expect(ranges[1].end).toBeCloseTo(3 + 1 / 30, 6);
    const [animation] = document.getRoot().listAnimations();
    expect(document.getRoot().listAnimations()).toHaveLength(1);
    expect(animation.getName()).toBe('assembled');
    expect(animation.getExtras()).toEqual({ clips: ranges });
    const byPath = new Map(animation.listChannels().map((channel) => [channel.getTargetPath(), channel.getSampler()!]));
    const rotation = byPath.get('rotation')!;
    // bend's two keys, then bone1's rest rotation held over slide.
    expect(Array.from(rotation.getInput()!.getArray()!)).toEqual([
      0,
      1,
      Math.fround(ranges[1].start),
      Math.fround(ranges[1].end),
    ]);
    expect(Array.from(rotation.getOutput()!.getArray()! as Float32Array).slice(8)).toEqual([0, 0, 0, 1, 0, 0, 0, 1]);
    const translation = byPath.get('translation')!;
    expect(Array.from(translation.getInput()!.getArray()!)).toEqual([
      0,
      1,
      Math.fround(ranges[1].start),
      Math.fround(ranges[1].end),
    ]);
    expect(Array.from(translation.getOutput()!.getArray()!)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
    expect((await validateGlb(await writeGlb(document))).errors).toEqual([]);
  });

  it('keeps cubic-spline tangents when every clip uses CUBICSPLINE, and leaves a single clip alone', () => {
    const document = twoAnimationDocument();
    const buffer = document.getRoot().listBuffers()[0];
    for (const animation of document.getRoot().listAnimations()) {
      for (const sampler of animation.listSamplers()) {
        const output = sampler.getOutput()!;
        const width = output.getElementSize();
        const values = Array.from(output.getArray() as Float32Array);
        const cubic: number[] = [];
        for (let key = 0; key < output.getCount(); key++)
          cubic.push(
            ...new Array<number>(width).fill(0.5),
            ...values.slice(key * width, key * width + width),
            ...new Array<number>(width).fill(-0.5),
          );
        sampler
          .setInterpolation('CUBICSPLINE')
          .setOutput(
            document.createAccessor().setType(output.getType()).setBuffer(buffer).setArray(new Float32Array(cubic)),
          );
      }
    }
    assembleAnimations(document);
    for (const channel of document.getRoot().listAnimations()[0].listChannels()) {
      const sampler = channel.getSampler()!;
      expect(sampler.getInterpolation()).toBe('CUBICSPLINE');
      expect(sampler.getOutput()!.getCount()).toBe(sampler.getInput()!.getCount() * 3);
    }
    const single = skinnedAnimatedDocument();
    expect(assembleAnimations(single)).toBeUndefined();
    expect(single.getRoot().listAnimations()[0].getName()).toBe('bend');
  });
});
