import { describe, expect, it } from 'vitest';
import { type JobProgress, watchRemediationProgress } from '../src/remediation-progress';

const PAGE = `<section id="job-progress" data-progress="/admin/fleet/remediation/j1/progress">
  <span data-field="state">Running</span> <span data-field="waves">1</span> <span data-field="wavesSent">wave sent</span>
  <p data-field="haltReason" hidden></p>
  <svg aria-label="old"><rect data-segment="done"/><rect data-segment="failed"/>
    <rect data-segment="notBack"/><rect data-segment="running"/></svg>
  <dd data-count="done">0</dd><dd data-count="failed">0</dd><dd data-count="notBack">0</dd>
  <dd data-count="running">0</dd><dd data-count="pending">0</dd><dd data-count="total">0</dd>
</section>`;

function progress(changes: Partial<JobProgress>): JobProgress {
  return {
    done: 5, failed: 1, notBack: 2, running: 2, pending: 0, total: 10, state: 'RUNNING', stateLabel: 'Running',
    waves: 2, wavesSent: 'waves sent', haltReason: '', summary: '5 done, 1 failed', ...changes,
  };
}

/** Runs the page's refreshes one by one, answering each with the next progress. */
async function watch(answers: JobProgress[]): Promise<string[]> {
  const asked: string[] = [];
  const pending: (() => void)[] = [];
  const load = async (input: RequestInfo | URL): Promise<Response> => {
    asked.push(String(input));
    return new Response(JSON.stringify(answers.shift()), { status: 200 });
  };
  watchRemediationProgress(document, load as typeof fetch, (next) => pending.push(next));
  while (pending.length > 0) {
    pending.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return asked;
}

const field = (name: string) => document.querySelector(`[data-field="${name}"]`) as HTMLElement;
const segment = (name: string) => document.querySelector(`[data-segment="${name}"]`);

describe('watchRemediationProgress', () => {
  it('shows the counts, the bar and the state, and asks again while the job runs', async () => {
    document.body.innerHTML = PAGE;
    const asked = await watch([progress({}), progress({ done: 9, running: 0, state: 'FINISHED', stateLabel: 'Finished' })]);

    expect(asked).toEqual(['/admin/fleet/remediation/j1/progress', '/admin/fleet/remediation/j1/progress']);
    expect(document.querySelector('[data-count="done"]')?.textContent).toBe('9');
    expect(document.querySelector('[data-count="total"]')?.textContent).toBe('10');
    expect(segment('done')?.getAttribute('width')).toBe('90');
    expect(segment('failed')?.getAttribute('x')).toBe('90');
    expect(field('state').textContent).toBe('Finished');
    expect(document.querySelector('svg')?.getAttribute('aria-label')).toBe('5 done, 1 failed');
  });

  it('shows why a job halted', async () => {
    document.body.innerHTML = PAGE;
    await watch([progress({ state: 'HALTED', stateLabel: 'Halted', haltReason: 'Too many failures' })]);

    expect(field('haltReason').hidden).toBe(false);
    expect(field('haltReason').textContent).toBe('Too many failures');
  });

  it('leaves pages without a job alone', async () => {
    document.body.innerHTML = '<main></main>';
    expect(await watch([])).toEqual([]);
  });
});
