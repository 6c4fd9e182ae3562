// Days of the synthetic war and their instants: local midnights, month starts and date labels,
// computed once per (zone, day) with luxon and then read from a table, because one luxon call per
// event would cost more than writing the event.
import { DateTime } from 'luxon';
import type { EventStatus, TimePrecision } from '../../src/domain/vocabulary.js';
import { spanEnd } from '../../src/lib/time.js';

/** Day 0 of the synthetic record: the full-scale invasion. */
export const WAR_START = { year: 2022, month: 2, day: 24 } as const;
/** The last day of the record (fixed, so a seed means the same data on any date). */
export const WAR_END = { year: 2025, month: 12, day: 31 } as const;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const START_UTC_DAY = Date.UTC(WAR_START.year, WAR_START.month - 1, WAR_START.day);
/** Days from WAR_START to WAR_END, both included. */
export const WAR_DAYS = Math.round((Date.UTC(WAR_END.year, WAR_END.month - 1, WAR_END.day) - START_UTC_DAY) / 86_400_000) + 1;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
/** `YYYY-MM-DDT` of each UTC day, by days since 1970 (to 2079), filled as met. */
const datePrefixes: Array<string | undefined> = new Array(40_000).fill(undefined);
/** `HH:MM:00Z` of each minute of a day: the generator's instants fall on whole minutes. */
const minuteSuffixes = Array.from({ length: 1440 }, (_, m) => `${TWO_DIGITS[Math.floor(m / 60)]}:${TWO_DIGITS[m % 60]}:00Z`);

/**
 * `2025-07-03T15:00:00Z`: the one instant shape sitrep stores (see lib/time.ts). The same string
 * as `new Date(ms).toISOString().slice(0, 19) + 'Z'`, from two cached pieces: formatting a Date
 * for every instant was the generator's largest single cost.
 */
export function isoSeconds(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  const inDay = ms - day * DAY_MS;
  if (day < 0 || day >= datePrefixes.length || inDay % MINUTE_MS !== 0) return new Date(ms).toISOString().slice(0, 19) + 'Z';
  let prefix = datePrefixes[day];
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    datePrefixes[day] = prefix;
  }
  return prefix + minuteSuffixes[inDay / MINUTE_MS]!;
}

/** The calendar date of day `d` (UTC arithmetic on dates is exact). */
export function dateOfDay(d: number): { year: number; month: number; day: number } {
  const date = new Date(START_UTC_DAY + d * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The war day of a calendar date. */
export function dayOfDate(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - START_UTC_DAY) / 86_400_000);
}

export class Calendar {
  /** Local midnights by zone, then by day (NaN until computed); numbers, not string keys, on the hot path. */
  private readonly midnights = new Map<string, number[]>();
  private readonly monthStarts = new Map<string, number>();
  private readonly labels: string[] = [];
  private readonly nightLabels: string[] = [];
  /** span_end_at of coarse times, by precision and zone, then by instant. */
  private readonly spans = new Map<string, Map<number, string | null>>();

  /** Local midnight starting day `d` in `zone`, as epoch milliseconds. */
  dayStart(zone: string, d: number): number {
    let days = this.midnights.get(zone);
    if (days === undefined) {
      days = new Array<number>(WAR_DAYS + 64).fill(Number.NaN);
      this.midnights.set(zone, days);
    }
    let ms = days[d];
    if (ms === undefined || Number.isNaN(ms)) {
      ms = DateTime.fromObject(dateOfDay(d), { zone }).toMillis();
      days[d] = ms;
    }
    return ms;
  }

  /** Local midnight on the first of day `d`'s month in `zone`. */
  monthStart(zone: string, d: number): number {
    const { year, month } = dateOfDay(d);
    const key = `${zone}|${year}-${month}`;
    let ms = this.monthStarts.get(key);
    if (ms === undefined) {
      ms = DateTime.fromObject({ year, month, day: 1 }, { zone }).toMillis();
      this.monthStarts.set(key, ms);
    }
    return ms;
  }

  /** `12 May 2023`. */
  label(d: number): string {
    let label = this.labels[d];
    if (label === undefined) {
      const { year, month, day } = dateOfDay(d);
      label = `${day} ${MONTHS[month - 1]} ${year}`;
      this.labels[d] = label;
    }
    return label;
  }

  /** `May 2023`. */
  monthLabel(d: number): string {
    const { year, month } = dateOfDay(d);
    return `${MONTHS[month - 1]} ${year}`;
  }

  /** `night of 12–13 May 2023`, or `night of 31 May – 1 June 2023` across a month. */
  nightLabel(d: number): string {
    let label = this.nightLabels[d];
    if (label === undefined) {
      const a = dateOfDay(d);
      const b = dateOfDay(d + 1);
      label =
        a.month === b.month
          ? `night of ${a.day}–${b.day} ${MONTHS[a.month - 1]} ${a.year}`
          : a.year === b.year
            ? `night of ${a.day} ${MONTHS[a.month - 1]} – ${b.day} ${MONTHS[b.month - 1]} ${a.year}`
            : `night of ${a.day} ${MONTHS[a.month - 1]} ${a.year} – ${b.day} ${MONTHS[b.month - 1]} ${b.year}`;
      this.nightLabels[d] = label;
    }
    return label;
  }

  /**
   * span_end_at exactly as the app derives it. Minute and hour precision add a fixed number of
   * milliseconds (luxon's `plus` does time math for those units, so the zone cannot matter);
   * day and month precision are calendar math in the zone, so they go through lib/time.ts's
   * spanEnd itself, memoised: coarse times repeat (one per local day or month). The synthetic
   * tests compare every generated row with spanEnd.
   */
  spanEnd(
    startAt: string,
    startPrecision: TimePrecision,
    endAt: string | null,
    endPrecision: TimePrecision | null,
    timezone: string,
    status: EventStatus,
    lastMs: number,
  ): string | null {
    if (endAt === null && status === 'ongoing') return null;
    const precision = (endAt !== null ? endPrecision : null) ?? startPrecision;
    if (precision === 'minute') return isoSeconds(lastMs + MINUTE_MS);
    if (precision === 'hour') return isoSeconds(lastMs + HOUR_MS);
    const at = endAt ?? startAt;
    const key = `${precision}|${timezone}`;
    let byInstant = this.spans.get(key);
    if (byInstant === undefined) {
      byInstant = new Map();
      this.spans.set(key, byInstant);
    }
    // lastMs is the instant `at` stands for (the end when there is one, else the start).
    let span = byInstant.get(lastMs);
    if (span === undefined) {
      span = spanEnd({ startAt: at, startPrecision: precision, endAt: null, endPrecision: null, timezone, status: 'occurred' });
      byInstant.set(lastMs, span);
    }
    return span;
  }
}
