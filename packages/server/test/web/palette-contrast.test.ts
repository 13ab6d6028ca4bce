// The dashboard's palette meets WCAG 2.2 AA: 4.5:1 for text on each background it is used on, 3:1 for focus
// rings and chart colours (non-text contrast). Read from the stylesheet itself, so a changed colour is checked.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHART_COLOURS } from '../../src/web/pages/usage-chart.ts';

const stylesheet = fs.readFileSync(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/web/static/app.css'),
  'utf8',
);
const palette = Object.fromEntries(
  [...stylesheet.matchAll(/--(color-[a-z-]+):\s*(#[0-9a-f]{6})/gi)].map((match) => [match[1], match[2]]),
);

function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((channel) =>
    channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(foreground: string, background: string): number {
  const [lighter, darker] = [relativeLuminance(foreground), relativeLuminance(background)].sort((a, b) => b - a);
  return (lighter + 0.05) / (darker + 0.05);
}

const TEXT_PAIRS: [string, string][] = [
  ['color-text', 'color-page'],
  ['color-text', 'color-surface'],
  ['color-text', 'color-badge-surface'],
  ['color-text', 'color-info-surface'],
  ['color-text', 'color-success-surface'],
  ['color-text', 'color-error-surface'],
  ['color-muted', 'color-surface'],
  ['color-muted', 'color-page'],
  ['color-muted', 'color-badge-surface'],
  ['color-accent', 'color-surface'],
  ['color-accent', 'color-page'],
  ['color-accent', 'color-info-surface'],
  ['color-accent-hover', 'color-info-surface'],
  ['color-on-accent', 'color-accent'],
  ['color-on-accent', 'color-accent-hover'],
  ['color-danger', 'color-surface'],
  ['color-danger', 'color-error-surface'],
  ['color-on-danger', 'color-danger'],
  ['color-success', 'color-success-surface'],
  ['color-success', 'color-surface'],
  ['color-studio', 'color-studio-surface'],
];

describe('dashboard palette contrast', () => {
  it('reads every colour of the palette from the stylesheet', () => {
    for (const [foreground, background] of TEXT_PAIRS) {
      expect(palette[foreground], foreground).toMatch(/^#/);
      expect(palette[background], background).toMatch(/^#/);
    }
  });

  it.each(TEXT_PAIRS)('%s on %s reaches 4.5:1', (foreground, background) => {
    expect(contrastRatio(palette[foreground], palette[background])).toBeGreaterThanOrEqual(4.5);
  });

  it('gives focus rings and chart colours 3:1 against their backgrounds', () => {
    for (const background of ['color-surface', 'color-page'])
      expect(contrastRatio(palette['color-focus'], palette[background])).toBeGreaterThanOrEqual(3);
    for (const colour of CHART_COLOURS) expect(contrastRatio(colour, '#ffffff'), colour).toBeGreaterThanOrEqual(3);
  });

  it('computes the WCAG ratio correctly', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
