import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { BYTE_INCREMENTS, fillHours, formatBytes, legendValue, readTrafficData, timeLabels, uniqueLabels } from './traffic';

/**
 * Draws a traffic chart in each {@code [data-traffic-chart]} figure from the JSON it carries. The
 * figure's table stays for screen readers and for browsers without scripts. Times are in the
 * person's time zone and language; the legend shows the totals, or the hovered hour's values.
 */
export function drawTrafficCharts(root: ParentNode = document): void {
  root.querySelectorAll<HTMLElement>('[data-traffic-chart]').forEach((figure) => {
    const data = readTrafficData(figure.querySelector('script[type="application/json"]'));
    const target = figure.querySelector<HTMLElement>('.chart-canvas');
    if (!data || !target || target.dataset.drawn) {
      return;
    }
    const locale = document.documentElement.lang || 'en';
    const zone = data.zone || document.body.dataset.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone;
    const series = fillHours(data);
    const totalSent = series.sent.reduce((a, b) => a + b, 0);
    const totalReceived = series.received.reduce((a, b) => a + b, 0);
    const totalWord = data.labels.total ?? '';
    const width = Math.max(280, target.clientWidth || figure.clientWidth || 600);
    target.dataset.drawn = 'true';
    target.setAttribute('role', 'img');
    target.setAttribute('aria-label', data.labels.summary);
    const plot = new uPlot(
      {
        width,
        height: 220,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), zone),
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(max, 1000)] } },
        axes: [
          { values: (_u, ticks) => timeLabels(ticks, locale, zone, data.hours) },
          { incrs: BYTE_INCREMENTS, values: (_u, ticks) => uniqueLabels(ticks.map((t) => formatBytes(t, locale))), size: 70 },
        ],
        series: [
          { value: (_u, v) => (v == null ? '' : timeLabels([v], locale, zone, 24)[0]) },
          { label: data.labels.sent, stroke: '#b42318', fill: 'rgba(180,35,24,0.12)', width: 2,
            value: (_u, v) => legendValue(v, totalSent, locale, totalWord) },
          { label: data.labels.received, stroke: '#1d4ed8', fill: 'rgba(29,78,216,0.10)', width: 2,
            value: (_u, v) => legendValue(v, totalReceived, locale, totalWord) },
        ],
      },
      [series.x, series.sent, series.received],
      target,
    );
    if (typeof ResizeObserver !== 'undefined') {
      new ResizeObserver(() => plot.setSize({ width: Math.max(280, target.clientWidth), height: 220 })).observe(target);
    }
  });
}
