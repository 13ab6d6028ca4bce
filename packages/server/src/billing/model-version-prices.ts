// Credit prices of the operator's own model_version names (provider models such as "meshy-6"), per generation task
// type, textured or not; and what the operator pays each provider, to report provider cost in dollars. Read from
// POLYFORGE_MODEL_PRICES_FILE (JSON or YAML) at boot, over the built-in defaults of the provider models.
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { PROVIDER_3D_NAMES, type Provider3dName } from '../config.ts';

export const DEPLOYMENT_MODEL_TASK_TYPES = ['text_to_model', 'image_to_model', 'multiview_to_model'] as const;
export type DeploymentModelTaskType = (typeof DEPLOYMENT_MODEL_TASK_TYPES)[number];

export interface ModelVersionPrice {
  textured: number;
  untextured: number;
}

/** model_version → task type → credits */
export type ModelVersionPriceTable = Record<string, Partial<Record<DeploymentModelTaskType, ModelVersionPrice>>>;

export interface ProviderCostSetting {
  /** dollars per successful task, when the provider reports no cost */
  usd_per_task?: number;
  /** dollars per unit the provider reports (a Meshy credit, a second of Replicate compute) */
  usd_per_unit?: number;
}

export interface ModelPriceFile {
  modelVersions: ModelVersionPriceTable;
  providerCosts: Partial<Record<Provider3dName, ProviderCostSetting>>;
  source: string;
}

const credits = z.int('must be a whole number of credits').min(0).max(1_000_000);
const priceSchema = z.union(
  [
    credits.transform((value) => ({ textured: value, untextured: value })),
    z.object({ textured: credits, untextured: credits }).strict(),
  ],
  {
    error: () => 'must be a number of credits or {textured, untextured}',
  },
);
const fileSchema = z
  .object({
    model_versions: z
      .record(
        z
          .string()
          .regex(
            /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
            'model_version names are letters, digits, ".", "_" and "-" (at most 64)',
          ),
        z.partialRecord(z.enum(DEPLOYMENT_MODEL_TASK_TYPES), priceSchema),
      )
      .default({}),
    provider_costs: z
      .partialRecord(
        z.enum(PROVIDER_3D_NAMES as [Provider3dName, ...Provider3dName[]]),
        z.object({ usd_per_task: z.number().min(0).optional(), usd_per_unit: z.number().min(0).optional() }).strict(),
      )
      .default({}),
  })
  .strict();

export function parseModelPriceFile(document: unknown, source: string): ModelPriceFile {
  const parsed = fileSchema.safeParse(document);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`Invalid configuration: POLYFORGE_MODEL_PRICES_FILE (${source}): ${problems.join('; ')}`);
  }
  return {
    modelVersions: parsed.data.model_versions as ModelVersionPriceTable,
    providerCosts: parsed.data.provider_costs,
    source,
  };
}

/** Reads the operator's price file at boot (absent: none); a bad file fails naming the setting and the entry. */
export function loadModelPriceFile(filePath: string | undefined): ModelPriceFile | undefined {
  if (!filePath) return undefined;
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    throw new Error(
      `Invalid configuration: POLYFORGE_MODEL_PRICES_FILE: cannot read ${filePath}: ${(error as Error).message}`,
    );
  }
  let document: unknown;
  try {
    document = path.extname(filePath).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new Error(
      `Invalid configuration: POLYFORGE_MODEL_PRICES_FILE (${filePath}) is not valid JSON/YAML: ${(error as Error).message}`,
    );
  }
  return parseModelPriceFile(document, filePath);
}

/** The published model versions' prices, as pricing and quotes read them. */
export class DeploymentModelPrices {
  private readonly byTaskType: Partial<Record<DeploymentModelTaskType, string[]>> = {};

  constructor(private readonly table: ModelVersionPriceTable = {}) {
    for (const [name, prices] of Object.entries(table)) {
      for (const taskType of Object.keys(prices) as DeploymentModelTaskType[])
        (this.byTaskType[taskType] ??= []).push(name);
    }
  }

  priceOf(modelVersion: string, taskType: string): ModelVersionPrice | undefined {
    return this.table[modelVersion]?.[taskType as DeploymentModelTaskType];
  }

  names(): string[] {
    return Object.keys(this.table).sort();
  }

  /** task type → the names priced for it (the parser accepts these) */
  namesByTaskType(): Readonly<Partial<Record<DeploymentModelTaskType, readonly string[]>>> {
    return this.byTaskType;
  }
}
