// A provider's model is a task like any other: convert_model and animate_rig take it as original_model_task_id and
// the built-in engines convert and rig it, each charged as priced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { humanFigureDocument } from '@polyforge/geometry/test/fixtures/build-creatures';
import { toGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { downloadBytes } from '../fixtures/download-bytes.ts';
import { validateGlb } from '@polyforge/geometry/test/fixtures/validate-glb';
import {
  balanceOf,
  expectValidModel,
  newClient,
  runTask,
  startProviderTestBed,
  type ProviderTestBed,
} from './provider-test-kit.ts';

describe('chaining a provider model into the built-in engines', () => {
  let bed: ProviderTestBed;
  beforeAll(async () => {
    bed = await startProviderTestBed({
      providers: ['meshy'],
      model: await toGlb(await humanFigureDocument('A', { edgeLength: 0.045 })),
    });
  });
  afterAll(() => bed.close());

  it('generates a figure with meshy-6, converts it to FBX and rigs it', async () => {
    const client = await newClient(bed);
    const generated = await runTask(bed, client, {
      type: 'text_to_model',
      prompt: 'a knight standing in an A pose',
      model_version: 'meshy-6',
    });
    expect(generated).toMatchObject({ status: 'success', consumed_credit: 40 });
    await expectValidModel(generated);

    const converted = await runTask(bed, client, {
      type: 'convert_model',
      format: 'FBX',
      original_model_task_id: generated.task_id,
    });
    expect(converted).toMatchObject({ status: 'success', consumed_credit: 5 });
    const fbx = await downloadBytes(converted.output.model);
    expect(Buffer.from(fbx.bytes.subarray(0, 18)).toString('latin1')).toBe('Kaydara FBX Binary');

    const rigged = await runTask(bed, client, { type: 'animate_rig', original_model_task_id: generated.task_id });
    expect(rigged).toMatchObject({ status: 'success', consumed_credit: 25 });
    const riggedGlb = await downloadBytes(rigged.output.model);
    expect((await validateGlb(riggedGlb.bytes)).errors).toEqual([]);
    expect(Buffer.from(riggedGlb.bytes).includes(Buffer.from('"skins"'))).toBe(true);
    expect(await balanceOf(client)).toEqual({ balance: 1000 - 40 - 5 - 25, frozen: 0 });
  });
});
