// The arithmetic of a line chart, apart from the DOM: unit-tested in chart-scale.spec.ts.

/** Maps [d0, d1] onto [r0, r1] linearly; a flat domain maps to the middle of the range. */
export function linearScale([d0, d1], [r0, r1]) {
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

/** About `count` round tick values (1, 2, 2.5 or 5 × 10ⁿ apart) covering [0, max]; at least [0, 1]. */
export function niceTicks(max, count = 4) {
  const top = max > 0 && Number.isFinite(max) ? max : 1;
  const rough = top / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough);
  const ticks = [];
  for (let value = 0; value < top + step / 2; value += step) ticks.push(round(value));
  if (ticks[ticks.length - 1] < top) ticks.push(round(ticks[ticks.length - 1] + step));
  return ticks;
}

/** The largest value of every series, ignoring nulls; 0 when there are none. */
export function maxOf(series) {
  return series.flatMap((s) => s.values).reduce((max, v) => (v !== null && v !== undefined && v > max ? v : max), 0);
}

/**
 * An SVG path through the values at x = index, lifting the pen over nulls (no data in that
 * bucket) so a gap shows as a gap. A lone value between nulls becomes a dot-sized segment.
 */
export function linePath(values, x, y) {
  let path = '';
  let drawing = false;
  values.forEach((value, index) => {
    if (value === null || value === undefined) {
      drawing = false;
      return;
    }
    const point = `${round(x(index))},${round(y(value))}`;
    const lone = !drawing && (values[index + 1] === null || values[index + 1] === undefined);
    path += drawing ? ` L${point}` : `${path ? ' ' : ''}M${point}${lone ? ` l0.01,0` : ''}`;
    drawing = true;
  });
  return path;
}

function round(value) {
  return Math.round(value * 100) / 100;
}
