import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Document } from '@gltf-transform/core';
import {
  AnimationMixer,
  LoopOnce,
  Vector3,
  type AnimationClip,
  type Group,
  type QuaternionKeyframeTrack,
  type SkinnedMesh,
} from 'three';
import { FBXLoader } from 'three/examples/jsm/loaders/FBXLoader.js';
import { afterAll, describe, expect, it } from 'vitest';
import { hasAssimp } from '../../../test/fixtures/assimp-info.ts';
import { skinnedAnimatedDocument } from '../../../test/fixtures/build-fixtures.ts';
import { collectWorldTriangles } from '../../mesh/collect-world-triangles.ts';
import { invert4, multiply4 } from '../../mesh/transform-math.ts';
import { writeFbx } from './write-fbx.ts';
import { hasTool } from '../../../test/fixtures/required-tool.ts';

const hasBlender = hasTool('blender');
const scratch = mkdtempSync(join(tmpdir(), 'polyforge-fbx-skin-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function saveFbx(bytes: Uint8Array): string {
  const path = join(scratch, `model-${Math.random().toString(36).slice(2)}.fbx`);
  writeFileSync(path, bytes);
  return path;
}

function threeRead(bytes: Uint8Array) {
  const group = new FBXLoader().parse(bytes.slice().buffer, '') as Group & { animations: AnimationClip[] };
  const skinned: SkinnedMesh[] = [];
  group.traverse((object) => (object as SkinnedMesh).isSkinnedMesh && skinned.push(object as SkinnedMesh));
  return { group, skinned };
}

/** World positions of three's skinned vertices at `seconds` into the first clip. */
function posedThreePositions(bytes: Uint8Array, seconds: number): number[][] {
  const { group, skinned } = threeRead(bytes);
  const mixer = new AnimationMixer(group);
  const action = mixer.clipAction(group.animations[0]).setLoop(LoopOnce, 1);
  action.clampWhenFinished = true;
  action.play();
  mixer.setTime(seconds);
  group.updateMatrixWorld(true);
  const mesh = skinned[0];
  const vertex = new Vector3();
  return Array.from({ length: mesh.geometry.getAttribute('position').count }, (_, index) =>
    mesh.getVertexPosition(index, vertex).applyMatrix4(mesh.matrixWorld).toArray(),
  );
}

/** glTF's own answer: bone1 posed with `rotation`, skinned by collectWorldTriangles. */
function posedGltfPositions(document: Document, rotation: number[]): number[][] {
  document
    .getRoot()
    .listNodes()
    .find((node) => node.getName() === 'bone1')!
    .setRotation(rotation as [number, number, number, number]);
  const [{ positions }] = collectWorldTriangles(document);
  return Array.from({ length: positions.length / 3 }, (_, vertex) =>
    Array.from(positions.subarray(vertex * 3, vertex * 3 + 3)),
  );
}

/** Every point of `actual` lies within `tolerance` of some point of `expected`, and the other way round. */
function expectSamePointSets(actual: number[][], expected: number[][], tolerance: number) {
  const nearest = (point: number[], set: number[][]) =>
    Math.min(...set.map((other) => Math.hypot(...point.map((value, axis) => value - other[axis]))));
  for (const point of actual) expect(nearest(point, expected)).toBeLessThan(tolerance);
  for (const point of expected) expect(nearest(point, actual)).toBeLessThan(tolerance);
}

const slerpZ = (degrees: number) => [0, 0, Math.sin((degrees * Math.PI) / 360), Math.cos((degrees * Math.PI) / 360)];

/**
 * The skinned fixture moved under a transformed "Armature" node (translated, turned 90° about y, scaled 2),
 * with its bind data moved along, and bone1 animated about a skew axis by 150° (which forces resampling and
 * exercises the Euler conversion on all three axes).
 */
function armatureDocument(): { document: Document; rotationAt: (seconds: number) => number[] } {
  const document = skinnedAnimatedDocument();
  const root = document.getRoot();
  const [bone0, bone1] = ['bone0', 'bone1'].map((name) => root.listNodes().find((node) => node.getName() === name)!);
  const armature = document
    .createNode('Armature')
    .setTranslation([1, 0.5, 0])
    .setRotation([0, Math.SQRT1_2, 0, Math.SQRT1_2])
    .setScale([2, 2, 2]);
  root.listScenes()[0].removeChild(bone0).addChild(armature);
  armature.addChild(bone0);
  const armatureMatrix = armature.getMatrix();
  const skin = root.listSkins()[0];
  skin
    .getInverseBindMatrices()!
    .setArray(Float32Array.from([bone0, bone1].flatMap((bone) => Array.from(invert4(bone.getWorldMatrix())!))));
  const position = root.listMeshes()[0].listPrimitives()[0].getAttribute('POSITION')!;
  const moved = new Float32Array(position.getCount() * 3);
  for (let vertex = 0; vertex < position.getCount(); vertex++) {
    const [x, y, z] = position.getElement(vertex, [0, 0, 0]);
    const m = multiply4(armatureMatrix, [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, x, y, z, 1]);
    moved.set([m[12], m[13], m[14]], vertex * 3);
  }
  position.setArray(moved);
  const axis = [1, 2, 3].map((value) => value / Math.hypot(1, 2, 3));
  const rotationAt = (seconds: number) => {
    const half = (seconds * 150 * Math.PI) / 360;
    return [...axis.map((value) => value * Math.sin(half)), Math.cos(half)];
  };
  root
    .listAnimations()[0]
    .listSamplers()[0]
    .getOutput()!
    .setArray(Float32Array.from([...rotationAt(0), ...rotationAt(1)]));
  return { document, rotationAt };
}

describe('writeFbx skins and animations', () => {
  it.skipIf(!hasAssimp)(
    'is read by assimp with both bones and the animation, the bones beside the mesh under one root',
    () => {
      const path = saveFbx(writeFbx(skinnedAnimatedDocument()));
      const output = execFileSync('assimp', ['info', path, '-v'], { encoding: 'utf8' });
      const count = (label: string) => Number(new RegExp(`^${label}:\\s+(\\d+)`, 'm').exec(output)?.[1]);
      expect(count('Animations')).toBe(1);
      expect(count('Bones')).toBe(2);
      expect(count('Animation Channels')).toBeGreaterThanOrEqual(1);
      expect(output).toMatch(/strip\): \[6 \/ 2 \/ 4/); // 6 vertices, 2 bones, 4 faces
      const hierarchy = output.slice(output.indexOf('Node hierarchy:'));
      expect(hierarchy).toMatch(/└╴Armature\n\s+├╴bone0\n\s+│ └╴bone1[\s\S]*\n\s+└╴strip \(mesh 0\)/);
    },
  );

  it('is read by three as a SkinnedMesh with both bones, normalised weights and the clip', () => {
    const { group, skinned } = threeRead(writeFbx(skinnedAnimatedDocument()));
    expect(skinned).toHaveLength(1);
    const mesh = skinned[0];
    expect(mesh.skeleton.bones.map((bone) => bone.name)).toEqual(['bone0', 'bone1']);
    expect(mesh.parent).toBe(mesh.skeleton.bones[0].parent); // siblings under the root Null
    const weights = mesh.geometry.getAttribute('skinWeight');
    for (let vertex = 0; vertex < weights.count; vertex++) {
      expect(weights.getX(vertex) + weights.getY(vertex) + weights.getZ(vertex) + weights.getW(vertex)).toBeCloseTo(
        1,
        6,
      );
    }
    expect(group.animations).toHaveLength(1);
    const [clip] = group.animations;
    expect(clip.name).toBe('bend');
    expect(clip.duration).toBeCloseTo(1, 6);
    const rotation = clip.tracks.find((track) => track.name === 'bone1.quaternion') as QuaternionKeyframeTrack;
    expect(rotation).toBeDefined();
    const last = rotation.values.length - 4;
    const turned = 2 * Math.acos(Math.min(1, Math.abs(rotation.values[last + 3]))) * (180 / Math.PI);
    expect(turned).toBeCloseTo(45, 3);
    expect(rotation.values[last + 2]).toBeGreaterThan(0); // about +z
  });

  it('deforms in three exactly as glTF skinning does: rest pose, mid-clip and end', () => {
    const bytes = writeFbx(skinnedAnimatedDocument());
    for (const [seconds, degrees] of [
      [0, 0],
      [0.5, 22.5],
      [1, 45],
    ]) {
      expectSamePointSets(
        posedThreePositions(bytes, seconds),
        posedGltfPositions(skinnedAnimatedDocument(), slerpZ(degrees)),
        1e-4,
      );
    }
  });

  it('keeps a transformed armature root and a skew-axis rotation (Euler XYZ resampled from slerp)', () => {
    const bytes = writeFbx(armatureDocument().document);
    const { skinned } = threeRead(bytes);
    expect(skinned[0].skeleton.bones).toHaveLength(2);
    for (const seconds of [0, 0.3, 0.5, 1]) {
      const { document, rotationAt } = armatureDocument();
      expectSamePointSets(posedThreePositions(bytes, seconds), posedGltfPositions(document, rotationAt(seconds)), 2e-3);
    }
  });

  it('leaves documents without skins free of deformers, poses and animation stacks', () => {
    const document = skinnedAnimatedDocument();
    for (const node of document.getRoot().listNodes()) node.setSkin(null);
    const text = Buffer.from(writeFbx(document)).toString('latin1');
    for (const name of ['Deformer', 'BindPose', 'AnimationStack', 'LimbNode']) expect(text).not.toContain(name);
  });

  it.skipIf(!hasBlender)(
    'is imported by Blender as an armature with both bones, a skinned child mesh and the action',
    { timeout: 120_000 },
    () => {
      const result = blenderImport(writeFbx(skinnedAnimatedDocument()), [1, 25]);
      expect(result.bones).toEqual(['bone0', 'bone1']);
      expect(result.meshParents).toEqual(['ARMATURE']);
      expect(result.modifiers).toEqual(['ARMATURE']);
      expect(result.groups.sort()).toEqual(['bone0', 'bone1']);
      expect(result.actions).toHaveLength(1);
      expect(result.actions[0][0]).toMatch(/bend/);
      expect(result.actions[0][1][1] - result.actions[0][1][0]).toBeCloseTo(result.fps, 3); // one second
      expectSamePointSets(result.posed[0], posedGltfPositions(skinnedAnimatedDocument(), slerpZ(0)), 1e-3);
      expectSamePointSets(result.posed[1], posedGltfPositions(skinnedAnimatedDocument(), slerpZ(45)), 1e-3);
    },
  );

  it.skipIf(!hasBlender)(
    'deforms in Blender as in glTF under a transformed armature root',
    { timeout: 120_000 },
    () => {
      const result = blenderImport(writeFbx(armatureDocument().document), [1, 13, 25]);
      expect(result.bones).toEqual(['bone0', 'bone1']);
      [0, 0.5, 1].forEach((seconds, index) => {
        const { document, rotationAt } = armatureDocument();
        expectSamePointSets(result.posed[index], posedGltfPositions(document, rotationAt(seconds)), 5e-3);
      });
    },
  );
});

/** Imports with Blender's FBX add-on; posed vertices come back in glTF axes (Blender is Z-up: (x, -z, y)). */
function blenderImport(bytes: Uint8Array, frames: number[]) {
  const script = `
import bpy, json
bpy.ops.wm.read_factory_settings(use_empty=True)
bpy.ops.import_scene.fbx(filepath=${JSON.stringify(saveFbx(bytes))})
scene = bpy.context.scene
armatures = [o for o in bpy.data.objects if o.type == 'ARMATURE']
meshes = [o for o in bpy.data.objects if o.type == 'MESH']
def posed(frame):
    scene.frame_set(frame)
    evaluated = meshes[0].evaluated_get(bpy.context.evaluated_depsgraph_get())
    return [list(evaluated.matrix_world @ v.co) for v in evaluated.to_mesh().vertices]
print('RESULT' + json.dumps({
    'bones': [b.name for a in armatures for b in a.data.bones],
    'meshParents': [m.parent.type if m.parent else None for m in meshes],
    'modifiers': [m.type for m in meshes[0].modifiers],
    'groups': [g.name for g in meshes[0].vertex_groups],
    'actions': [[a.name, list(a.frame_range)] for a in bpy.data.actions],
    'fps': scene.render.fps,
    'posed': [posed(frame) for frame in ${JSON.stringify(frames)}],
}))
`;
  const output = execFileSync('blender', ['-b', '--factory-startup', '--python-expr', script], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const result = JSON.parse(/^RESULT(.*)$/m.exec(output)![1]) as {
    bones: string[];
    meshParents: Array<string | null>;
    modifiers: string[];
    groups: string[];
    actions: Array<[string, [number, number]]>;
    fps: number;
    posed: number[][][];
  };
  return { ...result, posed: result.posed.map((points) => points.map(([x, y, z]) => [x, z, -y])) };
}
