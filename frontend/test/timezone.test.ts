// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportTimeZone } from '../src/timezone';

function page(zone: string): Document {
  document.body.dataset.timeZone = zone;
  document.body.innerHTML = '<form method="post" action="/portal/time-zone" data-time-zone-report hidden>'
    + '<input type="hidden" name="_csrf" value="token-1"><input type="hidden" name="zone" value=""></form>';
  return document;
}

describe('reportTimeZone', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reports the browser\'s zone with the form\'s token when the page was drawn in another', async () => {
    const fetch = vi.fn().mockResolvedValue({ ok: true });
    vi.stubGlobal('fetch', fetch);
    expect(await reportTimeZone(page('UTC'), 'Europe/Berlin')).toBe(true);
    const [url, init] = fetch.mock.calls[0];
    expect(String(url)).toMatch(/\/portal\/time-zone$/);
    const body = init.body as URLSearchParams;
    expect(body.get('_csrf')).toBe('token-1');
    expect(body.get('zone')).toBe('Europe/Berlin');
    expect(document.body.dataset.timeZone).toBe('Europe/Berlin');
  });

  it('stays quiet when the page already uses the browser\'s zone', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    expect(await reportTimeZone(page('Europe/Berlin'), 'Europe/Berlin')).toBe(false);
    expect(fetch).not.toHaveBeenCalled();
  });
});
