// Sums per-event figures (chosen by src/domain/figures.ts) into calendar buckets, keeping each
// source's own totals beside them and counting the events and sources behind every figure.
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

/** Calls `visit` once per event with all its claims; claims arrive grouped by event. */
function forEachEvent<T extends { eventId: string; startAt: string }>(claims: Iterable<T>, visit: (startAt: string, own: T[]) => void): void {
  let own: T[] = [];
  for (const claim of claims) {
    if (own.length && claim.eventId !== own[0]!.eventId) {
      visit(own[0]!.startAt, own);
      own = [];
    }
    own.push(claim);
  }
  if (own.length) visit(own[0]!.startAt, own);
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

// ---- casualties ----

type CasualtyAcc = { category: CasualtyCategory; group: CasualtyGroup; range: Range; eventCount: number; sources: Set<string> };

export type CasualtyFigureOut = Range & { category: CasualtyCategory; group: CasualtyGroup; event_count: number; source_count: number };

export type CasualtyBucketOut = BucketRef & { figures: CasualtyFigureOut[]; bySource: Map<string, CasualtyFigureOut[]> };

function addCasualties(accs: Map<string, CasualtyAcc>, figures: CasualtyFigure[]): void {
  for (const figure of figures) {
    const acc = getOrCreate(accs, `${figure.category}:${figure.group}`, () => ({
      category: figure.category,
      group: figure.group,
      range: { low: 0, best: 0, high: 0 },
      eventCount: 0,
      sources: new Set<string>(),
    }));
    acc.range = addRanges(acc.range, figure);
    acc.eventCount += 1;
    for (const id of figure.sourceIds) acc.sources.add(id);
  }
}

const categoryOrder = (c: CasualtyCategory) => CASUALTY_CATEGORIES.indexOf(c);
const groupOrder = (g: CasualtyGroup) => CASUALTY_GROUPS.indexOf(g);

function casualtyOut(accs: Map<string, CasualtyAcc>): CasualtyFigureOut[] {
  return [...accs.values()]
    .sort((a, b) => categoryOrder(a.category) - categoryOrder(b.category) || groupOrder(a.group) - groupOrder(b.group))
    .map((acc) => ({ category: acc.category, group: acc.group, ...acc.range, event_count: acc.eventCount, source_count: acc.sources.size }));
}

export function aggregateCasualties(claims: Iterable<Dated<CasualtyClaim>>, bucketOf: (instant: string) => BucketRef): CasualtyBucketOut[] {
  const buckets = new Map<string, { ref: BucketRef; figures: Map<string, CasualtyAcc>; bySource: Map<string, Map<string, CasualtyAcc>> }>();
  forEachEvent(claims, (startAt, own) => {
    const ref = bucketOf(startAt);
    const bucket = getOrCreate(buckets, ref.label, () => ({ ref, figures: new Map(), bySource: new Map() }));
    addCasualties(bucket.figures, eventCasualties(own));
    for (const [sourceId, figures] of eventCasualtiesBySource(own)) {
      addCasualties(getOrCreate(bucket.bySource, sourceId, () => new Map()), figures);
    }
  });
  return [...buckets.values()]
    .sort((a, b) => (a.ref.label < b.ref.label ? -1 : 1))
    .map((b) => ({
      ...b.ref,
      figures: casualtyOut(b.figures),
      bySource: new Map([...b.bySource].map(([sourceId, accs]) => [sourceId, casualtyOut(accs)])),
    }));
}

// ---- munitions ----

type MunitionAcc = { totals: MunitionTotals; eventCount: number; lastEvent: string | null; sources: Set<string> };

export type MunitionFigureOut = {
  launched: number | null;
  intercepted: number | null;
  lost_to_ew: number | null;
  interception_rate: number | null;
  neutralisation_rate: number | null;
  event_count: number;
  source_count: number;
};

export type MunitionBucketOut = BucketRef & {
  total: MunitionFigureOut;
  byCategory: Array<{ weapon_category: WeaponCategory } & MunitionFigureOut>;
  byModel: Array<{ weapon_model: string | null; weapon_category: WeaponCategory } & MunitionFigureOut>;
  bySource: Map<string, { total: MunitionFigureOut; byCategory: Array<{ weapon_category: WeaponCategory } & MunitionFigureOut> }>;
};

const newMunitionAcc = (): MunitionAcc => ({ totals: emptyMunitionTotals(), eventCount: 0, lastEvent: null, sources: new Set() });

function addMunition(acc: MunitionAcc, claim: MunitionClaim): void {
  addMunitionClaim(acc.totals, claim);
  if (acc.lastEvent !== claim.eventId) {
    acc.eventCount += 1;
    acc.lastEvent = claim.eventId;
  }
  acc.sources.add(claim.sourceId);
}

function munitionOut(acc: MunitionAcc): MunitionFigureOut {
  const rates = munitionRates(acc.totals);
  return {
    launched: acc.totals.launched,
    intercepted: acc.totals.intercepted,
    lost_to_ew: acc.totals.lostToEw,
    interception_rate: rates.interceptionRate,
    neutralisation_rate: rates.neutralisationRate,
    event_count: acc.eventCount,
    source_count: acc.sources.size,
  };
}

const weaponOrder = (c: WeaponCategory) => WEAPON_CATEGORIES.indexOf(c);

function byCategoryOut(accs: Map<WeaponCategory, MunitionAcc>) {
  return [...accs]
    .sort(([a], [b]) => weaponOrder(a) - weaponOrder(b))
    .map(([weapon_category, acc]) => ({ weapon_category, ...munitionOut(acc) }));
}

export function aggregateMunitions(claims: Iterable<Dated<MunitionClaim>>, bucketOf: (instant: string) => BucketRef): MunitionBucketOut[] {
  type SourceAccs = { total: MunitionAcc; byCategory: Map<WeaponCategory, MunitionAcc> };
  const buckets = new Map<
    string,
    {
      ref: BucketRef;
      total: MunitionAcc;
      byCategory: Map<WeaponCategory, MunitionAcc>;
      byModel: Map<string, { model: string | null; category: WeaponCategory; acc: MunitionAcc }>;
      bySource: Map<string, SourceAccs>;
    }
  >();
  forEachEvent(claims, (startAt, own) => {
    const ref = bucketOf(startAt);
    const bucket = getOrCreate(buckets, ref.label, () => ({ ref, total: newMunitionAcc(), byCategory: new Map(), byModel: new Map(), bySource: new Map() }));
    const chosen = chosenMunitionSource(own);
    for (const claim of own) {
      const perSource = getOrCreate(bucket.bySource, claim.sourceId, (): SourceAccs => ({ total: newMunitionAcc(), byCategory: new Map() }));
      addMunition(perSource.total, claim);
      addMunition(getOrCreate(perSource.byCategory, claim.weaponCategory, newMunitionAcc), claim);
      if (claim.sourceId !== chosen) continue;
      addMunition(bucket.total, claim);
      addMunition(getOrCreate(bucket.byCategory, claim.weaponCategory, newMunitionAcc), claim);
      const modelKey = `${claim.weaponCategory}:${claim.weaponModel ?? ''}`;
      addMunition(getOrCreate(bucket.byModel, modelKey, () => ({ model: claim.weaponModel, category: claim.weaponCategory, acc: newMunitionAcc() })).acc, claim);
    }
  });
  return [...buckets.values()]
    .sort((a, b) => (a.ref.label < b.ref.label ? -1 : 1))
    .map((b) => ({
      ...b.ref,
      total: munitionOut(b.total),
      byCategory: byCategoryOut(b.byCategory),
      byModel: [...b.byModel.values()]
        .sort((x, y) => weaponOrder(x.category) - weaponOrder(y.category) || (x.model ?? '').localeCompare(y.model ?? ''))
        .map((m) => ({ weapon_model: m.model, weapon_category: m.category, ...munitionOut(m.acc) })),
      bySource: new Map([...b.bySource].map(([sourceId, accs]) => [sourceId, { total: munitionOut(accs.total), byCategory: byCategoryOut(accs.byCategory) }])),
    }));
}
