// What text_to_model and texture_model say they made, through the public API: composed objects with their parts
// placed where they belong (a hat on the head, a castle on the hill), the words used and ignored on V2 and V3,
// refusals with 2002 on V3 too, and texture prompts whose colours and patterns show in the baked texture.
import type { Document } from '@gltf-transform/core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGltfIO } from '@polyforge/geometry/read/create-gltf-io';
import { validateGlb } from '@polyforge/geometry/test/fixtures/validate-glb';
import { downloadBytes } from '../fixtures/download-bytes.ts';
import { apiClient } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import { TEXTURE_PROMPT_SET } from './texture-prompt-set.ts';

type Client = ReturnType<typeof apiClient>;

/** Patterns that are a kind of the one the prompt set expects ("zebra stripes" are stripes). */
const PATTERN_KINDS: Record<string, string[]> = {
  stripes: ['stripes', 'zebra'],
  spots: ['spots', 'leopard'],
  checker: ['checker', 'tartan'],
};

async function modelOf(url: string): Promise<{ bytes: Uint8Array; document: Document }> {
  const response = await downloadBytes(url);
  expect(response.status).toBe(200);
  return { bytes: response.bytes, document: await (await createGltfIO()).readBinary(response.bytes) };
}

/** World bounds of the nodes whose name starts with `prefix` (the generator bakes placements into vertices). */
function boundsOf(document: Document, prefix: string): { min: number[]; max: number[] } {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (const node of document.getRoot().listNodes()) {
    if (!node.getName().startsWith(prefix)) continue;
    for (const primitive of node.getMesh()?.listPrimitives() ?? []) {
      const position = primitive.getAttribute('POSITION')!;
      const low = position.getMin([0, 0, 0]);
      const high = position.getMax([0, 0, 0]);
      for (let axis = 0; axis < 3; axis++) {
        min[axis] = Math.min(min[axis], low[axis]);
        max[axis] = Math.max(max[axis], high[axis]);
      }
    }
  }
  return { min, max };
}

describe('text generation output through the public API', () => {
  let platform: TestPlatform;
  let client: Client;
  beforeAll(async () => {
    platform = await startTestPlatform();
    const account = await platform.createAccount({ credits: 10_000, concurrency: 100 });
    client = apiClient(platform.baseUrl, account.apiKey);
  });
  afterAll(() => platform.close());

  async function run(body: Record<string, unknown>) {
    const created = await client.createTask(body);
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    await platform.drainQueue();
    const task = (await client.getTask(created.body.data.task_id)).body.data;
    expect(task.status, JSON.stringify(task)).toBe('success');
    return task;
  }

  it('composes a worn hat on the head and a castle on its hill, names the parts, and reports the words it ignored', async () => {
    const hat = await run({
      type: 'text_to_model',
      prompt: 'a fluffy white cat wearing a blue wizard hat at sunset',
      texture: false,
      generate_parts: true,
      model_seed: 2,
      auto_size: true,
    });
    const { generation } = hat.output;
    expect(generation.understood.components).toMatchObject([
      { role: 'main', subject: 'cat', category: 'cat', attributes: ['fluffy', 'white'] },
      { role: 'worn', subject: 'wizard hat', category: 'hat', variant: 'wizard', attributes: ['blue'], with: 'cat' },
    ]);
    expect(generation.ignored).toEqual([{ words: 'sunset', reason: 'a setting: only the object is modelled' }]);
    expect(generation.materials.hat_crown).toEqual({ material: 'fabric', colour: 'blue' });
    const cat = await modelOf(hat.output.base_model);
    expect((await validateGlb(cat.bytes)).errors).toEqual([]);
    const head = boundsOf(cat.document, 'head');
    const brim = boundsOf(cat.document, 'hat_brim');
    // the hat sits on the cat's head: its brim is above the head's middle and within its width
    expect(brim.min[1]).toBeGreaterThan((head.min[1] + head.max[1]) / 2);
    expect(brim.min[1]).toBeLessThan(head.max[1] + 0.05);
    expect(Math.abs((brim.min[2] + brim.max[2]) / 2 - (head.min[2] + head.max[2]) / 2)).toBeLessThan(0.05);

    const castle = await run({
      type: 'text_to_model',
      prompt: 'a medieval castle on a green hill',
      texture: false,
      generate_parts: true,
      model_seed: 2,
      auto_size: true,
    });
    expect(
      castle.output.generation.understood.components.map((component: { role: string; category: string }) => [
        component.role,
        component.category,
      ]),
    ).toEqual([
      ['main', 'castle'],
      ['support', 'hill'],
    ]);
    const model = await modelOf(castle.output.base_model);
    const hill = boundsOf(model.document, 'hill_hill');
    const keep = boundsOf(model.document, 'keep');
    expect(hill.min[1]).toBeCloseTo(0, 2);
    expect(keep.min[1]).toBeGreaterThan(hill.max[1] * 0.8);
  });

  it('refuses on V2 and V3 alike with 2002 and charges nothing; V3 shows what was understood', async () => {
    const before = (await client.balance()).body.data;
    const refused = await client.send('POST', '/v3/generation/text-to-model', {
      json: { prompt: 'a bear trap', model: 'v2.5-20250123' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 2002 });
    expect(JSON.stringify(refused.body)).toMatch(/nearest things the built-in generator can make: bear/);
    expect((await client.createTask({ type: 'text_to_model', prompt: 'an astronaut riding a horse' })).body.code).toBe(
      2002,
    );
    expect((await client.balance()).body.data).toEqual(before);

    const created = await client.send('POST', '/v3/generation/text-to-model', {
      json: { prompt: 'a robot dog', model: 'v2.5-20250123', texture: false },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    await platform.drainQueue();
    const task = (await client.send('GET', `/v3/tasks/${created.body.data.task_id}`)).body.data;
    const generation = task.generation ?? task.output.generation;
    expect(generation.understood.components[0]).toMatchObject({
      subject: 'robot dog',
      category: 'dog',
      modifiers: ['mechanical'],
    });
  });

  it('texture_model from text: patterns and colours are used, reported, and show in the baked texture', async () => {
    const source = await run({ type: 'text_to_model', prompt: 'a vase', texture: false, model_seed: 4 });
    const report: string[] = [];
    for (const item of TEXTURE_PROMPT_SET.filter((_, index) => index % 3 === 0)) {
      const task = await run({
        type: 'texture_model',
        original_model_task_id: source.task_id,
        texture_prompt: { text: item.text },
        pbr: false,
        texture_seed: 1,
      });
      const understood = task.output.texture_prompt_understood;
      expect(PATTERN_KINDS[item.pattern] ?? [item.pattern], item.text).toContain(understood.pattern);
      for (const colour of item.colours) expect(understood.colours, item.text).toContain(colour);
      // a patterned texture shows two colours: the base and the pattern's, each on a fair share of the texels
      const image = (await modelOf(task.output.model)).document.getRoot().listTextures()[0].getImage()!;
      const { data, info } = await sharp(image).resize(128, 128).raw().toBuffer({ resolveWithObject: true });
      const luminance: number[] = [];
      for (let offset = 0; offset < data.length; offset += info.channels)
        luminance.push(data[offset] * 0.3 + data[offset + 1] * 0.59 + data[offset + 2] * 0.11);
      luminance.sort((a, b) => a - b);
      const spread = luminance[Math.floor(luminance.length * 0.9)] - luminance[Math.floor(luminance.length * 0.1)];
      report.push(
        `${item.text.padEnd(36)} ${understood.pattern.padEnd(11)} ${understood.colours.join('/')} spread ${spread.toFixed(0)}`,
      );
      if (item.pattern !== 'metal' && item.pattern !== 'wood') expect(spread, item.text).toBeGreaterThan(25);
    }
    console.log(report.join('\n'));
  });
});
