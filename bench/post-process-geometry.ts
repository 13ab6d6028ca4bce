// Benchmark: mesh_segmentation, mesh_completion and texture_model (the built-in engines, run in process as a
// worker runs them, GLB in → GLB out) on a generated ~100k-triangle human-like figure (a smooth level set, the
// way generated models come), and Blender 3.4 headless on the steps it has an equivalent for, in the same run:
// "Fill Holes" against our completion, "Smart UV Project" against our unwrap. Wall and CPU seconds are both
// printed: CPU time is what to compare while other work shares the machine.
// Usage: node --conditions=polyforge-source --import tsx bench/post-process-geometry.ts [--edge 0.0097] [--keep]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseTaskRequest } from '@polyforge/protocol';
import { toGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import {
  quadrantsPng,
  singleMeshDocument,
  smoothFigureMesh,
} from '@polyforge/geometry/test/fixtures/build-part-fixtures';
import { MeshCompletionEngine } from '../packages/server/src/engines/builtin/mesh-completion-engine.ts';
import { MeshSegmentationEngine } from '../packages/server/src/engines/builtin/mesh-segmentation-engine.ts';
import { TextureModelEngine } from '../packages/server/src/engines/builtin/texture-model-engine.ts';
import type { EngineInputFile, EngineResult } from '../packages/server/src/engines/engine.ts';
import { collectTextureTargets } from '@polyforge/geometry/texturing/collect-texture-targets';
import { unwrapAtlas } from '@polyforge/geometry/texturing/unwrap-atlas';
import { readModel } from '@polyforge/geometry/read/read-model';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const TASK = '11111111-2222-4333-8444-555555555555';
const context = { reportProgress() {}, signal: new AbortController().signal };

interface Measurement {
  wallSeconds: number;
  cpuSeconds: number;
  detail?: string;
}

async function measure<T>(work: () => Promise<T>): Promise<{ value: T; measurement: Measurement }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return {
    value,
    measurement: { wallSeconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6 },
  };
}

function request(body: Record<string, unknown>) {
  const parsed = parseTaskRequest(body);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.request;
}

function modelFile(bytes: Uint8Array): EngineInputFile {
  return { bytes, format: 'glb', kind: 'model', fileName: 'model.glb' };
}

const BLENDER_SCRIPT = String.raw`
import sys, time, bpy, numpy
numpy.bool = bool  # Debian's numpy 1.24 dropped the alias Blender 3.4's glTF importer uses
operation, source = sys.argv[sys.argv.index('--') + 1:][:2]
bpy.ops.wm.read_factory_settings(use_empty=True)
bpy.ops.import_scene.gltf(filepath=source)
meshes = [o for o in bpy.context.scene.objects if o.type == 'MESH']
bpy.ops.object.select_all(action='DESELECT')
for o in meshes: o.select_set(True)
bpy.context.view_layer.objects.active = meshes[0]
bpy.ops.object.mode_set(mode='EDIT')
bpy.ops.mesh.select_all(action='SELECT')
start, cpu = time.perf_counter(), time.process_time()
if operation == 'fill_holes':
    bpy.ops.mesh.remove_doubles(threshold=1e-6)
    bpy.ops.mesh.fill_holes(sides=0)
else:
    bpy.ops.uv.smart_project(island_margin=0.002)
elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
bpy.ops.object.mode_set(mode='OBJECT')
print('BENCH', operation, elapsed, cpu, sum(len(o.data.polygons) for o in meshes))
`;

function blenderVersion(): string | undefined {
  try {
    return execFileSync('blender', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')[0]
      .trim();
  } catch {
    return undefined;
  }
}

function blender(script: string, operation: string, input: string): Measurement {
  const run = spawnSync('blender', ['-b', '--factory-startup', '--python', script, '--', operation, input], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = run.stdout.split('\n').find((entry) => entry.startsWith('BENCH '));
  if (!line) throw new Error(`blender ${operation} failed:\n${run.stdout.slice(-1500)}\n${run.stderr.slice(-1500)}`);
  const [, , seconds, cpuSeconds, faces] = line.split(' ');
  return { wallSeconds: Number(seconds), cpuSeconds: Number(cpuSeconds), detail: `${faces} faces after` };
}

async function main(): Promise<void> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-bench-post-'));
  const figure = await smoothFigureMesh(argument('edge', 0.0097));
  const triangles = figure.indices.length / 3;
  const inputGlb = await toGlb(singleMeshDocument('figure', figure));
  const picture = quadrantsPng(512, [
    [200, 60, 50],
    [60, 160, 70],
    [50, 70, 190],
    [220, 200, 60],
  ]);

  // Start-up (wasm compilation, first-use JIT) is not part of a task: warm every engine on a tiny model first.
  const warm = modelFile(await toGlb(singleMeshDocument('warm', await smoothFigureMesh(0.08))));
  const warmSegmented = await new MeshSegmentationEngine().run(
    {
      taskId: 'w',
      request: request({ type: 'mesh_segmentation', original_model_task_id: TASK }),
      files: [],
      sourceModel: warm,
    },
    context,
  );
  await new MeshCompletionEngine().run(
    {
      taskId: 'w',
      request: request({ type: 'mesh_completion', original_model_task_id: TASK }),
      files: [],
      sourceModel: modelFile(warmSegmented.files.model.bytes),
    },
    context,
  );
  await new TextureModelEngine().run(
    {
      taskId: 'w',
      request: request({ type: 'texture_model', original_model_task_id: TASK, texture_prompt: { text: 'wood' } }),
      files: [],
      sourceModel: warm,
    },
    context,
  );

  const rows: Array<{ task: string; ours: Measurement; reference?: { name: string; measurement: Measurement } }> = [];
  const segmentation = await measure(() =>
    new MeshSegmentationEngine().run(
      {
        taskId: 'b',
        request: request({ type: 'mesh_segmentation', original_model_task_id: TASK }),
        files: [],
        sourceModel: modelFile(inputGlb),
      },
      context,
    ),
  );
  rows.push({
    task: 'mesh_segmentation (balanced)',
    ours: { ...segmentation.measurement, detail: `${segmentation.value.result?.part_count} parts` },
  });
  const segmentedPath = path.join(directory, 'segmented.glb');
  await fs.writeFile(segmentedPath, segmentation.value.files.model.bytes);

  const completion = await measure(() =>
    new MeshCompletionEngine().run(
      {
        taskId: 'b',
        request: request({ type: 'mesh_completion', original_model_task_id: TASK }),
        files: [],
        sourceModel: modelFile(segmentation.value.files.model.bytes),
      },
      context,
    ),
  );
  const completed = completion.value.result as { holes_filled: number; watertight: boolean };
  const version = blenderVersion();
  const script = path.join(directory, 'blender-post.py');
  await fs.writeFile(script, BLENDER_SCRIPT);
  rows.push({
    task: 'mesh_completion (Liepa fill + fair, manifold check)',
    ours: { ...completion.measurement, detail: `${completed.holes_filled} holes, watertight ${completed.watertight}` },
    reference: version
      ? { name: 'Blender Fill Holes', measurement: blender(script, 'fill_holes', segmentedPath) }
      : undefined,
  });

  const texture = async (label: string, body: Record<string, unknown>, files: EngineInputFile[]) => {
    const run = await measure<EngineResult>(() =>
      new TextureModelEngine().run(
        {
          taskId: 'b',
          request: request({ type: 'texture_model', original_model_task_id: TASK, ...body }),
          files,
          sourceModel: modelFile(inputGlb),
        },
        context,
      ),
    );
    rows.push({ task: label, ours: { ...run.measurement, detail: `${run.value.result?.texture_size}² texels` } });
  };
  const image = [{ bytes: picture, format: 'png', kind: 'image' as const, fileName: 'front.png' }];
  await texture(
    'texture_model, image, standard, pbr',
    { texture_prompt: { image: { type: 'png', file_token: TASK } } },
    image,
  );
  await texture(
    'texture_model, image, detailed, pbr',
    { texture_prompt: { image: { type: 'png', file_token: TASK } }, texture_quality: 'detailed' },
    image,
  );
  await texture('texture_model, text, standard, pbr', { texture_prompt: { text: 'dark oak wood' } }, []);

  const document = await readModel(inputGlb, 'glb');
  const { targets } = collectTextureTargets(document);
  const unwrap = await measure(() =>
    unwrapAtlas(
      targets.map((target) => ({ positions: target.positions, indices: target.indices })),
      { atlasSize: 1024 },
    ),
  );
  const inputPath = path.join(directory, 'input.glb');
  await fs.writeFile(inputPath, inputGlb);
  rows.push({
    task: '  of which: UV unwrap (xatlas, bounded charts)',
    ours: unwrap.measurement,
    reference: version
      ? { name: 'Blender Smart UV Project', measurement: blender(script, 'smart_project', inputPath) }
      : undefined,
  });

  console.log(
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ${version ?? 'Blender: not installed'}; load average ${os.loadavg()[0].toFixed(1)}`,
  );
  console.log(
    `Input: smooth human-like figure, ${triangles} triangles (${(inputGlb.byteLength / 1e6).toFixed(1)} MB GLB)\n`,
  );
  console.log('| task | ours wall (s) | ours CPU (s) | reference | reference wall / CPU (s) | ratio (CPU) | detail |');
  console.log('|---|---:|---:|---|---:|---|---|');
  for (const row of rows) {
    const reference = row.reference?.measurement;
    const ratio = reference
      ? `ours = ${(row.ours.cpuSeconds / reference.cpuSeconds).toFixed(2)}× the reference`
      : 'n/a';
    const referenceTimes = reference
      ? `${reference.wallSeconds.toFixed(2)} / ${reference.cpuSeconds.toFixed(2)}`
      : 'n/a';
    console.log(
      `| ${row.task} | ${row.ours.wallSeconds.toFixed(2)} | ${row.ours.cpuSeconds.toFixed(2)} | ${row.reference?.name ?? 'none offline'} | ${referenceTimes} | ${ratio} | ${[row.ours.detail, reference?.detail].filter(Boolean).join('; ')} |`,
    );
  }
  if (!process.argv.includes('--keep')) await fs.rm(directory, { recursive: true, force: true });
  else console.log(`\nfiles kept in ${directory}`);
}

await main();
