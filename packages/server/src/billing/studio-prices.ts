// The Studio's own price list (FAQ 11: the web app's pricing differs from the API's). The operator sets it in a
// JSON file (POLYFORGE_STUDIO_PRICES_FILE); without one, Studio prices are the API's.
import fs from 'node:fs';
import { TASK_TYPES, type TaskRequest, type TaskType } from '@polyforge/protocol';
import { z } from 'zod';
import type { TaskPrice } from './pricing.ts';

export interface StudioPriceList {
  /** applied to the API price of every task type without a flat price below; 100 = the API's prices */
  percentOfApiPrice: number;
  /** flat Studio prices in credits, whatever the options */
  flatCredits: Partial<Record<TaskType, number>>;
}

export const DEFAULT_STUDIO_PRICE_LIST: StudioPriceList = Object.freeze({ percentOfApiPrice: 100, flatCredits: {} });

const priceListSchema = z
  .object({
    percent_of_api_price: z.int().min(0).max(10_000).default(100),
    task_types: z.partialRecord(z.enum(TASK_TYPES), z.int().min(0).max(1_000_000)).default({}),
  })
  .strict();

export function parseStudioPriceList(json: unknown): StudioPriceList {
  const parsed = priceListSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(problems.join('; '));
  }
  return { percentOfApiPrice: parsed.data.percent_of_api_price, flatCredits: parsed.data.task_types };
}

/** Reads the operator's price file at boot; a bad file fails with a message naming the setting. */
export function loadStudioPriceList(filePath: string | undefined): StudioPriceList {
  if (!filePath) return DEFAULT_STUDIO_PRICE_LIST;
  try {
    return parseStudioPriceList(JSON.parse(fs.readFileSync(filePath, 'utf8')));
  } catch (error) {
    throw new Error(`Invalid configuration: POLYFORGE_STUDIO_PRICES_FILE (${filePath}): ${(error as Error).message}`);
  }
}

/** The Studio price of a request, from the price list and the request's API price. */
export function studioPrice(request: TaskRequest, apiPrice: TaskPrice, priceList: StudioPriceList): TaskPrice {
  const flat = priceList.flatCredits[request.type];
  if (flat !== undefined)
    return {
      costCredits: flat,
      lines: [{ item: `${request.type.replaceAll('_', ' ')} (Studio price)`, credits: flat }],
    };
  if (priceList.percentOfApiPrice === 100) return apiPrice;
  const costCredits = Math.round((apiPrice.costCredits * priceList.percentOfApiPrice) / 100);
  return {
    costCredits,
    lines: [
      {
        item: `${apiPrice.lines.map((line) => line.item).join(' + ')} at ${priceList.percentOfApiPrice}% (Studio price)`,
        credits: costCredits,
      },
    ],
  };
}
