// Benchmark: the built-in image engines on one 1024 px image and one 4-view set of 1024 px renders, run as
// the workers run them (engine.run: decode, background removal, reconstruction, texturing, writing, preview).
// Reference in the same run: the usual way to texture a reconstructed mesh, a UV unwrap of it with xatlas
// (watlas, what glTF-Transform's unwrap() uses), against this project's view-projection atlas, on the
// same mesh. Usage: node --conditions=polyforge-source --import tsx bench/image-tasks.ts [--runs 3]
import os from 'node:os';
import sharp from 'sharp';
import { Document } from '@gltf-transform/core';
import { unwrap } from '@gltf-transform/functions';
import * as watlas from 'watlas';
import { EditMultiviewImageEngine } from '../packages/server/src/engines/builtin/edit-multiview-image-engine.ts';
import { GenerateMultiviewImageEngine } from '../packages/server/src/engines/builtin/generate-multiview-image-engine.ts';
import { ImageToModelEngine } from '../packages/server/src/engines/builtin/image-to-model-engine.ts';
import { MultiviewToModelEngine } from '../packages/server/src/engines/builtin/multiview-to-model-engine.ts';
import type { Engine, EngineInputFile } from '../packages/server/src/engines/engine.ts';
import { imageToModel } from '@polyforge/geometry/image-to-model/image-to-model';
import { createClassicalBackgroundRemover } from '@polyforge/geometry/raster/background-remover';
import { parseTaskRequest } from '../packages/protocol/src/index.ts';
import {
  boxesDocument,
  drawingImage,
  renderFourViews,
  TABLE_BOXES,
  VIEW_ORDER,
} from '@polyforge/geometry/test/fixtures/build-image-fixtures';

const runsIndex = process.argv.indexOf('--runs');
const runs = runsIndex > 0 ? Number(process.argv[runsIndex + 1]) : 3;
const remover = createClassicalBackgroundRemover();
const context = { reportProgress: () => undefined, signal: new AbortController().signal };

function request(body: Record<string, unknown>) {
  const parsed = parseTaskRequest(body);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.request;
}

const png = (bytes: Uint8Array, fileName: string): EngineInputFile => ({
  bytes,
  format: 'png',
  kind: 'image',
  fileName,
});

async function median(label: string, work: () => Promise<unknown>): Promise<{ label: string; seconds: number[] }> {
  const seconds: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await work();
    seconds.push((performance.now() - start) / 1000);
  }
  return { label, seconds };
}

const image = await drawingImage(1024);
const views = await renderFourViews(boxesDocument(TABLE_BOXES), 1024);
const token = '00000000-0000-4000-8000-000000000000';
const file = { type: 'png', file_token: token };

const rows: { label: string; seconds: number[] }[] = [];
const imageEngine: Engine = new ImageToModelEngine(remover);
rows.push(
  await median('image_to_model (1024 px, textured PBR GLB, 30k triangles)', () =>
    imageEngine.run(
      { taskId: 'b', request: request({ type: 'image_to_model', file }), files: [png(image, 'a.png')] },
      context,
    ),
  ),
);
rows.push(
  await median('image_to_model, texture=false', () =>
    imageEngine.run(
      { taskId: 'b', request: request({ type: 'image_to_model', file, texture: false }), files: [png(image, 'a.png')] },
      context,
    ),
  ),
);
rows.push(
  await median('image_to_model, quad=true (FBX, 10k quads)', () =>
    imageEngine.run(
      { taskId: 'b', request: request({ type: 'image_to_model', file, quad: true }), files: [png(image, 'a.png')] },
      context,
    ),
  ),
);
const multiviewEngine = new MultiviewToModelEngine(remover);
const viewFiles = VIEW_ORDER.map((view) => png(views[view], `${view}.png`));
rows.push(
  await median('multiview_to_model (4 × 1024 px, textured PBR GLB)', () =>
    multiviewEngine.run(
      {
        taskId: 'b',
        request: request({ type: 'multiview_to_model', files: VIEW_ORDER.map(() => file) }),
        files: viewFiles,
      },
      context,
    ),
  ),
);
const generateEngine = new GenerateMultiviewImageEngine(remover);
let generated: Awaited<ReturnType<Engine['run']>> | undefined;
rows.push(
  await median(
    'generate_multiview_image (1024 px in, 4 × 512 px out)',
    async () =>
      (generated = await generateEngine.run(
        { taskId: 'b', request: request({ type: 'generate_multiview_image', file }), files: [png(image, 'a.png')] },
        context,
      )),
  ),
);
const sourceOutputs = Object.fromEntries(
  Object.entries(generated!.files).map(([key, value]) => [
    key,
    { bytes: value.bytes, format: 'webp', kind: 'image' as const, fileName: 'v.webp' },
  ]),
);
const editEngine = new EditMultiviewImageEngine(remover);
rows.push(
  await median('edit_multiview_image (2 views: "make it red", "desaturate")', () =>
    editEngine.run(
      {
        taskId: 'b',
        request: request({
          type: 'edit_multiview_image',
          original_task_id: token,
          prompts: [
            { view: 'front', prompt: 'make it red' },
            { view: 'left', prompt: 'desaturate' },
          ],
        }),
        files: [],
        sourceOutputs,
      },
      context,
    ),
  ),
);

// Reference: texturing the same image_to_model mesh by xatlas unwrapping instead of view projection.
const comparison = {
  backgroundRemover: remover,
  sharp,
  textureCellPixels: 1024,
  maxTriangles: 10_000,
  gridResolution: 100,
};
const geometryOnly = await imageToModel(image, { ...comparison, textured: false });
const projected = await median('  our view-projection atlas (same mesh, incl. geometry)', () =>
  imageToModel(image, { ...comparison, textured: true }),
);
const geometrySeconds = await median('  geometry alone', () => imageToModel(image, { ...comparison, textured: false }));
const unwrapStart = performance.now();
const unwrapped = { seconds: [0] };
await (async () => {
  const document = new Document();
  const buffer = document.createBuffer();
  const primitive = document
    .createPrimitive()
    .setAttribute(
      'POSITION',
      document.createAccessor().setType('VEC3').setArray(geometryOnly.mesh.positions).setBuffer(buffer),
    )
    .setIndices(document.createAccessor().setType('SCALAR').setArray(geometryOnly.mesh.indices).setBuffer(buffer));
  document.createScene().addChild(document.createNode().setMesh(document.createMesh().addPrimitive(primitive)));
  await watlas.Initialize();
  await document.transform(unwrap({ watlas, overwrite: true }));
})();
unwrapped.seconds[0] = (performance.now() - unwrapStart) / 1000;

const med = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${runs} runs, median; load average ${os.loadavg()[0].toFixed(1)}`,
);
console.log('| task | seconds (median) | all runs |');
console.log('|---|---:|---|');
for (const row of rows)
  console.log(
    `| ${row.label} | ${med(row.seconds).toFixed(2)} | ${row.seconds.map((value) => value.toFixed(2)).join(', ')} |`,
  );
const atlasSeconds = med(projected.seconds) - med(geometrySeconds.seconds);
console.log('');
console.log(
  `| texturing the image_to_model mesh (${geometryOnly.mesh.indices.length / 3} triangles) | seconds | ratio |`,
);
console.log('|---|---:|---:|');
console.log(`| ours: per-face view selection + view-image atlas | ${atlasSeconds.toFixed(2)} | 1.00 |`);
console.log(
  `| xatlas unwrap only, one run (no texture baked yet) | ${unwrapped.seconds[0].toFixed(2)} | ${(unwrapped.seconds[0] / Math.max(atlasSeconds, 1e-3)).toFixed(1)}× ours |`,
);
