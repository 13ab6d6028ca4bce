// Geometry fidelity over HTTP (issue 16): third-party models from the corpus are imported (Draco, meshopt, KTX2,
// an OBJ without normals) and converted, and the task output names what a format cannot carry (`warnings`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateGlb } from '@polyforge/geometry/test/fixtures/validate-glb';
import { apiClient } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';

/** The third-party corpus beside the geometry package's fixtures (packages/geometry/test/corpus/README.md). */
const corpus = (name: string) =>
  new Uint8Array(readFileSync(join(import.meta.dirname, '../../../geometry/test/corpus', name)));

describe('geometry fidelity end to end over HTTP', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(() => platform.close());

  async function runToEnd(client: ReturnType<typeof apiClient>, body: unknown) {
    const created = await client.createTask(body);
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    await platform.drainQueue();
    return (await client.getTask(created.body.data.task_id)).body.data;
  }

  async function imported(client: ReturnType<typeof apiClient>, name: string) {
    const upload = await client.upload(corpus(name), name);
    expect(upload.status, JSON.stringify(upload.body)).toBe(200);
    return runToEnd(client, {
      type: 'import_model',
      file: { type: name.split('.').pop(), file_token: upload.body.data.image_token },
    });
  }

  it.each(['box-draco.glb', 'box-meshopt.glb', 'box-textured-ktx2.glb', 'bunny.obj'])(
    'imports %s for free into a valid GLB',
    async (name) => {
      const account = await platform.createAccount();
      const client = apiClient(platform.baseUrl, account.apiKey);
      const task = await imported(client, name);
      expect(task).toMatchObject({ status: 'success', consumed_credit: 0 });
      const glb = new Uint8Array(await (await fetch(task.output.model)).arrayBuffer());
      expect((await validateGlb(glb)).errors).toEqual([]);
      // Welded and smoothed, not 3 vertices per triangle (10,800).
      if (name === 'bunny.obj') expect(task.output.model_stats.vertexCount).toBeLessThan(1859 * 1.1);
    },
  );

  it('converts DamagedHelmet to OBJ with every PBR map and names in warnings what MTL cannot hold', async () => {
    const account = await platform.createAccount({ credits: 500 });
    const client = apiClient(platform.baseUrl, account.apiKey);
    const source = await imported(client, 'damaged-helmet.glb');
    const converted = await runToEnd(client, {
      type: 'convert_model',
      format: 'OBJ',
      original_model_task_id: source.task_id,
      texture_size: 256,
    });
    expect(converted.status).toBe('success');
    expect(converted.output.warnings.join(' ')).toMatch(/occlusion map/);
    const files = unzipSync(new Uint8Array(await (await fetch(converted.output.model)).arrayBuffer()));
    const mtl = new TextDecoder().decode(files['model.mtl']);
    for (const key of ['map_Kd', 'norm', 'map_Ke', 'map_Pm', 'map_Pr'])
      expect(mtl).toMatch(new RegExp(`^${key} `, 'm'));
    const stl = await runToEnd(client, {
      type: 'convert_model',
      format: 'STL',
      original_model_task_id: source.task_id,
    });
    expect(stl.output.warnings.join(' ')).toMatch(/STL cannot carry textures/);
  });
});
