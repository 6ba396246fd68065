import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { fillHours, formatBytes, readTrafficData } from './traffic';

/**
 * Draws a traffic chart in each {@code [data-traffic-chart]} figure from the JSON it carries. The
 * figure's table stays for screen readers and for browsers without scripts.
 */
export function drawTrafficCharts(root: ParentNode = document): void {
  root.querySelectorAll<HTMLElement>('[data-traffic-chart]').forEach((figure) => {
    const data = readTrafficData(figure.querySelector('script[type="application/json"]'));
    const target = figure.querySelector<HTMLElement>('.chart-canvas');
    if (!data || !target || target.dataset.drawn) {
      return;
    }
    const locale = document.documentElement.lang || 'en';
    const series = fillHours(data);
    const width = Math.max(280, target.clientWidth || figure.clientWidth || 600);
    target.dataset.drawn = 'true';
    target.setAttribute('role', 'img');
    target.setAttribute('aria-label', data.labels.summary);
    const plot = new uPlot(
      {
        width,
        height: 220,
        scales: { x: { time: true } },
        axes: [{}, { values: (_u, ticks) => ticks.map((t) => formatBytes(t, locale)), size: 70 }],
        series: [
          {},
          { label: data.labels.sent, stroke: '#b42318', fill: 'rgba(180,35,24,0.12)', width: 2,
            value: (_u, v) => (v == null ? '' : formatBytes(v, locale)) },
          { label: data.labels.received, stroke: '#1d4ed8', fill: 'rgba(29,78,216,0.10)', width: 2,
            value: (_u, v) => (v == null ? '' : formatBytes(v, locale)) },
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
