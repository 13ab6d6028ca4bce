// Shared set-up of the 3D provider tests: the five fake providers, a platform whose provider base URLs point at
// them (fast polls, short timeouts, loopback downloads allowed), a Tripo-style client, and helpers that upload an
// image, run a task to its end and check the model it returns.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { texturedCubeGlb } from '@polyforge/geometry/test/fixtures/build-fixtures';
import { downloadBytes } from '../fixtures/download-bytes.ts';
import { checkerPng } from '@polyforge/geometry/test/fixtures/encode-png';
import { validateGlb } from '@polyforge/geometry/test/fixtures/validate-glb';
import { apiClient } from '../harness/api-client.ts';
import { startTestPlatform, type TestPlatform } from '../harness/start-test-platform.ts';
import type { FakeProviderServer } from './fake-provider-server.ts';
import {
  FAKE_KEYS,
  startFakeFal,
  startFakeMeshy,
  startFakeReplicate,
  startFakeRodin,
  startFakeStability,
} from './fake-providers.ts';

export type Client = ReturnType<typeof apiClient>;
export type FakeName = keyof typeof FAKE_KEYS;

export interface ProviderTestBed {
  fakes: Record<FakeName, FakeProviderServer>;
  harness: TestPlatform;
  close(): Promise<void>;
}

const STARTERS: Record<FakeName, () => Promise<FakeProviderServer>> = {
  meshy: startFakeMeshy,
  rodin: startFakeRodin,
  stability: startFakeStability,
  fal: startFakeFal,
  replicate: startFakeReplicate,
};

export interface TestBedOptions {
  /** the providers configured on the platform (default: all five) */
  providers?: FakeName[];
  environment?: Record<string, string>;
  routing?: unknown;
  prices?: unknown;
  model?: Uint8Array;
  /** run the platform's worker loops (CPU and provider runners) instead of stepping the queue */
  workers?: boolean;
}

export async function startProviderTestBed(options: TestBedOptions = {}): Promise<ProviderTestBed> {
  const names = options.providers ?? (Object.keys(STARTERS) as FakeName[]);
  const model = options.model ?? (await texturedCubeGlb());
  const fakes = Object.fromEntries(
    await Promise.all((Object.keys(STARTERS) as FakeName[]).map(async (name) => [name, await STARTERS[name]()])),
  ) as Record<FakeName, FakeProviderServer>;
  for (const fake of Object.values(fakes)) fake.model = model;
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'polyforge-providers-'));
  const files: Record<string, string> = {};
  if (options.routing) files.POLYFORGE_ROUTING_FILE = path.join(scratch, 'routing.json');
  if (options.prices) files.POLYFORGE_MODEL_PRICES_FILE = path.join(scratch, 'prices.json');
  if (options.routing) await fs.writeFile(files.POLYFORGE_ROUTING_FILE!, JSON.stringify(options.routing));
  if (options.prices) await fs.writeFile(files.POLYFORGE_MODEL_PRICES_FILE!, JSON.stringify(options.prices));
  const environment: Record<string, string> = {
    POLYFORGE_PROVIDER_POLL_SECONDS: '0.01',
    // long enough for a loaded CI machine; the hanging-connection tests set 1 s
    POLYFORGE_PROVIDER_TIMEOUT_SECONDS: '5',
    POLYFORGE_PROVIDER_MAX_ATTEMPTS: '2',
    POLYFORGE_PROVIDER_DOWNLOAD_ALLOW_PRIVATE: '1',
    POLYFORGE_IMAGE_SAFETY: '0',
    ...files,
    ...options.environment,
  };
  for (const name of names) {
    environment[`POLYFORGE_${name.toUpperCase()}_API_KEY`] = FAKE_KEYS[name];
    environment[`POLYFORGE_${name.toUpperCase()}_BASE_URL`] = fakes[name].url;
  }
  let harness: TestPlatform;
  try {
    harness = await startTestPlatform({ environment, workers: options.workers });
  } catch (error) {
    await Promise.all(Object.values(fakes).map((fake) => fake.close()));
    await fs.rm(scratch, { recursive: true, force: true });
    throw error;
  }
  return {
    fakes,
    harness,
    async close() {
      await harness.close();
      await Promise.all(Object.values(fakes).map((fake) => fake.close()));
      await fs.rm(scratch, { recursive: true, force: true });
    },
  };
}

export async function newClient(bed: ProviderTestBed, credits = 1000): Promise<Client> {
  return apiClient(bed.harness.baseUrl, (await bed.harness.createAccount({ credits })).apiKey);
}

/** Uploads a small PNG and returns its file object. */
export async function uploadedImage(client: Client, seed = 4): Promise<{ type: string; file_token: string }> {
  const upload = await client.upload(checkerPng(64, seed), 'input.png');
  expect(upload.status, JSON.stringify(upload.body)).toBe(200);
  return { type: 'png', file_token: upload.body.data.image_token };
}

/** Creates the task, runs the queue dry and returns the task as GET /task/{id} shows it. */
export async function runTask(bed: ProviderTestBed, client: Client, body: unknown): Promise<any> {
  const created = await client.createTask(body);
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  await bed.harness.drainQueue();
  return (await client.getTask(created.body.data.task_id)).body.data;
}

/** Downloads the model output and checks it with the Khronos validator (GLB) or its magic (FBX). */
export async function expectValidModel(task: any, key = 'pbr_model'): Promise<Uint8Array> {
  expect(task.output[key], JSON.stringify(task.output)).toMatch(/^http/);
  const downloaded = await downloadBytes(task.output[key]);
  expect(downloaded.status).toBe(200);
  if (task.output[key].includes('.glb')) {
    const validation = await validateGlb(downloaded.bytes);
    expect(validation.errors).toEqual([]);
  }
  expect(task.output.rendered_image).toMatch(/\.webp\?/);
  expect((await downloadBytes(task.output.rendered_image)).bytes.byteLength).toBeGreaterThan(100);
  return downloaded.bytes;
}

export async function balanceOf(client: Client): Promise<{ balance: number; frozen: number }> {
  return (await client.balance()).body.data;
}
