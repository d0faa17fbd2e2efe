import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

interface Row {
  contender: string;
  kind: string;
  median: number | null;
  min: number | null;
  max: number | null;
  rssMiB: number | null;
}
const { renderChart } = (await import(pathToFileURL(resolve('bench/lib/chart.mjs')).href)) as {
  renderChart: (data: { sizes: Array<{ sizeMiB: number; rows: Row[] }> }, subtitle: string) => string;
};

const row = (contender: string, median: number | null, kind = 'parser'): Row => ({ contender, kind, median, min: median, max: median, rssMiB: 80 });

describe('bench/lib/chart.mjs', () => {
  it('leaves room for the longest contender name left of the bars', () => {
    const long = 'fp-edifact-validate-workers';
    const svg = renderChart({ sizes: [{ sizeMiB: 10, rows: [row('edifact', 25), row(long, 30)] }] }, 'test');
    // Names are drawn right-aligned, ending 8 px left of where the bars start.
    const label = new RegExp(`<text x="(\\d+)" y="[\\d.]+" text-anchor="end">${long}</text>`).exec(svg);
    const bar = /<rect x="(\d+)" y="[\d.]+" width=/.exec(svg);
    expect(label).not.toBeNull();
    expect(Number(bar![1]) - 8).toBe(Number(label![1]));
    // At ~7.5 px a character the name needs this much room from the left edge.
    expect(Number(label![1])).toBeGreaterThanOrEqual(long.length * 7.5);
    const width = Number(/<svg [^>]*width="(\d+)"/.exec(svg)![1]);
    expect(width).toBeGreaterThan(Number(bar![1]) + 540);
  });

  it('draws a failed contender as failed, not as a bar', () => {
    const svg = renderChart({ sizes: [{ sizeMiB: 10, rows: [row('edifact', 25), row('broken', null)] }] }, 'test');
    expect(svg.match(/<rect x=/g)).toHaveLength(1);
    expect(svg).toContain('>failed</text>');
  });
});
