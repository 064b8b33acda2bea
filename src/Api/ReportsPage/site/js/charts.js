// Trend charts drawn with uPlot (vendor/uPlot.iife.min.js, MIT, pinned in ReportsPage/package.json).
// A partial point (the open month) is drawn dotted and hollow, as its own legend entry, so that a
// month that is two days old never reads as a collapse. Each chart has its values as a table too.
import { h, table } from './widgets.js';
import * as f from './format.js';

/** Axis steps for counts: whole numbers only. */
const COUNT_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1e3, 2e3, 2.5e3, 5e3, 1e4, 2e4, 2.5e4, 5e4, 1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7];

/** Okabe & Ito's colours, in the order series use them. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9'];

/**
 * A line chart. labels: x labels; series: [{ label, values }]; partial: booleans per point (optional).
 * Returns an element that draws itself once it is in the page and follows its width.
 */
export function lineChart(title, labels, series, partial = []) {
  const anyPartial = partial.some(Boolean);
  const firstPartial = partial.indexOf(true);
  const x = labels.map((_, i) => i);
  const data = [x];
  const uSeries = [{ label: 'Month' }];
  series.forEach((s, k) => {
    const color = s.color ?? PALETTE[k % PALETTE.length];
    const whole = s.values.map((v, i) => (partial[i] ? null : v));
    data.push(whole);
    uSeries.push({ label: s.label, stroke: color, width: 2, points: { show: true, size: 6, fill: color }, value: (u, v) => f.count(v) });
    if (anyPartial) {
      // The dotted stretch joins the last whole point to the partial ones.
      data.push(s.values.map((v, i) => (partial[i] || i === firstPartial - 1 ? v : null)));
      uSeries.push({ label: `${s.label} (so far)`, stroke: color, width: 2, dash: [2, 5], points: { show: true, size: 8, fill: '#fff', stroke: color, width: 2 }, value: (u, v) => f.count(v) });
    }
  });

  const description = `${title}: ${series.map((s) => `${s.label} ${s.values.map((v, i) => `${labels[i]} ${f.count(v)}${partial[i] ? ' (so far)' : ''}`).join(', ')}`).join('; ')}`;
  const plot = h('div', { class: 'chart', role: 'img', 'aria-label': description });
  const values = h('details', {}, h('summary', {}, 'Values as a table'),
    table(title, [
      { label: '', value: (i) => `${labels[i]}${partial[i] ? ' (so far)' : ''}` },
      ...series.map((s) => ({ label: s.label, numeric: true, value: (i) => f.count(s.values[i]), raw: (i) => s.values[i] })),
    ], x));
  const wrapper = h('div', { class: 'chart-block', dataset: { chart: title } }, plot,
    anyPartial ? h('p', { class: 'legend-partial' }, 'Dotted, hollow points: the open month, counted so far.') : null, values);

  // As many labels as fit (about 52 px each), counted back from the last point so that the newest
  // (often the open month) is always labelled.
  const labelledPoints = (u) => {
    const step = Math.max(1, Math.ceil(labels.length / Math.max(1, Math.floor((u.width - 70) / 52))));
    const points = [];
    for (let i = labels.length - 1; i >= 0; i -= step) points.unshift(i);
    return points;
  };

  let chart = null;
  const observer = new ResizeObserver(() => {
    const width = Math.floor(plot.clientWidth);
    if (width <= 0) return;
    if (!chart) {
      chart = new window.uPlot({
        width, height: 230,
        scales: { x: { time: false, range: [-0.3, Math.max(labels.length - 0.7, 0.7)] }, y: { range: (u, min, max) => [0, Math.max(max, 1)] } },
        axes: [
          { splits: labelledPoints, values: (u, splits) => splits.map((i) => labels[i] ?? ''), grid: { show: false } },
          { size: 56, incrs: COUNT_STEPS, values: (u, splits) => splits.map((v) => f.count(v)) },
        ],
        series: uSeries,
        cursor: { drag: { x: false, y: false } },
        // A plain key of the series; the values are in the table below the chart.
        legend: { live: false },
      }, data, plot);
    } else if (chart.width !== width) {
      chart.setSize({ width, height: 230 });
    }
  });
  observer.observe(plot);
  return wrapper;
}

/** A 12-month trend ([{ month, value, partial }]) as one or more series sharing the months. */
export function trendChart(title, trends) {
  const points = trends[0].points;
  return lineChart(title, points.map((p) => f.monthLabel(p.month)),
    trends.map((t) => ({ label: t.label, values: t.points.map((p) => p.value) })),
    points.map((p) => Boolean(p.partial)));
}
