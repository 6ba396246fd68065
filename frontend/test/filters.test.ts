import { describe, expect, it } from 'vitest';
import { enhanceDeviceFilter, matches } from '../src/filters';

describe('matches', () => {
  const camera = { text: 'Garden camera Hikvision 192.168.1.20', tags: ['online', 'flagged'] };

  it('needs every word of the query, in any case', () => {
    expect(matches(camera, 'garden HIK', 'all')).toBe(true);
    expect(matches(camera, 'garden phone', 'all')).toBe(false);
  });

  it('filters by state', () => {
    expect(matches(camera, '', 'flagged')).toBe(true);
    expect(matches(camera, '', 'quarantined')).toBe(false);
  });
});

describe('enhanceDeviceFilter', () => {
  it('hides rows that do not match and updates the count', () => {
    document.body.innerHTML = `
      <form data-device-filter><input name="q" value="cam"><input type="radio" name="show" value="all" checked></form>
      <p data-device-count data-template="# shown">2 shown</p>
      <div data-device-list data-complete="true"><ul>
        <li data-search="garden camera" data-tags="online flagged">Camera</li>
        <li data-search="kitchen speaker" data-tags="online">Speaker</li>
      </ul></div>`;
    enhanceDeviceFilter(document);
    document.querySelector('form')!.dispatchEvent(new Event('input'));
    const hidden = Array.from(document.querySelectorAll('li')).map((li) => li.hidden);
    expect(hidden).toEqual([false, true]);
    expect(document.querySelector('[data-device-count]')?.textContent).toBe('1 shown');
  });

  it('leaves a list the server filtered to the server', () => {
    document.body.innerHTML = `
      <form data-device-filter><input name="q" value="cam"></form>
      <div data-device-list data-complete="false"><ul><li data-search="kitchen speaker" data-tags="online">Speaker</li></ul></div>`;
    enhanceDeviceFilter(document);
    document.querySelector('form')!.dispatchEvent(new Event('input'));
    expect(document.querySelector('li')!.hidden).toBe(false);
  });
});
