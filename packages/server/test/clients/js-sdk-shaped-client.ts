// Sends /v3 requests shaped exactly as the official JS SDK (@vastai/tripo-sdk, read from its source; it is not on
// the npm registry reachable here) sends them: Bearer key, its User-Agent, JSON bodies with undefined fields
// dropped, multipart uploads named upload.bin, and file inputs as its toFileDescriptor writes them. Version 0.1
// wraps every input string as {url} or {file_token}; 0.2 passes strings through. Written for these tests.

export type JsSdkVersion = '0.1' | '0.2';

export interface JsSdkTask {
  task_id: string;
  type: string;
  status: string;
  progress: number;
  input: Record<string, unknown>;
  output: Record<string, any>;
  error_code?: number;
  error_message?: string;
  [key: string]: unknown;
}

export class JsSdkApiError extends Error {
  constructor(
    readonly code: number,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const TERMINAL_STATUSES = ['success', 'failed', 'cancelled', 'banned', 'expired'];

export class JsSdkShapedClient {
  /** every request body sent, for assertions on the wire shape */
  readonly sent: { path: string; body: unknown }[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
    private readonly version: JsSdkVersion = '0.2',
  ) {}

  async request(path: string, options: { method?: string; json?: unknown; body?: FormData } = {}): Promise<any> {
    const headers: Record<string, string> = {
      'User-Agent': `@vastai/tripo-sdk/${this.version}.0`,
      Authorization: `Bearer ${this.apiKey}`,
    };
    let body: BodyInit | undefined = options.body;
    if (body === undefined && options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['Content-Type'] = 'application/json';
    }
    if (options.json !== undefined) this.sent.push({ path, body: options.json });
    const response = await fetch(path.startsWith('http') ? path : `${this.baseUrl}/v3${path}`, {
      method: options.method ?? 'GET',
      headers,
      body,
    });
    const text = await response.text();
    const payload = text ? JSON.parse(text) : null;
    if (!response.ok || (payload && typeof payload === 'object' && 'code' in payload && payload.code !== 0)) {
      throw new JsSdkApiError(payload?.code ?? -1, response.status, payload?.message ?? response.statusText);
    }
    return payload && 'data' in payload ? payload.data : payload;
  }

  /** utils.js toFileDescriptor */
  fileDescriptor(input: string | Record<string, unknown>): string | Record<string, unknown> {
    if (typeof input !== 'string') return input;
    if (this.version === '0.2') return input;
    return /^https?:\/\//.test(input) ? { url: input } : { file_token: input };
  }

  private create(path: string, params: Record<string, unknown>): Promise<string> {
    const payload = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
    return this.request(path, { method: 'POST', json: payload }).then((data) => data.task_id);
  }

  getBalance = () => this.request('/account/balance');
  getTask = (taskId: string): Promise<JsSdkTask> => this.request(`/tasks/${encodeURIComponent(taskId)}`);
  listTasks = (taskIds: string[]) => this.request('/tasks/list', { method: 'POST', json: { task_ids: taskIds } });

  uploadFile(
    bytes: Uint8Array,
    options: { filename?: string; contentType?: string } = {},
  ): Promise<{ file_token: string }> {
    const form = new FormData();
    form.append(
      'file',
      new Blob([new Uint8Array(bytes)], { type: options.contentType ?? 'application/octet-stream' }),
      options.filename ?? 'upload.bin',
    );
    return this.request('/files', { method: 'POST', body: form });
  }

  async waitForTask(
    taskId: string,
    options: { pollingIntervalMs?: number; timeoutMs?: number } = {},
  ): Promise<JsSdkTask> {
    const started = Date.now();
    for (;;) {
      const task = await this.getTask(taskId);
      if (TERMINAL_STATUSES.includes(task.status)) {
        if (task.status !== 'success')
          throw new Error(`task ${taskId} ended ${task.status}: ${task.error_code} ${task.error_message}`);
        return task;
      }
      if (Date.now() - started > (options.timeoutMs ?? 120_000)) throw new Error(`task ${taskId} still ${task.status}`);
      await new Promise((resolve) => setTimeout(resolve, options.pollingIntervalMs ?? 100));
    }
  }

  textToImage = (params: Record<string, unknown>) => this.create('/generation/text-to-image', params);
  textToModel = (params: Record<string, unknown>) => this.create('/generation/text-to-model', params);
  imageToModel = ({ input, ...rest }: Record<string, any>) =>
    this.create('/generation/image-to-model', { input: this.fileDescriptor(input), ...rest });
  imageToImage = ({ input, inputs, ...rest }: Record<string, any>) =>
    this.create(
      '/generation/image-to-image',
      input
        ? { input: this.fileDescriptor(input), ...rest }
        : { inputs: inputs.map((item: string) => this.fileDescriptor(item)), ...rest },
    );
  imageToMultiview = ({ input, ...rest }: Record<string, any>) =>
    this.create('/generation/image-to-multiview', { input: this.fileDescriptor(input), ...rest });
  editMultiview = ({ input, prompts, ...rest }: Record<string, any>) =>
    this.create('/generation/edit-multiview', { input: this.fileDescriptor(input), prompts, ...rest });
  multiviewToModel = ({ inputs, input_task_id, ...rest }: Record<string, any>) =>
    this.create('/generation/multiview-to-model', {
      ...rest,
      inputs: inputs
        ? inputs.map((item: string | null) => (item ? this.fileDescriptor(item) : ''))
        : [{ task_id: input_task_id }],
    });
  convertModel = (params: Record<string, unknown>) => this.create('/models/convert', params);
  rigCheck = (params: Record<string, unknown>) => this.create('/animations/rig-check', params);
  rigModel = (params: Record<string, unknown>) => this.create('/animations/rig', params);
  retargetAnimation = (params: Record<string, unknown>) => this.create('/animations/retarget', params);

  /** client.js downloadModel: the first of model_url, model, pbr_model, base_model, model_urls[0]; Bearer sent */
  async downloadModel(task: JsSdkTask): Promise<Uint8Array | null> {
    const output = task.output ?? {};
    const url =
      output.model_url ??
      output.model ??
      output.pbr_model ??
      output.base_model ??
      (Array.isArray(output.model_urls) ? output.model_urls[0] : undefined);
    if (!url) return null;
    const response = await fetch(url, { headers: { Authorization: `Bearer ${this.apiKey}` } });
    if (!response.ok) throw new Error(`Download failed: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
}
