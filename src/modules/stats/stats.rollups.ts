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
import { chosenMunitionSource, eventCasualties } from '../../domain/figures.js';
import type { BucketRef } from '../../lib/buckets.js';
import { instantOfMs } from '../../lib/time.js';
import type { EventFilter } from '../events/events.repository.js';
import {
  addCasualtyPartial,
  addMunitionPartial,
  casualtyKey,
  casualtyOut,
  datedMunitionPartials,
  eventCasualtyPartials,
  forEachEvent,
  munitionKey,
  munitionOut,
  type CasualtyBucketOut,
  type CasualtyPartial,
  type MunitionBucketOut,
  type MunitionPartial,
} from './stats.aggregate.js';
import { casualtyClaimsStartingIn, munitionClaimsStartingIn } from './stats.repository.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Marked hours further apart than this are recomputed by separate reads. */
const MAX_GAP_MS = DAY_MS;
/** One read covers at most this stretch, so a rebuild of years never holds them in memory. */
const MAX_STRETCH_MS = 7 * DAY_MS;

const hourStartMs = (hour: string) => Date.parse(`${hour}:00:00Z`);
const hourOf = (ms: number) => new Date(ms).toISOString().slice(0, 13);

// Prepared through the connection, which keeps statements by their text (src/db/client.ts).
const SQL = {
  dirtyHours: 'SELECT hour FROM stats_dirty_hours ORDER BY hour',
  anyDirty: 'SELECT 1 FROM stats_dirty_hours LIMIT 1',
  clearDirty: 'DELETE FROM stats_dirty_hours WHERE hour = ?',
  deleteCasualties: 'DELETE FROM stats_casualty_rollups WHERE unit = ? AND period = ?',
  deleteMunitions: 'DELETE FROM stats_munition_rollups WHERE unit = ? AND period = ?',
  insertCasualty: 'INSERT INTO stats_casualty_rollups (unit, period, category, "group", low, best, high, event_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  insertMunition: `INSERT INTO stats_munition_rollups (unit, period, scope, weapon_category, weapon_model, launched, intercepted, lost_to_ew,
         launched_with_intercepted, intercepted_with_launched, stopped_with_launched, event_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  // A day is the sum of its hours; SUM of only nulls is null, as a munition sum should be.
  sumCasualtyDay: `INSERT INTO stats_casualty_rollups (unit, period, category, "group", low, best, high, event_count)
       SELECT 'day', substr(period, 1, 10), category, "group", SUM(low), SUM(best),
              CASE WHEN COUNT(high) < COUNT(*) THEN NULL ELSE SUM(high) END, SUM(event_count)
       FROM stats_casualty_rollups WHERE unit = 'hour' AND period >= ? || 'T00' AND period <= ? || 'T23'
       GROUP BY category, "group"`,
  sumMunitionDay: `INSERT INTO stats_munition_rollups (unit, period, scope, weapon_category, weapon_model, launched, intercepted, lost_to_ew,
         launched_with_intercepted, intercepted_with_launched, stopped_with_launched, event_count)
       SELECT 'day', substr(period, 1, 10), scope, weapon_category, weapon_model, SUM(launched), SUM(intercepted), SUM(lost_to_ew),
              SUM(launched_with_intercepted), SUM(intercepted_with_launched), SUM(stopped_with_launched), SUM(event_count)
       FROM stats_munition_rollups WHERE unit = 'hour' AND period >= ? || 'T00' AND period <= ? || 'T23'
       GROUP BY scope, weapon_category, weapon_model`,
      // One bucket's sums: the whole UTC days inside it, and the hours of the days its bounds cut.
  casualtySums: `SELECT category, "group", SUM(low) AS low, SUM(best) AS best,
         CASE WHEN COUNT(high) < COUNT(*) THEN NULL ELSE SUM(high) END AS high, SUM(event_count) AS eventCount
       FROM (
         SELECT * FROM stats_casualty_rollups WHERE unit = 'day' AND period >= @fromDay AND period < @toDay
         UNION ALL SELECT * FROM stats_casualty_rollups WHERE unit = 'hour' AND period >= @fromHour1 AND period < @toHour1
         UNION ALL SELECT * FROM stats_casualty_rollups WHERE unit = 'hour' AND period >= @fromHour2 AND period < @toHour2
       ) GROUP BY category, "group"`,
  munitionSums: `SELECT scope, weapon_category AS weaponCategory, weapon_model AS weaponModel, SUM(launched) AS launched,
         SUM(intercepted) AS intercepted, SUM(lost_to_ew) AS lostToEw, SUM(launched_with_intercepted) AS launchedWithIntercepted,
         SUM(intercepted_with_launched) AS interceptedWithLaunched, SUM(stopped_with_launched) AS stoppedWithLaunched,
         SUM(event_count) AS eventCount
       FROM (
         SELECT * FROM stats_munition_rollups WHERE unit = 'day' AND period >= @fromDay AND period < @toDay
         UNION ALL SELECT * FROM stats_munition_rollups WHERE unit = 'hour' AND period >= @fromHour1 AND period < @toHour1
         UNION ALL SELECT * FROM stats_munition_rollups WHERE unit = 'hour' AND period >= @fromHour2 AND period < @toHour2
       ) GROUP BY scope, weapon_category, weapon_model`,
  // Totals of days only exist where there were events; the first and last bound the walk.
  casualtyExtent: "SELECT MIN(period) AS first, MAX(period) AS last FROM stats_casualty_rollups WHERE unit = 'day'",
  munitionExtent: "SELECT MIN(period) AS first, MAX(period) AS last FROM stats_munition_rollups WHERE unit = 'day'",
} as const;

const statement = (db: Db, name: keyof typeof SQL) => db.$client.prepare(SQL[name]);

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

function recomputeStretch(db: Db, stretch: { from: number; to: number; hours: string[] }): void {
  const casualties = new Map<string, Map<string, CasualtyPartial>>();
  const munitions = new Map<string, Map<string, MunitionPartial>>();
  const sumsOf = <T>(map: Map<string, Map<string, T>>, instant: string) => {
    const hour = instant.slice(0, 13);
    let sums = map.get(hour);
    if (!sums) map.set(hour, (sums = new Map()));
    return sums;
  };
  forEachEvent(casualtyClaimsStartingIn(db, instantOfMs(stretch.from), instantOfMs(stretch.to)), (startAt, own) => {
    const sums = sumsOf(casualties, startAt);
    for (const partial of eventCasualtyPartials(eventCasualties(own))) addCasualtyPartial(sums, partial);
  });
  const period = { from: instantOfMs(stretch.from), toExclusive: instantOfMs(stretch.to) };
  forEachEvent(munitionClaimsStartingIn(db, period.from, period.toExclusive), (startAt, own) => {
    const chosen = chosenMunitionSource(own);
    const hourOfInstant = (instant: string) => instant.slice(0, 13);
    for (const [hour, partials] of datedMunitionPartials(own.filter((c) => c.sourceId === chosen), startAt, hourOfInstant, period)) {
      const sums = sumsOf(munitions, hour);
      for (const partial of partials) addMunitionPartial(sums, partial);
    }
  });
  for (const hour of stretch.hours) {
    statement(db, 'deleteCasualties').run('hour', hour);
    statement(db, 'deleteMunitions').run('hour', hour);
    for (const p of casualties.get(hour)?.values() ?? []) {
      statement(db, 'insertCasualty').run('hour', hour, p.category, p.group, p.low, p.best, p.high, p.eventCount);
    }
    for (const p of munitions.get(hour)?.values() ?? []) {
      const { scope, weaponCategory, weaponModel, launched, intercepted, lostToEw, eventCount } = p;
      const { launchedWithIntercepted, interceptedWithLaunched, stoppedWithLaunched } = p;
      statement(db, 'insertMunition').run('hour', hour, scope, weaponCategory, weaponModel, launched, intercepted, lostToEw,
        launchedWithIntercepted, interceptedWithLaunched, stoppedWithLaunched, eventCount);
    }
    statement(db, 'clearDirty').run(hour);
  }
}

/**
 * Recomputes every marked hour and its day, in one write transaction. Returns false (changing
 * nothing) when another process holds the write lock past busy_timeout: the caller then sums the
 * claims instead of reading totals that may be stale.
 */
export function settleStatsRollups(db: Db): boolean {
  if (statement(db, 'anyDirty').pluck().get() === undefined) return true;
  try {
    db.transaction(() => {
      const hours = statement(db, 'dirtyHours').pluck().all() as string[];
      for (const stretch of stretches(hours)) recomputeStretch(db, stretch);
      for (const day of new Set(hours.map((h) => h.slice(0, 10)))) {
        statement(db, 'deleteCasualties').run('day', day);
        statement(db, 'deleteMunitions').run('day', day);
        statement(db, 'sumCasualtyDay').run(day, day);
        statement(db, 'sumMunitionDay').run(day, day);
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
 * The totals hold every figure and event by start hour: they answer a period whose ends are on
 * whole hours. Kind, country and actor are not kept apart.
 */
function rollupsCanAnswer(filter: EventFilter): boolean {
  const { from, toExclusive, ...rest } = filter;
  const others = Object.values(rest).some((value) => value !== undefined && value !== false);
  const onHour = (instant: string | undefined) => instant === undefined || Date.parse(instant) % HOUR_MS === 0;
  return !others && onHour(from) && onHour(toExclusive);
}

type Extent = { first: string | null; last: string | null };

/**
 * Buckets from the totals of one kind of figure, each summed in SQL and made into its answer by
 * `present`; null when the totals cannot answer this filter.
 */
function bucketsFromRollups<R, Out>(
  db: Db,
  filter: EventFilter,
  bucketOf: (instant: string) => BucketRef,
  queries: { extent: keyof typeof SQL; sums: keyof typeof SQL },
  present: (ref: BucketRef, rows: R[]) => Out,
): Out[] | null {
  if (!rollupsCanAnswer(filter) || !settleStatsRollups(db)) return null;
  const buckets = bucketRanges(statement(db, queries.extent).get() as Extent, bucketOf, filter);
  if (!buckets) return null;
  const sums = statement(db, queries.sums);
  return buckets.flatMap(({ ref, ranges }) => {
    const rows = sums.all(ranges) as R[];
    return rows.length ? [present(ref, rows)] : [];
  });
}

export function casualtyBucketsFromRollups(db: Db, filter: EventFilter, bucketOf: (instant: string) => BucketRef): CasualtyBucketOut[] | null {
  return bucketsFromRollups(db, filter, bucketOf, { extent: 'casualtyExtent', sums: 'casualtySums' }, (ref, rows: CasualtyPartial[]) => ({
    ...ref,
    figures: casualtyOut(new Map(rows.map((r) => [casualtyKey(r), r]))),
    bySource: null,
    byUnit: null,
  }));
}

export function munitionBucketsFromRollups(db: Db, filter: EventFilter, bucketOf: (instant: string) => BucketRef): MunitionBucketOut[] | null {
  return bucketsFromRollups(db, filter, bucketOf, { extent: 'munitionExtent', sums: 'munitionSums' }, (ref, rows: MunitionPartial[]) => ({
    ...ref,
    ...munitionOut(new Map(rows.map((r) => [munitionKey(r), r]))),
    bySource: null,
    byUnit: null,
  }));
}
