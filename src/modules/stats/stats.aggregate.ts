// Sums per-event figures (chosen by src/domain/figures.ts) into calendar buckets. An event adds
// "partials": additive sums keyed by casualty category and group, or by munition scope, so the
// same partials can be summed from claims (here) or read back from the hourly and daily totals
// kept in the database (stats.rollups.ts) and give the same answer. Each source's own totals
// and the count of distinct sources need every claim: they are computed only from claims.
//
// Where things count: a figure in the bucket (and the period) where its time starts, which is its
// own where its source dates it (an Air Force row's window) and its event's otherwise; an event
// in `event_count` where the event starts, so that a list of events and the statistics of the
// same period and filters count the same events. Consecutive periods therefore add up to the
// whole: nothing is counted in two.
import {
  addMunitionClaim,
  addRanges,
  chosenMunitionSource,
  emptyMunitionTotals,
  eventCasualties,
  eventCasualtiesBySource,
  munitionRates,
  type CasualtyClaim,
  type CasualtyFigure,
  type MunitionClaim,
  type MunitionTotals,
  type Range,
} from '../../domain/figures.js';
import { CASUALTY_CATEGORIES, CASUALTY_GROUPS, WEAPON_CATEGORIES, type CasualtyCategory, type CasualtyGroup, type WeaponCategory } from '../../domain/vocabulary.js';
import type { BucketRef } from '../../lib/buckets.js';
import type { Dated } from './stats.repository.js';

/** Each event's claims together; claims arrive grouped by event. */
function* byEvent<T extends { eventId: string }>(claims: Iterable<T>): Generator<T[], void, undefined> {
  let own: T[] = [];
  for (const claim of claims) {
    if (own.length && claim.eventId !== own[0]!.eventId) {
      yield own;
      own = [];
    }
    own.push(claim);
  }
  if (own.length) yield own;
}

/** A half-open period [from, to) of instants; either end may be open. */
export type Period = { from?: string; toExclusive?: string };

/** What to sum besides the chosen figures: each source's own totals, each first-level unit's. */
export type AggregateOptions = { withSources: boolean; byUnit: boolean; period: Period; rowsPerTurn?: number };

/** The units an event's claims carry (`Dated.units`); '' stands for an event in no known unit. */
const unitsOf = (claim: { units?: string | null }): string[] => (claim.units ? claim.units.split(',') : ['']);

/** Per-unit sums of one bucket, and how many of its events count in more than one unit. */
type UnitSums<P> = { sums: Map<string, Map<string, P>>; eventsInSeveralUnits: number };

const newUnitSums = <P>(): UnitSums<P> => ({ sums: new Map(), eventsInSeveralUnits: 0 });

export const within = (period: Period, instant: string) =>
  (period.from === undefined || instant >= period.from) && (period.toExclusive === undefined || instant < period.toExclusive);

/** Calls `visit` once per event with all its claims. */
export function forEachEvent<T extends { eventId: string; startAt: string }>(claims: Iterable<T>, visit: (startAt: string, own: T[]) => void): void {
  for (const own of byEvent(claims)) visit(own[0]!.startAt, own);
}

/**
 * `forEachEvent`, letting the event loop turn after about every `rowsPerTurn` claims: the claims
 * must come from a connection nothing else uses meanwhile (src/plugins/scan-reads.ts).
 */
async function forEachEventInTurns<T extends { eventId: string; startAt: string }>(
  claims: Iterable<T>,
  rowsPerTurn: number,
  visit: (startAt: string, own: T[]) => void,
): Promise<void> {
  let read = 0;
  for (const own of byEvent(claims)) {
    visit(own[0]!.startAt, own);
    read += own.length;
    if (read >= rowsPerTurn) {
      read = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

function addSource(sets: Map<string, Set<string>> | undefined, key: string, ids: Iterable<string>): void {
  if (!sets) return;
  const set = getOrCreate(sets, key, () => new Set<string>());
  for (const id of ids) set.add(id);
}

// ---- casualties ----

/** Sums of one category and group's figures over some events. */
export type CasualtyPartial = Range & { category: CasualtyCategory; group: CasualtyGroup; eventCount: number };

export type CasualtyFigureOut = Range & { category: CasualtyCategory; group: CasualtyGroup; event_count: number; source_count?: number };

export type CasualtyBucketOut = BucketRef & {
  figures: CasualtyFigureOut[];
  bySource: Map<string, CasualtyFigureOut[]> | null;
  byUnit: { units: Array<{ admin1: string | null; figures: CasualtyFigureOut[] }>; eventsInSeveralUnits: number } | null;
};

export const casualtyKey = (p: { category: string; group: string }) => `${p.category}:${p.group}`;

/** Adds `partial` into `sums` under its category and group. */
export function addCasualtyPartial(sums: Map<string, CasualtyPartial>, partial: CasualtyPartial): void {
  const key = casualtyKey(partial);
  const current = sums.get(key);
  if (!current) sums.set(key, { ...partial });
  else Object.assign(current, addRanges(current, partial), { eventCount: current.eventCount + partial.eventCount });
}

/** One event's figures as partials: each counts one event. */
export function eventCasualtyPartials(figures: CasualtyFigure[]): CasualtyPartial[] {
  return figures.map((f) => ({ category: f.category, group: f.group, low: f.low, best: f.best, high: f.high, eventCount: 1 }));
}

const categoryOrder = (c: CasualtyCategory) => CASUALTY_CATEGORIES.indexOf(c);
const groupOrder = (g: CasualtyGroup) => CASUALTY_GROUPS.indexOf(g);

export function casualtyOut(sums: Map<string, CasualtyPartial>, sources?: Map<string, Set<string>>): CasualtyFigureOut[] {
  return [...sums.values()]
    .sort((a, b) => categoryOrder(a.category) - categoryOrder(b.category) || groupOrder(a.group) - groupOrder(b.group))
    .map((p) => ({
      category: p.category,
      group: p.group,
      low: p.low,
      best: p.best,
      high: p.high,
      event_count: p.eventCount,
      ...(sources ? { source_count: sources.get(casualtyKey(p))?.size ?? 0 } : {}),
    }));
}

/**
 * Buckets of casualty figures from claims. With `withSources`, each bucket also has every
 * source's own totals and each figure the count of distinct sources behind it.
 */
export async function aggregateCasualties(
  claims: Iterable<Dated<CasualtyClaim>>,
  bucketOf: (instant: string) => BucketRef,
  { withSources, byUnit, period, rowsPerTurn = Infinity }: AggregateOptions,
): Promise<CasualtyBucketOut[]> {
  type Acc = {
    ref: BucketRef;
    sums: Map<string, CasualtyPartial>;
    sources?: Map<string, Set<string>>;
    bySource?: Map<string, Map<string, CasualtyPartial>>;
    units?: UnitSums<CasualtyPartial>;
  };
  const buckets = new Map<string, Acc>();
  await forEachEventInTurns(claims, rowsPerTurn, (startAt, own) => {
    // Casualty figures carry no time of their own: they and their event count where it starts.
    if (!within(period, startAt)) return;
    const ref = bucketOf(startAt);
    const bucket = getOrCreate(
      buckets,
      ref.label,
      (): Acc => ({ ref, sums: new Map(), ...(withSources && { sources: new Map(), bySource: new Map() }), ...(byUnit && { units: newUnitSums() }) }),
    );
    const figures = eventCasualties(own);
    for (const partial of eventCasualtyPartials(figures)) addCasualtyPartial(bucket.sums, partial);
    if (bucket.units) {
      const units = unitsOf(own[0]!);
      if (units.length > 1) bucket.units.eventsInSeveralUnits += 1;
      for (const unit of units) {
        const sums = getOrCreate(bucket.units.sums, unit, () => new Map<string, CasualtyPartial>());
        for (const partial of eventCasualtyPartials(figures)) addCasualtyPartial(sums, partial);
      }
    }
    for (const figure of figures) addSource(bucket.sources, casualtyKey(figure), figure.sourceIds);
    if (!bucket.bySource) return;
    for (const [sourceId, figures] of eventCasualtiesBySource(own)) {
      const sums = getOrCreate(bucket.bySource, sourceId, () => new Map<string, CasualtyPartial>());
      for (const partial of eventCasualtyPartials(figures)) addCasualtyPartial(sums, partial);
    }
  });
  return [...buckets.values()]
    .sort((a, b) => (a.ref.label < b.ref.label ? -1 : 1))
    .map((b) => ({
      ...b.ref,
      figures: casualtyOut(b.sums, b.sources),
      // A source's own totals come from that source alone.
      bySource: b.bySource
        ? new Map([...b.bySource].map(([sourceId, sums]) => [sourceId, casualtyOut(sums, new Map([...sums.keys()].map((k) => [k, new Set([sourceId])])))]))
        : null,
      byUnit: b.units
        ? { units: byUnitOrder(b.units.sums).map(([unit, sums]) => ({ admin1: unit || null, figures: casualtyOut(sums) })), eventsInSeveralUnits: b.units.eventsInSeveralUnits }
        : null,
    }));
}

/** Units in code order, the events in no known unit last. */
function byUnitOrder<V>(sums: Map<string, V>): Array<[string, V]> {
  return [...sums].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0));
}

// ---- munitions ----

/** Whether a partial sums every weapon, one weapon category, or one model of a category. */
export type MunitionScope = 'total' | 'category' | 'model';

/** Sums of one scope's claims over some events; `weaponModel` '' is a claim naming no model. */
export type MunitionPartial = MunitionTotals & { scope: MunitionScope; weaponCategory: WeaponCategory | ''; weaponModel: string; eventCount: number };

export const munitionKey = (p: { scope: string; weaponCategory: string; weaponModel: string }) => `${p.scope}:${p.weaponCategory}:${p.weaponModel}`;

const plus = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);

export function addMunitionPartial(sums: Map<string, MunitionPartial>, partial: MunitionPartial): void {
  const key = munitionKey(partial);
  const current = sums.get(key);
  if (!current) {
    sums.set(key, { ...partial });
    return;
  }
  current.launched = plus(current.launched, partial.launched);
  current.intercepted = plus(current.intercepted, partial.intercepted);
  current.lostToEw = plus(current.lostToEw, partial.lostToEw);
  current.launchedWithIntercepted += partial.launchedWithIntercepted;
  current.interceptedWithLaunched += partial.interceptedWithLaunched;
  current.stoppedWithLaunched += partial.stoppedWithLaunched;
  current.eventCount += partial.eventCount;
}

/**
 * One event's partials from the claims that count (one source's): its total, each weapon
 * category and, unless `models` is false, each model; each counts the event once.
 */
export function eventMunitionPartials(claims: MunitionClaim[], models = true, eventCount = 1): MunitionPartial[] {
  // An event has a handful of claims: a list searched in place beats keyed maps here, on the path
  // that sums every claim of years.
  const partials: MunitionPartial[] = [];
  const partial = (scope: MunitionScope, weaponCategory: WeaponCategory | '', weaponModel: string) => {
    for (const p of partials) if (p.scope === scope && p.weaponCategory === weaponCategory && p.weaponModel === weaponModel) return p;
    const p: MunitionPartial = { scope, weaponCategory, weaponModel, ...emptyMunitionTotals(), eventCount };
    partials.push(p);
    return p;
  };
  for (const claim of claims) {
    addMunitionClaim(partial('total', '', ''), claim);
    addMunitionClaim(partial('category', claim.weaponCategory, ''), claim);
    if (models) addMunitionClaim(partial('model', claim.weaponCategory, claim.weaponModel ?? ''), claim);
  }
  return partials;
}

/**
 * One event's partials placed where they count, keyed by `keyOf` (a bucket label, an hour): each
 * figure where its time (`at`) starts, the event (its `eventCount` of 1 per scope) where the
 * event starts. Only what falls in `period` is kept.
 */
export function datedMunitionPartials<K>(
  claims: Array<Dated<MunitionClaim>>,
  startAt: string,
  keyOf: (instant: string) => K,
  period: Period,
  models = true,
): Map<K, MunitionPartial[]> {
  const byKey = new Map<K, Array<Dated<MunitionClaim>>>();
  for (const claim of claims) if (within(period, claim.at)) getOrCreate(byKey, keyOf(claim.at), () => []).push(claim);
  const placed = new Map<K, MunitionPartial[]>();
  for (const [key, own] of byKey) placed.set(key, eventMunitionPartials(own, models, 0));
  if (within(period, startAt)) {
    const here = getOrCreate(placed, keyOf(startAt), () => []);
    for (const counted of eventMunitionPartials(claims, models, 1)) {
      const figure = here.find((p) => munitionKey(p) === munitionKey(counted));
      if (figure) figure.eventCount = 1;
      else here.push({ ...counted, ...emptyMunitionTotals() });
    }
  }
  return placed;
}

export type MunitionFigureOut = {
  launched: number | null;
  intercepted: number | null;
  lost_to_ew: number | null;
  interception_rate: number | null;
  neutralisation_rate: number | null;
  event_count: number;
  source_count?: number;
};

type ByCategoryOut = Array<{ weapon_category: WeaponCategory } & MunitionFigureOut>;

export type MunitionBucketOut = BucketRef & {
  total: MunitionFigureOut;
  byCategory: ByCategoryOut;
  byModel: Array<{ weapon_model: string | null; weapon_category: WeaponCategory } & MunitionFigureOut>;
  bySource: Map<string, { total: MunitionFigureOut; byCategory: ByCategoryOut }> | null;
  byUnit: { units: Array<{ admin1: string | null; total: MunitionFigureOut; byCategory: ByCategoryOut }>; eventsInSeveralUnits: number } | null;
};

const NO_MUNITIONS: MunitionPartial = { scope: 'total', weaponCategory: '', weaponModel: '', ...emptyMunitionTotals(), eventCount: 0 };

function munitionFigure(p: MunitionPartial, sourceCount: number | undefined): MunitionFigureOut {
  const rates = munitionRates(p);
  return {
    launched: p.launched,
    intercepted: p.intercepted,
    lost_to_ew: p.lostToEw,
    interception_rate: rates.interceptionRate,
    neutralisation_rate: rates.neutralisationRate,
    event_count: p.eventCount,
    ...(sourceCount === undefined ? {} : { source_count: sourceCount }),
  };
}

const weaponOrder = (c: WeaponCategory | '') => WEAPON_CATEGORIES.indexOf(c as WeaponCategory);

/** A bucket's total, categories and models from its partials (and their sources, when counted). */
export function munitionOut(sums: Map<string, MunitionPartial>, sources?: Map<string, Set<string>>): Omit<MunitionBucketOut, keyof BucketRef | 'bySource' | 'byUnit'> {
  const count = (p: MunitionPartial) => (sources ? (sources.get(munitionKey(p))?.size ?? 0) : undefined);
  const of = (scope: MunitionScope) => [...sums.values()].filter((p) => p.scope === scope);
  const total = of('total')[0] ?? NO_MUNITIONS;
  return {
    total: munitionFigure(total, count(total)),
    byCategory: of('category')
      .sort((a, b) => weaponOrder(a.weaponCategory) - weaponOrder(b.weaponCategory))
      .map((p) => ({ weapon_category: p.weaponCategory as WeaponCategory, ...munitionFigure(p, count(p)) })),
    byModel: of('model')
      .sort((a, b) => weaponOrder(a.weaponCategory) - weaponOrder(b.weaponCategory) || a.weaponModel.localeCompare(b.weaponModel))
      .map((p) => ({ weapon_model: p.weaponModel || null, weapon_category: p.weaponCategory as WeaponCategory, ...munitionFigure(p, count(p)) })),
  };
}

/** Buckets of munition figures from claims; `withSources` as for casualties. */
export async function aggregateMunitions(
  claims: Iterable<Dated<MunitionClaim>>,
  bucketOf: (instant: string) => BucketRef,
  { withSources, byUnit, period, rowsPerTurn = Infinity }: AggregateOptions,
): Promise<MunitionBucketOut[]> {
  type Acc = {
    ref: BucketRef;
    sums: Map<string, MunitionPartial>;
    sources?: Map<string, Set<string>>;
    bySource?: Map<string, Map<string, MunitionPartial>>;
    units?: UnitSums<MunitionPartial>;
  };
  const buckets = new Map<string, Acc>();
  const bucketAt = (ref: BucketRef) =>
    getOrCreate(
      buckets,
      ref.label,
      (): Acc => ({ ref, sums: new Map(), ...(withSources && { sources: new Map(), bySource: new Map() }), ...(byUnit && { units: newUnitSums() }) }),
    );
  await forEachEventInTurns(claims, rowsPerTurn, (startAt, own) => {
    const chosen = chosenMunitionSource(own);
    const units = unitsOf(own[0]!);
    for (const [ref, partials] of datedMunitionPartials(own.filter((c) => c.sourceId === chosen), startAt, bucketOf, period)) {
      const bucket = bucketAt(ref);
      for (const partial of partials) {
        addMunitionPartial(bucket.sums, partial);
        addSource(bucket.sources, munitionKey(partial), [chosen!]);
        // An event in several units counts in each of them, and once in the bucket's own sums.
        for (const unit of bucket.units ? units : []) addMunitionPartial(getOrCreate(bucket.units!.sums, unit, () => new Map()), partial);
      }
      if (bucket.units && units.length > 1 && partials.some((p) => p.eventCount > 0)) bucket.units.eventsInSeveralUnits += 1;
    }
    if (!withSources) return;
    const bySourceClaims = new Map<string, Array<Dated<MunitionClaim>>>();
    for (const claim of own) getOrCreate(bySourceClaims, claim.sourceId, () => []).push(claim);
    for (const [sourceId, claims] of bySourceClaims) {
      for (const [ref, partials] of datedMunitionPartials(claims, startAt, bucketOf, period, false)) {
        const sums = getOrCreate(bucketAt(ref).bySource!, sourceId, () => new Map<string, MunitionPartial>());
        for (const partial of partials) addMunitionPartial(sums, partial);
      }
    }
  });
  return [...buckets.values()]
    .sort((a, b) => (a.ref.label < b.ref.label ? -1 : 1))
    .map((b) => ({
      ...b.ref,
      ...munitionOut(b.sums, b.sources),
      bySource: b.bySource
        ? new Map(
            [...b.bySource].map(([sourceId, sums]) => {
              const { total, byCategory } = munitionOut(sums, new Map([...sums.keys()].map((k) => [k, new Set([sourceId])])));
              return [sourceId, { total, byCategory }];
            }),
          )
        : null,
      byUnit: b.units
        ? {
            units: byUnitOrder(b.units.sums).map(([unit, sums]) => {
              const { total, byCategory } = munitionOut(sums);
              return { admin1: unit || null, total, byCategory };
            }),
            eventsInSeveralUnits: b.units.eventsInSeveralUnits,
          }
        : null,
    }));
}
