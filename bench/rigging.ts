// Benchmark: animate_prerigcheck, animate_rig and animate_retarget on a generated ~100k-triangle textured
// character, each as a worker runs it (the engine's run(): read the GLB, work, write the output, render the
// preview), plus the skin-weight step alone against Blender 3.4's "Armature Deform with Automatic Weights" (the
// same bone-heat method) on the same mesh with the same fitted skeleton, in the same run.
// Usage: node --conditions=polyforge-source --import tsx bench/rigging.ts [--edge 0.0102] [--runs 3]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Logger } from '@gltf-transform/core';
import { PrerigCheckEngine } from '../packages/server/src/engines/builtin/prerig-check-engine.ts';
import { RetargetEngine } from '../packages/server/src/engines/builtin/retarget-engine.ts';
import { RigEngine } from '../packages/server/src/engines/builtin/rig-engine.ts';
import type { Engine, EngineInputFile } from '../packages/server/src/engines/engine.ts';
import { readModel } from '@polyforge/geometry/read/read-model';
import { rigModel } from '@polyforge/geometry/rigging/rig-model';
import { writeGlb } from '@polyforge/geometry/formats/glb/write-glb';
import { parseTaskRequest, type TaskRequest } from '../packages/protocol/src/index.ts';
import { humanFigureDocument } from '@polyforge/geometry/test/fixtures/build-creatures';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const edgeLength = argument('edge', 0.0102);
const runs = argument('runs', 3);

const TASK_ID = '00000000-0000-4000-8000-000000000000';
const context = { reportProgress: () => undefined, signal: new AbortController().signal };

function request(body: Record<string, unknown>): TaskRequest {
  const parsed = parseTaskRequest({ original_model_task_id: TASK_ID, ...body });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.request;
}

async function timeEngine(
  engine: Engine,
  body: Record<string, unknown>,
  source: EngineInputFile,
): Promise<{ seconds: number[]; output?: Uint8Array }> {
  const seconds: number[] = [];
  let output: Uint8Array | undefined;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const result = await engine.run(
      { taskId: TASK_ID, request: request(body), files: [], sourceModel: source },
      context,
    );
    seconds.push((performance.now() - started) / 1000);
    output = result.files.model?.bytes;
  }
  return { seconds, output };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const BLENDER_SCRIPT = `
import bpy, json, sys, time
import numpy
numpy.bool = bool  # Debian's numpy 1.24 dropped the alias Blender 3.4's glTF importer uses
source, skeleton_path = sys.argv[sys.argv.index('--') + 1:]
bpy.ops.wm.read_factory_settings(use_empty=True)
bpy.ops.import_scene.gltf(filepath=source)
meshes = [o for o in bpy.context.scene.objects if o.type == 'MESH']
bones = json.load(open(skeleton_path))
armature_data = bpy.data.armatures.new('Armature')
armature = bpy.data.objects.new('Armature', armature_data)
bpy.context.scene.collection.objects.link(armature)
bpy.context.view_layer.objects.active = armature
bpy.ops.object.mode_set(mode='EDIT')
created = {}
for bone in bones:
    edit = armature_data.edit_bones.new(bone['name'])
    # glTF is Y up, Blender Z up: the importer turns (x, y, z) into (x, -z, y).
    to_blender = lambda p: (p[0], -p[2], p[1])
    edit.head = to_blender(bone['head'])
    edit.tail = to_blender(bone['tail'])
    if bone['parent'] in created:
        edit.parent = created[bone['parent']]
    created[bone['name']] = edit
bpy.ops.object.mode_set(mode='OBJECT')
bpy.ops.object.select_all(action='DESELECT')
for mesh in meshes:
    mesh.select_set(True)
armature.select_set(True)
bpy.context.view_layer.objects.active = armature
started = time.perf_counter()
bpy.ops.object.parent_set(type='ARMATURE_AUTO')
elapsed = time.perf_counter() - started
groups = sum(len(mesh.vertex_groups) for mesh in meshes)
print('BENCH_RESULT', json.dumps({'seconds': elapsed, 'groups': groups, 'faces': sum(len(mesh.data.polygons) for mesh in meshes)}))
`;

async function main(): Promise<void> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-bench-rigging-'));
  try {
    const document = (await humanFigureDocument('A', { edgeLength })).setLogger(new Logger(Logger.Verbosity.ERROR));
    const glb = await writeGlb(document);
    const triangles = document.getRoot().listMeshes()[0].listPrimitives()[0].getIndices()!.getCount() / 3;
    const source: EngineInputFile = { bytes: glb, format: 'glb', kind: 'model', fileName: 'model.glb' };

    const prerig = await timeEngine(new PrerigCheckEngine(), { type: 'animate_prerigcheck' }, source);
    const rig = await timeEngine(new RigEngine(), { type: 'animate_rig' }, source);
    const rigFbx = await timeEngine(new RigEngine(), { type: 'animate_rig', out_format: 'fbx' }, source);
    const rigged: EngineInputFile = { bytes: rig.output!, format: 'glb', kind: 'model', fileName: 'model.glb' };
    const retargetOne = await timeEngine(
      new RetargetEngine(),
      { type: 'animate_retarget', animation: 'preset:walk' },
      rigged,
    );
    const retargetFive = await timeEngine(
      new RetargetEngine(),
      {
        type: 'animate_retarget',
        animations: ['preset:walk', 'preset:run', 'preset:biped:dance_01', 'preset:biped:golf', 'preset:biped:idle'],
      },
      rigged,
    );

    // The weight step alone, ours and Blender's, with the same skeleton.
    const weightSeconds: number[] = [];
    let fitted: Awaited<ReturnType<typeof rigModel>> | undefined;
    for (let run = 0; run < runs; run++) {
      const copy = await readModel(glb, 'glb');
      copy.setLogger(new Logger(Logger.Verbosity.ERROR));
      fitted = await rigModel(copy, {});
      weightSeconds.push(fitted.timingsMs.weights / 1000);
    }
    let blender: { seconds: number; groups: number; faces: number } | undefined;
    const blenderVersion = spawnSync('blender', ['--version'], { encoding: 'utf8' }).stdout?.split('\n')[0]?.trim();
    if (blenderVersion && fitted) {
      const positions = new Map(
        fitted.skeleton.joints.map((joint) => [joint.id, fitted!.skeleton.nodes.get(joint.id)!.getWorldTranslation()]),
      );
      const bones = fitted.skeleton.joints
        .filter((joint) => joint.deforms)
        .map((joint) => {
          const child = fitted!.skeleton.joints.find((other) => other.parent === joint.id);
          return {
            name: joint.id,
            parent: joint.parent ?? null,
            head: positions.get(joint.id),
            tail: positions.get(child?.id ?? joint.id),
          };
        });
      await fs.writeFile(path.join(directory, 'skeleton.json'), JSON.stringify(bones));
      await fs.writeFile(path.join(directory, 'model.glb'), glb);
      await fs.writeFile(path.join(directory, 'weights.py'), BLENDER_SCRIPT);
      const output = execFileSync(
        'blender',
        [
          '-b',
          '--factory-startup',
          '--python',
          path.join(directory, 'weights.py'),
          '--',
          path.join(directory, 'model.glb'),
          path.join(directory, 'skeleton.json'),
        ],
        {
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      const line = output.split('\n').find((entry) => entry.startsWith('BENCH_RESULT '));
      if (line) blender = JSON.parse(line.slice('BENCH_RESULT '.length));
    }

    const cell = (values: number[]) =>
      `${median(values).toFixed(2)} (${values.map((value) => value.toFixed(2)).join(', ')})`;
    console.log(
      `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${os
        .loadavg()
        .map((value) => value.toFixed(1))
        .join(' ')}; ${blenderVersion ?? 'Blender: not installed'}`,
    );
    console.log(
      `Input: A-pose figure, ${triangles.toLocaleString('en')} triangles, 1 texture (${(glb.byteLength / 1e6).toFixed(1)} MB GLB); ${runs} runs, median (all runs)\n`,
    );
    console.log('| task (engine run: read, work, write, preview) | seconds | goal |');
    console.log('|---|---:|---|');
    console.log(`| animate_prerigcheck | ${cell(prerig.seconds)} | < 10 s |`);
    console.log(`| animate_rig → GLB | ${cell(rig.seconds)} | < 5 s |`);
    console.log(`| animate_rig → FBX | ${cell(rigFbx.seconds)} | < 5 s |`);
    console.log(`| animate_retarget, 1 animation | ${cell(retargetOne.seconds)} | < 10 s |`);
    console.log(`| animate_retarget, 5 animations | ${cell(retargetFive.seconds)} | < 10 s |`);
    console.log('');
    console.log('| skin weights only (bone heat, same skeleton) | seconds | ratio |');
    console.log('|---|---:|---|');
    console.log(
      `| ours (${fitted?.triangleCount.toLocaleString('en')} triangles, ${fitted?.skeleton.joints.filter((joint) => joint.deforms).length} deforming bones) | ${cell(weightSeconds)} | |`,
    );
    if (blender)
      console.log(
        `| Blender automatic weights (${blender.faces.toLocaleString('en')} faces, ${blender.groups} groups) | ${blender.seconds.toFixed(2)} | Blender ${(blender.seconds / median(weightSeconds)).toFixed(1)}× our time |`,
      );
    console.log(`\nrig stages, last run (ms): ${JSON.stringify(fitted?.timingsMs)}`);
  } finally {
    await fs.rm(directory, { recursive: true, force: true });
  }
}

await main();
