// Kyiv wall-clock times of the Air Force dataset (`2025-07-03 18:00`, `2026-04-04`) read as
// instants. Europe/Kyiv moves its clocks at 03:00 local time on the last Sundays of March (to
// 04:00) and October (back to 03:00), so some wall times never happen and some happen twice.
import { DateTime, IANAZone } from 'luxon';
import { toInstant } from '../../src/lib/time.js';

export const KYIV_ZONE = 'Europe/Kyiv';
const zone = IANAZone.create(KYIV_ZONE);
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** One `time_start`/`time_end` cell: minute precision with a time of day, day precision without. */
export type WallTime = {
  /** The cell as the file spells it, trimmed (used in citation locators). */
  text: string;
  /** A stable spelling (`2023-05-16 03:30`), so a re-formatted snapshot keeps its import keys. */
  canonical: string;
  precision: 'minute' | 'day';
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
};

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Parses a cell; null when it is not a real calendar date and time of day. */
export function parseWallTime(cell: string): WallTime | null {
  const text = cell.trim();
  const m = WALL_TIME.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!DateTime.fromObject({ year, month, day }, { zone: 'utc' }).isValid) return null;
  const precision = m[4] === undefined ? 'day' : 'minute';
  const hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  const second = Number(m[6] ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const canonical = precision === 'day' ? date : `${date} ${pad(hour)}:${pad(minute)}${m[6] ? `:${pad(second)}` : ''}`;
  return { text, canonical, precision, year, month, day, hour, minute, second };
}

/** What the wall time's place in a DST change made of it. */
export type WallTimeNote = 'nonexistent' | 'ambiguous';

export type ResolvedTime = {
  /** RFC 3339 UTC: the instant itself, or the start of the local day for a date. */
  instant: string;
  /** Earliest and latest instant (ms) the cell can mean; a date covers its whole local day. */
  lo: number;
  hi: number;
  note?: WallTimeNote;
};

/**
 * Resolves a wall time in Kyiv. A time in the spring gap (e.g. 2025-03-30 03:30) is read with
 * the offset in force before the change, the way clocks that were not yet moved would show it
 * (03:30 EET = 01:30Z = 04:30 EEST). A time in the autumn overlap (2025-10-26 03:30) is read as
 * the earlier of its two instants when it opens a window and as the later when it closes one, so
 * the window covers every reading of the report.
 */
export function resolveWallTime(t: WallTime, side: 'start' | 'end'): ResolvedTime {
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  const readings = instantsOf(wall);
  let at: number;
  let note: WallTimeNote | undefined;
  if (readings.length === 0) {
    at = wall - zone.offset(wall - DAY_MS) * MINUTE_MS;
    note = 'nonexistent';
  } else if (readings.length > 1) {
    at = side === 'start' ? readings[0]! : readings[readings.length - 1]!;
    note = 'ambiguous';
  } else {
    at = readings[0]!;
  }
  const instant = toInstant(DateTime.fromMillis(at, { zone: 'utc' }));
  if (t.precision === 'minute') return { instant, lo: at, hi: at, ...(note ? { note } : {}) };
  // A date covers its local day: up to the next local midnight (23, 24 or 25 hours later).
  const next = DateTime.fromObject({ year: t.year, month: t.month, day: t.day }, { zone: KYIV_ZONE }).plus({ days: 1 }).toMillis();
  return { instant, lo: at, hi: next, ...(note ? { note } : {}) };
}

/** Every instant whose Kyiv wall clock reads `wall` (ms of the wall time taken as if UTC). */
function instantsOf(wall: number): number[] {
  const offsets = new Set([zone.offset(wall - DAY_MS), zone.offset(wall + DAY_MS)]);
  const out: number[] = [];
  for (const offset of offsets) {
    const candidate = wall - offset * MINUTE_MS;
    if (zone.offset(candidate) === offset) out.push(candidate);
  }
  return out.sort((a, b) => a - b);
}

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `4 July 2025`, or without the year. */
export function formatDate(t: Pick<WallTime, 'year' | 'month' | 'day'>, withYear = true): string {
  return `${t.day} ${MONTHS[t.month - 1]}${withYear ? ` ${t.year}` : ''}`;
}

/** `18:00` */
export function formatClock(t: Pick<WallTime, 'hour' | 'minute'>): string {
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

/** The local calendar day after `t`. */
export function nextDay(t: Pick<WallTime, 'year' | 'month' | 'day'>): { year: number; month: number; day: number } {
  const d = DateTime.fromObject({ year: t.year, month: t.month, day: t.day }, { zone: 'utc' }).plus({ days: 1 });
  return { year: d.year, month: d.month, day: d.day };
}

export function sameDay(a: Pick<WallTime, 'year' | 'month' | 'day'>, b: Pick<WallTime, 'year' | 'month' | 'day'>): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}
