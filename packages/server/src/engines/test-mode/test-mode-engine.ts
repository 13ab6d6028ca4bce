// Serves every task type for test-mode keys with small, deterministic sample outputs (a cube whose colour
// derives from the request, solid-colour images), so integrators exercise the whole flow without credits or GPUs.
import { createHash } from 'node:crypto';
import { Document } from '@gltf-transform/core';
import sharp from 'sharp';
import type { TaskRequest } from '@polyforge/protocol';
import { convertModel, SUPPORTED_CONVERT_FORMATS } from '@polyforge/geometry/convert/convert-model';
import { writeGlb } from '@polyforge/geometry/formats/glb/write-glb';
import type { Engine, EngineInput, EngineOutputFile, EngineResult } from '../engine.ts';

const IMAGE_TASK_TYPES = new Set(['text_to_image', 'generate_image']);
const MULTIVIEW_TASK_TYPES = new Set(['generate_multiview_image', 'edit_multiview_image']);
const VIEWS = ['front', 'left', 'back', 'right'] as const;

export class TestModeEngine implements Engine {
  readonly name = 'test-mode';
  readonly taskTypes: readonly string[] = [];

  supports() {
    return { ok: true } as const;
  }

  estimateSeconds(): number {
    return 1;
  }

  async run(input: EngineInput): Promise<EngineResult> {
    const request = input.request;
    const rgb = colourOf(request);
    if (request.type === 'animate_prerigcheck')
      return { files: {}, result: { riggable: true, rig_type: 'biped', test_mode: true } };
    if (IMAGE_TASK_TYPES.has(request.type)) return { files: { generated_image: await solidPng(rgb, 256) } };
    if (MULTIVIEW_TASK_TYPES.has(request.type)) {
      const files: Record<string, EngineOutputFile> = {};
      for (const [index, view] of VIEWS.entries())
        files[`generate_multiview_image.${view}_view_url`] = await solidPng(shade(rgb, index), 256);
      return { files };
    }
    const document = sampleCube(rgb);
    const files: Record<string, EngineOutputFile> = { rendered_image: await solidPng(rgb, 128, 'webp') };
    const format = (request as { format?: string }).format;
    if (
      request.type === 'convert_model' &&
      format &&
      (SUPPORTED_CONVERT_FORMATS as readonly string[]).includes(format)
    ) {
      const converted = await convertModel(document, { format: format as (typeof SUPPORTED_CONVERT_FORMATS)[number] });
      files.model = { bytes: converted.bytes, extension: converted.extension, mimeType: converted.mimeType };
    } else {
      files.model = { bytes: await writeGlb(document), extension: 'glb', mimeType: 'model/gltf-binary' };
    }
    return { files, result: { test_mode: true } };
  }
}

function colourOf(request: TaskRequest): [number, number, number] {
  const digest = createHash('sha256').update(JSON.stringify(request)).digest();
  return [digest[0], digest[1], digest[2]];
}

function shade([red, green, blue]: [number, number, number], step: number): [number, number, number] {
  return [(red + step * 40) % 256, (green + step * 40) % 256, (blue + step * 40) % 256];
}

async function solidPng(
  rgb: [number, number, number],
  size: number,
  format: 'png' | 'webp' = 'png',
): Promise<EngineOutputFile> {
  const image = sharp({
    create: { width: size, height: size, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } },
  });
  const bytes = format === 'png' ? await image.png().toBuffer() : await image.webp().toBuffer();
  return { bytes: new Uint8Array(bytes), extension: format, mimeType: `image/${format}` };
}

/** A unit cube with flat normals, one material of the given colour. */
function sampleCube(rgb: [number, number, number]): Document {
  const document = new Document();
  const buffer = document.createBuffer();
  const positions: number[] = [];
  const normals: number[] = [];
  const indices: number[] = [];
  const faces: [number[], number[], number[]][] = [
    [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ],
    [
      [-1, 0, 0],
      [0, 0, 1],
      [0, 1, 0],
    ],
    [
      [0, 1, 0],
      [0, 0, 1],
      [1, 0, 0],
    ],
    [
      [0, -1, 0],
      [1, 0, 0],
      [0, 0, 1],
    ],
    [
      [0, 0, 1],
      [1, 0, 0],
      [0, 1, 0],
    ],
    [
      [0, 0, -1],
      [0, 1, 0],
      [1, 0, 0],
    ],
  ];
  for (const [normal, u, v] of faces) {
    const base = positions.length / 3;
    for (const [su, sv] of [
      [-1, -1],
      [1, -1],
      [1, 1],
      [-1, 1],
    ]) {
      for (let axis = 0; axis < 3; axis += 1) positions.push(0.5 * (normal[axis] + su * u[axis] + sv * v[axis]));
      normals.push(...normal);
    }
    indices.push(base, base + 1, base + 2, base, base + 2, base + 3);
  }
  const material = document.createMaterial('sample').setBaseColorFactor([rgb[0] / 255, rgb[1] / 255, rgb[2] / 255, 1]);
  const primitive = document
    .createPrimitive()
    .setAttribute(
      'POSITION',
      document.createAccessor().setType('VEC3').setArray(new Float32Array(positions)).setBuffer(buffer),
    )
    .setAttribute(
      'NORMAL',
      document.createAccessor().setType('VEC3').setArray(new Float32Array(normals)).setBuffer(buffer),
    )
    .setIndices(document.createAccessor().setType('SCALAR').setArray(new Uint16Array(indices)).setBuffer(buffer))
    .setMaterial(material);
  const mesh = document.createMesh('sample').addPrimitive(primitive);
  document.createScene('scene').addChild(document.createNode('sample').setMesh(mesh));
  return document;
}
