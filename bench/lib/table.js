'use strict';
// The plain-text table printed at the end of a run.

const fmt = (value) => {
  if (value == null) return '-';
  if (typeof value !== 'number') return String(value);
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : String(value);
};
const times = (value) => (value == null ? '' : `${value}×`);

function renderTable(report) {
  const rows = [['scenario', 'system', 'figure', 'value', '÷ naive', '÷ raw', 'busy (other)']];
  for (const scenario of report.scenarios) {
    for (const [name, figures] of Object.entries(scenario.systems)) {
      const load = figures.load ? `${Math.round(figures.load.busy_share * 100)}% (${Math.round((figures.load.busy_share_other ?? 0) * 100)}%)` : '';
      if (figures.error) {
        rows.push([scenario.id, name, 'ERROR', figures.error.split('\n')[0].slice(0, 60), '', '', load]);
        continue;
      }
      rows.push([scenario.id, name, scenario.metric.unit, fmt(figures[scenario.metric.key]), times(figures.ratio_to_naive), times(figures.ratio_to_raw), load]);
      for (const [key, ratios] of Object.entries(figures.ratios ?? {})) {
        const unit = scenario.extraMetrics?.find((m) => m.key === key)?.unit ?? key;
        rows.push(['', '', unit, fmt(figures[key]), times(ratios.to_naive), times(ratios.to_raw), '']);
      }
      if (!figures.ratios && (name === 'naive' || name === 'raw')) {
        for (const metric of scenario.extraMetrics ?? []) rows.push(['', '', metric.unit, fmt(figures[metric.key]), '', '', '']);
      }
    }
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  const line = (r) => r.map((cell, c) => (c >= 3 && c <= 5 ? String(cell).padStart(widths[c]) : String(cell).padEnd(widths[c]))).join('  ');
  const out = [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
  out.push('');
  out.push('Targets (main system: hookline-pg = PostgreSQL + BullMQ):');
  for (const scenario of report.scenarios) {
    for (const t of scenario.targets) out.push(`  [${t.met == null ? '?' : t.met ? 'met' : 'MISSED'}] ${t.target}: ${fmt(t.value)}${t.unit === '×' ? '×' : ` ${t.unit}`}`);
  }
  out.push('');
  const m = report.machine;
  out.push(`Machine: ${m.cores} cores (${m.cpu_model}), ${m.memory_gib} GiB; load average ${m.load_average_start.join(' ')} at start, ${m.load_average_end.join(' ')} at end; CPU busy ${Math.round(m.busy_share_during_run * 100)}% over the run.`);
  out.push('busy = share of all cores in use while the row ran; (other) = part not used by the bench sender/receiver processes: PostgreSQL, Redis and anything else on the machine.');
  out.push('Receiver, senders, PostgreSQL and Redis share the same cores: ratios compare systems under the same constraint.');
  return out.join('\n');
}

module.exports = { renderTable };
