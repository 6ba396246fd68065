import { describe, expect, it, vi } from 'vitest';
import { announce, concerns, debounce, parseEvent, swapRegions } from '../src/live';

const action = { kind: 'action' as const, id: 'a1', deviceId: 'd1', state: 'APPLIED', message: '' };

describe('parseEvent', () => {
  it('reads an action event', () => {
    expect(parseEvent(JSON.stringify(action))).toEqual(action);
  });

  it('rejects unknown kinds and garbage', () => {
    expect(parseEvent('{"kind":"shutdown","id":"x"}')).toBeNull();
    expect(parseEvent('<html>')).toBeNull();
  });
});

describe('concerns', () => {
  it('refreshes household pages for everything and device pages for their device only', () => {
    expect(concerns('household', action)).toBe(true);
    expect(concerns('device:d1', action)).toBe(true);
    expect(concerns('device:d2', action)).toBe(false);
    expect(concerns(undefined, action)).toBe(false);
  });
});

describe('swapRegions', () => {
  it('replaces changed regions and leaves the rest of the page alone', () => {
    document.body.innerHTML = '<input id="typing" value="kept"><section data-live-region="actions"><p>Requested</p></section>'
      + '<section data-live-region="alerts"><p>None</p></section>';
    const fresh = new DOMParser().parseFromString('<section data-live-region="actions"><p>Applied</p></section>'
      + '<section data-live-region="alerts"><p>None</p></section>', 'text/html');
    expect(swapRegions(document, fresh)).toBe(1);
    expect(document.querySelector('[data-live-region="actions"]')?.textContent).toBe('Applied');
    expect((document.getElementById('typing') as HTMLInputElement).value).toBe('kept');
  });
});

describe('announce', () => {
  it('adds the message to the status area and keeps at most three', () => {
    document.body.innerHTML = '<div id="live-status" aria-live="polite"></div>';
    for (const text of ['one', 'two', 'three', 'four']) {
      announce(document, text);
    }
    const shown = Array.from(document.querySelectorAll('#live-status .toast')).map((p) => p.textContent);
    expect(shown).toEqual(['two', 'three', 'four']);
  });

  it('says nothing for an empty message', () => {
    document.body.innerHTML = '<div id="live-status"></div>';
    announce(document, '');
    expect(document.querySelectorAll('.toast')).toHaveLength(0);
  });
});

describe('debounce', () => {
  it('runs once after a burst', () => {
    vi.useFakeTimers();
    const run = vi.fn();
    const later = debounce(run, 100);
    later();
    later();
    later();
    vi.advanceTimersByTime(150);
    expect(run).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});
