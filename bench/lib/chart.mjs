// A dependency-free SVG bar chart of the results: one panel per file size, one bar per
// contender (median MiB/s, whisker = min–max over the repetitions). Log scale, because the
// baselines (read-only, indexOf) are one to two orders of magnitude faster than any parser
// and would flatten the parsers on a linear axis.

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const colour = (name, kind) =>
  kind === 'baseline' ? '#9aa0a6' : name.startsWith('fp-edifact') ? '#1a73e8' : name === 'edifact' || name === 'ts-edifact' ? '#e8710a' : '#8e24aa';

/**
 * @param {{ sizes: Array<{ sizeMiB: number, rows: Array<{ contender: string, kind: string,
 *   median: number|null, min: number|null, max: number|null, rssMiB: number|null }> }> }} data
 * @param {string} subtitle
 */
export function renderChart(data, subtitle) {
  // Room for the longest name at ~7.5 px a character (13 px sans-serif), so none is cut off.
  const longest = Math.max(0, ...data.sizes.flatMap((s) => s.rows.map((r) => String(r.contender).length)));
  const labelW = Math.max(170, Math.ceil(longest * 7.5) + 16);
  const plotW = 540;
  const W = labelW + plotW + 190;
  const barH = 18;
  const gap = 8;
  const all = data.sizes.flatMap((s) => s.rows.flatMap((r) => [r.min, r.max, r.median])).filter((v) => v > 0);
  const lo = Math.pow(10, Math.floor(Math.log10(Math.min(...all, 10))));
  const hi = Math.pow(10, Math.ceil(Math.log10(Math.max(...all, 100))));
  const x = (v) => labelW + (plotW * (Math.log10(Math.max(v, lo)) - Math.log10(lo))) / (Math.log10(hi) - Math.log10(lo));

  const out = [];
  let y = 56;
  for (const s of data.sizes) {
    out.push(`<text x="12" y="${y}" font-weight="bold">${esc(s.sizeMiB)} MiB file</text>`);
    y += 10;
    const top = y;
    const bars = [];
    for (const r of s.rows) {
      const cy = y + barH / 2;
      bars.push(`<text x="${labelW - 8}" y="${cy + 4}" text-anchor="end">${esc(r.contender)}</text>`);
      if (r.median > 0) {
        bars.push(`<rect x="${labelW}" y="${y}" width="${(x(r.median) - labelW).toFixed(1)}" height="${barH}" fill="${colour(r.contender, r.kind)}"/>`);
        bars.push(`<line x1="${x(r.min).toFixed(1)}" x2="${x(r.max).toFixed(1)}" y1="${cy}" y2="${cy}" stroke="#202124" stroke-width="1.5"/>`);
        const rss = r.rssMiB ? ` · ${r.rssMiB.toFixed(0)} MiB RSS` : '';
        bars.push(`<text x="${(x(r.max) + 6).toFixed(1)}" y="${cy + 4}">${r.median.toFixed(r.median < 100 ? 1 : 0)} MiB/s${rss}</text>`);
      } else {
        bars.push(`<text x="${labelW + 4}" y="${cy + 4}" fill="#d93025">failed</text>`);
      }
      y += barH + gap;
    }
    for (let e = Math.round(Math.log10(lo)); e <= Math.round(Math.log10(hi)); e++) {
      const v = 10 ** e;
      out.push(`<line x1="${x(v).toFixed(1)}" x2="${x(v).toFixed(1)}" y1="${top - 4}" y2="${y - gap + 4}" stroke="#dadce0" stroke-dasharray="2,3"/>`);
      out.push(`<text x="${x(v).toFixed(1)}" y="${y + 10}" text-anchor="middle" fill="#5f6368" font-size="11">${v}</text>`);
    }
    out.push(...bars); // after the grid, so the grid stays behind the bars
    y += 36;
  }
  const H = y;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="13">
<rect width="${W}" height="${H}" fill="#fff"/>
<text x="12" y="22" font-size="16" font-weight="bold">EDIFACT tokenizing and validating throughput, MiB/s (median, whisker = min–max; log scale)</text>
<text x="12" y="40" fill="#5f6368" font-size="11">${esc(subtitle)}</text>
${out.join('\n')}
</svg>
`;
}
