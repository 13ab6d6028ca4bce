// Fakes of the five hosted 3D providers, each on its own loopback server, speaking the documented wire formats
// the adapters follow (see each adapter's header): Meshy's {result} + task objects, Rodin's subscription key +
// status + download list, Stability's synchronous GLB, fal's queue (request_id, status, result) and Replicate's
// predictions, with each provider's own error bodies and 429 answers.
import { randomUUID } from 'node:crypto';
import { FakeProviderServer, json, jsonOf, type FakeContext } from './fake-provider-server.ts';

export const FAKE_KEYS = {
  meshy: 'msy-test-key',
  rodin: 'rodin-test-key',
  stability: 'sk-test-stability',
  fal: 'fal-test-key:secret',
  replicate: 'r8_test_replicate',
} as const;

function notFound(context: FakeContext, body: unknown): true {
  json(context.response, 404, body);
  return true;
}

async function formOf(context: FakeContext): Promise<FormData> {
  return new Response(new Uint8Array(context.request.body), {
    headers: { 'content-type': String(context.request.headers['content-type'] ?? '') },
  }).formData();
}

export async function startFakeMeshy(): Promise<FakeProviderServer> {
  const fake = new FakeProviderServer('meshy', FAKE_KEYS.meshy, `Bearer ${FAKE_KEYS.meshy}`);
  const errors = {
    auth: { message: 'Invalid API key' },
    credits: { message: 'Insufficient funds' },
    content: { message: 'The input was flagged by our moderation system' },
    rateLimited: { message: 'Too many requests', type: 'rate_limited', code: 'rate_limit_exceeded' },
    server: { message: 'Internal server error' },
  };
  const tasks = new Map<string, { polls: number; mode: string }>();
  fake.route(async (context) => {
    const match = /^\/openapi\/(v1|v2)\/(text-to-3d|image-to-3d|multi-image-to-3d|retexture)(?:\/([^/]+))?$/.exec(
      context.url.pathname,
    );
    if (!match) return false;
    if (!fake.authorized(context)) return (json(context.response, 401, errors.auth), true);
    const [, , endpoint, id] = match;
    if (context.request.method === 'POST' && !id) {
      if (await fake.answerCreateBehaviour(context, errors)) return true;
      const body = jsonOf(context.request);
      let mode = endpoint!;
      if (endpoint === 'text-to-3d') {
        mode = body.mode;
        if (
          body.mode === 'refine'
            ? !tasks.has(body.preview_task_id)
            : body.mode !== 'preview' || typeof body.prompt !== 'string'
        ) {
          return (json(context.response, 400, { message: 'Invalid mode, prompt or preview_task_id' }), true);
        }
      } else if (endpoint === 'retexture') {
        const problem = retextureProblem(body);
        if (problem) return (json(context.response, 400, { message: problem }), true);
      } else if (
        endpoint === 'image-to-3d'
          ? !String(body.image_url).startsWith('data:image/')
          : !(Array.isArray(body.image_urls) && body.image_urls.length >= 1 && body.image_urls.length <= 4)
      ) {
        return (json(context.response, 400, { message: 'Invalid image input' }), true);
      }
      const taskId = randomUUID();
      tasks.set(taskId, { polls: 0, mode });
      fake.taskStarted();
      return (json(context.response, 202, { result: taskId }), true);
    }
    const task = id && tasks.get(id);
    if (context.request.method !== 'GET' || !task) return notFound(context, { message: 'Task not found' });
    task.polls += 1;
    const base = {
      id,
      progress: 0,
      model_urls: {},
      thumbnail_url: '',
      task_error: null,
      created_at: Date.now(),
      preceding_tasks: 0,
    };
    if (task.polls <= fake.behaviour.pollsBeforeDone)
      return (
        json(context.response, 200, { ...base, status: task.polls === 1 ? 'PENDING' : 'IN_PROGRESS', progress: 40 }),
        true
      );
    if (task.polls === fake.behaviour.pollsBeforeDone + 1) fake.taskEnded();
    if (fake.behaviour.task === 'failed' || fake.behaviour.task === 'content') {
      const message =
        fake.behaviour.task === 'content'
          ? 'The input was flagged by content moderation'
          : 'Generation failed: internal error';
      return (json(context.response, 200, { ...base, status: 'FAILED', task_error: { message } }), true);
    }
    const credits = task.mode === 'refine' || task.mode === 'retexture' ? 10 : 20;
    const model_urls = {
      ...(fake.behaviour.task === 'no_model' ? {} : { glb: fake.modelUrl(id!) }),
      fbx: fake.modelUrl(`${id}-fbx`),
    };
    const textures =
      task.mode === 'retexture' ? { texture_urls: [{ base_color: `${fake.url}/files/${id}_base_color.png` }] } : {};
    return (
      json(context.response, 200, {
        ...base,
        status: 'SUCCEEDED',
        progress: 100,
        model_urls,
        ...textures,
        consumed_credits: credits,
      }),
      true
    );
  });
  return fake.start();
}

/** Why Meshy's retexture create refuses a body (docs.meshy.ai/api/retexture), or undefined. */
function retextureProblem(body: Record<string, unknown>): string | undefined {
  const model = body.input_task_id ?? body.model_url;
  if (typeof model !== 'string' || model === '') return 'One of input_task_id or model_url is required';
  if (body.model_url !== undefined) {
    const dataUri = /^data:application\/octet-stream;base64,(.+)$/.exec(String(body.model_url));
    if (!dataUri && !/^https?:\/\//.test(String(body.model_url))) return 'model_url must be a public URL or a data URI';
    if (dataUri && Buffer.from(dataUri[1]!, 'base64').subarray(0, 4).toString('latin1') !== 'glTF')
      return 'Unsupported model format';
  }
  const text = body.text_style_prompt;
  const image = body.image_style_url;
  if (text === undefined && image === undefined) return 'One of text_style_prompt or image_style_url is required';
  if (typeof text === 'string' && text.length > 600) return 'text_style_prompt must be at most 600 characters';
  if (image !== undefined && !/^(data:image\/(png|jpeg);base64,|https?:\/\/)/.test(String(image)))
    return 'image_style_url must be a .jpg, .jpeg or .png image';
  return undefined;
}

export async function startFakeRodin(): Promise<FakeProviderServer> {
  const fake = new FakeProviderServer('rodin', FAKE_KEYS.rodin, `Bearer ${FAKE_KEYS.rodin}`);
  const errors = {
    auth: { error: 'INVALID_API_KEY', message: 'Not authenticated' },
    credits: { error: 'INSUFFICIENT_FUND', message: 'Insufficient balance' },
    content: { error: 'NSFW_CONTENT', message: 'The input was flagged as sensitive' },
    rateLimited: { error: 'TOO_MANY_REQUESTS', message: 'Too many requests' },
    server: { error: 'INTERNAL_ERROR', message: 'Internal error' },
  };
  const subscriptions = new Map<string, { polls: number; taskUuid: string; jobUuid: string }>();
  fake.route(async (context) => {
    if (!context.url.pathname.startsWith('/api/v2/')) return false;
    if (!fake.authorized(context)) return (json(context.response, 401, errors.auth), true);
    if (context.url.pathname === '/api/v2/rodin') {
      if (await fake.answerCreateBehaviour(context, errors)) return true;
      const form = await formOf(context);
      if (!form.get('tier') || (form.getAll('images').length === 0 && !form.get('prompt')))
        return (json(context.response, 400, { error: 'INVALID_REQUEST', message: 'images or prompt required' }), true);
      const taskUuid = randomUUID();
      const subscriptionKey = randomUUID();
      const jobUuid = randomUUID();
      subscriptions.set(subscriptionKey, { polls: 0, taskUuid, jobUuid });
      return (
        json(context.response, 201, {
          error: null,
          message: 'Submitted.',
          uuid: taskUuid,
          jobs: { uuids: [jobUuid], subscription_key: subscriptionKey },
        }),
        true
      );
    }
    if (context.url.pathname === '/api/v2/status') {
      const subscription = subscriptions.get(jsonOf(context.request).subscription_key);
      if (!subscription) return notFound(context, { error: 'NO_SUCH_TASK', message: 'No such task' });
      subscription.polls += 1;
      const status =
        subscription.polls <= fake.behaviour.pollsBeforeDone
          ? subscription.polls === 1
            ? 'Waiting'
            : 'Generating'
          : fake.behaviour.task === 'ok'
            ? 'Done'
            : 'Failed';
      return (json(context.response, 200, { jobs: [{ uuid: subscription.jobUuid, status }] }), true);
    }
    if (context.url.pathname === '/api/v2/download') {
      const taskUuid = jsonOf(context.request).task_uuid;
      if (![...subscriptions.values()].some((entry) => entry.taskUuid === taskUuid))
        return notFound(context, { error: 'NO_SUCH_TASK', message: 'No such task' });
      return (
        json(context.response, 200, {
          list: [
            { url: `${fake.url}/files/${taskUuid}-preview.webp`, name: 'preview.webp' },
            { url: fake.modelUrl(taskUuid), name: 'base_basic_pbr.glb' },
          ],
        }),
        true
      );
    }
    return false;
  });
  return fake.start();
}

export async function startFakeStability(): Promise<FakeProviderServer> {
  const fake = new FakeProviderServer('stability', FAKE_KEYS.stability, `Bearer ${FAKE_KEYS.stability}`);
  const error = (name: string, message: string) => ({ id: randomUUID().replaceAll('-', ''), name, errors: [message] });
  const errors = {
    auth: error('unauthorized', 'Missing or invalid API key'),
    credits: error('payment_required', 'You lack sufficient credits to make this request'),
    content: error('content_moderation', 'Your request was flagged by our content moderation system'),
    contentStatus: 403,
    rateLimited: error(
      'rate_limit_exceeded',
      'You have exceeded the rate limit of 150 requests within a 10 second period',
    ),
    server: error('internal_error', 'An unexpected server error has occurred'),
  };
  fake.route(async (context) => {
    const match = /^\/v2beta\/3d\/(stable-fast-3d|stable-point-aware-3d)$/.exec(context.url.pathname);
    if (!match || context.request.method !== 'POST') return false;
    if (!fake.authorized(context)) return (json(context.response, 401, errors.auth), true);
    if (await fake.answerCreateBehaviour(context, errors)) return true;
    const form = await formOf(context);
    if (!(form.get('image') instanceof Blob))
      return (json(context.response, 400, error('bad_request', 'image: required')), true);
    if (fake.behaviour.task !== 'ok') return (json(context.response, 500, errors.server), true);
    const bytes = fake.behaviour.download === 'not_glb' ? Buffer.from('<html>oops</html>') : Buffer.from(fake.model);
    context.response
      .writeHead(200, { 'Content-Type': 'model/gltf-binary', 'Content-Length': String(bytes.byteLength) })
      .end(bytes);
    return true;
  });
  return fake.start();
}

export async function startFakeFal(): Promise<FakeProviderServer> {
  const fake = new FakeProviderServer('fal', FAKE_KEYS.fal, `Key ${FAKE_KEYS.fal}`);
  const errors = {
    auth: { detail: 'Unauthorized' },
    credits: { detail: 'User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing.' },
    creditsStatus: 403,
    content: {
      detail: [
        {
          loc: ['body', 'image_url'],
          msg: 'The input was flagged by the content checker',
          type: 'content_policy_violation',
        },
      ],
    },
    contentStatus: 422,
    rateLimited: { detail: 'Rate limit exceeded' },
    server: { detail: 'Internal Server Error' },
  };
  const requests = new Map<string, { polls: number; app: string }>();
  fake.route(async (context) => {
    if (!fake.authorized(context)) return (json(context.response, 401, errors.auth), true);
    const segments = context.url.pathname.split('/').filter(Boolean);
    const app = segments.slice(0, 2).join('/');
    if (context.request.method === 'POST' && segments[2] !== 'requests') {
      if (await fake.answerCreateBehaviour(context, errors)) return true;
      const input = jsonOf(context.request);
      if (!input.image_url && !input.image_urls && !input.prompt)
        return (
          json(context.response, 422, {
            detail: [{ loc: ['body', 'image_url'], msg: 'field required', type: 'value_error.missing' }],
          }),
          true
        );
      const requestId = randomUUID();
      requests.set(requestId, { polls: 0, app });
      const base = `${fake.url}/${app}/requests/${requestId}`;
      return (
        json(context.response, 200, {
          status: 'IN_QUEUE',
          request_id: requestId,
          response_url: base,
          status_url: `${base}/status`,
          cancel_url: `${base}/cancel`,
          queue_position: 0,
        }),
        true
      );
    }
    if (context.request.method !== 'GET' || segments[2] !== 'requests') return false;
    const entry = requests.get(segments[3] ?? '');
    if (!entry || entry.app !== app) return notFound(context, { detail: 'Request not found' });
    if (segments[4] === 'status') {
      entry.polls += 1;
      const status =
        entry.polls <= fake.behaviour.pollsBeforeDone ? (entry.polls === 1 ? 'IN_QUEUE' : 'IN_PROGRESS') : 'COMPLETED';
      return (
        json(context.response, 200, {
          status,
          ...(status === 'IN_QUEUE' ? { queue_position: 0 } : {}),
          response_url: `${fake.url}/${app}/requests/${segments[3]}`,
        }),
        true
      );
    }
    if (fake.behaviour.task === 'content') return (json(context.response, 422, errors.content), true);
    if (fake.behaviour.task === 'failed')
      return (json(context.response, 400, { detail: 'Generation failed on the runner' }), true);
    return (
      json(context.response, 200, {
        model_mesh: {
          url: fake.modelUrl(segments[3]!),
          content_type: 'model/gltf-binary',
          file_name: 'model.glb',
          file_size: fake.model.byteLength,
        },
        timings: { inference: 4.2 },
      }),
      true
    );
  });
  return fake.start();
}

export async function startFakeReplicate(): Promise<FakeProviderServer> {
  const fake = new FakeProviderServer('replicate', FAKE_KEYS.replicate, `Bearer ${FAKE_KEYS.replicate}`);
  const problem = (status: number, title: string, detail: string) => ({ title, detail, status });
  const errors = {
    auth: problem(401, 'Unauthenticated', 'You did not pass a valid authentication token'),
    credits: problem(
      402,
      'Insufficient credit',
      'You have insufficient credit to run this model. Go to https://replicate.com/account/billing to purchase credit.',
    ),
    content: problem(422, 'Input validation failed', 'The input image was flagged as NSFW content'),
    contentStatus: 422,
    rateLimited: problem(429, 'Request was throttled.', 'Request was throttled. Expected available in 1 second.'),
    server: problem(500, 'Internal Server Error', 'Something went wrong'),
  };
  const predictions = new Map<string, { polls: number; canceled: boolean }>();
  const view = (id: string, status: string, extra: Record<string, unknown> = {}) => ({
    id,
    status,
    output: null,
    error: null,
    logs: '',
    urls: { get: `${fake.url}/v1/predictions/${id}`, cancel: `${fake.url}/v1/predictions/${id}/cancel` },
    ...extra,
  });
  fake.route(async (context) => {
    if (!context.url.pathname.startsWith('/v1/')) return false;
    if (!fake.authorized(context)) return (json(context.response, 401, errors.auth), true);
    const create =
      context.request.method === 'POST' &&
      (context.url.pathname === '/v1/predictions' ||
        /^\/v1\/models\/[^/]+\/[^/]+\/predictions$/.test(context.url.pathname));
    if (create) {
      if (await fake.answerCreateBehaviour(context, errors)) return true;
      const body = jsonOf(context.request);
      if (!body.input || typeof body.input !== 'object')
        return (json(context.response, 422, problem(422, 'Input validation failed', 'input is required')), true);
      const id = randomUUID().replaceAll('-', '').slice(0, 26);
      predictions.set(id, { polls: 0, canceled: false });
      return (json(context.response, 201, view(id, 'starting')), true);
    }
    const match = /^\/v1\/predictions\/([^/]+)(\/cancel)?$/.exec(context.url.pathname);
    const prediction = match && predictions.get(match[1]!);
    if (!match || !prediction)
      return notFound(context, problem(404, 'Not found', 'The requested resource could not be found'));
    const id = match[1]!;
    if (match[2]) {
      prediction.canceled = true;
      return (json(context.response, 200, view(id, 'canceled')), true);
    }
    if (prediction.canceled) return (json(context.response, 200, view(id, 'canceled')), true);
    prediction.polls += 1;
    if (prediction.polls <= fake.behaviour.pollsBeforeDone)
      return (json(context.response, 200, view(id, 'processing')), true);
    if (fake.behaviour.task === 'failed' || fake.behaviour.task === 'content') {
      const error =
        fake.behaviour.task === 'content' ? 'NSFW content detected in the input image' : 'CUDA out of memory';
      return (json(context.response, 200, view(id, 'failed', { error, metrics: { predict_time: 3.5 } })), true);
    }
    return (
      json(
        context.response,
        200,
        view(id, 'succeeded', {
          output: { model_file: fake.modelUrl(id), color_video: `${fake.url}/files/${id}.mp4` },
          metrics: { predict_time: 12.5 },
        }),
      ),
      true
    );
  });
  return fake.start();
}
