// Keeps a remediation job's progress bar and counts current by polling the job's progress.
const section = document.getElementById('job-progress');
if (section) {
  const order = ['done', 'failed', 'notBack', 'running'];
  const refresh = async () => {
    const answer = await fetch(section.dataset.progress, { headers: { Accept: 'application/json' } });
    if (!answer.ok) return;
    const p = await answer.json();
    for (const key of ['done', 'failed', 'notBack', 'running', 'pending', 'total']) {
      const cell = section.querySelector(`[data-count="${key}"]`);
      if (cell) cell.textContent = String(p[key]);
    }
    let x = 0;
    for (const key of order) {
      const width = p.total === 0 ? 0 : (100 * p[key]) / p.total;
      const rect = section.querySelector(`[data-segment="${key}"]`);
      rect.setAttribute('x', String(x));
      rect.setAttribute('width', String(width));
      x += width;
    }
    section.querySelector('svg').setAttribute('aria-label', p.summary);
    section.querySelector('[data-field="state"]').textContent = p.stateLabel;
    section.querySelector('[data-field="waves"]').textContent = String(p.waves);
    section.querySelector('[data-field="wavesSent"]').textContent = p.wavesSent;
    const halt = section.querySelector('[data-field="haltReason"]');
    halt.textContent = p.haltReason;
    halt.hidden = p.haltReason === '';
    if (p.state === 'RUNNING') setTimeout(refresh, 1000);
  };
  setTimeout(refresh, 1000);
}
