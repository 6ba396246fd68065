import './homeshield.css';
import './portal.css';
import { drawTrafficCharts } from './chart';
import { enhanceDeviceFilter } from './filters';
import { connectLive } from './live';
import { enhanceMenu } from './menu';
import { watchRemediationProgress } from './remediation-progress';
import { reportTimeZone } from './timezone';

/** Every page works without this script; it adds charts, instant filtering and live updates. */
function start(): void {
  document.documentElement.classList.add('js');
  enhanceMenu(document);
  void reportTimeZone(document);
  drawTrafficCharts();
  enhanceDeviceFilter(document);
  connectLive(document, () => drawTrafficCharts());
  watchRemediationProgress(document);
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start);
} else {
  start();
}
