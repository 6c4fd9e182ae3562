// Hourly and daily totals of the chosen figures (migration 0006), so that statistics over years
// read a few thousand rows instead of every claim. Triggers mark the UTC hours each write
// touches (migration 0011 for figures with a time of their own); `settleStatsRollups` recomputes
// those hours from their claims with the same per-event rule as everything else
// (stats.aggregate.ts: a figure in the hour its time starts, its event in the hour the event
// starts), then their days from the hours. Reading sums, in
// SQL, each of the reader's buckets from the whole UTC days inside it and the hours of the days
// its bounds cut (a month in Europe/Kyiv starts at 21:00 or 22:00 UTC); where a bound cuts an
// hour (India, Nepal) or a marked hour cannot be recomputed, it answers null and the caller sums
// the claims instead.
import { WRITE_TRANSACTION, type Db } from '../../db/client.js';
import type { BucketRef } from '../../lib/buckets.js';
import { instantOfMs } from '../../lib/time.js';
import type { EventFilter } from '../events/events.repository.js';
import { CASUALTY_SUMS, forEachEvent, MUNITION_SUMS, type BucketOut, type Measure } from './stats.aggregate.js';
import { casualtyClaimsStartingIn, munitionClaimsStartingIn, type Dated } from './stats.repository.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Marked hours further apart than this are recomputed by separate reads. */
const MAX_GAP_MS = DAY_MS;
/** One read covers at most this stretch, so a rebuild of years never holds them in memory. */
const MAX_STRETCH_MS = 7 * DAY_MS;

const hourStartMs = (hour: string) => Date.parse(`${hour}:00:00Z`);
const hourOf = (ms: number) => new Date(ms).toISOString().slice(0, 13);

/**
 * One measure's totals: its table, its statements (prepared through the connection, which keeps
 * statements by their text: src/db/client.ts) and how its partials are summed from claims.
 */
type Rollup<C extends { eventId: string }, P extends { eventCount: number }, Out, Part> = {
  measure: Measure<C, P, Out, Part>;
  claimsStartingIn: (db: Db, from: string, to: string) => Iterable<Dated<C>>;
  /** A partial's values in `insert`'s order, after unit and period. */
  values: (partial: P) => unknown[];
  sql: { delete: string; insert: string; sumDay: string; sums: string; extent: string };
};

const rollup = <C extends { eventId: string }, P extends { eventCount: number }, Out, Part>(own: Rollup<C, P, Out, Part>) => own;

/** The parts a reader's kind and country select: `@kinds` a JSON list or null for all, `@country` a code, '' for none, or null for all. */
const PART_FILTER = `(@kinds IS NULL OR kind IN (SELECT value FROM json_each(@kinds))) AND (@country IS NULL OR country = @country)`;

/**
 * The rows of every bucket in `@buckets` (a JSON array of Ranges), each with its bucket's index:
 * one statement for a whole answer, where one per bucket cost 160 µs each (170 ms for munitions by
 * day over four years). Each join reads its range of the primary key (unit, period, …).
 */
const bucketRows = (table: string) => `
  WITH b AS (
    SELECT key AS bucket, value ->> '$.fromDay' AS fromDay, value ->> '$.toDay' AS toDay,
           value ->> '$.fromHour1' AS fromHour1, value ->> '$.toHour1' AS toHour1,
           value ->> '$.fromHour2' AS fromHour2, value ->> '$.toHour2' AS toHour2
    FROM json_each(@buckets))
  SELECT b.bucket, r.* FROM b JOIN ${table} r ON r.unit = 'day' AND r.period >= b.fromDay AND r.period < b.toDay
  UNION ALL SELECT b.bucket, r.* FROM b JOIN ${table} r ON r.unit = 'hour' AND r.period >= b.fromHour1 AND r.period < b.toHour1
  UNION ALL SELECT b.bucket, r.* FROM b JOIN ${table} r ON r.unit = 'hour' AND r.period >= b.fromHour2 AND r.period < b.toHour2`;

// Totals of days only exist where there were events; the first and last bound the walk.
const extentOf = (table: string) => `SELECT MIN(period) AS first, MAX(period) AS last FROM ${table} WHERE unit = 'day'`;

const CASUALTY_ROLLUPS = rollup({
  measure: CASUALTY_SUMS,
  claimsStartingIn: casualtyClaimsStartingIn,
  values: (p) => [p.category, p.group, p.low, p.best, p.high, p.eventCount],
  sql: {
    delete: 'DELETE FROM stats_casualty_rollups WHERE unit = ? AND period = ?',
    insert: 'INSERT INTO stats_casualty_rollups (unit, period, kind, country, category, "group", low, best, high, event_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    // A day is the sum of its hours.
    sumDay: `INSERT INTO stats_casualty_rollups (unit, period, kind, country, category, "group", low, best, high, event_count)
       SELECT 'day', substr(period, 1, 10), kind, country, category, "group", SUM(low), SUM(best),
              CASE WHEN COUNT(high) < COUNT(*) THEN NULL ELSE SUM(high) END, SUM(event_count)
       FROM stats_casualty_rollups WHERE unit = 'hour' AND period >= ? || 'T00' AND period <= ? || 'T23'
       GROUP BY kind, country, category, "group"`,
    // Every bucket's sums in one statement: for each, the whole UTC days inside it and the hours
    // of the days its bounds cut (bucketRows).
    sums: `SELECT bucket, category, "group", SUM(low) AS low, SUM(best) AS best,
         CASE WHEN COUNT(high) < COUNT(*) THEN NULL ELSE SUM(high) END AS high, SUM(event_count) AS eventCount
       FROM (${bucketRows('stats_casualty_rollups')}) WHERE ${PART_FILTER} GROUP BY bucket, category, "group"`,
    extent: extentOf('stats_casualty_rollups'),
  },
});

const MUNITION_ROLLUPS = rollup({
  measure: MUNITION_SUMS,
  claimsStartingIn: munitionClaimsStartingIn,
  values: (p) => [p.scope, p.weaponCategory, p.weaponModel, p.launched, p.intercepted, p.lostToEw,
    p.launchedWithIntercepted, p.interceptedWithLaunched, p.stoppedWithLaunched, p.eventCount],
  sql: {
    delete: 'DELETE FROM stats_munition_rollups WHERE unit = ? AND period = ?',
    insert: `INSERT INTO stats_munition_rollups (unit, period, kind, country, scope, weapon_category, weapon_model, launched, intercepted, lost_to_ew,
         launched_with_intercepted, intercepted_with_launched, stopped_with_launched, event_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    // SUM of only nulls is null, as a munition sum should be.
    sumDay: `INSERT INTO stats_munition_rollups (unit, period, kind, country, scope, weapon_category, weapon_model, launched, intercepted, lost_to_ew,
         launched_with_intercepted, intercepted_with_launched, stopped_with_launched, event_count)
       SELECT 'day', substr(period, 1, 10), kind, country, scope, weapon_category, weapon_model, SUM(launched), SUM(intercepted), SUM(lost_to_ew),
              SUM(launched_with_intercepted), SUM(intercepted_with_launched), SUM(stopped_with_launched), SUM(event_count)
       FROM stats_munition_rollups WHERE unit = 'hour' AND period >= ? || 'T00' AND period <= ? || 'T23'
       GROUP BY kind, country, scope, weapon_category, weapon_model`,
    sums: `SELECT bucket, scope, weapon_category AS weaponCategory, weapon_model AS weaponModel, SUM(launched) AS launched,
         SUM(intercepted) AS intercepted, SUM(lost_to_ew) AS lostToEw, SUM(launched_with_intercepted) AS launchedWithIntercepted,
         SUM(intercepted_with_launched) AS interceptedWithLaunched, SUM(stopped_with_launched) AS stoppedWithLaunched,
         SUM(event_count) AS eventCount
       FROM (${bucketRows('stats_munition_rollups')}) WHERE ${PART_FILTER} GROUP BY bucket, scope, weapon_category, weapon_model`,
    extent: extentOf('stats_munition_rollups'),
  },
});

const SQL = {
  dirtyHours: 'SELECT hour FROM stats_dirty_hours ORDER BY hour',
  anyDirty: 'SELECT 1 FROM stats_dirty_hours LIMIT 1',
  clearDirty: 'DELETE FROM stats_dirty_hours WHERE hour = ?',
} as const;

const statement = (db: Db, text: string) => db.$client.prepare(text);

/** Marked hours in stretches: [first hour, end of last hour) and the hours to rewrite. */
function stretches(hours: string[]): Array<{ from: number; to: number; hours: string[] }> {
  const out: Array<{ from: number; to: number; hours: string[] }> = [];
  for (const hour of hours) {
    const start = hourStartMs(hour);
    const last = out.at(-1);
    if (last && start - last.to <= MAX_GAP_MS && start + HOUR_MS - last.from <= MAX_STRETCH_MS) {
      last.to = start + HOUR_MS;
      last.hours.push(hour);
    } else {
      out.push({ from: start, to: start + HOUR_MS, hours: [hour] });
    }
  }
  return out;
}

/** Rewrites one measure's totals of the stretch's marked hours from their claims. */
function recomputeStretch<C extends { eventId: string }, P extends { eventCount: number }, Out, Part>(
  db: Db,
  { measure, claimsStartingIn, values, sql }: Rollup<C, P, Out, Part>,
  stretch: { from: number; to: number; hours: string[] },
): void {
  // Per hour, per part (the event's kind and country), the sums of that part's events.
  const byHour = new Map<string, Map<string, { kind: string; country: string; sums: Map<string, P> }>>();
  const period = { from: instantOfMs(stretch.from), toExclusive: instantOfMs(stretch.to) };
  const hourOfInstant = (instant: string) => instant.slice(0, 13);
  forEachEvent(claimsStartingIn(db, period.from, period.toExclusive), (startAt, own) => {
    const kind = own[0]!.kind!;
    const country = own[0]!.country ?? '';
    const part = `${kind}\u0000${country}`;
    measure.place(own, startAt, hourOfInstant, period, (hour, partials) => {
      let parts = byHour.get(hour);
      if (!parts) byHour.set(hour, (parts = new Map()));
      let entry = parts.get(part);
      if (!entry) parts.set(part, (entry = { kind, country, sums: new Map() }));
      for (const partial of partials) measure.add(entry.sums, partial);
    });
  });
  for (const hour of stretch.hours) {
    statement(db, sql.delete).run('hour', hour);
    for (const { kind, country, sums } of byHour.get(hour)?.values() ?? []) {
      for (const p of sums.values()) statement(db, sql.insert).run('hour', hour, kind, country, ...values(p));
    }
  }
}

/**
 * Recomputes every marked hour and its day, in one write transaction. Returns false (changing
 * nothing) when another process holds the write lock past busy_timeout: the caller then sums the
 * claims instead of reading totals that may be stale.
 */
export function settleStatsRollups(db: Db): boolean {
  if (statement(db, SQL.anyDirty).pluck().get() === undefined) return true;
  try {
    db.transaction(() => {
      const hours = statement(db, SQL.dirtyHours).pluck().all() as string[];
      for (const stretch of stretches(hours)) {
        recomputeStretch(db, CASUALTY_ROLLUPS, stretch);
        recomputeStretch(db, MUNITION_ROLLUPS, stretch);
        for (const hour of stretch.hours) statement(db, SQL.clearDirty).run(hour);
      }
      for (const day of new Set(hours.map((h) => h.slice(0, 10)))) {
        for (const { sql } of [CASUALTY_ROLLUPS, MUNITION_ROLLUPS]) {
          statement(db, sql.delete).run('day', day);
          statement(db, sql.sumDay).run(day, day);
        }
      }
    }, WRITE_TRANSACTION);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return false;
    throw error;
  }
}

// ---- reading ----

type Ranges = { fromDay: string; toDay: string; fromHour1: string; toHour1: string; fromHour2: string; toHour2: string };

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The day and hour rows that make up [start, end): whole UTC days, and hours at either edge. */
function rangesOf(start: number, end: number): Ranges {
  const firstMidnight = Math.ceil(start / DAY_MS) * DAY_MS;
  const lastMidnight = Math.floor(end / DAY_MS) * DAY_MS;
  if (firstMidnight >= lastMidnight) {
    return { fromDay: '', toDay: '', fromHour1: hourOf(start), toHour1: hourOf(end), fromHour2: '', toHour2: '' };
  }
  return {
    fromDay: dayOf(firstMidnight),
    toDay: dayOf(lastMidnight),
    fromHour1: hourOf(start),
    toHour1: hourOf(firstMidnight),
    fromHour2: hourOf(lastMidnight),
    toHour2: hourOf(end),
  };
}

/**
 * The reader's buckets from the first to the last day with totals, each with the rows that sum
 * it; null when a bucket bound is not on a whole UTC hour. Buckets are cut to the period (whose
 * ends are on whole hours, or open).
 */
function bucketRanges(extent: { first: string | null; last: string | null }, bucketOf: (instant: string) => BucketRef, period: { from?: string; toExclusive?: string }) {
  if (extent.first === null || extent.last === null) return [];
  const dataStart = Math.max(Date.parse(`${extent.first}T00:00:00Z`), period.from === undefined ? -Infinity : Date.parse(period.from));
  const dataEnd = Math.min(Date.parse(`${extent.last}T00:00:00Z`) + DAY_MS, period.toExclusive === undefined ? Infinity : Date.parse(period.toExclusive));
  const out: Array<{ ref: BucketRef; ranges: Ranges }> = [];
  let at = dataStart;
  while (at < dataEnd) {
    const ref = bucketOf(instantOfMs(at));
    const start = ref.start === null ? dataStart : Math.max(Date.parse(ref.start), dataStart);
    const end = ref.end === null ? dataEnd : Math.min(Date.parse(ref.end), dataEnd);
    if (start % HOUR_MS !== 0 || end % HOUR_MS !== 0) return null;
    out.push({ ref, ranges: rangesOf(start, end) });
    at = end;
  }
  return out;
}

/**
 * The totals hold every figure and event by start hour, kind and country: they answer a period
 * whose ends are on whole hours, for any kinds and country. Status, actor, source, words and
 * places are not kept apart.
 */
function rollupsCanAnswer(filter: EventFilter): boolean {
  const { from, toExclusive, kinds: _kinds, country: _country, ...rest } = filter;
  const others = Object.values(rest).some((value) => value !== undefined && value !== false);
  const onHour = (instant: string | undefined) => instant === undefined || Date.parse(instant) % HOUR_MS === 0;
  return !others && onHour(from) && onHour(toExclusive);
}

type Extent = { first: string | null; last: string | null };

/** Buckets from one measure's totals, each summed in SQL; null when the totals cannot answer this filter. */
function bucketsFromRollups<C extends { eventId: string }, P extends { eventCount: number }, Out, Part>(
  db: Db,
  { measure, sql }: Rollup<C, P, Out, Part>,
  filter: EventFilter,
  bucketOf: (instant: string) => BucketRef,
): Array<BucketOut<Out, Part>> | null {
  if (!rollupsCanAnswer(filter) || !settleStatsRollups(db)) return null;
  const buckets = bucketRanges(statement(db, sql.extent).get() as Extent, bucketOf, filter);
  if (!buckets) return null;
  const parts = { kinds: filter.kinds?.length ? JSON.stringify(filter.kinds) : null, country: filter.country ?? null };
  const rows = statement(db, sql.sums).all({ buckets: JSON.stringify(buckets.map((b) => b.ranges)), ...parts }) as Array<P & { bucket: number }>;
  const byBucket = new Map<number, Array<P & { bucket: number }>>();
  for (const row of rows) {
    const list = byBucket.get(row.bucket);
    if (list) list.push(row);
    else byBucket.set(row.bucket, [row]);
  }
  return buckets.flatMap(({ ref }, index) => {
    const own = byBucket.get(index);
    return own ? [{ ...ref, ...measure.out(new Map(own.map((r) => [measure.key(r), r]))), bySource: null, byUnit: null }] : [];
  });
}

export const casualtyBucketsFromRollups = (db: Db, filter: EventFilter, bucketOf: (instant: string) => BucketRef) => bucketsFromRollups(db, CASUALTY_ROLLUPS, filter, bucketOf);
export const munitionBucketsFromRollups = (db: Db, filter: EventFilter, bucketOf: (instant: string) => BucketRef) => bucketsFromRollups(db, MUNITION_ROLLUPS, filter, bucketOf);
