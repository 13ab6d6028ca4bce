// One measured step of bench/geometry.ts, run in its own process so its peak RSS is its own:
// node --conditions=polyforge-source --import tsx bench/geometry-step.ts <simplify|obj|fbx|render> <input.glb> <output>
// Prints one JSON line: seconds (file in → file out, in process), phase timings, maxRssMB, faces.
import fs from 'node:fs/promises';
import { applyConvertOptions, loadGeometryCodecs } from '@polyforge/geometry/convert/apply-convert-options';
import { convertModel } from '@polyforge/geometry/convert/convert-model';
import { readModel } from '@polyforge/geometry/read/read-model';
import { renderPreview } from '@polyforge/geometry/render/render-preview';

const [operation, inputPath, outputPath] = process.argv.slice(2);
const codecs = await loadGeometryCodecs(); // wasm/native module start-up is not part of the job
const phases: Record<string, number> = {};
let mark = performance.now();
const phase = (name: string) => {
  const now = performance.now();
  phases[name] = (now - mark) / 1000;
  mark = now;
};
const start = performance.now();
const document = await readModel(new Uint8Array(await fs.readFile(inputPath)), 'glb');
phase('read');
let bytes: Uint8Array;
let faces: number | undefined;
switch (operation) {
  case 'simplify': {
    // The convert_model path: face_limit 10000 through applyConvertOptions (weld + meshoptimizer simplify).
    const applied = await applyConvertOptions(document, { format: 'GLB', face_limit: 10_000 }, codecs);
    faces = applied.faceCount;
    phase('simplify');
    bytes = (await convertModel(document, { format: 'GLB' })).bytes;
    phase('write');
    break;
  }
  case 'obj':
  case 'fbx':
    bytes = (await convertModel(document, { format: operation === 'obj' ? 'OBJ' : 'FBX' })).bytes;
    phase('convert');
    break;
  case 'render':
    bytes = await renderPreview(document, { sharp: codecs.sharp });
    phase('render');
    break;
  default:
    throw new Error(`unknown operation ${operation}`);
}
await fs.writeFile(outputPath, bytes);
phase('save');
const seconds = (performance.now() - start) / 1000;
console.log(
  JSON.stringify({
    seconds,
    phases,
    faces,
    outputBytes: bytes.byteLength,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }),
);
