// Benchmark: seconds per task of the embedded text_to_model / text_to_image engines over the example prompt of
// every generator category, against Blender 3.4 headless doing the same kind of job in the same run (build a
// procedural chair from primitives, bake a procedural wood texture, export GLB; render a 768² image).
// Usage: node --conditions=polyforge-source --import tsx bench/text-generation.ts [--categories 235] [--every 1] [--skip-blender]
// (--every K takes every K-th category: the library is large and the machine is shared.)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TaskRequest } from '@polyforge/protocol';
import { parseTaskRequest } from '@polyforge/protocol';
import { GenerateImageEngine } from '../packages/server/src/engines/builtin/generate-image-engine.ts';
import { TextToImageEngine } from '../packages/server/src/engines/builtin/text-to-image-engine.ts';
import { TextToModelEngine } from '../packages/server/src/engines/builtin/text-to-model-engine.ts';
import type { Engine } from '../packages/server/src/engines/engine.ts';
import { GENERATOR_DEFINITIONS } from '@polyforge/geometry/generators/generator-catalog';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const categoryCount = argument('categories', GENERATOR_DEFINITIONS.length);
const every = argument('every', 1);
const definitions = GENERATOR_DEFINITIONS.slice(0, categoryCount).filter((_, index) => index % every === 0);
const context = { reportProgress: () => undefined, signal: new AbortController().signal };

function request(body: Record<string, unknown>): TaskRequest {
  const parsed = parseTaskRequest(body);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.request;
}

async function secondsPerTask(
  engine: Engine,
  bodies: Record<string, unknown>[],
): Promise<{ seconds: number[]; slowest: string }> {
  const seconds: number[] = [];
  let slowest = '';
  let slowestSeconds = 0;
  for (const body of bodies) {
    const parsed = request(body);
    engine.validate?.(parsed);
    const start = performance.now();
    await engine.run({ taskId: 'bench', request: parsed, files: [] }, context);
    const elapsed = (performance.now() - start) / 1000;
    seconds.push(elapsed);
    if (elapsed > slowestSeconds) {
      slowestSeconds = elapsed;
      slowest = String(body.prompt);
    }
  }
  return { seconds, slowest };
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    mean: values.reduce((sum, value) => sum + value, 0) / values.length,
    median: sorted[Math.floor(sorted.length / 2)],
    max: sorted[sorted.length - 1],
  };
}

const BLENDER_SCRIPT = String.raw`
import bpy, time, json, sys
out = sys.argv[sys.argv.index('--') + 1]
bpy.ops.wm.read_factory_settings(use_empty=True)
start = time.perf_counter()
def box(name, size, location):
    bpy.ops.mesh.primitive_cube_add(location=location)
    o = bpy.context.active_object; o.name = name; o.scale = (size[0] / 2, size[1] / 2, size[2] / 2)
    return o
parts = [box('seat', (0.46, 0.44, 0.04), (0, 0, 0.45)), box('back', (0.43, 0.025, 0.34), (0, -0.2, 0.71))]
for x in (-0.2, 0.2):
    for y in (-0.19, 0.19):
        bpy.ops.mesh.primitive_cylinder_add(radius=0.019, depth=0.43, location=(x, y, 0.215), vertices=20)
        parts.append(bpy.context.active_object)
bpy.ops.object.select_all(action='DESELECT')
for o in parts: o.select_set(True)
bpy.context.view_layer.objects.active = parts[0]
bpy.ops.object.transform_apply(scale=True)
bpy.ops.object.join()
chair = bpy.context.active_object
bpy.ops.object.mode_set(mode='EDIT'); bpy.ops.mesh.select_all(action='SELECT'); bpy.ops.uv.smart_project(); bpy.ops.object.mode_set(mode='OBJECT')
material = bpy.data.materials.new('wood'); material.use_nodes = True
nodes = material.node_tree.nodes; links = material.node_tree.links
bsdf = nodes['Principled BSDF']
wave = nodes.new('ShaderNodeTexWave'); wave.inputs['Scale'].default_value = 6; wave.inputs['Distortion'].default_value = 4
ramp = nodes.new('ShaderNodeValToRGB'); ramp.color_ramp.elements[0].color = (0.35, 0.2, 0.1, 1); ramp.color_ramp.elements[1].color = (0.7, 0.5, 0.3, 1)
links.new(wave.outputs['Fac'], ramp.inputs['Fac']); links.new(ramp.outputs['Color'], bsdf.inputs['Base Color'])
image = bpy.data.images.new('basecolor', 512, 512)
target = nodes.new('ShaderNodeTexImage'); target.image = image; nodes.active = target
chair.data.materials.append(material)
scene = bpy.context.scene; scene.render.engine = 'CYCLES'; scene.cycles.device = 'CPU'; scene.cycles.samples = 1
built = time.perf_counter()
bpy.ops.object.bake(type='DIFFUSE', pass_filter={'COLOR'})
baked = time.perf_counter()
links.new(target.outputs['Color'], bsdf.inputs['Base Color'])
image.filepath_raw = out + '/basecolor.png'; image.file_format = 'PNG'; image.save()
bpy.ops.export_scene.gltf(filepath=out + '/chair.glb', export_format='GLB')
exported = time.perf_counter()
bpy.ops.object.camera_add(location=(1.6, -1.6, 1.2), rotation=(1.15, 0, 0.785)); scene.camera = bpy.context.active_object
bpy.ops.object.light_add(type='SUN', location=(2, -2, 3))
scene.render.resolution_x = scene.render.resolution_y = 768; scene.cycles.samples = 16; scene.cycles.use_denoising = False; scene.render.filepath = out + '/render.png'
bpy.ops.render.render(write_still=True)
rendered = time.perf_counter()
print('BENCH ' + json.dumps({'build': built - start, 'bake': baked - built, 'export': exported - baked, 'model': exported - start, 'render': rendered - exported}))
`;

function blenderReference(): { model: number; render: number; bake: number } | undefined {
  if (process.argv.includes('--skip-blender')) return undefined;
  const directory = spawnSync('mktemp', ['-d', path.join(os.tmpdir(), 'polyforge-bench-text-XXXX')], {
    encoding: 'utf8',
  }).stdout.trim();
  const result = spawnSync('blender', ['-b', '--factory-startup', '--python-expr', BLENDER_SCRIPT, '--', directory], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  void fs.rm(directory, { recursive: true, force: true });
  const line = (result.stdout ?? '').split('\n').find((text) => text.startsWith('BENCH '));
  if (!line) {
    console.error('Blender reference failed:', (result.stderr ?? '').slice(-2000));
    return undefined;
  }
  return JSON.parse(line.slice(6));
}

const textToModel = new TextToModelEngine();
const prompts = definitions.map((definition) => definition.example);
// one warm-up task: module loading, the meshopt wasm, sharp's first use
await secondsPerTask(textToModel, [{ type: 'text_to_model', prompt: 'a chair', model_seed: 0, texture_seed: 0 }]);

const rows: [string, ReturnType<typeof summary>, string][] = [];
const run = async (label: string, engine: Engine, bodies: Record<string, unknown>[]) => {
  const { seconds, slowest } = await secondsPerTask(engine, bodies);
  rows.push([label, summary(seconds), slowest]);
};
const seeded = (prompt: string, index: number) => ({ prompt, model_seed: index, texture_seed: index });
await run(
  'text_to_model, PBR textures 512² (default)',
  textToModel,
  prompts.map((prompt, index) => ({ type: 'text_to_model', ...seeded(prompt, index) })),
);
await run(
  'text_to_model, untextured',
  textToModel,
  prompts.map((prompt, index) => ({ type: 'text_to_model', texture: false, ...seeded(prompt, index) })),
);
await run(
  'text_to_model, texture_quality=detailed (1024²)',
  textToModel,
  prompts.map((prompt, index) => ({ type: 'text_to_model', texture_quality: 'detailed', ...seeded(prompt, index) })),
);
const composed = [
  'a cat wearing a wizard hat',
  'a knight holding a sword',
  'a medieval castle on a hill',
  'a table with 3 mugs',
  'a dog and a cat',
  'a statue of a horse on a plinth',
  'a frog sitting on a lily pad',
  'three red balloons',
];
await run(
  'text_to_model, composed prompts, PBR 512²',
  textToModel,
  composed.map((prompt, index) => ({ type: 'text_to_model', ...seeded(prompt, index) })),
);
await run(
  'text_to_model, quad=true (FBX)',
  textToModel,
  prompts.slice(0, 20).map((prompt, index) => ({ type: 'text_to_model', quad: true, ...seeded(prompt, index) })),
);
await run(
  'text_to_image (768² PNG)',
  new TextToImageEngine(),
  prompts.slice(0, 20).map((prompt) => ({ type: 'text_to_image', prompt })),
);
await run(
  'generate_image polyforge_basic',
  new GenerateImageEngine(),
  prompts.slice(0, 10).map((prompt) => ({ type: 'generate_image', model_version: 'polyforge_basic', prompt })),
);

// reading alone: every prompt of the evaluation set, parsed (the create-time check)
const { TEXT_PROMPT_SET } = await import('../packages/server/test/generation/text-prompt-set.ts');
const { PROMPT_PARSER } = await import('@polyforge/geometry/generators/generator-catalog');
for (const item of TEXT_PROMPT_SET) PROMPT_PARSER.parse(item.prompt);
const parseStart = performance.now();
for (let round = 0; round < 10; round++) for (const item of TEXT_PROMPT_SET) PROMPT_PARSER.parse(item.prompt);
const parseMicroseconds = ((performance.now() - parseStart) * 1000) / (10 * TEXT_PROMPT_SET.length);

const blender = blenderReference();
const chairSeconds = (
  await secondsPerTask(textToModel, [
    { type: 'text_to_model', prompt: 'a wooden chair', model_seed: 1, texture_seed: 1 },
  ])
).seconds[0];
const imageSeconds = (
  await secondsPerTask(new TextToImageEngine(), [{ type: 'text_to_image', prompt: 'a wooden chair' }])
).seconds[0];

console.log(
  `\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; ${definitions.length} of ${GENERATOR_DEFINITIONS.length} categories; load ${os.loadavg()[0].toFixed(1)}\n`,
);
console.log(
  `Prompt reading (create-time check): ${parseMicroseconds.toFixed(0)} µs per prompt over the ${TEXT_PROMPT_SET.length} evaluation prompts\n`,
);
console.log('| task | mean s | median s | max s | slowest prompt |');
console.log('|---|---:|---:|---:|---|');
for (const [label, stats, slowest] of rows)
  console.log(
    `| ${label} | ${stats.mean.toFixed(2)} | ${stats.median.toFixed(2)} | ${stats.max.toFixed(2)} | ${slowest} |`,
  );
if (blender) {
  console.log('\n| job | ours s | Blender 3.4 s | Blender / ours |');
  console.log('|---|---:|---:|---:|');
  console.log(
    `| procedural wooden chair, baked 512² wood texture, GLB | ${chairSeconds.toFixed(2)} | ${blender.model.toFixed(2)} (bake ${blender.bake.toFixed(2)}) | ${(blender.model / chairSeconds).toFixed(1)}× |`,
  );
  console.log(
    `| 768² image of it (ours: model + two CPU renders; Blender: Cycles CPU, 16 samples, render only) | ${imageSeconds.toFixed(2)} | ${blender.render.toFixed(2)} | ${(blender.render / imageSeconds).toFixed(1)}× |`,
  );
}
