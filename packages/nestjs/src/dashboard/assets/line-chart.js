// A small SVG line chart drawn by hand: y grid with round ticks, time labels, one line per series.
import { linePath, linearScale, maxOf, niceTicks } from './chart-scale.js';
import { h, svg } from './dom.js';
import { formatAxisTime } from './format.js';

// About the size it is shown at, so its text reads at the font size set in the stylesheet.
const WIDTH = 360;
const HEIGHT = 170;
const PAD = { top: 10, right: 10, bottom: 22, left: 46 };

/**
 * `series`: [{ name, tone, values: (number|null)[] }], one value per bucket; `times`: each
 * bucket's start (Date); `format(value)` labels the y axis; `max` fixes the top (1 for rates).
 */
export function lineChart({ title, series, times, format, max }) {
  const ticks = niceTicks(max ?? maxOf(series));
  const top = ticks[ticks.length - 1];
  const x = linearScale([0, Math.max(1, times.length - 1)], [PAD.left, WIDTH - PAD.right]);
  const y = linearScale([0, top], [HEIGHT - PAD.bottom, PAD.top]);
  const span = times.length > 1 ? times[times.length - 1] - times[0] : 0;
  const labelAt = [0, Math.floor((times.length - 1) / 2), times.length - 1].filter((i, n, all) => i >= 0 && all.indexOf(i) === n);
  const empty = series.every((s) => s.values.every((v) => v === null || v === undefined));
  return h(
    'figure',
    { class: 'chart' },
    h('figcaption', {}, title, h('span', { class: 'legend' }, series.map((s) => h('span', { class: ['legend-item', `line-${s.tone}`] }, s.name)))),
    svg(
      'svg',
      { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': title },
      ticks.map((tick) => [
        svg('line', { class: 'grid', x1: PAD.left, x2: WIDTH - PAD.right, y1: y(tick), y2: y(tick) }),
        svg('text', { class: 'tick', x: PAD.left - 6, y: y(tick) + 4, 'text-anchor': 'end' }, format(tick)),
      ]),
      labelAt.map((i) => svg('text', { class: 'tick', x: x(i), y: HEIGHT - 6, 'text-anchor': i === 0 ? 'start' : i === times.length - 1 ? 'end' : 'middle' }, formatAxisTime(times[i], span))),
      series.map((s) => [
        svg('path', { class: ['line', `line-${s.tone}`], d: linePath(s.values, x, y) }),
        s.values.map((value, i) => (value === null || value === undefined ? null : svg('circle', { class: ['dot', `line-${s.tone}`], cx: x(i), cy: y(value), r: 2.5 }, svg('title', {}, `${s.name}: ${format(value)}`)))),
      ]),
      empty ? svg('text', { class: 'no-data', x: WIDTH / 2, y: HEIGHT / 2, 'text-anchor': 'middle' }, 'No attempts in this window') : null,
    ),
  );
}
