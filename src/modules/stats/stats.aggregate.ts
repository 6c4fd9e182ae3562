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

// The casualty and munition statistics are summed by one path (`aggregate`); each measure gives
// the little that differs as a `Measure`: its partials, how an event's claims become them, and
// the answer they make.

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

const within = (period: Period, instant: string) =>
  (period.from === undefined || instant >= period.from) && (period.toExclusive === undefined || instant < period.toExclusive);

/** Calls `visit` once per event with all its claims. */
export function forEachEvent<T extends { eventId: string; startAt: string }>(claims: Iterable<T>, visit: (startAt: string, own: T[]) => void): void {
  for (const own of byEvent(claims)) visit(own[0]!.startAt, own);
}

/**
 * `forEachEvent`, letting the event loop turn after about every `rowsPerTurn` claims: the claims
 * must come from a connection nothing else uses meanwhile (the store's scan connection, src/store.ts).
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

const casualtyKey = (p: { category: string; group: string }) => `${p.category}:${p.group}`;

/** Adds `partial` into `sums` under its category and group. */
function addCasualtyPartial(sums: Map<string, CasualtyPartial>, partial: CasualtyPartial): void {
  const key = casualtyKey(partial);
  const current = sums.get(key);
  if (!current) sums.set(key, { ...partial });
  else Object.assign(current, addRanges(current, partial), { eventCount: current.eventCount + partial.eventCount });
}

/** One event's figures as partials: each counts one event. */
function eventCasualtyPartials(figures: CasualtyFigure[]): CasualtyPartial[] {
  return figures.map((f) => ({ category: f.category, group: f.group, low: f.low, best: f.best, high: f.high, eventCount: 1 }));
}

const categoryOrder = (c: CasualtyCategory) => CASUALTY_CATEGORIES.indexOf(c);
const groupOrder = (g: CasualtyGroup) => CASUALTY_GROUPS.indexOf(g);

function casualtyOut(sums: Map<string, CasualtyPartial>, sources?: Map<string, Set<string>>): CasualtyFigureOut[] {
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

/** One event's chosen figures where the event starts; a source's own, likewise. */
export const CASUALTY_SUMS: Measure<CasualtyClaim, CasualtyPartial, { figures: CasualtyFigureOut[] }, { figures: CasualtyFigureOut[] }> = {
  key: casualtyKey,
  add: addCasualtyPartial,
  out: (sums, sources) => ({ figures: casualtyOut(sums, sources) }),
  part: (out) => out,
  place(own, startAt, keyOf, period, visit) {
    // Casualty figures carry no time of their own: they and their event count where it starts.
    if (!within(period, startAt)) return;
    const figures = eventCasualties(own);
    visit(keyOf(startAt), eventCasualtyPartials(figures), (i) => figures[i]!.sourceIds);
  },
  placeBySource(own, startAt, keyOf, period, visit) {
    if (!within(period, startAt)) return;
    const at = keyOf(startAt);
    for (const [sourceId, figures] of eventCasualtiesBySource(own)) visit(at, sourceId, eventCasualtyPartials(figures));
  },
};

/** Units in code order, the events in no known unit last. */
function byUnitOrder<V>(sums: Map<string, V>): Array<[string, V]> {
  return [...sums].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0));
}

// ---- munitions ----

/** Whether a partial sums every weapon, one weapon category, or one model of a category. */
export type MunitionScope = 'total' | 'category' | 'model';

/** Sums of one scope's claims over some events; `weaponModel` '' is a claim naming no model. */
export type MunitionPartial = MunitionTotals & { scope: MunitionScope; weaponCategory: WeaponCategory | ''; weaponModel: string; eventCount: number };

const munitionKey = (p: { scope: string; weaponCategory: string; weaponModel: string }) => `${p.scope}:${p.weaponCategory}:${p.weaponModel}`;

const plus = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);

function addMunitionPartial(sums: Map<string, MunitionPartial>, partial: MunitionPartial): void {
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
function eventMunitionPartials(claims: MunitionClaim[], models = true, eventCount = 1): MunitionPartial[] {
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
function datedMunitionPartials<K>(
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

/** A bucket's munition figures, named as on the wire. */
export type MunitionOut = {
  total: MunitionFigureOut;
  by_category: Array<{ weapon_category: WeaponCategory } & MunitionFigureOut>;
  by_model: Array<{ weapon_model: string | null; weapon_category: WeaponCategory } & MunitionFigureOut>;
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
function munitionOut(sums: Map<string, MunitionPartial>, sources?: Map<string, Set<string>>): MunitionOut {
  const count = (p: MunitionPartial) => (sources ? (sources.get(munitionKey(p))?.size ?? 0) : undefined);
  const of = (scope: MunitionScope) => [...sums.values()].filter((p) => p.scope === scope);
  const total = of('total')[0] ?? NO_MUNITIONS;
  return {
    total: munitionFigure(total, count(total)),
    by_category: of('category')
      .sort((a, b) => weaponOrder(a.weaponCategory) - weaponOrder(b.weaponCategory))
      .map((p) => ({ weapon_category: p.weaponCategory as WeaponCategory, ...munitionFigure(p, count(p)) })),
    by_model: of('model')
      .sort((a, b) => weaponOrder(a.weaponCategory) - weaponOrder(b.weaponCategory) || a.weaponModel.localeCompare(b.weaponModel))
      .map((p) => ({ weapon_model: p.weaponModel || null, weapon_category: p.weaponCategory as WeaponCategory, ...munitionFigure(p, count(p)) })),
  };
}

/**
 * One event's figures from the source that counts, each where its time starts; a source's own
 * (without models, which only the chosen figures show), likewise.
 */
export const MUNITION_SUMS: Measure<MunitionClaim, MunitionPartial, MunitionOut, Omit<MunitionOut, 'by_model'>> = {
  key: munitionKey,
  add: addMunitionPartial,
  out: munitionOut,
  part: ({ total, by_category }) => ({ total, by_category }),
  place(own, startAt, keyOf, period, visit) {
    const chosen = [chosenMunitionSource(own)!];
    for (const [at, partials] of datedMunitionPartials(own.filter((c) => c.sourceId === chosen[0]), startAt, keyOf, period)) visit(at, partials, () => chosen);
  },
  placeBySource(own, startAt, keyOf, period, visit) {
    const bySourceClaims = new Map<string, Array<Dated<MunitionClaim>>>();
    for (const claim of own) getOrCreate(bySourceClaims, claim.sourceId, () => []).push(claim);
    for (const [sourceId, claims] of bySourceClaims) {
      for (const [at, partials] of datedMunitionPartials(claims, startAt, keyOf, period, false)) visit(at, sourceId, partials);
    }
  },
};

// ---- both ----

/**
 * What casualty and munition statistics differ in. `place` calls `visit` with one event's chosen
 * partials per bucket (`keyOf` of their time: a bucket, an hour) and the sources behind each;
 * `placeBySource` with each source's own partials.
 */
export type Measure<C extends { eventId: string }, P extends { eventCount: number }, Out, Part> = {
  key: (partial: P) => string;
  /** Adds a partial into sums, copying it when it is the first of its key. */
  add: (sums: Map<string, P>, partial: P) => void;
  /** A bucket's figures from its partials, with each figure's count of sources when given. */
  out: (sums: Map<string, P>, sources?: Map<string, Set<string>>) => Out;
  /** What a source's or a unit's own figures keep of `out`. */
  part: (out: Out) => Part;
  place: <K>(own: Array<Dated<C>>, startAt: string, keyOf: (instant: string) => K, period: Period, visit: (at: K, partials: P[], sourcesOf: (index: number) => readonly string[]) => void) => void;
  placeBySource: <K>(own: Array<Dated<C>>, startAt: string, keyOf: (instant: string) => K, period: Period, visit: (at: K, sourceId: string, partials: P[]) => void) => void;
};

export type BucketOut<Out, Part> = BucketRef &
  Out & {
    bySource: Map<string, Part> | null;
    byUnit: { units: Array<{ admin1: string | null } & Part>; eventsInSeveralUnits: number } | null;
  };

/**
 * Buckets of one measure's figures from claims. With `withSources`, each bucket also has every
 * source's own totals and each figure the count of distinct sources behind it.
 */
export async function aggregate<C extends { eventId: string }, P extends { eventCount: number }, Out, Part>(
  measure: Measure<C, P, Out, Part>,
  claims: Iterable<Dated<C>>,
  bucketOf: (instant: string) => BucketRef,
  { withSources, byUnit, period, rowsPerTurn = Infinity }: AggregateOptions,
): Promise<Array<BucketOut<Out, Part>>> {
  type Acc = {
    ref: BucketRef;
    sums: Map<string, P>;
    sources?: Map<string, Set<string>>;
    bySource?: Map<string, Map<string, P>>;
    units?: UnitSums<P>;
  };
  const buckets = new Map<string, Acc>();
  const bucketAt = (ref: BucketRef) =>
    getOrCreate(
      buckets,
      ref.label,
      (): Acc => ({ ref, sums: new Map(), ...(withSources && { sources: new Map(), bySource: new Map() }), ...(byUnit && { units: newUnitSums() }) }),
    );
  await forEachEventInTurns(claims, rowsPerTurn, (startAt, own) => {
    const units = byUnit ? unitsOf(own[0]!) : [];
    measure.place(own, startAt, bucketOf, period, (ref, partials, sourcesOf) => {
      const bucket = bucketAt(ref);
      for (let i = 0; i < partials.length; i++) {
        const partial = partials[i]!;
        measure.add(bucket.sums, partial);
        addSource(bucket.sources, measure.key(partial), sourcesOf(i));
        // An event in several units counts in each of them, and once in the bucket's own sums.
        for (const unit of units) measure.add(getOrCreate(bucket.units!.sums, unit, () => new Map()), partial);
      }
      // Only the bucket where the event itself counts (its start) counts it here.
      if (units.length > 1 && partials.some((p) => p.eventCount > 0)) bucket.units!.eventsInSeveralUnits += 1;
    });
    if (!withSources) return;
    measure.placeBySource(own, startAt, bucketOf, period, (ref, sourceId, partials) => {
      const sums = getOrCreate(bucketAt(ref).bySource!, sourceId, () => new Map<string, P>());
      for (const partial of partials) measure.add(sums, partial);
    });
  });
  return [...buckets.values()]
    .sort((a, b) => (a.ref.label < b.ref.label ? -1 : 1))
    .map((b) => ({
      ...b.ref,
      ...measure.out(b.sums, b.sources),
      // A source's own totals come from that source alone.
      bySource: b.bySource
        ? new Map([...b.bySource].map(([sourceId, sums]) => [sourceId, measure.part(measure.out(sums, new Map([...sums.keys()].map((k) => [k, new Set([sourceId])]))))]))
        : null,
      byUnit: b.units
        ? { units: byUnitOrder(b.units.sums).map(([unit, sums]) => ({ admin1: unit || null, ...measure.part(measure.out(sums)) })), eventsInSeveralUnits: b.units.eventsInSeveralUnits }
        : null,
    }));
}
