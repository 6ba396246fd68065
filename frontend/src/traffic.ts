/** Hourly traffic as the device page embeds it, and the series a chart draws from it. */
export interface TrafficData {
  /** First hour shown, in epoch seconds (UTC, on the hour). */
  from: number;
  hours: number;
  points: { t: number; sent: number; received: number }[];
  labels: { sent: string; received: string; summary: string };
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
