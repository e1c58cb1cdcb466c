'use strict';
// One object per scenario: every system's figures, and the main Hookline system's ratios to
// both baselines (value / baseline value of the scenario's metric; see `better`).
const { ratio, round } = require('./stats');

const MAIN = 'hookline-pg';

const TARGETS = {
  throughput: (r) => [
    target('persisted pipeline ≥ 1.5× naive', ratio(r[MAIN]?.per_second, r.naive?.per_second), (v) => v >= 1.5, '×'),
    target('persisted pipeline ≥ 25% of raw HTTP', ratio(r[MAIN]?.per_second, r.raw?.per_second), (v) => v >= 0.25, '×'),
    target('embedded default (SQLite + in-process) ≥ 1,000 deliveries/s', r['hookline-sqlite']?.per_second, (v) => v >= 1_000, '/s'),
  ],
  burst: (r) =>
    ['hookline-pg-c20', 'hookline-pg-c50', 'hookline-pg-c100'].flatMap((name) => [
      target(`${name}: ≥ 1.5× naive`, ratio(r[name]?.per_second, r.naive?.per_second), (v) => v >= 1.5, '×'),
      target(`${name}: lateness max within 5 s of the drain time`, r[name]?.lateness_max_over_drain_s, (v) => v <= 5, 's'),
    ]),
  blip: (r) => [target('last receipt < 10 s after the endpoint recovers', r[MAIN]?.recovery_to_last_s, (v) => v < 10, 's')],
  'fan-out': (r) => [target('fan-out of 1,000 < 1 s', r[MAIN]?.fanout_1000_ms, (v) => v < 1_000, 'ms')],
  latency: (r) => [target('p99 < 50 ms at 500 events/s', r[MAIN]?.p99_ms, (v) => v < 50, 'ms')],
  'slow-endpoint': (r, all) => [
    target(
      'fast subscription keeps ≥ 90% of its scenario-1 throughput',
      ratio(r[MAIN]?.fast_per_second, all.throughput?.[MAIN]?.per_second),
      (v) => v >= 0.9,
      '×',
    ),
  ],
  memory: (r) => [target('memory flat over the run (heap growth after GC < 10 MB)', r[MAIN]?.heap_growth_mb, (v) => v < 10, 'MB')],
};

function target(name, value, check, unit) {
  return { target: name, value: value ?? null, unit, met: value == null ? null : check(value) };
}

function summarize(scenario, bySystem = {}, all = {}) {
  const metrics = [scenario.metric, ...(scenario.extraMetrics ?? [])];
  const systems = {};
  for (const [name, figures] of Object.entries(bySystem)) {
    const entry = { ...figures };
    if (!figures.error && name !== 'naive' && name !== 'raw') {
      for (const { key } of metrics) {
        const naive = ratio(figures[key], bySystem.naive?.[key]);
        const raw = ratio(figures[key], bySystem.raw?.[key]);
        if (key === scenario.metric.key) {
          entry.ratio_to_naive = naive;
          entry.ratio_to_raw = raw;
        } else {
          entry.ratios = { ...entry.ratios, [key]: { to_naive: naive, to_raw: raw } };
        }
      }
    }
    if (scenario.id === 'slow-endpoint' && all.throughput?.[name]?.per_second) {
      entry.share_of_scenario_1 = ratio(figures.fast_per_second, all.throughput[name].per_second);
    }
    systems[name] = entry;
  }
  const main = systems[MAIN] ?? {};
  return {
    id: scenario.id,
    title: scenario.title,
    metric: scenario.metric,
    extraMetrics: scenario.extraMetrics ?? [],
    main_system: MAIN,
    value: main[scenario.metric.key] ?? null,
    ratio_to_naive: main.ratio_to_naive ?? null,
    ratio_to_raw: main.ratio_to_raw ?? null,
    ratio_note: `value ÷ baseline value of "${scenario.metric.key}"; ${scenario.metric.better} is better`,
    targets: TARGETS[scenario.id]?.(bySystem, all) ?? [],
    systems,
  };
}

module.exports = { summarize, MAIN, round };
