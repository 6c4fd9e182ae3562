// How sitrep turns several sources' claims about one event into one figure per event, so that an
// event reported by three sources is counted once. The rules are the product's editorial policy;
// README "Statistics" states them in words, and every statistic can also show each source's own
// totals (`by_source`) so nobody has to trust the choice.
//
// Casualties: per event, category and group, the most conservative claim counts (lowest best
// estimate, then lowest low; ACLED's practice). A claim of unknown group is taken to include the
// civilian and military claims of the same event and category: only what it adds beyond their sum
// counts as unknown, so "one person killed" and "one civilian killed" make one death, not two.
//
// Munitions: per event, the figures of one source count: the one naming the most weapon models
// (the most detailed), then the one reporting the most weapons launched, then the lowest source id.
import { CASUALTY_CATEGORIES, type CasualtyCategory, type CasualtyGroup, type WeaponCategory } from './vocabulary.js';

export type CasualtyClaim = {
  id: string;
  eventId: string;
  sourceId: string;
  category: CasualtyCategory;
  group: CasualtyGroup;
  low: number | null;
  best: number | null;
  high: number | null;
  /** The figure in the source's words, where the caller read it (headlines show it). */
  asReported?: string | null;
};

/** low/best/high; `high` null means open-ended ("at least"). */
export type Range = { low: number; best: number; high: number | null };

export type CasualtyFigure = Range & {
  category: CasualtyCategory;
  group: CasualtyGroup;
  sourceIds: string[];
  /** The counted claims' own words ("over 23 injuries"), where known. */
  asReported: string[];
};

const wordsOf = (claim: CasualtyClaim) => (claim.asReported ? [claim.asReported] : []);

const ZERO: Range = { low: 0, best: 0, high: 0 };

function rangeOf(claim: CasualtyClaim): Range | null {
  const low = claim.low ?? claim.best;
  const best = claim.best ?? claim.low;
  if (low === null || best === null) return null;
  return { low, best, high: claim.high };
}

export function addRanges(a: Range, b: Range): Range {
  return { low: a.low + b.low, best: a.best + b.best, high: a.high === null || b.high === null ? null : a.high + b.high };
}

/** What an unknown-group range adds beyond the known groups' sum, kept a valid range (low ≤ best ≤ high). */
function excess(unknown: Range, known: Range): Range {
  const low = Math.max(0, unknown.low - known.low);
  const best = Math.max(0, unknown.best - known.best);
  const high = unknown.high === null || known.high === null ? null : Math.max(best, unknown.high - known.high);
  return { low, best, high };
}

// An unknown-group claim wholly covered by the known groups adds nothing, even if open-ended.
function addsNothing(r: Range): boolean {
  return r.low === 0 && r.best === 0;
}

/** The most conservative of several claims: lowest best, then lowest low, then id. */
function mostConservative(claims: CasualtyClaim[]): { claim: CasualtyClaim; range: Range } | null {
  let chosen: { claim: CasualtyClaim; range: Range } | null = null;
  for (const claim of claims) {
    const range = rangeOf(claim);
    if (!range) continue;
    if (
      !chosen ||
      range.best < chosen.range.best ||
      (range.best === chosen.range.best && (range.low < chosen.range.low || (range.low === chosen.range.low && claim.id < chosen.claim.id)))
    ) {
      chosen = { claim, range };
    }
  }
  return chosen;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** One event's casualty figures by category and group, from all its claims (of any sources). */
export function eventCasualties(claims: CasualtyClaim[]): CasualtyFigure[] {
  const figures: CasualtyFigure[] = [];
  for (const [category, ofCategory] of groupBy(claims, (c) => c.category)) {
    const byGroup = groupBy(ofCategory, (c) => c.group);
    const chosen = (group: CasualtyGroup) => mostConservative(byGroup.get(group) ?? []);
    const civilian = chosen('civilian');
    const military = chosen('military');
    const unknown = chosen('unknown');
    const known = addRanges(civilian?.range ?? ZERO, military?.range ?? ZERO);
    for (const [group, pick] of [['civilian', civilian], ['military', military]] as const) {
      if (pick) figures.push({ category: category as CasualtyCategory, group, ...pick.range, sourceIds: [pick.claim.sourceId], asReported: wordsOf(pick.claim) });
    }
    if (unknown) {
      const extra = civilian || military ? excess(unknown.range, known) : unknown.range;
      if (!addsNothing(extra) || (!civilian && !military)) {
        figures.push({ category: category as CasualtyCategory, group: 'unknown', ...extra, sourceIds: [unknown.claim.sourceId], asReported: wordsOf(unknown.claim) });
      }
    }
  }
  return figures;
}

/** Per source: that source's own figures for one event (the same rule, applied to its claims only). */
export function eventCasualtiesBySource(claims: CasualtyClaim[]): Map<string, CasualtyFigure[]> {
  return new Map([...groupBy(claims, (c) => c.sourceId)].map(([sourceId, own]) => [sourceId, eventCasualties(own)]));
}

export type MunitionClaim = {
  id: string;
  eventId: string;
  sourceId: string;
  weaponCategory: WeaponCategory;
  weaponModel: string | null;
  launched: number | null;
  intercepted: number | null;
  lostToEw: number | null;
};

/** The source whose munition figures count for one event (see the rule at the top). */
export function chosenMunitionSource(claims: MunitionClaim[]): string | null {
  let best: { sourceId: string; models: number; launched: number } | null = null;
  for (const [sourceId, own] of groupBy(claims, (c) => c.sourceId)) {
    const models = new Set(own.map((c) => c.weaponModel).filter((m) => m !== null)).size;
    const launched = own.reduce((sum, c) => sum + (c.launched ?? 0), 0);
    if (
      !best ||
      models > best.models ||
      (models === best.models && (launched > best.launched || (launched === best.launched && sourceId < best.sourceId)))
    ) {
      best = { sourceId, models, launched };
    }
  }
  return best?.sourceId ?? null;
}

/** Sums of munition figures; a null stays null only while every contribution is null. */
export type MunitionTotals = {
  launched: number | null;
  intercepted: number | null;
  lostToEw: number | null;
  // Launched and stopped, counting only claims that give both launched and intercepted (a
  // missing lost_to_ew counts as none lost): denominators that keep a rate honest when some
  // claims give launches alone.
  launchedWithIntercepted: number;
  interceptedWithLaunched: number;
  stoppedWithLaunched: number;
};

export function emptyMunitionTotals(): MunitionTotals {
  return {
    launched: null,
    intercepted: null,
    lostToEw: null,
    launchedWithIntercepted: 0,
    interceptedWithLaunched: 0,
    stoppedWithLaunched: 0,
  };
}

const plus = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);

export function addMunitionClaim(totals: MunitionTotals, claim: MunitionClaim): void {
  totals.launched = plus(totals.launched, claim.launched);
  totals.intercepted = plus(totals.intercepted, claim.intercepted);
  totals.lostToEw = plus(totals.lostToEw, claim.lostToEw);
  if (claim.launched !== null && claim.intercepted !== null) {
    totals.launchedWithIntercepted += claim.launched;
    totals.interceptedWithLaunched += claim.intercepted;
    totals.stoppedWithLaunched += claim.intercepted + (claim.lostToEw ?? 0);
  }
}

const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

/** Shot down / launched, and (shot down + lost to EW) / launched, over claims giving both. */
export function munitionRates(totals: MunitionTotals): { interceptionRate: number | null; neutralisationRate: number | null } {
  return {
    interceptionRate: ratio(totals.interceptedWithLaunched, totals.launchedWithIntercepted),
    neutralisationRate: ratio(totals.stoppedWithLaunched, totals.launchedWithIntercepted),
  };
}

export type Headline = {
  casualties: Array<Range & { category: CasualtyCategory; sourceIds: string[]; asReported: string[] }>;
  munitions: { sourceId: string; launched: number | null; intercepted: number | null; lostToEw: number | null } | null;
};

/**
 * One event's headline figures: casualties per category over all groups, and the chosen source's
 * munitions. A casualty headline is a figure a source stated, or the sum of the civilian, military
 * and unknown-group figures chosen above (an unknown-group claim adds only what exceeds the
 * others, so the sum is then that claim's own figure): never a number worked out otherwise. The
 * counted claims' words come with it.
 */
export function eventHeadline(casualties: CasualtyClaim[], munitions: MunitionClaim[]): Headline {
  const byCategory = new Map<CasualtyCategory, Headline['casualties'][number]>();
  for (const figure of eventCasualties(casualties)) {
    const current = byCategory.get(figure.category);
    byCategory.set(
      figure.category,
      current
        ? {
            ...addRanges(current, figure),
            category: figure.category,
            sourceIds: [...new Set([...current.sourceIds, ...figure.sourceIds])],
            asReported: [...current.asReported, ...figure.asReported],
          }
        : { low: figure.low, best: figure.best, high: figure.high, category: figure.category, sourceIds: figure.sourceIds, asReported: figure.asReported },
    );
  }
  const sourceId = chosenMunitionSource(munitions);
  let chosen: Headline['munitions'] = null;
  if (sourceId) {
    const totals = emptyMunitionTotals();
    for (const claim of munitions) if (claim.sourceId === sourceId) addMunitionClaim(totals, claim);
    chosen = { sourceId, launched: totals.launched, intercepted: totals.intercepted, lostToEw: totals.lostToEw };
  }
  const order = (c: CasualtyCategory) => CASUALTY_CATEGORIES.indexOf(c);
  return { casualties: [...byCategory.values()].sort((a, b) => order(a.category) - order(b.category)), munitions: chosen };
}
