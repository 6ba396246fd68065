/** Hourly traffic as the device page embeds it, and the series a chart draws from it. */
export interface TrafficData {
  /** First hour shown, in epoch seconds (UTC, on the hour). */
  from: number;
  hours: number;
  points: { t: number; sent: number; received: number }[];
  labels: { sent: string; received: string; summary: string; total?: string };
  /** The person's time zone (IANA name); the browser's when absent. */
  zone?: string;
}

export interface TrafficSeries {
  x: number[];
  sent: number[];
  received: number[];
}

const HOUR = 3600;

/** One value per hour from {@code from}; hours without traffic are zero, points outside the range are dropped. */
export function fillHours(data: Pick<TrafficData, 'from' | 'hours' | 'points'>): TrafficSeries {
  const x: number[] = [];
  const sent = new Array<number>(data.hours).fill(0);
  const received = new Array<number>(data.hours).fill(0);
  for (let i = 0; i < data.hours; i++) {
    x.push(data.from + i * HOUR);
  }
  for (const point of data.points) {
    const index = Math.floor((point.t - data.from) / HOUR);
    if (index >= 0 && index < data.hours) {
      sent[index] += point.sent;
      received[index] += point.received;
    }
  }
  return { x, sent, received };
}

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];

/** "1.5 MB" (or "1,5 MB" in German): decimal units, one decimal below ten. */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit > 0 && value < 10 ? 1 : 0;
  return `${value.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${UNITS[unit]}`;
}

/** Reads the JSON a page embeds in {@code <script type="application/json">}; null if absent or malformed. */
export function readTrafficData(element: Element | null): TrafficData | null {
  if (!element || !element.textContent) {
    return null;
  }
  try {
    const data = JSON.parse(element.textContent) as TrafficData;
    if (typeof data.from !== 'number' || typeof data.hours !== 'number' || !Array.isArray(data.points)) {
      return null;
    }
    return data;
  } catch {
    return null;
  }
}

/** Blanks a label equal to the one before it, so an axis never repeats itself ("1 MB, 1 MB"). */
export function uniqueLabels(labels: string[]): string[] {
  return labels.map((label, i) => (i > 0 && label === labels[i - 1] ? '' : label));
}

/**
 * Labels for the time axis in the person's time zone and language: hours ("14:00") over a day,
 * the day ("Mon 7") at midnight over a week.
 */
export function timeLabels(ticks: number[], locale: string, zone: string, spanHours: number): string[] {
  const hour = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone });
  const day = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', timeZone: zone });
  return uniqueLabels(ticks.map((t) => {
    const date = new Date(t * 1000);
    const atMidnight = hour.format(date) === '00:00';
    return spanHours > 24 && atMidnight ? day.format(date) : hour.format(date);
  }));
}

/** Ticks for byte values at 1, 2 and 5 of each decimal unit, so every label is a round, distinct size. */
export const BYTE_INCREMENTS: number[] = [1, 1e3, 1e6, 1e9].flatMap((unit) =>
  [1, 2, 5, 10, 20, 50, 100, 200, 500].map((step) => step * unit));

/** A whole number of things (alerts, devices) per tick: 1, 2, 5, 10, … never a fraction. */
export const COUNT_INCREMENTS: number[] = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];

/** The legend's value of a series: the hovered hour's, else the total over the whole range. */
export function legendValue(value: number | null | undefined, total: number, locale: string, totalWord: string): string {
  if (value == null) {
    return `${totalWord} ${formatBytes(total, locale)}`;
  }
  return formatBytes(value, locale);
}
