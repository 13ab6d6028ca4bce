// Routing: the routing file is checked at boot with messages that name the bad entry; what is served is listed
// by GET /v2/openapi/capabilities and `polyforge capabilities`; an unserved combination is 2002, uncharged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { ConvertModelEngine } from '../../src/engines/builtin/convert-model-engine.ts';
import { ImportModelEngine } from '../../src/engines/builtin/import-model-engine.ts';
import { buildEngineRegistry } from '../../src/engines/routing/build-engine-registry.ts';
import { engineRegistryFromConfig } from '../../src/engines/routing/engine-registry-from-config.ts';
import { parseRoutingRules } from '../../src/engines/routing/routing-rules.ts';
import { apiClient } from '../harness/api-client.ts';
import { runCliProcess } from '../harness/run-cli-process.ts';
import type { TestPlatform } from '../harness/start-test-platform.ts';
import { startRoutedTestPlatform, workerClient, writeRoutingFile } from './worker-test-kit.ts';

// a fixed set, so these tests do not depend on which built-in engines exist
const builtinEngines = () => [new ImportModelEngine(), new ConvertModelEngine()];

function registryOf(routes: unknown[], providers = {}) {
  return buildEngineRegistry({
    builtinEngines: builtinEngines(),
    routing: parseRoutingRules({ routes }, 'routing.yaml'),
    providers,
  });
}

describe('routing rules', () => {
  it.each([
    [
      { routes: [{ task_type: 'text_to_model', engine: 'gpu' }] },
      /routing.yaml: routes\[0\] \(task_type text_to_model\): engine: must be one of builtin, worker_pool, provider, providers, upstream, none/,
    ],
    [
      {
        routes: [
          { task_type: 'import_model', engine: 'builtin' },
          { task_type: 'text_to_model', engine: 'worker_pool' },
        ],
      },
      /routes\[1\] \(task_type text_to_model\): pool: /,
    ],
    [
      { routes: [{ task_type: 'text_to_model', engine: 'worker_pool', pool: 'a', colour: 'red' }] },
      /routes\[0\].*unknown field colour/,
    ],
    [{ routes: [{ task_type: 'generate_image', engine: 'provider', provider: 'dalle' }] }, /routes\[0\].*provider: /],
    [{ routes: 'all' }, /routing.yaml: routes: routes must be a list/],
  ])('refuses a malformed file with a message naming the entry (%#)', (document, message) => {
    expect(() => parseRoutingRules(document, 'routing.yaml')).toThrow(message);
  });

  it.each([
    [
      [{ task_type: 'text_to_mesh', engine: 'worker_pool', pool: 'p' }],
      /routes\[0\] \(task_type text_to_mesh\): "text_to_mesh" is not a task type/,
    ],
    [
      [{ task_type: 'text_to_model', model_version: 'v9-*', engine: 'worker_pool', pool: 'p' }],
      /model_version "v9-\*" matches none of the versions text_to_model accepts \(v3.1-20260211/,
    ],
    [[{ task_type: 'import_model', model_version: 'v1', engine: 'builtin' }], /import_model has no model_version/],
    [[{ task_type: 'text_to_model', engine: 'builtin' }], /no built-in engine serves text_to_model/],
    [
      [{ task_type: 'generate_image', model_version: 'gpt_*', engine: 'provider', provider: 'openai' }],
      /POLYFORGE_OPENAI_API_KEY is not set/,
    ],
    [
      [{ task_type: 'convert_model', engine: 'upstream' }],
      /POLYFORGE_UPSTREAM_URL and POLYFORGE_UPSTREAM_API_KEY are not set/,
    ],
    [[{ task_type: '*', engine: 'worker_pool', pool: 'p' }], /a worker_pool route needs a task type/],
  ])('refuses a route that cannot be served (%#)', (routes, message) => {
    expect(() => registryOf(routes)).toThrow(message);
  });

  it('refuses a provider route over model versions the provider does not serve', () => {
    const openai = { openai: { apiKey: 'k', baseUrl: 'http://127.0.0.1:9', timeoutMs: 1000, maxAttempts: 1 } };
    expect(() => registryOf([{ task_type: 'generate_image', engine: 'provider', provider: 'openai' }], openai)).toThrow(
      /does not serve model_version flux.1_kontext_pro, flux.1_dev, gemini_2.5_flash_image_preview, z_image, midjourney/,
    );
    const registry = registryOf(
      [{ task_type: 'generate_image', model_version: 'gpt_*', engine: 'provider', provider: 'openai' }],
      openai,
    );
    expect(registry.engineFor('generate_image', 'gpt_image_2')?.name).toBe('provider:openai');
    expect(registry.engineFor('generate_image', 'gpt_4o')?.name).toBe('provider:openai');
    expect(registry.engineFor('generate_image', 'midjourney')).toBeUndefined();
  });

  it('tries routes in order, then the built-in defaults unless defaults: false', () => {
    const registry = registryOf([
      { task_type: 'text_to_model', model_version: 'P1-*', engine: 'worker_pool', pool: 'low-poly' },
      { task_type: 'text_to_model', engine: 'worker_pool', pool: 'triposg' },
      { task_type: 'convert_model', engine: 'none' },
    ]);
    expect(registry.engineFor('text_to_model', 'P1-20260311')?.queueName).toBe('pool:low-poly');
    expect(registry.engineFor('text_to_model', 'v3.1-20260211')?.queueName).toBe('pool:triposg');
    expect(registry.engineFor('convert_model', undefined)).toBeUndefined();
    expect(registry.engineFor('import_model', undefined)?.name).toBe('builtin');
    expect(registry.workerPools()).toEqual(['low-poly', 'triposg']);
    const strict = buildEngineRegistry({
      builtinEngines: builtinEngines(),
      routing: parseRoutingRules({ routes: [], defaults: false }),
      providers: {},
    });
    expect(strict.engineFor('import_model', undefined)).toBeUndefined();
  });

  it('reads YAML, and fails the boot on a bad file', async () => {
    const yaml = await writeRoutingFile(
      'routes:\n  - task_type: text_to_model\n    model_version: "v3.*"\n    engine: worker_pool\n    pool: big-gpu\n',
      'yaml',
    );
    const broken = await writeRoutingFile('routes:\n  - task_type: text_to_model\n    engine: [\n', 'yaml');
    try {
      const registry = engineRegistryFromConfig(
        loadConfig({ POLYFORGE_ROUTING_FILE: yaml.filePath }),
        builtinEngines(),
      );
      expect(registry.engineFor('text_to_model', 'v3.0-20250812')?.queueName).toBe('pool:big-gpu');
      expect(registry.engineFor('text_to_model', 'v2.5-20250123')?.queueName).not.toBe('pool:big-gpu');
      expect(() =>
        engineRegistryFromConfig(loadConfig({ POLYFORGE_ROUTING_FILE: broken.filePath }), builtinEngines()),
      ).toThrow(/is not valid YAML/);
      expect(() =>
        engineRegistryFromConfig(loadConfig({ POLYFORGE_ROUTING_FILE: `${yaml.filePath}.missing` }), builtinEngines()),
      ).toThrow(/POLYFORGE_ROUTING_FILE: cannot read/);
    } finally {
      await yaml.remove();
      await broken.remove();
    }
  });
});

describe('what this deployment serves', () => {
  let harness: TestPlatform;

  beforeAll(async () => {
    harness = await startRoutedTestPlatform();
  });
  afterAll(async () => {
    await harness.close();
  });

  it('lists task types, model versions and worker pools at GET /v2/openapi/capabilities (with a customer key)', async () => {
    expect((await apiClient(harness.baseUrl).send('GET', '/v2/openapi/capabilities')).status).toBe(401);
    const account = await harness.createAccount();
    const answer = await apiClient(harness.baseUrl, account.apiKey).send('GET', '/v2/openapi/capabilities');
    expect(answer.status).toBe(200);
    const byType = Object.fromEntries(
      answer.body.data.task_types.map((entry: { type: string }) => [entry.type, entry]),
    );
    expect(byType.text_to_model).toMatchObject({ served: true, engine: 'worker_pool:example-mesh' });
    expect(byType.text_to_model.model_versions).toContainEqual({
      model_version: 'P1-20260311',
      served: true,
      engine: 'worker_pool:example-mesh',
    });
    expect(byType.import_model).toMatchObject({ served: true, engine: 'builtin' });
    expect(byType.generate_image.model_versions).toContainEqual({ model_version: 'midjourney', served: false });
    // the embedded image model serves only its own version; third-party ones need a provider
    expect(byType.generate_image.model_versions).toContainEqual({
      model_version: 'polyforge_basic',
      served: true,
      engine: 'builtin',
    });
    expect(byType.generate_image.model_versions).toContainEqual({ model_version: 'flux.1_kontext_pro', served: false });
    expect(answer.body.data.worker_pools).toEqual([
      { pool: 'example-mesh', workers_online: 0 },
      { pool: 'gpu-large', workers_online: 0 },
    ]);
    const token = await harness.platform.workerTokens.create('counted', ['example-mesh']);
    await workerClient(harness.baseUrl, token.token).register({});
    const after = await apiClient(harness.baseUrl, account.apiKey).send('GET', '/v2/openapi/capabilities');
    expect(after.body.data.worker_pools[0]).toEqual({ pool: 'example-mesh', workers_online: 1 });
  });

  it('answers an unserved combination with 2002 and charges nothing; quote says available: false', async () => {
    const account = await harness.createAccount();
    const client = apiClient(harness.baseUrl, account.apiKey);
    const request = { type: 'generate_image', model_version: 'midjourney', prompt: 'a castle' };
    expect((await client.quote(request)).body.data).toMatchObject({ credits: 10, available: false });
    const created = await client.createTask(request);
    expect(created.status).toBe(400);
    expect(created.body).toMatchObject({
      code: 2002,
      message: expect.stringMatching(/Not available on this deployment/),
    });
    expect((await client.balance()).body.data).toEqual({ balance: 300, frozen: 0 });
  });

  it('creates worker tokens, prints the capabilities and sets queue priorities from the ops CLI', async () => {
    const { accountId } = await harness.createAccount();
    const location = harness.platform.config.database;
    const environment = {
      ...process.env,
      POLYFORGE_DATA_DIR: harness.dataDir,
      DATABASE_URL: location.kind === 'postgres' ? location.url : `sqlite:${location.filePath}`,
      POLYFORGE_ROUTING_FILE: harness.platform.config.routingFile,
      POLYFORGE_LOG_LEVEL: 'silent',
    };
    const run = (...args: string[]) => runCliProcess(args, { env: environment });
    const created = await run(
      'workers',
      'token',
      'create',
      '--name',
      'gpu-box-1',
      '--capabilities',
      'example-mesh,gpu-large',
      '--json',
    );
    expect(created.status, created.stderr).toBe(0);
    const token = JSON.parse(created.stdout.trim().split('\n').pop() ?? '{}');
    expect(token).toMatchObject({
      name: 'gpu-box-1',
      capabilities: ['example-mesh', 'gpu-large'],
      token: expect.stringMatching(/^pfw_/),
    });
    const capabilities = await run('capabilities');
    expect(capabilities.status, capabilities.stderr).toBe(0);
    expect(capabilities.stdout).toMatch(/text_to_model: v3\.1-20260211 → worker_pool:example-mesh/);
    expect(capabilities.stdout).toMatch(/worker pool gpu-large: 0 worker/);
    const priority = await run('accounts', 'priority', '--account', accountId, '--priority', '4', '--json');
    expect(priority.status, priority.stderr).toBe(0);
    expect(JSON.parse(priority.stdout.trim().split('\n').pop() ?? '{}')).toEqual({
      account_id: accountId,
      queue_priority: 4,
    });
    expect((await workerClient(harness.baseUrl, token.token).register({ capabilities: ['gpu-large'] })).status).toBe(
      200,
    );
    const stored = await harness.platform.db
      .selectFrom('accounts')
      .select('queuePriority')
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow();
    expect(stored.queuePriority).toBe(4);
  });
});
