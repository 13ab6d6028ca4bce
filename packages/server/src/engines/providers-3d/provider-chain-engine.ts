// text_to_model / image_to_model / multiview_to_model for one of the operator's model_version names (e.g.
// "meshy-6"), and texture_model (the source task's model painted anew) where a route sends it to a provider, served by hosted 3D providers tried in the route's order: a provider whose breaker is open is
// skipped; one that times out, answers 5xx/429, fails the task or returns a bad model is recorded and the next one
// is tried (the customer's hold is captured once, at success, so a failover never charges twice); a content
// refusal ends the task `banned` (2008) at once. The model is copied in, checked, finished by our geometry code and given
// our preview. Options no provider or our code can honour are refused at create (validate).
import { DomainError } from '../../domain-error.ts';
import type { TaskRequest } from '@polyforge/protocol';
import {
  EngineFailure,
  type Engine,
  type EngineContext,
  type EngineInput,
  type EngineResult,
  type EngineSupport,
  type ProviderCallRecord,
} from '../engine.ts';
import { fetchProviderOutput, type FetchProviderOutputOptions } from './fetch-provider-output.ts';
import { finishProviderModel, finishTexturedModel, readProviderModel } from './finish-provider-model.ts';
import { faceLimitOf, imagesOf, shapeOf, type GenerationRequest } from './generation-request.ts';
import {
  ProviderFailure,
  type Provider3dAdapter,
  type Provider3dImage,
  type Provider3dInputFields,
  type Provider3dResult,
  type Provider3dTaskType,
} from './provider-3d.ts';
import { PROVIDER_QUEUE_PREFIX, type ProviderRuntime } from './provider-runtime.ts';
import { REFUSED_OPTIONS } from './refused-provider-options.ts';
import { sourceModelGlb } from './source-model-glb.ts';

/** What an operator may know a provider model costs, to report provider cost in dollars. */
export interface ProviderCostRates {
  /** dollars per successful task, when the provider reports nothing */
  usdPerTask?: number;
  /** dollars per unit the provider reports (one of its credits, one second of compute) */
  usdPerUnit?: number;
}

export interface ProviderLink {
  adapter: Provider3dAdapter;
  /** the provider's model (Meshy ai_model, Rodin tier, fal endpoint, Replicate owner/name[:version]) */
  model: string;
  extraInput?: Record<string, unknown>;
  inputFields?: Provider3dInputFields;
  cost?: ProviderCostRates;
}

export interface ProviderChainOptions {
  modelVersion: string;
  taskTypes: readonly Provider3dTaskType[];
  links: readonly ProviderLink[];
  runtime: ProviderRuntime;
  download: FetchProviderOutputOptions;
  estimatedSeconds?: number;
}

export class ProviderChainEngine implements Engine {
  readonly name: string;
  readonly taskTypes: readonly string[];
  readonly queueName: string;
  readonly modelVersions: readonly string[];

  constructor(private readonly options: ProviderChainOptions) {
    if (options.links.length === 0)
      throw new Error(`model_version ${options.modelVersion}: a provider route needs at least one provider`);
    this.name = `provider:${options.links.map((link) => link.adapter.name).join('>')}`;
    this.taskTypes = options.taskTypes;
    this.modelVersions = [options.modelVersion];
    this.queueName = `${PROVIDER_QUEUE_PREFIX}${options.links[0]!.adapter.name}`;
  }

  get links(): readonly ProviderLink[] {
    return this.options.links;
  }

  supports(request: TaskRequest): EngineSupport {
    if (!this.taskTypes.includes(request.type))
      return { ok: false, reason: `model_version ${this.options.modelVersion} does not serve ${request.type}` };
    return { ok: true };
  }

  validate(request: TaskRequest): void {
    const fields = request as unknown as Record<string, unknown>;
    // a route may name a pattern (or none): messages name the version the client asked for
    const modelVersion = (request as { model_version?: string }).model_version ?? this.options.modelVersion;
    for (const option of REFUSED_OPTIONS) {
      if (option.isSet(fields))
        throw new DomainError(
          'invalidParameter',
          `${option.field} cannot be used with model_version ${modelVersion}: ${option.why}; leave it out (nothing was charged)`,
        );
    }
    const reasons = this.options.links.map((link) =>
      link.adapter.refusal?.(shapeOf(request as GenerationRequest, link.model)),
    );
    if (reasons.every((reason) => reason !== undefined))
      throw new DomainError(
        'invalidParameter',
        `model_version ${modelVersion} cannot take this request: ${reasons.join('; ')} (nothing was charged)`,
      );
    const runtime = this.options.runtime;
    if (this.options.links.every((link) => runtime.breaker(link.adapter.name).state === 'open')) {
      throw new DomainError(
        'serviceUnavailable',
        `every provider of model_version ${modelVersion} is failing right now (${this.options.links.map((link) => link.adapter.displayName).join(', ')}); try again in a minute, nothing was charged`,
      );
    }
  }

  estimateSeconds(): number {
    return this.options.estimatedSeconds ?? 120;
  }

  health(): { degraded: boolean; detail?: string } {
    const degraded = this.options.links.filter((link) => this.options.runtime.isDegraded(link.adapter.name));
    return degraded.length === 0
      ? { degraded: false }
      : {
          degraded: true,
          detail: `${degraded.map((link) => link.adapter.displayName).join(', ')} failing; skipped until a trial request succeeds`,
        };
  }

  async run(input: EngineInput, context: EngineContext): Promise<EngineResult> {
    const request = input.request as GenerationRequest;
    const images = imagesOf(input);
    const sourceModel = request.type === 'texture_model' ? await sourceModelGlb(input.sourceModel) : undefined;
    const failures: string[] = [];
    for (const [index, link] of this.options.links.entries()) {
      const refusal = link.adapter.refusal?.(shapeOf(request, link.model));
      if (refusal) {
        if (index === 0) this.options.runtime.limiter(link.adapter.name).cancelReservation();
        failures.push(`${link.adapter.displayName}: ${refusal}`);
        continue;
      }
      const outcome = await this.tryLink(link, request, { images, sourceModel }, input.taskId, context, index === 0);
      if (outcome.ok) return outcome.result;
      failures.push(`${link.adapter.displayName}: ${outcome.failure.message}`);
      // the task ends `banned` with 2008, as Tripo's own content refusals do; no other provider is asked
      if (outcome.failure.kind === 'content')
        throw new DomainError(
          'contentPolicyViolation',
          `${link.adapter.displayName} refused the input under its content policy: ${outcome.failure.message}`,
        );
    }
    throw new EngineFailure('engineFailed', `no 3D provider could make the model (${failures.join('; ')})`);
  }

  private async tryLink(
    link: ProviderLink,
    request: GenerationRequest,
    { images, sourceModel }: { images: Provider3dImage[]; sourceModel?: Uint8Array },
    taskId: string,
    context: EngineContext,
    /** the route's first provider: the runner reserved its slot when it claimed the job */
    primary: boolean,
  ): Promise<{ ok: true; result: EngineResult } | { ok: false; failure: ProviderFailure }> {
    const { runtime } = this.options;
    const provider = link.adapter.name;
    const breaker = runtime.breaker(provider);
    const record = (call: Omit<ProviderCallRecord, 'provider' | 'providerModel'>) => {
      context.recordProviderCall?.({ provider, providerModel: link.model, ...call });
      runtime.notify({
        provider,
        model: link.model,
        outcome: call.outcome,
        failureKind: call.failureKind as never,
        durationMs: call.durationMs,
      });
    };
    if (!breaker.tryAcquire()) {
      if (primary) runtime.limiter(provider).cancelReservation();
      const snapshot = breaker.snapshot();
      const failure = new ProviderFailure(
        provider,
        'unavailable',
        `skipped: its circuit breaker is open after ${snapshot.consecutiveFailures} failures (last: ${snapshot.lastFailure ?? 'unknown'})`,
      );
      record({
        outcome: 'skipped',
        failureKind: 'unavailable',
        message: failure.message,
        startedAtMs: Date.now(),
        durationMs: 0,
      });
      return { ok: false, failure };
    }
    const release = await runtime
      .limiter(provider)
      .acquire(context.signal)
      .catch((error: unknown) => {
        breaker.releaseTrial();
        throw error;
      });
    const startedAtMs = Date.now();
    let generated: Provider3dResult | undefined;
    try {
      const faceLimit = faceLimitOf(request);
      generated = await link.adapter.generate({
        taskType: request.type,
        model: link.model,
        prompt:
          request.type === 'texture_model' ? request.texture_prompt?.text : (request as { prompt?: string }).prompt,
        negativePrompt: (request as { negative_prompt?: string }).negative_prompt,
        images,
        sourceModel,
        texture: request.texture,
        pbr: Boolean(request.pbr),
        seed: request.model_seed,
        faceLimit,
        extraInput: link.extraInput,
        inputFields: link.inputFields,
        taskId,
        signal: context.signal,
        reportProgress: (percent) => context.reportProgress(Math.min(90, percent * 0.9)),
      });
      const bytes =
        'bytes' in generated.model
          ? generated.model.bytes
          : await fetchProviderOutput(
              provider,
              link.adapter.displayName,
              generated.model.url,
              this.options.download,
              generated.providerTaskId,
            );
      context.reportProgress(92);
      const document = await readProviderModel(bytes, provider, link.adapter.displayName, generated.providerTaskId);
      breaker.recordSuccess();
      record({
        outcome: 'success',
        providerTaskId: generated.providerTaskId,
        reportedCost: generated.reportedCost,
        costUsd: costUsdOf(link.cost, generated.reportedCost, true),
        startedAtMs,
        durationMs: Date.now() - startedAtMs,
      });
      release();
      const compressGeometry = request.compress === 'geometry';
      const finished =
        request.type === 'texture_model'
          ? await finishTexturedModel(document, { pbr: request.pbr, compressGeometry })
          : await finishProviderModel(document, {
              texture: request.texture,
              pbr: Boolean(request.pbr),
              faceLimit,
              quad: Boolean(request.quad),
              compressGeometry,
            });
      return {
        ok: true,
        result: {
          files: finished.result.files,
          result: { generation: this.summaryOf(request, generated, finished.appliedHere, finished.faceCount) },
        },
      };
    } catch (error) {
      release();
      const durationMs = Date.now() - startedAtMs;
      if (context.signal.aborted) {
        breaker.releaseTrial();
        record({ outcome: 'cancelled', providerTaskId: generated?.providerTaskId, startedAtMs, durationMs });
        throw error;
      }
      if (!(error instanceof ProviderFailure)) throw error;
      if (error.kind === 'auth' || error.kind === 'credits') breaker.trip(error.message);
      else if (error.kind !== 'content') breaker.recordFailure(error.message);
      else breaker.releaseTrial();
      const reportedCost = generated?.reportedCost;
      record({
        outcome: 'failed',
        failureKind: error.kind,
        message: error.message,
        providerTaskId: error.providerTaskId ?? generated?.providerTaskId,
        reportedCost,
        costUsd: costUsdOf(link.cost, reportedCost, false),
        startedAtMs,
        durationMs,
      });
      return { ok: false, failure: describeForCustomer(error) };
    }
  }

  /** task.output.generation: what this model_version did with the request, so nothing is silently dropped. */
  private summaryOf(
    request: GenerationRequest,
    generated: Provider3dResult,
    appliedHere: string[],
    faceCount: number,
  ): Record<string, unknown> {
    const ignored: string[] = [];
    if (request.model_seed !== undefined && !generated.honoured.includes('seed')) ignored.push('model_seed');
    if (request.texture_seed !== undefined) ignored.push('texture_seed');
    if ((request as { image_seed?: number }).image_seed !== undefined) ignored.push('image_seed');
    if (
      (request as { negative_prompt?: string }).negative_prompt !== undefined &&
      !generated.honoured.includes('negative_prompt')
    )
      ignored.push('negative_prompt');
    return {
      model_version: request.model_version ?? this.options.modelVersion,
      face_count: faceCount,
      applied_by_polyforge: appliedHere,
      ...(ignored.length > 0 ? { ignored_options: ignored } : {}),
    };
  }
}

/** The failure as the customer reads it in error_msg: the operator's account state is summarised, not echoed. */
function describeForCustomer(failure: ProviderFailure): ProviderFailure {
  if (failure.kind === 'auth')
    return new ProviderFailure(
      failure.provider,
      failure.kind,
      "the deployment's key for it was refused (the operator has to fix it)",
      failure.providerTaskId,
    );
  if (failure.kind === 'credits')
    return new ProviderFailure(
      failure.provider,
      failure.kind,
      "the deployment's account there is out of credits (the operator has to top it up)",
      failure.providerTaskId,
    );
  return failure;
}

function costUsdOf(
  rates: ProviderCostRates | undefined,
  reported: Provider3dResult['reportedCost'],
  succeeded: boolean,
): number | undefined {
  if (reported?.unit === 'usd') return reported.amount;
  if (reported && rates?.usdPerUnit !== undefined) return roundCents(reported.amount * rates.usdPerUnit);
  if (succeeded && rates?.usdPerTask !== undefined) return rates.usdPerTask;
  return undefined;
}

function roundCents(usd: number): number {
  return Math.round(usd * 10_000) / 10_000;
}
