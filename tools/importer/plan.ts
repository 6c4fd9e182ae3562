// Turns the checked rows of an Air Force file into what the database should hold: one source per
// post, one aerial_attack event per attack window of a post, one munition report per row. Pure:
// the same file always gives the same plan, with ids and import keys derived from content.
import { createHash } from 'node:crypto';
import type { EventKind, EventStatus, GeoPrecision, SourceKind, TimePrecision, WeaponCategory } from '../../src/domain/vocabulary.js';
import { spanEnd } from '../../src/lib/time.js';
import { eventLocator, eventSummary, eventTitle, rowLocator, windowName, type ReportFigures } from './describe.js';
import { KYIV_ZONE } from './kyiv-time.js';
import { areasOf, describeTarget, eventLocation } from './places.js';
import { describePost, UNNAMED_POST } from './posts.js';
import { checkRecord, readCsvRecords, type AttackRow, type Rejection, type RowWarning } from './rows.js';
import type { WeaponCatalogue } from './weapons.js';
import type { PlaceRecord } from '../../src/domain/places.js';

export type SourcePlan = {
  id: string;
  kind: SourceKind;
  publisher: string;
  title: string;
  url: string | null;
  /** The post path; the importer finds an existing source (the seed's) by it. */
  reference: string | null;
  notes: string;
};

export type EventFields = {
  kind: EventKind;
  status: EventStatus;
  title: string;
  summary: string;
  startAt: string;
  startPrecision: TimePrecision;
  endAt: string;
  endPrecision: TimePrecision;
  spanEndAt: string;
  timezone: string;
  place: string | null;
  admin1: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  geoPrecision: GeoPrecision | null;
};

export type MunitionPlan = {
  importKey: string;
  id: string;
  line: number;
  weaponCategory: WeaponCategory;
  weaponModel: string | null;
  launched: number | null;
  intercepted: number | null;
  lostToEw: number | null;
  /** The row's own window: its figures count where it starts, not where the event does. */
  startAt: string;
  startPrecision: TimePrecision;
  endAt: string;
  endPrecision: TimePrecision;
  locator: string;
};

export type EventPlan = {
  importKey: string;
  id: string;
  source: SourcePlan;
  fields: EventFields;
  /** The places its rows name, each role and gazetteer entry once, in the rows' order. */
  places: PlaceRecord[];
  locator: string;
  munitions: MunitionPlan[];
};

export type ImportPlan = {
  rowsRead: number;
  sources: SourcePlan[];
  events: EventPlan[];
  rejections: Rejection[];
  warnings: RowWarning[];
};

export const IMPORT_KEY_PREFIX = 'airforce';
// Prefixes of the ids the importer derives; a record with another id was curated (the seed) and
// is only adopted, never rewritten.
export const OWNED_ID_PREFIX = { event: 'evt_af_', munition: 'mun_af_', source: 'src_af_', citation: 'cit_af_' } as const;

export const UNNAMED_POST_SOURCE_ID = `${OWNED_ID_PREFIX.source}unnamed_post`;

export function hashId(prefix: string, text: string): string {
  return prefix + createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function planImport(csvText: string, catalogue: WeaponCatalogue): ImportPlan {
  const records = readCsvRecords(csvText);
  const rejections: Rejection[] = [];
  const checked: { row: AttackRow; warnings: RowWarning[] }[] = [];
  for (const record of records) {
    const result = checkRecord(record, catalogue);
    if ('rejection' in result) rejections.push(result.rejection);
    else checked.push(result);
  }

  const { kept, duplicates, disambiguated } = dropDuplicates(checked.map((c) => c.row));
  rejections.push(...duplicates);
  const keptLines = new Set(kept.map((r) => r.line));
  const warnings = checked.filter((c) => keptLines.has(c.row.line)).flatMap((c) => c.warnings);

  const byPost = new Map<string, AttackRow[]>();
  for (const row of kept) {
    // Rows that name no post are grouped by their window alone.
    const group = row.post ?? `\u0000${row.start.canonical}/${row.end.canonical}`;
    byPost.set(group, [...(byPost.get(group) ?? []), row]);
  }

  const sources: SourcePlan[] = [];
  const events: EventPlan[] = [];
  for (const rows of byPost.values()) {
    const post = rows[0]!.post;
    const clusters = clusterWindows(rows);
    const source = sourcePlan(post, clusters);
    if (!sources.some((s) => s.id === source.id)) sources.push(source);
    for (const cluster of clusters) events.push(eventPlan(post, source, cluster, disambiguated));
  }
  rejections.sort((a, b) => a.line - b.line);
  warnings.sort((a, b) => a.line - b.line);
  return { rowsRead: records.length, sources, events, rejections, warnings };
}

const baseKey = (r: AttackRow) => JSON.stringify([r.post, r.start.canonical, r.end.canonical, r.modelAsSpelled, r.target]);

/**
 * Two rows of one post, window, model and target are told apart by their launch place (the file
 * has such a pair); rows alike in that too are one row written twice, and the later is rejected.
 */
function dropDuplicates(rows: AttackRow[]): { kept: AttackRow[]; duplicates: Rejection[]; disambiguated: Set<number> } {
  const byKey = new Map<string, AttackRow[]>();
  for (const r of rows) byKey.set(baseKey(r), [...(byKey.get(baseKey(r)) ?? []), r]);
  const disambiguated = new Set<number>();
  const duplicates: Rejection[] = [];
  const dropped = new Set<number>();
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    const tellApart = new Set(group.map((r) => r.launchPlace)).size > 1;
    const seen = new Map<string, number>();
    for (const r of group) {
      const first = seen.get(r.launchPlace);
      if (first !== undefined) {
        dropped.add(r.line);
        duplicates.push({ line: r.line, reason: 'duplicate_row', detail: `same source, window, model, target and launch place as line ${first}` });
        continue;
      }
      seen.set(r.launchPlace, r.line);
      if (tellApart) disambiguated.add(r.line);
    }
  }
  return { kept: rows.filter((r) => !dropped.has(r.line)), duplicates, disambiguated };
}

/** Rows whose windows overlap or touch, as one attack each; in time order. */
function clusterWindows(rows: AttackRow[]): AttackRow[][] {
  const sorted = [...rows].sort((a, b) => a.startAt.lo - b.startAt.lo || a.line - b.line);
  const clusters: AttackRow[][] = [];
  let current: AttackRow[] | null = null;
  let reach = -Infinity;
  for (const row of sorted) {
    if (current && row.startAt.lo <= reach) {
      current.push(row);
      reach = Math.max(reach, row.endAt.hi);
    } else {
      current = [row];
      clusters.push(current);
      reach = row.endAt.hi;
    }
  }
  // Keep the file's order inside an event, so its reports read as the post lists them.
  return clusters.map((c) => c.sort((a, b) => a.line - b.line));
}

function windowBounds(rows: AttackRow[]) {
  // The earliest start (a more precise time wins a tie) and the latest end.
  const first = [...rows].sort((a, b) => a.startAt.lo - b.startAt.lo || precisionRank(b.start.precision) - precisionRank(a.start.precision))[0]!;
  const last = [...rows].sort((a, b) => b.endAt.hi - a.endAt.hi || precisionRank(b.end.precision) - precisionRank(a.end.precision))[0]!;
  return { first, last };
}

const precisionRank = (p: 'minute' | 'day') => (p === 'minute' ? 1 : 0);

function sourcePlan(post: string | null, clusters: AttackRow[][]): SourcePlan {
  if (post === null) {
    return {
      id: UNNAMED_POST_SOURCE_ID,
      kind: UNNAMED_POST.kind,
      publisher: UNNAMED_POST.publisher,
      title: 'Ukrainian Air Force reports whose post the dataset does not name',
      url: null,
      reference: null,
      notes: 'Rows of Petro Ivaniuk’s dataset (missile_attacks_daily.csv) with an empty source column.',
    };
  }
  const described = describePost(post);
  const windows = clusters.map((rows) => {
    const { first, last } = windowBounds(rows);
    const name = windowName(first.start, last.end);
    return name.startsWith('night') ? `the ${name}` : name;
  });
  return {
    id: hashId(OWNED_ID_PREFIX.source, post),
    kind: described.kind,
    publisher: described.publisher,
    title: `${described.short} ${described.medium} on the attack${windows.length > 1 ? 's' : ''} of ${windows.join(' and ')}`,
    url: described.url,
    reference: described.reference,
    notes: 'Figures read from Petro Ivaniuk’s dataset (missile_attacks_daily.csv), which names this post as the source of its rows.',
  };
}

function eventPlan(post: string | null, source: SourcePlan, rows: AttackRow[], disambiguated: Set<number>): EventPlan {
  const { first, last } = windowBounds(rows);
  const postKey = post ?? 'no-source';
  const importKey = `${IMPORT_KEY_PREFIX}:${postKey}:${first.start.canonical}/${last.end.canonical}`;
  const publisher = post ? describePost(post) : UNNAMED_POST;

  const munitions: MunitionPlan[] = rows.map((r) => {
    const launchPlace = disambiguated.has(r.line) ? r.launchPlace : undefined;
    const key = `${IMPORT_KEY_PREFIX}:${postKey}:${r.start.canonical}/${r.end.canonical}:model=${r.modelAsSpelled}|target=${r.target}${launchPlace !== undefined ? `|launch_place=${launchPlace}` : ''}`;
    return {
      importKey: key,
      id: hashId(OWNED_ID_PREFIX.munition, key),
      line: r.line,
      weaponCategory: r.weapon.category,
      weaponModel: r.weapon.model,
      launched: r.launched,
      intercepted: r.destroyed,
      lostToEw: r.notReachGoal,
      startAt: r.startAt.instant,
      startPrecision: r.start.precision,
      endAt: r.endAt.instant,
      endPrecision: r.end.precision,
      locator: rowLocator({
        startText: r.start.text,
        endText: r.end.text,
        model: r.modelAsSpelled,
        target: r.target,
        ...(launchPlace !== undefined ? { launchPlace } : {}),
        launched: r.launched,
        destroyed: r.destroyed,
        notReachGoal: r.notReachGoal,
        stillAttacking: r.stillAttacking,
        post,
      }),
    };
  });

  const distinct = (values: string[]) => [...new Set(values.filter((v) => v.trim() !== ''))];
  const targets = distinct(rows.map((r) => r.target));
  const mainTargets = distinct(rows.map((r) => r.targetMain));
  const affectedRegions = distinct(rows.flatMap((r) => r.affectedRegions));
  const { location, basis } = eventLocation({ targets, mainTargets, affectedRegions });

  // The summary names the target when every row shares it; otherwise each report names its own.
  const sharedTarget = targets.length === 1 && rows.every((r) => r.target === targets[0]) ? targets[0]! : null;
  const targetParts = sharedTarget ? distinct(splitTargets(sharedTarget).map(describeTarget)) : [];
  const titlePlace = basis === 'target' && location.geoPrecision !== 'country' ? (location.place ?? location.admin1) : macroRegion(targets);

  const reports: ReportFigures[] = rows.map((r) => ({
    weaponCategory: r.weapon.category,
    weaponModel: r.weapon.model,
    target: sharedTarget === null && r.target ? listTargets(r.target) : null,
    launchPlace: disambiguated.has(r.line) && r.launchPlace ? r.launchPlace : null,
    launched: r.launched,
    intercepted: r.destroyed,
    lostToEw: r.notReachGoal,
  }));
  const description = {
    publisherShort: publisher.short,
    publisherSubject: publisher.subject,
    start: first.start,
    end: last.end,
    titlePlace,
    targets: targetParts,
    mainTargets: distinct(mainTargets.flatMap(splitTargets).map(describeTarget)),
    affectedRegions: distinct(affectedRegions.map(describeTarget)),
    reports,
  };
  const timing = {
    startAt: first.startAt.instant,
    startPrecision: first.start.precision,
    endAt: last.endAt.instant,
    endPrecision: last.end.precision,
    timezone: KYIV_ZONE,
    status: 'occurred' as const,
  };
  return {
    importKey,
    id: hashId(OWNED_ID_PREFIX.event, importKey),
    source,
    fields: {
      kind: 'aerial_attack',
      title: eventTitle(description),
      summary: eventSummary(description),
      ...timing,
      spanEndAt: spanEnd(timing)!,
      ...location,
    },
    locator: eventLocator(post, first.start.text, last.end.text),
    places: distinctPlaces(rows.flatMap((r) => r.places)),
    munitions,
  };
}

const splitTargets = (text: string) => text.split(/\s+and\s+/);

/** Each place once per role: the first naming of a gazetteer entry (or of a name) in that role. */
function distinctPlaces(places: PlaceRecord[]): PlaceRecord[] {
  const seen = new Set<string>();
  return places.filter((p) => {
    const key = `${p.role}\u0000${p.gazetteerId ?? p.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function listTargets(target: string): string {
  const parts = splitTargets(target).map(describeTarget);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0]!;
}

/** "southern Ukraine" when every target names that one macro-region; null otherwise. */
function macroRegion(targets: string[]): string | null {
  const areas = targets.flatMap((t) => areasOf(t).areas);
  if (areas.length === 0 || targets.some((t) => areasOf(t).unplaced.length > 0)) return null;
  const labels = new Set(areas.map((a) => (a.level === 'country' ? a.label : null)));
  const label = [...labels][0];
  return labels.size === 1 && label && label !== 'Ukraine' ? label : null;
}
