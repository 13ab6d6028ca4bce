import { parseTaskRequest, type TaskRequest } from '@polyforge/protocol';
import { describe, expect, it } from 'vitest';
import { priceTask } from './pricing.ts';
import { DEFAULT_STUDIO_PRICE_LIST, loadStudioPriceList, parseStudioPriceList, studioPrice } from './studio-prices.ts';

function request(body: unknown): TaskRequest {
  const parsed = parseTaskRequest(body);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.request;
}

describe('Studio price list', () => {
  const textToModel = request({ type: 'text_to_model', prompt: 'a teapot', texture_quality: 'detailed' });

  it('defaults to the API prices', () => {
    expect(studioPrice(textToModel, priceTask(textToModel), DEFAULT_STUDIO_PRICE_LIST)).toEqual(priceTask(textToModel));
  });

  it('applies a percentage to every type without a flat price, and flat prices whatever the options', () => {
    const list = parseStudioPriceList({ percent_of_api_price: 80, task_types: { import_model: 3 } });
    expect(priceTask(textToModel).costCredits).toBe(30);
    expect(studioPrice(textToModel, priceTask(textToModel), list).costCredits).toBe(24);
    const importModel = request({
      type: 'import_model',
      file: { type: 'glb', file_token: '00000000-0000-4000-8000-000000000000' },
    });
    expect(studioPrice(importModel, priceTask(importModel), list)).toEqual({
      costCredits: 3,
      lines: [{ item: 'import model (Studio price)', credits: 3 }],
    });
  });

  it('fails at boot with the setting named when the file is wrong', () => {
    expect(() => parseStudioPriceList({ task_types: { text_to_modle: 5 } })).toThrow(/task_types/);
    expect(() => parseStudioPriceList({ percent_of_api_price: -5 })).toThrow(/percent_of_api_price/);
    expect(() => parseStudioPriceList({ extra: true })).toThrow();
    expect(() => loadStudioPriceList('/nonexistent/prices.json')).toThrow(/POLYFORGE_STUDIO_PRICES_FILE/);
  });
});
