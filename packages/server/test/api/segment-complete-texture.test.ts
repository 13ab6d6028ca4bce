// import → mesh_segmentation → mesh_completion → texture_model through the HTTP API: outputs validated by the
// Khronos validator and checked for what they claim (named parts, watertight parts, the picture on the model),
// credits as priced, failures refunded, bad requests refused with clear codes and no charge.
import { NodeIO } from '@gltf-transform/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { chairDocument, quadrantsPng, type Rgb } from '@polyforge/geometry/test/fixtures/build-part-fixtures';
import { sampleSurfaceTexture } from '@polyforge/geometry/test/fixtures/sample-surface-texture';
import { validateGlb } from '@polyforge/geometry/test/fixtures/validate-glb';
import { apiClient } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import { checkWatertight } from '@polyforge/geometry/completion/check-watertight';
import { collectWorldTriangles } from '@polyforge/geometry/mesh/collect-world-triangles';
import { weldPositions } from '@polyforge/geometry/segmentation/weld-positions';

type Client = ReturnType<typeof apiClient>;
const RED: Rgb = [220, 30, 30],
  GREEN: Rgb = [30, 190, 40],
  BLUE: Rgb = [30, 40, 220],
  YELLOW: Rgb = [235, 215, 30];

describe('segmentation, completion and texturing end to end over HTTP', () => {
  let platform: TestPlatform;
  let chairGlb: Uint8Array;
  beforeAll(async () => {
    platform = await startTestPlatform();
    chairGlb = await toGlb(await chairDocument(0.03));
  });
  afterAll(() => platform.close());

  async function runToEnd(client: Client, body: unknown) {
    const created = await client.createTask(body);
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    await platform.drainQueue();
    return (await client.getTask(created.body.data.task_id)).body.data;
  }

  async function download(url: string): Promise<Uint8Array> {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    return new Uint8Array(await response.arrayBuffer());
  }

  async function importChair(client: Client) {
    const upload = await client.upload(chairGlb, 'chair.glb');
    const task = await runToEnd(client, {
      type: 'import_model',
      file: { type: 'glb', file_token: upload.body.data.image_token },
    });
    expect(task.status).toBe('success');
    return task;
  }

  it('segments, completes and textures a chair, charging 40 + 50 + 20 credits', async () => {
    const account = await platform.createAccount();
    const client = apiClient(platform.baseUrl, account.apiKey);
    const imported = await importChair(client);

    const segmented = await runToEnd(client, {
      type: 'mesh_segmentation',
      original_model_task_id: imported.task_id,
      model_version: 'v2.0-20260430',
      segmentation_granularity: 'balanced',
    });
    expect(segmented).toMatchObject({ status: 'success', consumed_credit: 40 });
    expect(segmented.output.part_count).toBeGreaterThanOrEqual(4);
    expect(segmented.output.part_names).toHaveLength(segmented.output.part_count);
    expect(new URL(segmented.output.rendered_image).pathname).toMatch(/rendered_image\.webp$/);
    const segmentedGlb = await download(segmented.output.model);
    expect((await validateGlb(segmentedGlb)).errors).toEqual([]);
    const parts = (await new NodeIO().readBinary(segmentedGlb))
      .getRoot()
      .listNodes()
      .map((node) => node.getName());
    expect(parts).toEqual(segmented.output.part_names);

    const completed = await runToEnd(client, { type: 'mesh_completion', original_model_task_id: segmented.task_id });
    expect(completed).toMatchObject({ status: 'success', consumed_credit: 50 });
    expect(completed.output).toMatchObject({ watertight: true });
    // The chair is closed; its parts are open only where they meet each other, so nothing is capped twice.
    expect(completed.output.holes_filled).toBe(0);
    for (const part of completed.output.parts) expect(part.seams_left_open, part.name).toBeGreaterThanOrEqual(1);
    const completedGlb = await download(completed.output.model);
    expect((await validateGlb(completedGlb)).errors).toEqual([]);
    // Check watertightness independently on the downloaded file: every part in world space, welded, as one model.
    const positions: number[] = [],
      triangles: number[] = [];
    for (const primitive of collectWorldTriangles(await new NodeIO().readBinary(completedGlb))) {
      const offset = positions.length / 3;
      positions.push(...primitive.positions);
      for (const index of primitive.indices) triangles.push(index + offset);
    }
    const welded = weldPositions(positions, triangles);
    expect(await checkWatertight(welded.positions, welded.triangles)).toMatchObject({ watertight: true });

    const picture = await client.upload(quadrantsPng(256, [RED, GREEN, BLUE, YELLOW]), 'front.png');
    const textured = await runToEnd(client, {
      type: 'texture_model',
      original_model_task_id: completed.task_id,
      texture_prompt: { image: { type: 'png', file_token: picture.body.data.image_token } },
      texture_quality: 'detailed',
    });
    expect(textured).toMatchObject({ status: 'success', consumed_credit: 20 });
    expect(textured.output.texture_size).toBe(2048);
    for (const key of ['model', 'pbr_model', 'rendered_image']) expect(textured.output[key], key).toMatch(/^http/);
    const texturedGlb = await download(textured.output.pbr_model);
    expect((await validateGlb(texturedGlb)).errors).toEqual([]);
    const texturedDocument = await new NodeIO().readBinary(texturedGlb);
    // The picture is fitted to the chair's front silhouette (0.5 m wide, 0.98 m high), so the seat's front face
    // (y 0.42–0.48) lies just below the picture's middle: blue on the left, yellow on the right; the top of the
    // back is in the red top-left quadrant.
    const seatFrontLeft = await sampleSurfaceTexture(texturedDocument, [-0.15, 0.45, 0.25]);
    const seatFrontRight = await sampleSurfaceTexture(texturedDocument, [0.15, 0.45, 0.25]);
    expect(seatFrontLeft.textureSize).toEqual([2048, 2048]);
    expect(seatFrontLeft.rgb[2]).toBeGreaterThan(seatFrontLeft.rgb[0] + 80); // blue
    expect(seatFrontRight.rgb[0] + seatFrontRight.rgb[1]).toBeGreaterThan(2 * seatFrontRight.rgb[2] + 150); // yellow
    const backTop = await sampleSurfaceTexture(texturedDocument, [-0.15, 0.9, -0.19]);
    expect(backTop.rgb[0]).toBeGreaterThan(backTop.rgb[1] + 80); // red, top-left

    const plain = await runToEnd(client, {
      type: 'texture_model',
      original_model_task_id: imported.task_id,
      texture_prompt: { text: 'dark oak wood' },
      pbr: false,
    });
    expect(plain).toMatchObject({ status: 'success', consumed_credit: 10 });
    expect(plain.output.texture_size).toBe(1024);
    expect(plain.output.matched_words).toEqual(['dark oak', 'wood']);
    expect(plain.output.texture_prompt_understood).toEqual({
      pattern: 'wood',
      colours: [],
      material: 'dark oak',
      ignored: [],
    });
    expect(plain.output.pbr_model).toBeUndefined();
    expect((await validateGlb(await download(plain.output.model))).errors).toEqual([]);

    expect((await client.balance()).body.data).toEqual({ balance: 300 - 40 - 50 - 20 - 10, frozen: 0 });
  });

  it('fails a completion whose part_names match nothing, with a clear message, and refunds it', async () => {
    const account = await platform.createAccount();
    const client = apiClient(platform.baseUrl, account.apiKey);
    const imported = await importChair(client);
    const segmented = await runToEnd(client, { type: 'mesh_segmentation', original_model_task_id: imported.task_id });
    expect(segmented.status).toBe('success');
    const failed = await runToEnd(client, {
      type: 'mesh_completion',
      original_model_task_id: segmented.task_id,
      part_names: ['wing'],
    });
    expect(failed).toMatchObject({ status: 'failed', consumed_credit: 0 });
    expect(failed.error_msg).toMatch(/part_names \(wing\).*not charged/);
    expect((await client.balance()).body.data).toEqual({ balance: 300 - 40, frozen: 0 });
  });

  it('refuses bad requests before charging anything', async () => {
    const account = await platform.createAccount();
    const client = apiClient(platform.baseUrl, account.apiKey);
    const imported = await importChair(client);
    const picture = await client.upload(quadrantsPng(64, [RED, GREEN, BLUE, YELLOW]), 'p.png');
    const image = { type: 'png', file_token: picture.body.data.image_token };
    const cases: Array<[string, unknown, number, RegExp]> = [
      [
        'completion of a non-segmentation task',
        { type: 'mesh_completion', original_model_task_id: imported.task_id },
        2006,
        /mesh_segmentation/,
      ],
      [
        'a v2 option on v1',
        { type: 'mesh_segmentation', original_model_task_id: imported.task_id, segmentation_granularity: 'detailed' },
        1004,
        /v2\.0-20260430/,
      ],
      [
        'an unknown granularity',
        {
          type: 'mesh_segmentation',
          original_model_task_id: imported.task_id,
          model_version: 'v2.0-20260430',
          segmentation_granularity: 'fine',
        },
        1004,
        /segmentation_granularity/,
      ],
      [
        'ref_image',
        {
          type: 'mesh_segmentation',
          original_model_task_id: imported.task_id,
          model_version: 'v2.0-20260430',
          ref_image: image,
        },
        2002,
        /ref_image/,
      ],
      [
        'text and image together',
        { type: 'texture_model', original_model_task_id: imported.task_id, texture_prompt: { text: 'wood', image } },
        1004,
        /cannot be combined/,
      ],
      [
        'extreme texture quality',
        { type: 'texture_model', original_model_task_id: imported.task_id, texture_quality: 'extreme' },
        2002,
        /extreme/,
      ],
      [
        'a task of nobody',
        { type: 'mesh_segmentation', original_model_task_id: '00000000-0000-4000-8000-000000000000' },
        2001,
        /does not name a task/,
      ],
    ];
    for (const [name, body, code, message] of cases) {
      const response = await client.createTask(body);
      expect(response.body.code, name).toBe(code);
      expect(response.body.message, name).toMatch(message);
    }
    expect((await client.balance()).body.data).toEqual({ balance: 300, frozen: 0 });
  });
});
