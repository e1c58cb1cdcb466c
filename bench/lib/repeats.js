'use strict';
// `--repeat=N`: every scenario × system runs N times, round by round (so a machine that drifts
// over the run touches each system alike), and the run whose metric is the median stands for
// all: its figures are consistent with each other, and ratios between rows compare medians.

/** The median run of `runs` by `key` (the lower of the middle two), with every run's value of it. */
function medianRun(runs, key) {
  const ok = runs.filter((run) => !run.error && typeof run[key] === 'number');
  if (ok.length === 0) return runs[runs.length - 1];
  if (runs.length === 1) return runs[0];
  const sorted = [...ok].sort((a, b) => a[key] - b[key]);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  return { ...median, repeats: { runs: runs.length, failed: runs.length - ok.length, [key]: ok.map((run) => run[key]) } };
}

/** One line per repeated row: its median and the spread of the runs. */
function renderSpread(report) {
  const lines = [];
  for (const scenario of report.scenarios) {
    for (const [system, figures] of Object.entries(scenario.systems)) {
      const values = figures.repeats?.[scenario.metric.key];
      if (!values) continue;
      const sorted = [...values].sort((a, b) => a - b);
      lines.push(`${scenario.id} / ${system}: ${scenario.metric.unit} median ${figures[scenario.metric.key]}, ${sorted[0]}–${sorted[sorted.length - 1]} over ${values.length} runs (${values.join(', ')})`);
    }
  }
  return lines.join('\n');
}

module.exports = { medianRun, renderSpread };
