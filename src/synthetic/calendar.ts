// Days of the synthetic war and their instants: local midnights, month starts and date labels,
// computed once per (zone, day) with luxon and then read from a table, because one luxon call per
// event would cost more than writing the event.
import { DateTime } from 'luxon';
import type { EventStatus, TimePrecision } from '../domain/vocabulary.js';
import { spanEnd } from '../lib/time.js';

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

/** `2025-07-03T15:00:00Z`: the one instant shape sitrep stores (see lib/time.ts). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
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
  private readonly midnights = new Map<string, number>();
  private readonly monthStarts = new Map<string, number>();
  private readonly labels: string[] = [];
  private readonly nightLabels: string[] = [];
  private readonly spans = new Map<string, string | null>();

  /** Local midnight starting day `d` in `zone`, as epoch milliseconds. */
  dayStart(zone: string, d: number): number {
    const key = `${zone}|${d}`;
    let ms = this.midnights.get(key);
    if (ms === undefined) {
      ms = DateTime.fromObject(dateOfDay(d), { zone }).toMillis();
      this.midnights.set(key, ms);
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
    const key = `${at}|${precision}|${timezone}`;
    let span = this.spans.get(key);
    if (span === undefined) {
      span = spanEnd({ startAt: at, startPrecision: precision, endAt: null, endPrecision: null, timezone, status: 'occurred' });
      this.spans.set(key, span);
    }
    return span;
  }
}
