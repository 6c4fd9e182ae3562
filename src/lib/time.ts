// Instants on the wire and in the database are RFC 3339 UTC with whole seconds
// (`2025-07-03T15:00:00Z`): one fixed shape, so comparing the text compares the time.
import { DateTime } from 'luxon';
import type { EventStatus, TimePrecision } from '../domain/vocabulary.js';

export function toInstant(dt: DateTime): string {
  return dt.toUTC().startOf('second').toISO({ suppressMilliseconds: true, includeOffset: false }) + 'Z';
}

/** Milliseconds since the epoch as a stored instant. */
export function instantOfMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

export function addHours(instant: string, hours: number): string {
  return toInstant(DateTime.fromISO(instant, { zone: 'utc' }).plus({ hours }));
}

export function nowTimestamp(): string {
  return new Date().toISOString();
}

/** The instant in the event's own time zone, with its offset: what a local reader's clock showed. */
export function toLocalIso(instant: string, timezone: string): string {
  const ms = Date.parse(instant);
  const offset = zoneOffsetMinutes(timezone, ms);
  if (offset === null || !Number.isInteger(offset)) return DateTime.fromISO(instant, { zone: 'utc' }).setZone(timezone).toISO({ suppressMilliseconds: true })!;
  const local = new Date(ms + offset * 60_000).toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ
  const clock = local.endsWith('.000Z') ? local.slice(0, 19) : local.slice(0, 23);
  if (offset === 0 && fixedZone(timezone)) return `${clock}Z`;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${clock}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * A zone's offset at an instant, as luxon gives it, from a table of quarter hours: formatting
 * every event of a page through luxon cost a sixth of an uncached list answer. A quarter hour is
 * kept only when its two ends share one offset, so an instant inside a transition is worked out
 * whole. Null outside the years 1000–9999, which luxon writes differently.
 */
const QUARTER_HOUR_MS = 900_000;
const offsets = new Map<string, number>();
const fixedZones = new Map<string, boolean>();
const OFFSET_ENTRIES = 50_000;

function zoneOffsetMinutes(zone: string, ms: number): number | null {
  if (!(ms >= -30_610_224_000_000 && ms < 253_402_300_800_000)) return null;
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  const key = `${zone}|${quarter}`;
  const kept = offsets.get(key);
  if (kept !== undefined) return kept;
  const start = DateTime.fromMillis(quarter * QUARTER_HOUR_MS, { zone });
  if (!start.isValid) return null;
  const end = DateTime.fromMillis((quarter + 1) * QUARTER_HOUR_MS - 1, { zone });
  if (start.offset !== end.offset) return DateTime.fromMillis(ms, { zone }).offset;
  if (offsets.size >= OFFSET_ENTRIES) offsets.clear();
  offsets.set(key, start.offset);
  return start.offset;
}

/** Whether luxon treats the zone as a fixed offset (`UTC`, `UTC+3`), which it writes as `Z` at zero. */
function fixedZone(zone: string): boolean {
  let fixed = fixedZones.get(zone);
  if (fixed === undefined) {
    fixed = DateTime.now().setZone(zone).zone.isUniversal;
    if (fixedZones.size < 1_000) fixedZones.set(zone, fixed);
  }
  return fixed;
}

/**
 * How a local reader should see a start known to `precision`: a date-time with its offset for
 * minute and hour precision; for day or month precision only the date (`2025-07-04`) or month
 * (`2025-07`) in the event's own zone, since a clock time would claim more than is known and
 * another zone could move a date known only as a date.
 */
export function localStart(instant: string, precision: TimePrecision, eventZone: string, readerZone = eventZone): string {
  if (precision === 'day') return toLocalIso(instant, eventZone).slice(0, 10);
  if (precision === 'month') return toLocalIso(instant, eventZone).slice(0, 7);
  return toLocalIso(instant, readerZone);
}

export function isValidTimeZone(name: string): boolean {
  return DateTime.local().setZone(name).isValid;
}

/**
 * Exclusive end of the period an event may fall in: its end (or start) plus one unit of that
 * time's precision, counted in the event's own zone so a "day" is a local day even across a DST
 * change. Null for an ongoing event with no end yet: it reaches into the present.
 */
export function spanEnd(e: {
  startAt: string;
  startPrecision: TimePrecision;
  endAt: string | null;
  endPrecision: TimePrecision | null;
  timezone: string;
  status: EventStatus;
}): string | null {
  if (e.endAt === null && e.status === 'ongoing') return null;
  const at = e.endAt ?? e.startAt;
  const precision = (e.endAt ? e.endPrecision : null) ?? e.startPrecision;
  return toInstant(DateTime.fromISO(at, { zone: 'utc' }).setZone(e.timezone).plus({ [`${precision}s`]: 1 }));
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
// RFC 3339 date and time (a `T` or, as RFC 3339 allows, a space between; seconds optional here),
// then whatever is left: the offset, judged on its own so each way to get it wrong is named.
const DATE_AND_TIME = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(.*)$/;
const OFFSET = /^(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

/** A date-time parameter read: the moment, or why it is not one (null: not shaped like a date-time at all). */
export type DateTimeReading = { ok: true; dateTime: DateTime } | { ok: false; reason: string | null };

/**
 * The one reader of date-time parameters: RFC 3339 with a UTC offset in range. Luxon alone would
 * take a time without an offset as the server's local time, and call `+25:00` merely invalid.
 */
export function parseDateTime(input: string): DateTimeReading {
  const parts = DATE_AND_TIME.exec(input);
  if (!parts) return { ok: false, reason: null };
  const [, date, time, offset = ''] = parts;
  if (offset === '') return { ok: false, reason: 'has no UTC offset; end it with Z for UTC or with an offset such as +03:00' };
  // `+03:00` in a URL reaches the server as ` 03:00`: an unencoded + means a space.
  if (/^ \d{2}:\d{2}$/.test(offset)) return { ok: false, reason: 'has a space before its UTC offset: a + in a URL must be written %2B' };
  const zone = OFFSET.exec(offset);
  if (!zone) return { ok: false, reason: 'has a UTC offset that is neither Z nor written like +03:00' };
  if (Number(zone[1] ?? 0) > 23 || Number(zone[2] ?? 0) > 59) {
    return { ok: false, reason: 'has a UTC offset out of range; offsets run from -23:59 to +23:59' };
  }
  const dt = DateTime.fromISO(`${date}T${time}${offset}`, { setZone: true });
  return dt.isValid ? { ok: true, dateTime: dt } : { ok: false, reason: null };
}

export type TimeBound = { instant: string; dateOnly: boolean; input: string };

/**
 * Reads a `from`/`to` query value: a calendar date (taken as UTC) or an RFC 3339 date-time. A
 * string reason says what is wrong with a date-time; null, that the value is neither.
 */
export function parseTimeBound(input: string): TimeBound | { reason: string | null } {
  if (DATE_ONLY.test(input)) {
    const dt = DateTime.fromISO(input, { zone: 'utc' });
    return dt.isValid ? { instant: boundInstant(dt), dateOnly: true, input } : { reason: null };
  }
  const reading = parseDateTime(input);
  return reading.ok ? { instant: boundInstant(reading.dateTime), dateOnly: false, input } : { reason: reading.reason };
}

/** Where a bound starts: a date means its first moment in `timezone` (UTC unless a reader's zone is given). */
export function lowerInstant(bound: TimeBound, timezone = 'UTC'): string {
  return bound.dateOnly ? boundInstant(DateTime.fromISO(bound.input, { zone: timezone })) : bound.instant;
}

/** The exclusive upper instant of a `to` bound: a whole date includes that entire day in `timezone`. */
export function exclusiveUpper(bound: TimeBound, timezone = 'UTC'): string {
  if (bound.dateOnly) return boundInstant(DateTime.fromISO(bound.input, { zone: timezone }).plus({ days: 1 }));
  return boundInstant(DateTime.fromISO(bound.instant, { zone: 'utc' }).plus({ seconds: 1 }));
}

// Past 9999 luxon writes `+010000-…`, which sorts before every stored instant (`to=9999-12-31`
// would match nothing); a bound that late is clamped to one that sorts after all of 9999.
const AFTER_YEAR_9999 = '9999-12-31T24:00:00Z';

function boundInstant(dt: DateTime): string {
  return dt.toUTC().year > 9999 ? AFTER_YEAR_9999 : toInstant(dt);
}
