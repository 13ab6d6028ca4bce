// text_to_image and generate_image through the HTTP API: the embedded model renders the generator's object
// to a PNG and is the default image model; third-party generate_image versions are "not available", uncharged.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solidPng } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { drawingImage } from '@polyforge/geometry/test/fixtures/build-image-fixtures';
import { downloadBytes } from '../fixtures/download-bytes.ts';
import { apiClient } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';

describe('text_to_image and generate_image on the embedded model', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(() => platform.close());

  async function newClient() {
    const account = await platform.createAccount();
    return apiClient(platform.baseUrl, account.apiKey);
  }

  async function run(client: ReturnType<typeof apiClient>, body: unknown) {
    const created = await client.createTask(body);
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    await platform.drainQueue();
    return (await client.getTask(created.body.data.task_id)).body.data;
  }

  async function imageStats(url: string) {
    expect(new URL(url).pathname).toMatch(/\/generated_image\.png$/);
    const download = await downloadBytes(url);
    expect(download.status).toBe(200);
    const bytes = Buffer.from(download.bytes);
    const metadata = await sharp(bytes).metadata();
    const { channels } = await sharp(bytes).stats();
    return { metadata, mean: channels.slice(0, 3).map((channel) => channel.mean) };
  }

  it("text_to_image renders the prompt's object to a decodable PNG for 5 credits", async () => {
    const client = await newClient();
    const red = await run(client, { type: 'text_to_image', prompt: 'a big red sports car' });
    expect(red).toMatchObject({ status: 'success', consumed_credit: 5 });
    expect(red.output.generation).toMatchObject({ category: 'car', variant: 'sports' });
    const blue = await run(client, {
      type: 'text_to_image',
      prompt: 'a big blue sports car',
      negative_prompt: 'spoiler',
    });
    const [redImage, blueImage] = await Promise.all([
      imageStats(red.output.generated_image),
      imageStats(blue.output.generated_image),
    ]);
    expect(redImage.metadata).toMatchObject({ format: 'png', width: 768, height: 768 });
    // the backdrop is grey; the car's paint moves the mean towards its colour
    expect(redImage.mean[0] - redImage.mean[2]).toBeGreaterThan(blueImage.mean[0] - blueImage.mean[2] + 5);
    expect(blue.output.generation.parts.some((name: string) => name.startsWith('spoiler'))).toBe(false);
    expect((await client.balance()).body.data).toEqual({ balance: 290, frozen: 0 });
  });

  it('refuses an unknown subject with 2002 at create time, and tolerates the 3D model_version V2 accepted', async () => {
    const client = await newClient();
    const response = await client.createTask({ type: 'text_to_image', prompt: 'the meaning of life' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 2002 });
    expect(response.body.message).toMatch(/cannot make "life".*nothing was charged/);
    const task = await run(client, { type: 'text_to_image', prompt: 'a snowman', model_version: 'v2.5-20250123' });
    expect(task.status).toBe('success');
    expect((await client.balance()).body.data).toEqual({ balance: 295, frozen: 0 });
  });

  it('generate_image keeps the third-party models, Tripo\'s default flux.1_kontext_pro among them, "not available", uncharged', async () => {
    const client = await newClient();
    for (const body of [
      { type: 'generate_image', prompt: 'a cat', model_version: 'flux.1_kontext_pro' },
      { type: 'generate_image', prompt: 'a cat', model_version: 'gpt_image_2' },
      { type: 'generate_image', prompt: 'a cat', model_version: 'midjourney' },
    ]) {
      const created = await client.createTask(body);
      expect(created.status).toBe(400);
      expect(created.body.code).toBe(2002);
      expect(created.body.message).toMatch(
        /Not available on this deployment: generate_image model_version .* third-party image model/,
      );
      expect((await client.quote(body)).body.data.available).toBe(false);
    }
    expect((await client.balance()).body.data).toEqual({ balance: 300, frozen: 0 });
  });

  it('generate_image with model_version polyforge_basic renders the prompt, honours t_pose, and refuses more than one image', async () => {
    const client = await newClient();
    const quote = await client.quote({ type: 'generate_image', prompt: 'a robot', model_version: 'polyforge_basic' });
    expect(quote.body.data).toMatchObject({ credits: 5, available: true });
    const task = await run(client, {
      type: 'generate_image',
      prompt: 'a robot',
      model_version: 'polyforge_basic',
      t_pose: true,
    });
    expect(task).toMatchObject({ status: 'success', consumed_credit: 5 });
    expect(task.input).toMatchObject({ model_version: 'polyforge_basic', t_pose: true });
    const image = await imageStats(task.output.generated_image);
    expect(image.metadata.format).toBe('png');
    // arms stretched out make the robot wider than it is deep
    const [width, , depth] = task.output.generation.size_metres;
    expect(width).toBeGreaterThan(depth * 2);
    const url = (name: string) => ({ type: 'png', url: `https://example.com/${name}.png` });
    const twoImages = await client.createTask({
      type: 'generate_image',
      prompt: 'a robot',
      model_version: 'polyforge_basic',
      files: [url('a'), url('b')],
    });
    expect(twoImages.status).toBe(400);
    expect(twoImages.body.code).toBe(1004);
    expect(twoImages.body.message).toMatch(/at most one reference image/);
    expect(
      (
        await client.createTask({
          type: 'generate_image',
          prompt: 'a flibbertigibbet of doom',
          model_version: 'polyforge_basic',
        })
      ).body.code,
    ).toBe(2002);
    expect((await client.balance()).body.data).toEqual({ balance: 295, frozen: 0 });
  });

  it('serves generate_image naming no model with the default image model, a reference image as colour, and two templates', async () => {
    const account = await platform.createAccount();
    const client = apiClient(platform.baseUrl, account.apiKey);
    const upload = async (bytes: Uint8Array) =>
      (await client.upload(bytes, 'reference.png')).body.data.image_token as string;
    const plain = await run(client, { type: 'generate_image', prompt: 'a robot' });
    expect(plain).toMatchObject({ status: 'success', consumed_credit: 5, input: { model_version: 'polyforge_basic' } });
    const blueToken = await upload(solidPng(64, [20, 40, 230, 255]));
    const tinted = await run(client, {
      type: 'generate_image',
      prompt: 'a robot',
      template: 't-pose',
      file: { type: 'png', file_token: blueToken },
    });
    expect(tinted).toMatchObject({ status: 'success', output: { template: 't_pose' } });
    expect(tinted.output.notes.join(' ')).toMatch(/dominant colour/);
    const [plainImage, tintedImage] = await Promise.all([
      imageStats(plain.output.generated_image),
      imageStats(tinted.output.generated_image),
    ]);
    expect(tintedImage.mean[2] - tintedImage.mean[0]).toBeGreaterThan(plainImage.mean[2] - plainImage.mean[0] + 5);
    const drawing = await upload(await drawingImage(256));
    const extracted = await run(client, {
      type: 'generate_image',
      template: 'asset_extraction',
      file: { type: 'png', file_token: drawing },
    });
    expect(extracted).toMatchObject({ status: 'success', output: { template: 'asset_extraction' } });
    const cutOut = Buffer.from((await downloadBytes(extracted.output.generated_image)).bytes);
    const metadata = await sharp(cutOut).metadata();
    expect(metadata).toMatchObject({ format: 'png', hasAlpha: true });
    // cropped to the ellipse and cap (about 60% × 80% of the drawing), the light backdrop gone
    expect(metadata.width).toBeLessThan(200);
    const corner = await sharp(cutOut)
      .extract({ left: 0, top: metadata.height! - 2, width: 2, height: 2 })
      .raw()
      .toBuffer();
    expect(corner[3]).toBeLessThan(64);

    for (const [body, code] of [
      [
        {
          type: 'generate_image',
          prompt: 'a robot',
          template: '3d_enhance',
          file: { type: 'png', file_token: drawing },
        },
        2002,
      ],
      [{ type: 'generate_image', prompt: 'a robot', template: 'asset_extraction' }, 1004],
      [
        {
          type: 'generate_image',
          prompt: 'a robot',
          sketch_to_render: true,
          file: { type: 'png', file_token: drawing },
        },
        1004,
      ],
    ] as const) {
      const refused = await client.createTask(body);
      expect(refused.status).toBe(400);
      expect(refused.body.code, JSON.stringify(refused.body)).toBe(code);
    }
    expect((await client.balance()).body.data).toEqual({ balance: 300 - 3 * 5, frozen: 0 });
  });
});
