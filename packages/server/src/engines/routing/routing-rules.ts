// The operator's routing file (JSON or YAML): which engine serves each (task type, model_version pattern).
// Parsed and checked once at boot; every problem names the entry it is in.
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { PROVIDER_3D_NAMES, type Provider3dName } from '../../config.ts';

export const PROVIDER_NAMES = ['openai', 'gemini', 'bfl'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

const provider3dNames = PROVIDER_3D_NAMES as [Provider3dName, ...Provider3dName[]];

/** One provider of a `providers` route, tried in the listed order. */
const providerLinkSchema = z
  .object({
    provider: z.enum(provider3dNames),
    /** the provider's model: Meshy ai_model, Rodin tier, Stability model, fal endpoint id, Replicate owner/name[:version] */
    model: z.string().min(1, 'must name the provider model'),
    /** extra input fields sent as they are (fal and Replicate model inputs, Stability form fields) */
    input: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    /** the model's input field names where they differ (fal, Replicate); "name[]" sends one image as a list */
    input_fields: z
      .object({
        image: z.string().min(1).optional(),
        images: z.string().min(1).optional(),
        prompt: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type ProviderLinkRule = z.infer<typeof providerLinkSchema>;

const taskTypeField = z.string().min(1, 'must be a task type such as "text_to_model", or "*"');
const modelVersionField = z
  .string()
  .min(1, 'must be a model_version pattern such as "v3.1-*" (omit it to match any)')
  .optional();
const common = {
  task_type: taskTypeField,
  model_version: modelVersionField,
  /** shown to clients in running_left_time until the task has run this long */
  estimate_seconds: z.number().int().min(1).max(86_400).optional(),
};

const routeSchema = z.discriminatedUnion(
  'engine',
  [
    z.object({ ...common, engine: z.literal('builtin') }).strict(),
    z
      .object({
        ...common,
        engine: z.literal('worker_pool'),
        pool: z
          .string()
          .regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'must be a pool name of lowercase letters, digits, "_", "." and "-"'),
      })
      .strict(),
    z
      .object({
        ...common,
        engine: z.literal('provider'),
        provider: z.enum([...PROVIDER_NAMES, ...PROVIDER_3D_NAMES] as [string, ...string[]]),
        /** the provider's own model name, when it should not be derived from model_version */
        provider_model: z.string().min(1).optional(),
      })
      .strict(),
    z
      .object({
        ...common,
        engine: z.literal('providers'),
        providers: z
          .array(providerLinkSchema, 'must be a list of {provider, model}')
          .min(1, 'must list at least one provider'),
      })
      .strict(),
    z.object({ ...common, engine: z.literal('upstream') }).strict(),
    z.object({ ...common, engine: z.literal('none') }).strict(),
  ],
  { error: () => 'must be one of builtin, worker_pool, provider, providers, upstream, none' },
);

const routingFileSchema = z
  .object({
    routes: z.array(z.unknown(), 'routes must be a list of entries'),
    /** false: only the file's routes apply (nothing falls back to the built-in defaults) */
    defaults: z.boolean().optional(),
  })
  .strict();

export type RouteRule = z.infer<typeof routeSchema>;

export interface RoutingRules {
  routes: RouteRule[];
  /** whether the built-in defaults apply to what no route matched */
  useDefaults: boolean;
  source: string;
}

export class RoutingConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RoutingConfigError';
  }
}

export function loadRoutingFile(filePath: string): RoutingRules {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    throw new RoutingConfigError(`POLYFORGE_ROUTING_FILE: cannot read ${filePath}: ${(error as Error).message}`);
  }
  const isJson = path.extname(filePath).toLowerCase() === '.json';
  let document: unknown;
  try {
    document = isJson ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new RoutingConfigError(
      `routing file ${filePath} is not valid ${isJson ? 'JSON' : 'YAML'}: ${(error as Error).message}`,
    );
  }
  return parseRoutingRules(document, filePath);
}

export function parseRoutingRules(document: unknown, source = 'routing rules'): RoutingRules {
  const file = routingFileSchema.safeParse(document);
  if (!file.success) throw new RoutingConfigError(`${source}: ${describeIssues(file.error.issues)}`);
  const routes = file.data.routes.map((entry, index) => {
    const parsed = routeSchema.safeParse(entry);
    if (!parsed.success)
      throw new RoutingConfigError(`${source}: ${entryName(entry, index)}: ${describeIssues(parsed.error.issues)}`);
    return parsed.data;
  });
  return { routes, useDefaults: file.data.defaults ?? true, source };
}

/** "routes[2] (task_type text_to_model)", as operators count entries in the file. */
export function entryName(entry: unknown, index: number): string {
  const taskType = (entry as { task_type?: unknown } | null)?.task_type;
  return `routes[${index}]${typeof taskType === 'string' ? ` (task_type ${taskType})` : ''}`;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const field = issue.path.join('.');
      if (issue.code === 'unrecognized_keys')
        return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
      return field ? `${field}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** `*` matches any run of characters; everything else is literal. An absent pattern matches any version. */
export function modelVersionMatcher(pattern: string | undefined): (modelVersion: string | undefined) => boolean {
  if (pattern === undefined || pattern === '*') return () => true;
  const expression = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`);
  return (modelVersion) => modelVersion !== undefined && expression.test(modelVersion);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
