import { describe, expect, it } from 'vitest';
import { BYTE_INCREMENTS, COUNT_INCREMENTS, legendValue, timeLabels, uniqueLabels } from '../src/traffic';

describe('uniqueLabels', () => {
  it('blanks a label that repeats the one before it', () => {
    expect(uniqueLabels(['1 MB', '1 MB', '2 MB', '2 MB'])).toEqual(['1 MB', '', '2 MB', '']);
  });
});

describe('timeLabels', () => {
  const midnightUtc = Date.UTC(2026, 11, 7, 0, 0) / 1000;

  it('writes hours in the person\'s time zone', () => {
    expect(timeLabels([midnightUtc], 'en', 'Europe/Berlin', 24)).toEqual(['01:00']);
    expect(timeLabels([midnightUtc], 'en', 'Asia/Tokyo', 24)).toEqual(['09:00']);
  });

  it('names the day at midnight over a week, in the page\'s language', () => {
    const berlinMidnight = midnightUtc - 3600;
    expect(timeLabels([berlinMidnight], 'de', 'Europe/Berlin', 168)[0]).toMatch(/^Mo/);
    expect(timeLabels([berlinMidnight + 12 * 3600], 'de', 'Europe/Berlin', 168)).toEqual(['12:00']);
  });
});

describe('axis steps', () => {
  it('counts in whole numbers only', () => {
    expect(COUNT_INCREMENTS.every((step) => Number.isInteger(step) && step >= 1)).toBe(true);
  });

  it('sizes step at 1, 2 and 5 of a unit', () => {
    expect(BYTE_INCREMENTS).toContain(2e6);
    expect(BYTE_INCREMENTS).not.toContain(2.5e6);
  });
});

describe('legendValue', () => {
  it('shows the total while no hour is pointed at, else that hour', () => {
    expect(legendValue(null, 12_000_000, 'en', 'in total')).toBe('in total 12 MB');
    expect(legendValue(1500, 12_000_000, 'en', 'in total')).toBe('1.5 kB');
  });
});
