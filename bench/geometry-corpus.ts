// Benchmark on the real third-party corpus (packages/geometry/test/corpus): convert_model to each format against
// Blender 3.4 headless doing the same import + export, and decimation against gltfpack at the same face count and
// at the same error bound (gltfpack -se E against meshoptimizer with the same target error), with the geometric
// error of both results measured the same way (mean and max distance from points sampled on the simplified
// surface to the original surface, as a share of the bounding box diagonal; three-mesh-bvh).
// Both sides are timed the same way: from the input bytes to the output bytes, in a warm process (ours: codecs
// loaded; Blender: start-up and the first use of each importer / exporter add-on excluded), warm-up runs first,
// then the median. gltfpack is its whole CLI process (wasm start-up included), run with -sa so that it reaches
// the same face count instead of stopping at its error bound.
// Usage: node --conditions=polyforge-source --import tsx bench/geometry-corpus.ts [--convert-only | --decimate-only]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document } from '@gltf-transform/core';
import { BufferAttribute, BufferGeometry, Vector3 } from 'three';
import { MeshBVH } from 'three-mesh-bvh';
import { applyConvertOptions, loadGeometryCodecs } from '@polyforge/geometry/convert/apply-convert-options';
import { conversionDropsAnimation } from '@polyforge/geometry/convert/conversion-drops-animation';
import { convertModel, type SupportedConvertFormat } from '@polyforge/geometry/convert/convert-model';
import { writeGlb } from '@polyforge/geometry/formats/glb/write-glb';
import { collectWorldTriangles } from '@polyforge/geometry/mesh/collect-world-triangles';
import { sceneTriangleCount } from '@polyforge/geometry/mesh/list-primitive-uses';
import { simplifyToError, simplifyToFaceLimit } from '@polyforge/geometry/mesh/simplify-to-face-limit';
import { readModel } from '@polyforge/geometry/read/read-model';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.join(root, 'packages/geometry/test/corpus');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'geometry-corpus-'));
const codecs = await loadGeometryCodecs();

const MODELS = [
  { name: 'DamagedHelmet', file: 'damaged-helmet.glb' },
  { name: 'Fox', file: 'fox.glb' },
  { name: 'Stanford bunny', file: 'bunny.obj' },
];
const FORMATS: SupportedConvertFormat[] = ['GLB', 'FBX', 'OBJ', 'USDZ', 'STL'];
const RUNS = 9;
const WARM_UP_RUNS = 3;
/** Blender: one warm-up (loads the add-on) and the median of three, per format. */
const BLENDER_RUNS = 3;
const CONVERT_ONLY = process.argv.includes('--convert-only');
const DECIMATE_ONLY = process.argv.includes('--decimate-only');
const GLTFPACK = path.join(root, 'node_modules/.bin/gltfpack');

/** Reads a corpus file as the convert_model engine does (animations left unread when the output keeps none). */
async function load(file: string, format?: SupportedConvertFormat): Promise<Document> {
  const bytes = new Uint8Array(fs.readFileSync(path.join(corpus, file)));
  const skipAnimations = format !== undefined && conversionDropsAnimation({ format });
  return readModel(bytes, file.endsWith('.obj') ? 'obj' : 'glb', { skipAnimations });
}

/** Read + options + write, as the engine does (face_limit off so the whole model is written). */
async function ourConvert(file: string, format: SupportedConvertFormat, runs = RUNS): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < WARM_UP_RUNS + runs; run++) {
    const started = performance.now();
    const document = await load(file, format);
    const applied = await applyConvertOptions(document, { format, face_limit: null }, codecs);
    await convertModel(document, { format, quadFaces: applied.quadFaces, materialMaps: applied.materialMaps });
    if (run >= WARM_UP_RUNS) times.push((performance.now() - started) / 1000);
  }
  return times.length > 0 ? median(times) : 0;
}

const BLENDER_SCRIPT = `
import bpy, sys, time, json
try:
    import numpy
    if "bool" not in vars(numpy): numpy.bool = bool
except ImportError: pass
source, out, runs = sys.argv[sys.argv.index("--") + 1:]
result = {}
for fmt in ["GLB", "FBX", "OBJ", "STL"]:
    times = []
    for run in range(1 + int(runs)):
        bpy.ops.wm.read_factory_settings(use_empty=True)
        start = time.perf_counter()
        if source.endswith(".obj"): bpy.ops.wm.obj_import(filepath=source)
        else: bpy.ops.import_scene.gltf(filepath=source)
        target = out + "." + fmt.lower()
        if fmt == "GLB": bpy.ops.export_scene.gltf(filepath=target, export_format="GLB")
        elif fmt == "FBX": bpy.ops.export_scene.fbx(filepath=target, path_mode="COPY", embed_textures=True)
        elif fmt == "OBJ": bpy.ops.wm.obj_export(filepath=target)
        else: bpy.ops.export_mesh.stl(filepath=target)
        if run > 0: times.append(time.perf_counter() - start)
    result[fmt] = sorted(times)[len(times) // 2]
print("RESULT" + json.dumps(result))
`;

function blenderConvert(file: string): Record<string, number> | undefined {
  if (spawnSync('blender', ['--version']).status !== 0) return undefined;
  const script = path.join(scratch, 'convert.py');
  fs.writeFileSync(script, BLENDER_SCRIPT);
  const output = execFileSync(
    'blender',
    [
      '-b',
      '--factory-startup',
      '--python',
      script,
      '--',
      path.join(corpus, file),
      path.join(scratch, 'blender-out'),
      String(BLENDER_RUNS),
    ],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return JSON.parse(/^RESULT(.*)$/m.exec(output)![1]);
}

/** Mean and max distance from points on `simplified` to the surface of `original`, / bounding box diagonal. */
function surfaceError(original: Document, simplified: Document): { mean: number; max: number } {
  const merged = (document: Document) => {
    const positions: number[] = [],
      indices: number[] = [];
    for (const primitive of collectWorldTriangles(document)) {
      const offset = positions.length / 3;
      positions.push(...primitive.positions);
      for (const index of primitive.indices) indices.push(index + offset);
    }
    return { positions: Float32Array.from(positions), indices: Uint32Array.from(indices) };
  };
  const source = merged(original),
    target = merged(simplified);
  const geometry = new BufferGeometry()
    .setAttribute('position', new BufferAttribute(source.positions, 3))
    .setIndex(new BufferAttribute(source.indices, 1));
  const bvh = new MeshBVH(geometry);
  geometry.computeBoundingBox();
  const diagonal = geometry.boundingBox!.min.distanceTo(geometry.boundingBox!.max);
  let sum = 0,
    max = 0,
    count = 0;
  const point = new Vector3(),
    hit = { point: new Vector3(), distance: 0, faceIndex: 0 };
  const p = target.positions;
  for (let corner = 0; corner < target.indices.length; corner += 3) {
    const [a, b, c] = [target.indices[corner] * 3, target.indices[corner + 1] * 3, target.indices[corner + 2] * 3];
    for (const [u, v] of [
      [1 / 3, 1 / 3],
      [0.8, 0.1],
      [0.1, 0.8],
      [0.1, 0.1],
    ]) {
      const w = 1 - u - v;
      point.set(
        u * p[a] + v * p[b] + w * p[c],
        u * p[a + 1] + v * p[b + 1] + w * p[c + 1],
        u * p[a + 2] + v * p[b + 2] + w * p[c + 2],
      );
      bvh.closestPointToPoint(point, hit);
      sum += hit.distance;
      max = Math.max(max, hit.distance);
      count++;
    }
  }
  return { mean: sum / count / diagonal, max: max / diagonal };
}

async function decimation(file: string, share: number) {
  const original = await load(file);
  const before = sceneTriangleCount(original);
  const faceLimit = Math.round(before * share);
  const times: number[] = [];
  let ours: Document | undefined;
  for (let run = 0; run < WARM_UP_RUNS + RUNS; run++) {
    const document = await load(file);
    const started = performance.now();
    simplifyToFaceLimit(document, { faceLimit, simplifier: codecs.simplifier });
    if (run >= WARM_UP_RUNS) times.push((performance.now() - started) / 1000);
    ours = document;
  }
  const input = path.join(scratch, 'input.glb'),
    output = path.join(scratch, 'gltfpack.glb');
  fs.writeFileSync(input, await writeGlb(await load(file)));
  const packTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    runGltfpack(['-i', input, '-o', output, '-si', String(share), '-sa', '-noq']);
    packTimes.push((performance.now() - started) / 1000);
  }
  const packed = await readModel(new Uint8Array(fs.readFileSync(output)), 'glb');
  return {
    before,
    ours: { seconds: median(times), faces: sceneTriangleCount(ours!), error: surfaceError(original, ours!) },
    gltfpack: { seconds: median(packTimes), faces: sceneTriangleCount(packed), error: surfaceError(original, packed) },
  };
}

function runGltfpack(args: string[]): void {
  const pack = spawnSync(GLTFPACK, args, { encoding: 'utf8' });
  if (pack.status !== 0) throw new Error(`gltfpack failed: ${pack.stderr}`);
}

/**
 * At equal error: gltfpack -si 0 -se E (simplify as far as the error bound E allows, positions kept as floats)
 * against simplifyToError with the same E. gltfpack is timed as a whole process, and also with -si 1 (the same
 * process with no simplification) so that its fixed cost can be told apart.
 */
async function decimationAtError(file: string, targetError: number) {
  const original = await load(file);
  const times: number[] = [];
  let ours: Document | undefined;
  for (let run = 0; run < WARM_UP_RUNS + RUNS; run++) {
    const document = await load(file);
    const started = performance.now();
    simplifyToError(document, { targetError, simplifier: codecs.simplifier });
    if (run >= WARM_UP_RUNS) times.push((performance.now() - started) / 1000);
    ours = document;
  }
  const input = path.join(scratch, 'input.glb'),
    output = path.join(scratch, 'gltfpack.glb');
  fs.writeFileSync(input, await writeGlb(await load(file)));
  const timed = (args: string[]) => {
    const packTimes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      runGltfpack(['-i', input, '-o', output, ...args, '-noq']);
      packTimes.push((performance.now() - started) / 1000);
    }
    return median(packTimes);
  };
  const fixedSeconds = timed(['-si', '1']);
  const packSeconds = timed(['-si', '0', '-se', String(targetError)]);
  const packed = await readModel(new Uint8Array(fs.readFileSync(output)), 'glb');
  return {
    before: sceneTriangleCount(original),
    ours: { seconds: median(times), faces: sceneTriangleCount(ours!), error: surfaceError(original, ours!) },
    gltfpack: {
      seconds: packSeconds,
      fixedSeconds,
      faces: sceneTriangleCount(packed),
      error: surfaceError(original, packed),
    },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const format = (seconds: number) => (seconds < 0.1 ? `${(seconds * 1000).toFixed(1)} ms` : `${seconds.toFixed(2)} s`);
console.log(
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load average ${os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(' ')}, Node ${process.version}\n`,
);
if (!DECIMATE_ONLY) console.log('| model | format | ours | Blender 3.4 (import + export) | Blender / ours |');
if (!DECIMATE_ONLY) console.log('|---|---|---:|---:|---:|');
for (const model of DECIMATE_ONLY ? [] : MODELS) {
  const blender = blenderConvert(model.file);
  // Ours gets the same favour as Blender's untimed first run per format: the reader of this model's file type is
  // warm (JIT-compiled) before the first format is timed, not only from the second format on.
  for (const target of FORMATS) await ourConvert(model.file, target, 0);
  for (const target of FORMATS) {
    const ours = await ourConvert(model.file, target);
    const theirs = blender?.[target];
    console.log(
      `| ${model.name} | ${target} | ${format(ours)} | ${theirs === undefined ? 'n/a' : format(theirs)} | ${theirs === undefined ? '' : `${(theirs / ours).toFixed(1)}×`} |`,
    );
  }
}
if (CONVERT_ONLY) {
  fs.rmSync(scratch, { recursive: true, force: true });
  process.exit(0);
}
console.log(
  '\n| model | faces in → out | ours (time, mean / max error) | gltfpack -si -sa -noq (time, mean / max error) | ours / gltfpack time |',
);
console.log('|---|---|---|---|---:|');
for (const [model, share] of [
  [MODELS[0], 0.25],
  [MODELS[2], 0.25],
  [MODELS[0], 0.05],
] as const) {
  const result = await decimation(model.file, share);
  const describe = (entry: { seconds: number; faces: number; error: { mean: number; max: number } }) =>
    `${format(entry.seconds)}, ${(entry.error.mean * 100).toFixed(3)} % / ${(entry.error.max * 100).toFixed(2)} % (${entry.faces.toLocaleString('en')} faces)`;
  console.log(
    `| ${model.name} | ${result.before.toLocaleString('en')} → ${Math.round(result.before * share).toLocaleString('en')} | ${describe(result.ours)} | ${describe(result.gltfpack)} | ${(result.ours.seconds / result.gltfpack.seconds).toFixed(2)} |`,
  );
}
console.log(
  '\n| model | error bound | ours: simplifyToError (time, faces, mean / max error) | gltfpack -si 0 -se E -noq (time, faces, mean / max error) | gltfpack -si 1 (no simplification) | ours / gltfpack time |',
);
console.log('|---|---:|---|---|---:|---:|');
for (const [model, targetError] of [
  [MODELS[0], 0.001],
  [MODELS[0], 0.01],
  [MODELS[0], 0.05],
  [MODELS[2], 0.001],
  [MODELS[2], 0.01],
  [MODELS[2], 0.05],
] as const) {
  const result = await decimationAtError(model.file, targetError);
  const describe = (entry: { seconds: number; faces: number; error: { mean: number; max: number } }) =>
    `${format(entry.seconds)}, ${entry.faces.toLocaleString('en')} faces, ${(entry.error.mean * 100).toFixed(3)} % / ${(entry.error.max * 100).toFixed(2)} %`;
  console.log(
    `| ${model.name} (${result.before.toLocaleString('en')} faces) | ${targetError * 100} % | ${describe(result.ours)} | ${describe(result.gltfpack)} | ${format(result.gltfpack.fixedSeconds)} | ${(result.ours.seconds / result.gltfpack.seconds).toFixed(2)} |`,
  );
}
fs.rmSync(scratch, { recursive: true, force: true });
