// convert_model options and highpoly_to_lowpoly over real HTTP: import a model, convert or decimate it, download
// the result and read it back with an independent reader (glTF-Transform + the Khronos validator, sharp, hdrify,
// fflate for zips, assimp where installed).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { readExr } from 'hdrify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectWorldTriangles } from '@polyforge/geometry/mesh/collect-world-triangles';
import { modelStats } from '@polyforge/geometry/mesh/model-stats';
import { readModel } from '@polyforge/geometry/read/read-model';
import { assimpInfo, hasAssimp } from '@polyforge/geometry/test/fixtures/assimp-info';
import {
  denseGridDocument,
  texturedCubeGlb,
  toGlb,
  twoAnimationDocument,
  twoTextureDocument,
} from '@polyforge/geometry/test/fixtures/build-fixtures';
import { checkerPng } from '@polyforge/geometry/test/fixtures/encode-png';
import { validateGlb } from '@polyforge/geometry/test/fixtures/validate-glb';
import { apiClient } from '../harness/api-client.ts';
import { ManualClock, startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';

type Client = ReturnType<typeof apiClient>;

describe('convert_model options and smart low poly, end to end', () => {
  const clock = new ManualClock(Date.now());
  let platform: TestPlatform;
  let cubeGlb: Uint8Array;
  let gridGlb: Uint8Array;
  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
    cubeGlb = await texturedCubeGlb();
    // A textured wavy grid of 20,000 triangles: x, z ∈ [0, 1], y = 0.05 sin(8πx).
    const grid = denseGridDocument(20_000);
    grid
      .getRoot()
      .listMaterials()[0]
      .setBaseColorTexture(grid.createTexture('checker').setImage(checkerPng(64, 8)).setMimeType('image/png'));
    gridGlb = await toGlb(grid);
  });
  // every directory the assimp checks write goes under this one, removed at the end
  const scratch = mkdtempSync(join(tmpdir(), 'polyforge-convert-options-'));
  afterAll(async () => {
    rmSync(scratch, { recursive: true, force: true });
    await platform.close();
  });

  async function runToEnd(client: Client, body: unknown) {
    const created = await client.createTask(body);
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    await platform.drainQueue();
    return (await client.getTask(created.body.data.task_id)).body.data;
  }

  async function imported(client: Client, bytes: Uint8Array): Promise<string> {
    const upload = await client.upload(bytes, 'model.glb');
    const task = await runToEnd(client, {
      type: 'import_model',
      file: { type: 'glb', file_token: upload.body.data.image_token },
    });
    expect(task.status).toBe('success');
    return task.task_id;
  }

  async function download(task: {
    status: string;
    output: { model: string };
    error_msg?: string;
  }): Promise<{ bytes: Uint8Array; path: string }> {
    expect(task.status, task.error_msg).toBe('success');
    const response = await fetch(task.output.model);
    expect(response.status).toBe(200);
    return { bytes: new Uint8Array(await response.arrayBuffer()), path: new URL(task.output.model).pathname };
  }

  async function readGlbChecked(bytes: Uint8Array) {
    expect((await validateGlb(bytes)).errors).toEqual([]);
    return readModel(bytes, 'glb');
  }

  async function newClient(): Promise<Client> {
    return apiClient(platform.baseUrl, (await platform.createAccount()).apiKey);
  }

  it('face_limit: decimates to at most face_limit triangles and charges the +5 surcharge', async () => {
    const client = await newClient();
    const source = await imported(client, gridGlb);
    const task = await runToEnd(client, {
      type: 'convert_model',
      format: 'GLTF',
      face_limit: 1_000,
      original_model_task_id: source,
    });
    expect(task.consumed_credit).toBe(10);
    const stats = modelStats(await readGlbChecked((await download(task)).bytes));
    expect(stats.triangleCount).toBeLessThanOrEqual(1_000);
    expect(stats.triangleCount).toBeGreaterThan(900);
    expect(stats.textureCount).toBe(1);
  });

  it('the default face_limit (10000) applies, free of charge, when the client sends none', async () => {
    const client = await newClient();
    const source = await imported(client, gridGlb);
    const task = await runToEnd(client, { type: 'convert_model', format: 'GLB', original_model_task_id: source });
    expect(task.consumed_credit).toBe(5);
    expect(modelStats(await readGlbChecked((await download(task)).bytes)).triangleCount).toBeLessThanOrEqual(10_000);
  });

  it('scale_factor, flatten_bottom and pivot_to_center_bottom, one by one and together', async () => {
    const client = await newClient();
    const source = await imported(client, gridGlb);
    const convert = async (options: object) =>
      readGlbChecked(
        (
          await download(
            await runToEnd(client, {
              type: 'convert_model',
              format: 'GLB',
              original_model_task_id: source,
              ...options,
            }),
          )
        ).bytes,
      );

    const scaled = modelStats(await convert({ scale_factor: 2 })).boundingBox;
    expect(scaled.max[0]).toBeCloseTo(2, 5);
    expect(scaled.max[2]).toBeCloseTo(2, 5);
    expect(scaled.max[1]).toBeCloseTo(0.1, 3); // the sampled crest of 0.05 sin(8πx), doubled

    const flat = collectWorldTriangles(await convert({ flatten_bottom: true, flatten_bottom_threshold: 0.03 }));
    const ys = flat.flatMap(({ positions }) => Array.from(positions.filter((_, index) => index % 3 === 1)));
    const bottom = Math.min(...ys); // the sampled trough of 0.05 sin(8πx), ≈ −0.05
    expect(bottom).toBeCloseTo(-0.05, 3);
    expect(ys.filter((y) => y > bottom + 1e-6 && y < bottom + 0.03 - 1e-6)).toEqual([]);
    expect(ys.filter((y) => y === bottom).length).toBeGreaterThan(20);

    const pivoted = modelStats(await convert({ pivot_to_center_bottom: true })).boundingBox;
    expect(Math.abs((pivoted.min[0] + pivoted.max[0]) / 2)).toBeLessThan(1e-5);
    expect(Math.abs(pivoted.min[1])).toBeLessThan(1e-5);
    expect(Math.abs((pivoted.min[2] + pivoted.max[2]) / 2)).toBeLessThan(1e-5);

    const all = await convert({
      scale_factor: 2,
      flatten_bottom: true,
      flatten_bottom_threshold: 0.05,
      pivot_to_center_bottom: true,
      face_limit: 2_000,
    });
    const stats = modelStats(all);
    expect(stats.triangleCount).toBeLessThanOrEqual(2_000);
    expect(Math.abs(stats.boundingBox.min[1])).toBeLessThan(1e-5);
    expect(stats.boundingBox.max[0] - stats.boundingBox.min[0]).toBeCloseTo(2, 4);
    expect(stats.boundingBox.max[1]).toBeCloseTo(0.2, 2);
  });

  it('quad=true with face_limit: OBJ carries quad faces and face_limit counts polygons', async () => {
    const client = await newClient();
    const source = await imported(client, gridGlb);
    const task = await runToEnd(client, {
      type: 'convert_model',
      format: 'OBJ',
      quad: true,
      face_limit: 800,
      original_model_task_id: source,
    });
    expect(task.consumed_credit).toBe(10);
    const { bytes, path } = await download(task);
    expect(path).toMatch(/\.zip$/);
    const files = unzipSync(bytes);
    const obj = new TextDecoder().decode(files['model.obj']);
    const faces = obj.split('\n').filter((line) => line.startsWith('f '));
    expect(faces.length).toBeLessThanOrEqual(800);
    expect(faces.length).toBeGreaterThan(600);
    expect(faces.filter((line) => line.split(' ').length === 5).length).toBeGreaterThan(faces.length / 4);
    if (hasAssimp) {
      const directory = mkdtempSync(join(scratch, 'quad-'));
      for (const [name, content] of Object.entries(files)) writeFileSync(join(directory, name), content);
      // `assimp info` triangulates: each quad reads as two triangles.
      const quads = faces.filter((line) => line.split(' ').length === 5).length;
      expect(assimpInfo(join(directory, 'model.obj')).faceCount).toBe(faces.length + quads);
    }
  });

  it.each([
    ['GLB', 'WEBP', 'webp'],
    ['GLB', 'TARGA', 'png'],
    ['OBJ', 'TIFF', 'tiff'],
    ['OBJ', 'OPEN_EXR', 'exr'],
    ['OBJ', 'BMP', 'bmp'],
    ['OBJ', 'DPX', 'dpx'],
  ])('texture_format: %s with %s carries %s textures that decode back', async (format, textureFormat, stored) => {
    const client = await newClient();
    const source = await imported(client, cubeGlb);
    const task = await runToEnd(client, {
      type: 'convert_model',
      format,
      texture_format: textureFormat,
      texture_size: 256,
      original_model_task_id: source,
    });
    expect(task.consumed_credit).toBe(10);
    const { bytes } = await download(task);
    let image: Uint8Array;
    if (format === 'GLB') {
      image = (await readGlbChecked(bytes)).getRoot().listTextures()[0].getImage()!;
    } else {
      const files = unzipSync(bytes);
      // The MTL names the texture file; whatever its name, its bytes are the re-encoded image.
      const mtl = new TextDecoder().decode(files['model.mtl']);
      const textureName = /map_Kd (\S+)/.exec(mtl)![1];
      image = files[textureName];
    }
    if (['webp', 'png', 'tiff'].includes(stored)) {
      expect(await sharp(image).metadata()).toMatchObject({ format: stored, width: 8, height: 8 });
    } else if (stored === 'exr') {
      expect(readExr(image)).toMatchObject({ width: 8, height: 8 });
    } else if (stored === 'bmp') {
      expect(String.fromCharCode(image[0], image[1])).toBe('BM');
      expect(new DataView(image.buffer, image.byteOffset).getInt32(18, true)).toBe(8);
    } else {
      expect(new DataView(image.buffer, image.byteOffset).getUint32(0)).toBe(0x53445058);
      expect(new DataView(image.buffer, image.byteOffset).getUint32(772)).toBe(8);
    }
  });

  it('refuses export_vertex_colors for formats other than OBJ and GLTF as a parameter error, with no charge', async () => {
    const client = await newClient();
    const source = await imported(client, cubeGlb);
    for (const format of ['FBX', 'STL', 'USDZ']) {
      const response = await client.createTask({
        type: 'convert_model',
        format,
        original_model_task_id: source,
        export_vertex_colors: true,
      });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe(1004);
      expect(response.body.message).toContain('export_vertex_colors');
    }
    expect((await client.balance()).body.data).toEqual({ balance: 300, frozen: 0 });
  });

  it('export_vertex_colors: OBJ writes `v x y z r g b` that assimp reads; GLTF carries COLOR_0', async () => {
    const client = await newClient();
    const source = await imported(client, cubeGlb);
    const objTask = await runToEnd(client, {
      type: 'convert_model',
      format: 'OBJ',
      export_vertex_colors: true,
      original_model_task_id: source,
    });
    const files = unzipSync((await download(objTask)).bytes);
    const vertices = new TextDecoder()
      .decode(files['model.obj'])
      .split('\n')
      .filter((line) => line.startsWith('v '));
    expect(vertices.length).toBe(24);
    expect(vertices.every((line) => line.split(' ').length === 7)).toBe(true);
    if (hasAssimp) {
      const directory = mkdtempSync(join(scratch, 'colors-'));
      for (const [name, content] of Object.entries(files)) writeFileSync(join(directory, name), content);
      expect(assimpInfo(join(directory, 'model.obj'))).toMatchObject({ faceCount: 12 });
    }
    const glbTask = await runToEnd(client, {
      type: 'convert_model',
      format: 'GLTF',
      export_vertex_colors: true,
      original_model_task_id: source,
    });
    const document = await readGlbChecked((await download(glbTask)).bytes);
    expect(document.getRoot().listMeshes()[0].listPrimitives()[0].getAttribute('COLOR_0')).not.toBeNull();
  });

  it('pack_uv: two textured materials come out as one atlas and one material (GLB and OBJ)', async () => {
    const client = await newClient();
    const source = await imported(client, await toGlb(twoTextureDocument()));
    const glbTask = await runToEnd(client, {
      type: 'convert_model',
      format: 'GLB',
      pack_uv: true,
      original_model_task_id: source,
    });
    const document = await readGlbChecked((await download(glbTask)).bytes);
    expect(document.getRoot().listTextures()).toHaveLength(1);
    expect(document.getRoot().listMaterials()).toHaveLength(1);
    const objTask = await runToEnd(client, {
      type: 'convert_model',
      format: 'OBJ',
      pack_uv: true,
      original_model_task_id: source,
    });
    const files = unzipSync((await download(objTask)).bytes);
    expect(Object.keys(files).filter((name) => /\.(png|jpg)$/.test(name))).toHaveLength(1);
    if (hasAssimp) {
      const directory = mkdtempSync(join(scratch, 'pack-'));
      for (const [name, content] of Object.entries(files)) writeFileSync(join(directory, name), content);
      expect(assimpInfo(join(directory, 'model.obj'))).toMatchObject({ faceCount: 24 });
    }
  });

  it('pack_uv on a texture that repeats fails the task with a message that says why, and refunds it', async () => {
    const client = await newClient();
    const tiled = twoTextureDocument();
    const uv = tiled.getRoot().listMeshes()[0].listPrimitives()[1].getAttribute('TEXCOORD_0')!;
    uv.setArray((uv.getArray() as Float32Array).map((value) => value * 4));
    const source = await imported(client, await toGlb(tiled));
    const task = await runToEnd(client, {
      type: 'convert_model',
      format: 'GLB',
      pack_uv: true,
      original_model_task_id: source,
    });
    expect(task.status).toBe('failed');
    expect(task.error_msg).toMatch(/pack_uv: material "right" repeats its texture/);
    expect((await client.balance()).body.data.frozen).toBe(0);
  });

  it('force_symmetry with quad: a mirror-symmetric quad OBJ within face_limit', async () => {
    const client = await newClient();
    const source = await imported(client, gridGlb);
    const task = await runToEnd(client, {
      type: 'convert_model',
      format: 'OBJ',
      quad: true,
      force_symmetry: true,
      face_limit: 600,
      original_model_task_id: source,
    });
    const files = unzipSync((await download(task)).bytes);
    const obj = new TextDecoder().decode(files['model.obj']);
    const faces = obj.split('\n').filter((line) => line.startsWith('f '));
    expect(faces.length).toBeLessThanOrEqual(600);
    expect(faces.filter((line) => line.split(' ').length === 5).length).toBeGreaterThan(faces.length / 5);
    const points = obj
      .split('\n')
      .filter((line) => line.startsWith('v '))
      .map((line) => line.split(' ').slice(1, 4).map(Number));
    const keys = new Set(points.map(([x, y, z]) => `${x.toFixed(4)},${y.toFixed(4)},${z.toFixed(4)}`));
    for (const [x, y, z] of points)
      expect(keys.has(`${(1 - x + 0).toFixed(4)},${y.toFixed(4)},${z.toFixed(4)}`)).toBe(true);
    if (hasAssimp) {
      const directory = mkdtempSync(join(scratch, 'symmetry-'));
      for (const [name, content] of Object.entries(files)) writeFileSync(join(directory, name), content);
      const quads = faces.filter((line) => line.split(' ').length === 5).length;
      expect(assimpInfo(join(directory, 'model.obj')).faceCount).toBe(faces.length + quads);
    }
  });

  it('assemble_animation: a model with two clips comes back with one, alone and combined with other options', async () => {
    const client = await newClient();
    const source = await imported(client, await toGlb(twoAnimationDocument()));
    for (const options of [
      { assemble_animation: true },
      { assemble_animation: true, animate_in_place: true, scale_factor: 2, pivot_to_center_bottom: true },
    ]) {
      const task = await runToEnd(client, {
        type: 'convert_model',
        format: 'GLB',
        original_model_task_id: source,
        ...options,
      });
      const document = await readGlbChecked((await download(task)).bytes);
      const animations = document.getRoot().listAnimations();
      expect(animations.map((animation) => animation.getName())).toEqual(['assembled']);
      expect((animations[0].getExtras() as { clips: Array<{ name: string }> }).clips.map(({ name }) => name)).toEqual([
        'bend',
        'slide',
      ]);
    }
  });

  it('combines pack_uv, export_vertex_colors, quad and force_symmetry in one OBJ', async () => {
    const client = await newClient();
    const source = await imported(client, await toGlb(twoTextureDocument()));
    const task = await runToEnd(client, {
      type: 'convert_model',
      format: 'OBJ',
      original_model_task_id: source,
      pack_uv: true,
      export_vertex_colors: true,
      quad: true,
      force_symmetry: true,
      face_limit: 48,
      texture_size: 128,
    });
    expect(task.consumed_credit).toBe(10);
    const files = unzipSync((await download(task)).bytes);
    const obj = new TextDecoder().decode(files['model.obj']);
    expect(
      obj
        .split('\n')
        .filter((line) => line.startsWith('v '))
        .every((line) => line.split(' ').length === 7),
    ).toBe(true);
    expect(obj.split('\n').filter((line) => line.startsWith('f ')).length).toBeLessThanOrEqual(48);
    expect(Object.keys(files).filter((name) => /\.(png|jpg)$/.test(name))).toHaveLength(1);
  });

  it('highpoly_to_lowpoly: a GLB within face_limit (default 10000), 30 credits; quad=true gives FBX', async () => {
    const client = await newClient();
    const source = await imported(client, gridGlb);
    const low = await runToEnd(client, {
      type: 'highpoly_to_lowpoly',
      face_limit: 1_000,
      original_model_task_id: source,
    });
    expect(low.consumed_credit).toBe(30);
    const { bytes, path } = await download(low);
    expect(path).toMatch(/\.glb$/);
    const document = await readGlbChecked(bytes);
    const stats = modelStats(document);
    expect(stats.triangleCount).toBeLessThanOrEqual(1_000);
    expect(stats.textureCount).toBe(1);
    // Texture appearance: every kept vertex keeps the UV it had (the grid's UV is its x, z).
    for (const { positions, uvs } of collectWorldTriangles(document)) {
      for (let vertex = 0; vertex < positions.length / 3; vertex++)
        expect(uvs![vertex * 2]).toBeCloseTo(positions[vertex * 3], 5);
    }

    const quad = await runToEnd(client, {
      type: 'highpoly_to_lowpoly',
      quad: true,
      face_limit: 500,
      original_model_task_id: source,
    });
    expect(quad.output.face_count).toBeLessThanOrEqual(500);
    const fbx = await download(quad);
    expect(fbx.path).toMatch(/\.fbx$/);
    expect(new TextDecoder().decode(fbx.bytes.subarray(0, 18))).toBe('Kaydara FBX Binary');
    if (hasAssimp) {
      const directory = mkdtempSync(join(scratch, 'lowpoly-'));
      writeFileSync(join(directory, 'model.fbx'), fbx.bytes);
      const info = assimpInfo(join(directory, 'model.fbx'));
      // `assimp info` triangulates, so a quad counts twice: at most 2 × face_limit triangles.
      expect(info.faceCount).toBeGreaterThan(quad.output.face_count);
      expect(info.faceCount).toBeLessThanOrEqual(2 * quad.output.face_count);
    }
  });
});
