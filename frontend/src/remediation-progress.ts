/** A remediation job's progress, as the staff page's progress endpoint answers it. */
export interface JobProgress {
  done: number;
  failed: number;
  notBack: number;
  running: number;
  pending: number;
  total: number;
  state: string;
  stateLabel: string;
  waves: number;
  wavesSent: string;
  haltReason: string;
  summary: string;
}

/** The bar's segments, left to right; pending routers are the bar's empty rest. */
const SEGMENTS = ['done', 'failed', 'notBack', 'running'] as const;
const COUNTS = ['done', 'failed', 'notBack', 'running', 'pending', 'total'] as const;

/** Shows the progress in the job's section: the counts, the bar's segments, the state and why it halted. */
export function showProgress(section: HTMLElement, p: JobProgress): void {
  for (const key of COUNTS) {
    const cell = section.querySelector(`[data-count="${key}"]`);
    if (cell) {
      cell.textContent = String(p[key]);
    }
  }
  let x = 0;
  for (const key of SEGMENTS) {
    const width = p.total === 0 ? 0 : (100 * p[key]) / p.total;
    const rect = section.querySelector(`[data-segment="${key}"]`);
    rect?.setAttribute('x', String(x));
    rect?.setAttribute('width', String(width));
    x += width;
  }
  section.querySelector('svg')?.setAttribute('aria-label', p.summary);
  setText(section, 'state', p.stateLabel);
  setText(section, 'waves', String(p.waves));
  setText(section, 'wavesSent', p.wavesSent);
  const halt = section.querySelector<HTMLElement>('[data-field="haltReason"]');
  if (halt) {
    halt.textContent = p.haltReason;
    halt.hidden = p.haltReason === '';
  }
}

function setText(section: HTMLElement, field: string, text: string): void {
  const element = section.querySelector(`[data-field="${field}"]`);
  if (element) {
    element.textContent = text;
  }
}

/**
 * Keeps a remediation job's progress current on its staff page: every second while the job runs, it
 * asks the section's {@code data-progress} address. Pages without the section are left alone.
 */
export function watchRemediationProgress(
  doc: Document,
  load: typeof fetch = (input, init) => fetch(input, init),
  later: (next: () => void) => void = (next) => setTimeout(next, 1000),
): void {
  const section = doc.getElementById('job-progress');
  const address = section?.dataset.progress;
  if (!section || !address) {
    return;
  }
  const refresh = async (): Promise<void> => {
    const answer = await load(address, { headers: { Accept: 'application/json' } });
    if (!answer.ok) {
      return;
    }
    const progress = (await answer.json()) as JobProgress;
    showProgress(section, progress);
    if (progress.state === 'RUNNING') {
      later(() => void refresh());
    }
  };
  later(() => void refresh());
}
