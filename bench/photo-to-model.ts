// Benchmark: image_to_model on photographs. (1) The create-time photo check (decode at 200 px, salient-object
// segmentation, verdict) per photo, against OpenCV's GrabCut (@techstark/opencv-js, the trusted library's
// training-free object cut, initialised with the usual automatic rectangle: the picture less a 5 % border) on the
// same 200 px image in the same run: seconds, and mask IoU where the truth is known (the rendered scenes).
// (2) The whole task as a worker runs it (ImageToModelEngine.run: analysis from the cache, crop, refined mask,
// inflation, one-piece check, texturing, GLB, preview) for each accepted photo, default options.
// Photos: the rendered scenes of the tests, and Debian's python3-skimage photographs when installed.
// Usage: node --conditions=polyforge-source --import tsx bench/photo-to-model.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analysePhoto } from '@polyforge/geometry/image-to-model/analyse-photo';
import { decodeImage, type RgbaImage } from '@polyforge/geometry/raster/decode-image';
import { buildPhotoScenes } from '@polyforge/geometry/test/fixtures/build-photo-scenes';
import { ImageToModelEngine } from '../packages/server/src/engines/builtin/image-to-model-engine.ts';
import { createBackgroundRemover } from '../packages/server/src/images/background-remover.ts';
import { parseTaskRequest } from '../packages/protocol/src/index.ts';

interface Photo {
  name: string;
  bytes: Uint8Array;
  truth?: { width: number; height: number; data: Uint8Array };
}

type OpenCv = typeof import('@techstark/opencv-js');
// The module object is Emscripten's: it has a `then` that hands back itself, so it is never awaited or returned
// from an async function (either would wait forever); its runtime start is awaited through onRuntimeInitialized.
const openCvModule = (await import('@techstark/opencv-js')).default as unknown as {
  Mat?: unknown;
  onRuntimeInitialized?: () => void;
};
if (!openCvModule.Mat) await new Promise<void>((resolve) => (openCvModule.onRuntimeInitialized = resolve));
const cv = openCvModule as unknown as OpenCv;

const photos: Photo[] = (await buildPhotoScenes()).map((scene) => ({
  name: scene.name,
  bytes: scene.png,
  truth: scene.truth ? { width: scene.width, height: scene.height, data: scene.truth } : undefined,
}));
const skimage = [
  '/usr/lib/python3/dist-packages/skimage/data',
  '/opt/polyforge-test-photos/usr/lib/python3/dist-packages/skimage/data',
].find((directory) => fs.existsSync(path.join(directory, 'astronaut.png')));
if (skimage) {
  for (const file of [
    'astronaut.png',
    'chelsea.png',
    'coffee.png',
    'motorcycle_left.png',
    'camera.png',
    'rocket.jpg',
    'coins.png',
    'horse.png',
  ]) {
    photos.push({ name: file, bytes: new Uint8Array(fs.readFileSync(path.join(skimage, file))) });
  }
}

/** OpenCV GrabCut from the automatic rectangle (5 % border), 3 iterations; mask 1 = (probably) foreground. */
function openCvGrabCut(image: RgbaImage): Uint8Array {
  const rgba = cv.matFromImageData({
    data: new Uint8ClampedArray(image.data),
    width: image.width,
    height: image.height,
  } as ImageData);
  const rgb = new cv.Mat();
  cv.cvtColor(rgba, rgb, cv.COLOR_RGBA2RGB);
  const mask = new cv.Mat();
  const background = new cv.Mat();
  const foreground = new cv.Mat();
  const border = Math.round(Math.min(image.width, image.height) * 0.05);
  const rect = new cv.Rect(border, border, image.width - 2 * border, image.height - 2 * border);
  cv.grabCut(rgb, mask, rect, background, foreground, 3, cv.GC_INIT_WITH_RECT);
  const out = Uint8Array.from(mask.data, (value) => (value === cv.GC_FGD || value === cv.GC_PR_FGD ? 1 : 0));
  for (const mat of [rgba, rgb, mask, background, foreground]) mat.delete();
  return out;
}

function iou(mask: Uint8Array, width: number, height: number, truth: NonNullable<Photo['truth']>): number {
  let intersection = 0;
  let union = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t =
        truth.data[
          Math.min(truth.height - 1, Math.floor(((y + 0.5) * truth.height) / height)) * truth.width +
            Math.min(truth.width - 1, Math.floor(((x + 0.5) * truth.width) / width))
        ];
      const m = mask[y * width + x];
      if (t && m) intersection++;
      if (t || m) union++;
    }
  }
  return union ? intersection / union : 0;
}

const remover = createBackgroundRemover('classical');
const engine = new ImageToModelEngine(remover);
const context = { reportProgress: () => undefined, signal: new AbortController().signal };
const request = (() => {
  const parsed = parseTaskRequest({
    type: 'image_to_model',
    file: { type: 'png', file_token: '00000000-0000-4000-8000-000000000000' },
  });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.request;
})();

console.log(
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; load average ${os.loadavg()[0].toFixed(1)}`,
);
console.log('');
console.log(
  '| photo | our verdict | our check, s (decode + saliency + cuts + verdict) | our mask IoU | OpenCV GrabCut (auto rectangle), s | its IoU | GrabCut time ÷ ours |',
);
console.log('|---|---|---:|---:|---:|---:|---:|');
const taskRows: string[] = [];
for (const photo of photos) {
  const checkStart = performance.now();
  const object = await analysePhoto(photo.bytes);
  const checkSeconds = (performance.now() - checkStart) / 1000;
  const image = await decodeImage(photo.bytes, { maxSidePixels: 200 });
  const cutStart = performance.now();
  const reference = openCvGrabCut(image);
  const referenceSeconds = (performance.now() - cutStart) / 1000;
  const ours = photo.truth ? iou(object.mask.data, object.mask.width, object.mask.height, photo.truth).toFixed(2) : '–';
  const theirs = photo.truth ? iou(reference, image.width, image.height, photo.truth).toFixed(2) : '–';
  const verdict = object.accepted ? 'accepted' : `refused (${object.refusal})`;
  console.log(
    `| ${photo.name} | ${verdict} | ${checkSeconds.toFixed(2)} | ${ours} | ${referenceSeconds.toFixed(2)} | ${theirs} | ${(referenceSeconds / checkSeconds).toFixed(2)} |`,
  );
  if (!object.accepted) continue;
  const runStart = performance.now();
  const result = await engine.run(
    { taskId: 'bench', request, files: [{ bytes: photo.bytes, format: 'png', kind: 'image', fileName: photo.name }] },
    context,
  );
  const runSeconds = (performance.now() - runStart) / 1000;
  const report = result.result?.photo_object as { pieces: number; watertight: boolean };
  taskRows.push(
    `| ${photo.name} | ${(checkSeconds + runSeconds).toFixed(1)} | ${runSeconds.toFixed(1)} | ${report.pieces} | ${report.watertight} | ${result.result?.face_count} |`,
  );
}

console.log('');
console.log('| accepted photo | task total, s (check + run) | run, s | pieces | watertight | faces |');
console.log('|---|---:|---:|---:|---|---:|');
for (const row of taskRows) console.log(row);
