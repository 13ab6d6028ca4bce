// Benchmark: the built-in geometry engine against gltfpack (npm, wasm) and Blender 3.4 headless on one generated
// 1M-triangle textured GLB, in one run: simplify to 10k faces, convert to OBJ, convert to FBX, and the preview
// render. Each of our steps runs in its own process (bench/geometry-step.ts) so its peak RSS is its own.
// Usage: node --conditions=polyforge-source --import tsx bench/geometry.ts [--triangles 1000000] [--keep]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document } from '@gltf-transform/core';
import sharp from 'sharp';
import { SUPPORTED_CONVERT_FORMATS } from '@polyforge/geometry/convert/convert-model';
import { readModel } from '@polyforge/geometry/read/read-model';
import { sceneTriangleCount } from '@polyforge/geometry/mesh/list-primitive-uses';
import { writeGlb } from '@polyforge/geometry/formats/glb/write-glb';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const triangleTarget = argument('triangles', 1_000_000);
const FACE_LIMIT = 10_000;

interface Measurement {
  seconds: number;
  /** Whole process, start-up included. */
  wallSeconds: number;
  maxRssMB: number;
  faces?: number;
  detail?: string;
}

/** A UV sphere of radius 1 with normals, UVs and a 1024² JPEG base colour texture; 2·columns·(rows-1) triangles. */
async function sphereGlb(minTriangles: number): Promise<Uint8Array> {
  const columns = Math.ceil(Math.sqrt(minTriangles));
  const rows = Math.ceil(minTriangles / (2 * columns)) + 1;
  const side = columns + 1;
  const vertexCount = (rows + 1) * side;
  const positions = new Float32Array(vertexCount * 3);
  const uvs = new Float32Array(vertexCount * 2);
  for (let row = 0; row <= rows; row++) {
    const theta = (Math.PI * row) / rows;
    for (let column = 0; column <= columns; column++) {
      const phi = (2 * Math.PI * column) / columns;
      const vertex = row * side + column;
      positions.set([Math.sin(theta) * Math.sin(phi), Math.cos(theta), Math.sin(theta) * Math.cos(phi)], vertex * 3);
      uvs.set([column / columns, row / rows], vertex * 2);
    }
  }
  const indices = new Uint32Array(2 * columns * (rows - 1) * 3);
  let offset = 0;
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const a = row * side + column,
        b = a + 1,
        c = a + side,
        d = c + 1;
      if (row > 0) indices.set([a, c, b], (offset += 3) - 3);
      if (row < rows - 1) indices.set([b, c, d], (offset += 3) - 3);
    }
  }
  const textureSize = 1024;
  const rgb = new Uint8Array(textureSize * textureSize * 3);
  for (let y = 0; y < textureSize; y++) {
    for (let x = 0; x < textureSize; x++) {
      const checker = (Math.floor(x / 64) + Math.floor(y / 64)) % 2;
      rgb.set(checker ? [220, 180, 60] : [40 + x / 8, 60, 160 - y / 8], (y * textureSize + x) * 3);
    }
  }
  const jpeg = await sharp(rgb, { raw: { width: textureSize, height: textureSize, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
  const document = new Document();
  const buffer = document.createBuffer();
  const accessor = (type: 'VEC2' | 'VEC3' | 'SCALAR', array: Float32Array | Uint32Array) =>
    document.createAccessor().setType(type).setArray(array).setBuffer(buffer);
  const texture = document.createTexture('checker').setImage(new Uint8Array(jpeg)).setMimeType('image/jpeg');
  const material = document
    .createMaterial('sphere')
    .setBaseColorTexture(texture)
    .setRoughnessFactor(0.7)
    .setMetallicFactor(0);
  const primitive = document
    .createPrimitive()
    .setAttribute('POSITION', accessor('VEC3', positions))
    .setAttribute('NORMAL', accessor('VEC3', positions.slice()))
    .setAttribute('TEXCOORD_0', accessor('VEC2', uvs))
    .setIndices(accessor('SCALAR', indices))
    .setMaterial(material);
  const node = document.createNode('sphere').setMesh(document.createMesh('sphere').addPrimitive(primitive));
  document.getRoot().setDefaultScene(document.createScene('Scene').addChild(node));
  return writeGlb(document);
}

/** Runs a command under /usr/bin/time -v: wall seconds, peak RSS, and its output. */
function timed(
  command: string,
  args: string[],
): { wallSeconds: number; maxRssMB: number; stdout: string; stderr: string; status: number | null } {
  const start = performance.now();
  const child = spawnSync('/usr/bin/time', ['-v', command, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallSeconds = (performance.now() - start) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr);
  return {
    wallSeconds,
    maxRssMB: rss ? Number(rss[1]) / 1024 : NaN,
    stdout: child.stdout,
    stderr: child.stderr,
    status: child.status,
  };
}

function ours(operation: string, input: string, output: string): Measurement {
  const run = timed(process.execPath, [
    '--conditions=polyforge-source',
    '--import',
    'tsx',
    'bench/geometry-step.ts',
    operation,
    input,
    output,
  ]);
  if (run.status !== 0) throw new Error(`geometry-step ${operation} failed:\n${run.stderr}`);
  const report = JSON.parse(run.stdout.trim().split('\n').pop()!);
  const phases = Object.entries(report.phases as Record<string, number>)
    .map(([name, seconds]) => `${name} ${seconds.toFixed(2)}`)
    .join(', ');
  return {
    seconds: report.seconds,
    wallSeconds: run.wallSeconds,
    maxRssMB: run.maxRssMB,
    faces: report.faces,
    detail: phases,
  };
}

function gltfpack(input: string, output: string): Measurement {
  const run = timed(path.join(root, 'node_modules/.bin/gltfpack'), [
    '-i',
    input,
    '-o',
    output,
    '-si',
    String(FACE_LIMIT / triangleTarget),
  ]);
  if (run.status !== 0) throw new Error(`gltfpack failed:\n${run.stderr}`);
  return { seconds: run.wallSeconds, wallSeconds: run.wallSeconds, maxRssMB: run.maxRssMB };
}

const BLENDER_SCRIPT = String.raw`
import bpy, json, sys, time
import numpy
numpy.bool = bool  # Debian's numpy 1.24 dropped the alias Blender 3.4's glTF importer uses
operation, source, target, face_limit = sys.argv[sys.argv.index('--') + 1:]
bpy.ops.wm.read_factory_settings(use_empty=True)
start = time.time()
bpy.ops.import_scene.gltf(filepath=source)
imported = time.time()
meshes = [o for o in bpy.context.scene.objects if o.type == 'MESH']
if operation == 'simplify':
    total = sum(len(o.data.polygons) for o in meshes)
    for o in meshes:
        modifier = o.modifiers.new('decimate', 'DECIMATE')
        modifier.decimate_type = 'COLLAPSE'
        modifier.ratio = int(face_limit) / total
        bpy.context.view_layer.objects.active = o
        bpy.ops.object.modifier_apply(modifier=modifier.name)
    operated = time.time()
    bpy.ops.export_scene.gltf(filepath=target, export_format='GLB')
elif operation == 'obj':
    operated = imported
    bpy.ops.wm.obj_export(filepath=target, path_mode='COPY')
elif operation == 'fbx':
    operated = imported
    bpy.ops.export_scene.fbx(filepath=target, path_mode='COPY', embed_textures=True)
done = time.time()
faces = sum(len(o.data.polygons) for o in bpy.context.scene.objects if o.type == 'MESH')
print('BENCH ' + json.dumps({'seconds': done - start, 'import': imported - start, 'operation': operated - imported, 'export': done - operated, 'faces': faces}))
`;

function blenderAvailable(): string | undefined {
  try {
    return execFileSync('blender', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')[0]
      .trim();
  } catch {
    return undefined;
  }
}

function blender(scriptPath: string, operation: string, input: string, output: string): Measurement {
  const run = timed('blender', [
    '-b',
    '--factory-startup',
    '--python',
    scriptPath,
    '--',
    operation,
    input,
    output,
    String(FACE_LIMIT),
  ]);
  const line = run.stdout.split('\n').find((text) => text.startsWith('BENCH '));
  if (!line) throw new Error(`blender ${operation} failed:\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`);
  const report = JSON.parse(line.slice(6));
  return {
    seconds: report.seconds,
    wallSeconds: run.wallSeconds,
    maxRssMB: run.maxRssMB,
    faces: report.faces,
    detail: `import ${report.import.toFixed(2)}, operation ${report.operation.toFixed(2)}, export ${report.export.toFixed(2)}`,
  };
}

const seconds = (measurement?: Measurement) => (measurement ? measurement.seconds.toFixed(2) : 'n/a');
const ratio = (name: string, other: Measurement | undefined, mine: Measurement | undefined) =>
  other && mine ? `${name}/ours ${(other.seconds / mine.seconds).toFixed(1)}×` : undefined;

async function main(): Promise<void> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-geometry-bench-'));
  const input = path.join(directory, 'sphere.glb');
  await fs.writeFile(input, await sphereGlb(triangleTarget));
  const inputTriangles = sceneTriangleCount(await readModel(new Uint8Array(await fs.readFile(input)), 'glb'));
  const blenderVersion = blenderAvailable();
  const scriptPath = path.join(directory, 'blender-bench.py');
  await fs.writeFile(scriptPath, BLENDER_SCRIPT);
  const fbxAvailable = (SUPPORTED_CONVERT_FORMATS as readonly string[]).includes('FBX');

  const rows: Array<{
    operation: string;
    ours?: Measurement;
    gltfpack?: Measurement | 'n/a';
    blender?: Measurement;
    note?: string;
  }> = [];
  const out = (name: string) => path.join(directory, name);

  const simplify = {
    operation: `simplify → ${FACE_LIMIT / 1000}k faces`,
    ours: ours('simplify', input, out('ours-simplified.glb')),
    gltfpack: gltfpack(input, out('gltfpack.glb')),
    blender: blenderVersion ? blender(scriptPath, 'simplify', input, out('blender-simplified.glb')) : undefined,
  };
  const gltfpackOutput = simplify.gltfpack;
  gltfpackOutput.faces = sceneTriangleCount(await readGltfpackOutput(out('gltfpack.glb')));
  rows.push(simplify);
  rows.push({
    operation: 'convert → OBJ',
    ours: ours('obj', input, out('ours.zip')),
    gltfpack: 'n/a',
    blender: blenderVersion ? blender(scriptPath, 'obj', input, out('blender.obj')) : undefined,
  });
  rows.push({
    operation: 'convert → FBX',
    ours: fbxAvailable ? ours('fbx', input, out('ours.fbx')) : undefined,
    gltfpack: 'n/a',
    blender: blenderVersion ? blender(scriptPath, 'fbx', input, out('blender.fbx')) : undefined,
    note: fbxAvailable ? undefined : 'FBX not available',
  });
  rows.push({
    operation: 'preview render 512² (2× SSAA)',
    ours: ours('render', input, out('preview.webp')),
    gltfpack: 'n/a',
  });

  console.log(
    `\nInput: ${inputTriangles.toLocaleString('en')} triangles, 1024² JPEG texture (${((await fs.stat(input)).size / 1e6).toFixed(1)} MB GLB)`,
  );
  console.log(
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; gltfpack (npm, wasm); ${blenderVersion ?? 'Blender: not installed'}\n`,
  );
  console.log(
    '| operation | ours (s) | gltfpack (s) | Blender (s) | ratio (>1: ours faster) | peak RSS ours (MB) | peak RSS gltfpack / Blender (MB) | faces out (ours / gltfpack / Blender) |',
  );
  console.log('|---|---:|---:|---:|---|---:|---:|---|');
  for (const row of rows) {
    const pack = row.gltfpack === 'n/a' ? undefined : row.gltfpack;
    const ratios =
      [ratio('gltfpack', pack, row.ours), ratio('Blender', row.blender, row.ours)].filter(Boolean).join('; ') || 'n/a';
    const rss = [pack ? pack.maxRssMB.toFixed(0) : 'n/a', row.blender ? row.blender.maxRssMB.toFixed(0) : 'n/a'].join(
      ' / ',
    );
    const faces = row.operation.startsWith('simplify')
      ? [row.ours?.faces, pack?.faces, row.blender?.faces]
          .map((count) => count?.toLocaleString('en') ?? 'n/a')
          .join(' / ')
      : '';
    const oursCell = row.ours ? seconds(row.ours) : (row.note ?? 'n/a');
    console.log(
      `| ${row.operation} | ${oursCell} | ${row.gltfpack === 'n/a' ? 'n/a' : seconds(pack)} | ${seconds(row.blender)} | ${ratios} | ${row.ours ? row.ours.maxRssMB.toFixed(0) : 'n/a'} | ${rss} | ${faces} |`,
    );
  }
  console.log(
    '\nours = file in → file out inside the process (read GLB, operate, write; Node + tsx start-up and codec load excluded);',
  );
  console.log(
    'gltfpack = whole CLI process (its wasm start-up included); Blender = import → operation → export inside `blender -b` (start-up excluded).',
  );
  console.log(
    'Peak RSS is the whole process (/usr/bin/time -v), start-up included. OBJ: ours writes a zip (OBJ + MTL + texture), Blender a bare .obj + .mtl.',
  );
  console.log('Whole-process wall (s):');
  for (const row of rows) {
    const pack = row.gltfpack === 'n/a' ? undefined : row.gltfpack;
    console.log(
      `- ${row.operation}: ours ${row.ours?.wallSeconds.toFixed(2) ?? 'n/a'} (${row.ours?.detail ?? ''}); gltfpack ${pack?.wallSeconds.toFixed(2) ?? 'n/a'}; Blender ${row.blender?.wallSeconds.toFixed(2) ?? 'n/a'}${row.blender ? ` (${row.blender.detail})` : ''}`,
    );
  }
  if (process.argv.includes('--keep')) console.log(`\nOutputs kept in ${directory}`);
  else await fs.rm(directory, { recursive: true, force: true });
}

/** gltfpack writes quantized, meshopt-free GLB by default; our reader (with extensions registered) reads it. */
async function readGltfpackOutput(file: string): Promise<Document> {
  return readModel(new Uint8Array(await fs.readFile(file)), 'glb');
}

await main();
