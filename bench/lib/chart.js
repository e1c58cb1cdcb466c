'use strict';
// A dependency-free SVG of the run: throughput bars, latency bars, memory lines.

const COLORS = {
  raw: '#9aa5b1',
  naive: '#e0913a',
  'hookline-pg': '#2f6fdd',
  'hookline-pg-axios': '#7aa5ef',
  'hookline-pg-undici': '#1b3f80',
  'hookline-pg-fixed50': '#9db9ea',
  'hookline-pg-c20': '#2f6fdd',
  'hookline-pg-c50': '#4d86e6',
  'hookline-pg-c100': '#1b3f80',
  'hookline-mysql': '#b5651d',
  'hookline-sqlite': '#2aa876',
  'hookline-sqlite-wal': '#7fd1ad',
};
const WIDTH = 960;
const esc = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fmt = (v) => (v >= 1000 ? `${(v / 1000).toFixed(1)}k` : v < 1 ? String(Math.round(v * 100) / 100) : String(Math.round(v * 10) / 10));

function niceMax(value) {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((m) => m >= value);
}

/** Grouped bars: groups × series; `log` draws a log10 axis (for latencies spanning decades). */
function groupedBars({ x, y, w, h, title, unit, groups, series, log = false, target }) {
  const parts = [`<text x="${x}" y="${y - 10}" class="title">${esc(title)}</text>`];
  const values = groups.flatMap((g) => series.map((s) => g.values[s])).filter((v) => v != null && v > 0);
  const left = x + 50;
  const plotW = w - 50;
  let scale;
  if (log) {
    const lo = Math.floor(Math.log10(Math.min(...values, 1)));
    const hi = Math.max(lo + 1, Math.ceil(Math.log10(Math.max(...values, 1))));
    scale = (v) => (h * (Math.log10(Math.max(v, 10 ** lo)) - lo)) / (hi - lo);
    for (let e = lo; e <= hi; e += 1) {
      const gy = y + h - scale(10 ** e);
      parts.push(`<line x1="${left}" x2="${x + w}" y1="${gy}" y2="${gy}" class="grid"/>`);
      parts.push(`<text x="${left - 6}" y="${gy + 4}" class="axis" text-anchor="end">${fmt(10 ** e)}</text>`);
    }
  } else {
    const max = niceMax(Math.max(0, ...values));
    scale = (v) => (h * v) / max;
    for (let i = 0; i <= 4; i += 1) {
      const gy = y + h - (h * i) / 4;
      parts.push(`<line x1="${left}" x2="${x + w}" y1="${gy}" y2="${gy}" class="grid"/>`);
      parts.push(`<text x="${left - 6}" y="${gy + 4}" class="axis" text-anchor="end">${fmt((max * i) / 4)}</text>`);
    }
  }
  if (target) {
    const ty = (y + h - scale(target.value)).toFixed(1);
    parts.push(`<line x1="${left}" x2="${x + w}" y1="${ty}" y2="${ty}" stroke="#d33" stroke-dasharray="4 3"/>`);
    parts.push(`<text x="${left + 4}" y="${Number(ty) - 4}" class="axis" style="fill:#d33">${esc(target.label)}</text>`);
  }
  parts.push(`<text x="${x}" y="${y + h / 2}" class="axis" transform="rotate(-90 ${x + 8} ${y + h / 2})">${esc(unit)}</text>`);
  const groupW = plotW / Math.max(1, groups.length);
  const barW = Math.min(28, (groupW - 16) / Math.max(1, series.length));
  groups.forEach((group, gi) => {
    const gx = left + gi * groupW + (groupW - barW * series.length) / 2;
    series.forEach((name, si) => {
      const value = group.values[name];
      if (value == null) return;
      const bh = Math.max(0, scale(value));
      const bx = gx + si * barW;
      parts.push(`<rect x="${bx.toFixed(1)}" y="${(y + h - bh).toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${bh.toFixed(1)}" fill="${COLORS[name] ?? '#555'}"><title>${esc(`${name}: ${value}`)}</title></rect>`);
      parts.push(`<text x="${(bx + barW / 2 - 1).toFixed(1)}" y="${(y + h - bh - 3).toFixed(1)}" class="value" text-anchor="middle">${fmt(value)}</text>`);
    });
    parts.push(`<text x="${left + gi * groupW + groupW / 2}" y="${y + h + 16}" class="axis" text-anchor="middle">${esc(group.label)}</text>`);
  });
  return parts.join('\n');
}

function lines({ x, y, w, h, title, samples }) {
  const parts = [`<text x="${x}" y="${y - 8}" class="title">${esc(title)}</text>`];
  if (!samples || samples.length < 2) return parts.concat(`<text x="${x}" y="${y + 20}" class="axis">no samples</text>`).join('\n');
  const left = x + 50;
  const plotW = w - 50;
  const maxX = Math.max(...samples.map((s) => s.delivered)) || 1;
  const maxY = niceMax(Math.max(...samples.map((s) => s.rss_mb)));
  for (let i = 0; i <= 4; i += 1) {
    const gy = y + h - (h * i) / 4;
    parts.push(`<line x1="${left}" x2="${x + w}" y1="${gy}" y2="${gy}" class="grid"/>`);
    parts.push(`<text x="${left - 6}" y="${gy + 4}" class="axis" text-anchor="end">${fmt((maxY * i) / 4)}</text>`);
  }
  const path = (key) =>
    samples.map((s, i) => `${i ? 'L' : 'M'}${(left + (plotW * s.delivered) / maxX).toFixed(1)},${(y + h - (h * s[key]) / maxY).toFixed(1)}`).join(' ');
  parts.push(`<path d="${path('rss_mb')}" class="line" stroke="#2f6fdd"/>`);
  parts.push(`<path d="${path('heap_mb')}" class="line" stroke="#2aa876"/>`);
  parts.push(`<text x="${x + w - 150}" y="${y + 14}" class="axis" style="fill:#2f6fdd">RSS (MB)</text>`);
  parts.push(`<text x="${x + w - 150}" y="${y + 30}" class="axis" style="fill:#2aa876">heap used (MB)</text>`);
  parts.push(`<text x="${left + plotW / 2}" y="${y + h + 16}" class="axis" text-anchor="middle">deliveries (0 – ${fmt(maxX)})</text>`);
  return parts.join('\n');
}

function renderSvg(report) {
  const by = Object.fromEntries(report.scenarios.map((s) => [s.id, s.systems]));
  const pick = (id, key) => Object.fromEntries(Object.entries(by[id] ?? {}).filter(([, f]) => f[key] != null).map(([name, f]) => [name, f[key]]));
  const series = [...new Set(report.scenarios.flatMap((s) => Object.keys(s.systems)))].filter((s) => COLORS[s]);
  const throughput = groupedBars({
    x: 20,
    y: 90,
    w: WIDTH - 40,
    h: 210,
    title: 'Deliveries per second (higher is better)',
    unit: 'deliveries/s',
    series,
    groups: [
      { label: `1. 1 subscription`, values: pick('throughput', 'per_second') },
      { label: '2. fan-out 100×100', values: pick('fan-out', 'grid_per_second') },
      { label: '4. retry storm (to 99%)', values: pick('retry-storm', 'healthy_per_second') },
      { label: '5. fast endpoint beside a slow one', values: pick('slow-endpoint', 'fast_per_second') },
    ],
  });
  const latencySystems = Object.keys(by.latency ?? {}).filter((name) => by.latency[name].p99_ms != null);
  const latency = groupedBars({
    x: 20,
    y: 370,
    w: 450,
    h: 200,
    title: 'Latency at 500 events/s (ms, log scale, lower is better)',
    unit: 'ms',
    log: true,
    target: { value: 50, label: 'target: p99 < 50 ms' },
    series: latencySystems,
    groups: ['p50_ms', 'p95_ms', 'p99_ms'].map((key) => ({ label: key.replace('_ms', ''), values: pick('latency', key) })),
  });
  const memory = lines({
    x: 510,
    y: 370,
    w: 430,
    h: 200,
    title: `Memory over ${fmt(by.memory?.['hookline-pg']?.deliveries ?? 0)} deliveries (hookline-pg)`,
    samples: by.memory?.['hookline-pg']?.samples,
  });
  const legend = series
    .map((name, i) => `<rect x="${20 + i * 135}" y="${612}" width="12" height="12" fill="${COLORS[name]}"/><text x="${36 + i * 135}" y="${622}" class="axis">${esc(name)}</text>`)
    .join('\n');
  const m = report.machine;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="640" viewBox="0 0 ${WIDTH} 640" font-family="system-ui, sans-serif">
<style>
  .title { font-size: 14px; font-weight: 600; fill: #222; }
  .axis { font-size: 11px; fill: #555; }
  .value { font-size: 9px; fill: #333; }
  .grid { stroke: #e4e7eb; stroke-width: 1; }
  .line { fill: none; stroke-width: 2; }
</style>
<rect width="100%" height="100%" fill="#fff"/>
<text x="20" y="26" font-size="17" font-weight="700" fill="#111">Hookline bench (${esc(report.mode)}), ${esc(report.date.slice(0, 16).replace('T', ' '))} UTC</text>
<text x="20" y="46" class="axis">${m.cores} cores, load average ${m.load_average_start.join(' ')} → ${m.load_average_end.join(' ')}; receiver, senders, PostgreSQL and Redis share the cores. Node ${esc(report.versions.node)}.</text>
${throughput}
${latency}
${memory}
${legend}
</svg>
`;
}

module.exports = { renderSvg };
