import { describe, expect, it } from 'vitest';
import { fillHours, formatBytes, readTrafficData } from '../src/traffic';

describe('fillHours', () => {
  it('puts each point in its hour and fills the gaps with zero', () => {
    const series = fillHours({ from: 7200, hours: 3, points: [{ t: 10800, sent: 5, received: 7 }] });
    expect(series.x).toEqual([7200, 10800, 14400]);
    expect(series.sent).toEqual([0, 5, 0]);
    expect(series.received).toEqual([0, 7, 0]);
  });

  it('drops points outside the range', () => {
    const series = fillHours({ from: 3600, hours: 2, points: [{ t: 0, sent: 1, received: 1 }, { t: 10800, sent: 1, received: 1 }] });
    expect(series.sent).toEqual([0, 0]);
  });
});

describe('formatBytes', () => {
  it('uses decimal units with one decimal below ten', () => {
    expect(formatBytes(999, 'en')).toBe('999 B');
    expect(formatBytes(1500, 'en')).toBe('1.5 kB');
    expect(formatBytes(25_000_000, 'en')).toBe('25 MB');
  });

  it('writes decimals the German way', () => {
    expect(formatBytes(1500, 'de')).toBe('1,5 kB');
  });
});

describe('readTrafficData', () => {
  it('reads the embedded JSON', () => {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify({ from: 0, hours: 24, points: [], labels: { sent: 'Sent', received: 'Received', summary: '' } });
    expect(readTrafficData(script)?.hours).toBe(24);
  });

  it('ignores malformed data', () => {
    const script = document.createElement('script');
    script.textContent = '{"from": "yesterday"}';
    expect(readTrafficData(script)).toBeNull();
    script.textContent = 'not json';
    expect(readTrafficData(script)).toBeNull();
    expect(readTrafficData(null)).toBeNull();
  });
});
