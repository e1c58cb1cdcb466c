// A subscription's health over a window: the window's figures, and charts of success rate,
// latency (p50/p95) and retry rate per time bucket (GET …/stats?window=&buckets=).
import { h, mount } from './dom.js';
import { formatDuration, formatPercent } from './format.js';
import { lineChart } from './line-chart.js';
import { errorNotice, loading } from './widgets.js';

const WINDOWS = [
  { window: '1h', buckets: 12, label: 'Last hour' },
  { window: '24h', buckets: 24, label: 'Last 24 hours' },
  { window: '7d', buckets: 28, label: 'Last 7 days' },
];

export function healthPanel(ctx, subscriptionId) {
  const body = h('div', { class: 'health-body' }, loading());
  const select = h(
    'select',
    { 'aria-label': 'Health window', on: { change: () => load() } },
    WINDOWS.map((w) => h('option', { value: w.window, selected: w.window === '24h' }, w.label)),
  );
  const load = async () => {
    const chosen = WINDOWS.find((w) => w.window === select.value);
    try {
      const { data } = await ctx.request('GET', `/webhook-subscriptions/${encodeURIComponent(subscriptionId)}/stats`, { query: { window: chosen.window, buckets: chosen.buckets } });
      mount(body, healthFigures(data.attributes));
    } catch (error) {
      mount(body, errorNotice(error));
    }
  };
  load();
  return h('section', { class: 'card health', 'aria-label': 'Health' }, h('div', { class: 'title-row' }, h('h2', {}, 'Health'), select), body);
}

function healthFigures(stats) {
  const times = stats.series.map((bucket) => new Date(bucket.since));
  const values = (pick) => stats.series.map(pick);
  return [
    h(
      'div',
      { class: 'tiles' },
      tile('Deliveries', String(stats.deliveries.total), `${stats.deliveries.delivered} delivered · ${stats.deliveries.failed} failed · ${stats.deliveries.pending} pending`),
      tile('Success rate', formatPercent(stats.success_rate), 'delivered ÷ settled'),
      tile('Latency p50 / p95', stats.latency_ms ? `${formatDuration(stats.latency_ms.p50)} / ${formatDuration(stats.latency_ms.p95)}` : '—', `${stats.attempts} attempts`),
      tile('Retry rate', formatPercent(stats.retry_rate), 'deliveries needing more than one attempt'),
      tile('Concurrency limit', stats.concurrency_limit == null ? '—' : String(stats.concurrency_limit), 'attempts at once per worker, earned by the endpoint'),
    ),
    h(
      'div',
      { class: 'charts' },
      lineChart({ title: 'Success rate', times, max: 1, format: formatPercent, series: [{ name: 'success', tone: 'ok', values: values((b) => b.success_rate) }] }),
      lineChart({
        title: 'Latency',
        times,
        format: formatDuration,
        series: [
          { name: 'p50', tone: 'info', values: values((b) => b.latency_ms?.p50 ?? null) },
          { name: 'p95', tone: 'warn', values: values((b) => b.latency_ms?.p95 ?? null) },
        ],
      }),
      lineChart({ title: 'Retry rate', times, max: 1, format: formatPercent, series: [{ name: 'retried', tone: 'bad', values: values((b) => b.retry_rate) }] }),
    ),
  ];
}

function tile(label, value, hint) {
  return h('div', { class: 'tile' }, h('div', { class: 'tile-label' }, label), h('div', { class: 'tile-value' }, value), h('div', { class: 'hint' }, hint));
}
