// Credit usage by day and task type as a server-rendered SVG stacked bar chart, with the same figures in a
// table for screen readers and keyboard users. No script, no chart library: the data is small and static.
import { escapeHtml, html, raw, type Html } from '../html.ts';
import { formatCredits, humanTaskType } from '../format.ts';
import type { UsageBucket } from '../task-history.ts';

/** Colours with at least 3:1 contrast on white (WCAG 1.4.11 for graphics), in a fixed order per type. */
export const CHART_COLOURS = [
  '#3b3fd8',
  '#b5470b',
  '#1e7a4c',
  '#a1277a',
  '#5b6275',
  '#0b6f8f',
  '#8a6d00',
  '#c0283f',
] as const;

const WIDTH = 720;
const HEIGHT = 220;
const PADDING = { top: 12, right: 8, bottom: 28, left: 44 };
const DAY_MS = 24 * 3600 * 1000;

export function usageChart(buckets: UsageBucket[], fromMs: number, toMs: number): Html {
  const days: string[] = [];
  for (let ms = fromMs; ms < toMs; ms += DAY_MS) days.push(new Date(ms).toISOString().slice(0, 10));
  const types = [...new Set(buckets.map((bucket) => bucket.type))].sort();
  const colourOf = (type: string) => CHART_COLOURS[types.indexOf(type) % CHART_COLOURS.length];
  const byDay = new Map<string, UsageBucket[]>();
  for (const bucket of buckets) byDay.set(bucket.day, [...(byDay.get(bucket.day) ?? []), bucket]);
  const dayTotals = days.map((day) => (byDay.get(day) ?? []).reduce((sum, bucket) => sum + bucket.credits, 0));
  const total = dayTotals.reduce((sum, credits) => sum + credits, 0);
  if (total === 0) return html`<p class="empty">No credits were used in this period.</p>`;

  const maxCredits = niceCeiling(Math.max(...dayTotals));
  const plotWidth = WIDTH - PADDING.left - PADDING.right;
  const plotHeight = HEIGHT - PADDING.top - PADDING.bottom;
  const slot = plotWidth / days.length;
  const barWidth = Math.max(2, slot * 0.7);
  const y = (credits: number) => PADDING.top + plotHeight - (credits / maxCredits) * plotHeight;
  const parts: string[] = [];
  for (const tick of [0, 0.5, 1]) {
    const value = Math.round(maxCredits * tick);
    parts.push(
      `<line x1="${PADDING.left}" x2="${WIDTH - PADDING.right}" y1="${y(value)}" y2="${y(value)}" stroke="#d6d8e1"/>`,
    );
    parts.push(
      `<text x="${PADDING.left - 6}" y="${y(value) + 4}" text-anchor="end" font-size="11" fill="#4b5066">${value}</text>`,
    );
  }
  days.forEach((day, index) => {
    let stacked = 0;
    const x = PADDING.left + index * slot + (slot - barWidth) / 2;
    for (const bucket of (byDay.get(day) ?? []).slice().sort((a, b) => a.type.localeCompare(b.type))) {
      const top = y(stacked + bucket.credits);
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(y(stacked) - top).toFixed(1)}" fill="${colourOf(bucket.type)}"><title>${day}: ${bucket.credits} credits, ${escapeHtml(humanTaskType(bucket.type))}</title></rect>`,
      );
      stacked += bucket.credits;
    }
    const labelEvery = Math.ceil(days.length / 8);
    if (index % labelEvery === 0)
      parts.push(
        `<text x="${(x + barWidth / 2).toFixed(1)}" y="${HEIGHT - 8}" text-anchor="middle" font-size="11" fill="#4b5066">${day.slice(5)}</text>`,
      );
  });

  const totalsByType = types.map((type) => ({
    type,
    credits: buckets.filter((bucket) => bucket.type === type).reduce((sum, bucket) => sum + bucket.credits, 0),
  }));
  return html`<figure class="chart">
  <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="chart-title" data-testid="usage-chart">
    <title id="chart-title">Credits used per day by task type, ${days[0]} to ${days[days.length - 1]}: ${total} credits in all</title>
    ${raw(parts.join(''))}
  </svg>
  <figcaption>
    <ul class="legend">${totalsByType.map(
      ({ type, credits }) =>
        html`<li><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill="${colourOf(type)}"/></svg> ${humanTaskType(type)}: ${formatCredits(credits)}</li>`,
    )}</ul>
  </figcaption>
  <details><summary>Figures as a table</summary>
    <div class="table-wrap"><table><caption class="visually-hidden">Credits per day and task type</caption>
    <thead><tr><th scope="col">Day (UTC)</th><th scope="col">Task type</th><th scope="col">Credits</th></tr></thead>
    <tbody>${buckets.map((bucket) => html`<tr><td>${bucket.day}</td><td>${humanTaskType(bucket.type)}</td><td>${formatCredits(bucket.credits)}</td></tr>`)}</tbody></table></div>
  </details>
</figure>`;
}

function niceCeiling(value: number): number {
  if (value <= 10) return 10;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}
