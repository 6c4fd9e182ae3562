// Imports an Air Force attack file into the event store in one transaction: plans the records
// (plan.ts), then creates, updates or adopts them so that importing the same file again, or a
// newer snapshot of it, changes only what changed. Returns a summary for the caller to print.
import { WRITE_TRANSACTION, type Db } from '../db/client.js';
import type { EventRow, MunitionReportRow, SourceRow } from '../db/schema.js';
import { SHARED_ACTOR_IDS, SHARED_SOURCE_IDS } from '../domain/shared-records.js';
import { nowTimestamp } from '../lib/time.js';
import type { PlaceRecord } from '../domain/places.js';
import { readPlaces, replacePlaces } from '../modules/events/events.write.repository.js';
import * as repo from './airforce.repository.js';
import { hashId, OWNED_ID_PREFIX, planImport, type EventPlan, type ImportPlan, type MunitionPlan, type SourcePlan } from './plan.js';
import { REJECTION_REASONS, WARNING_CODES, type Rejection, type RowWarning } from './rows.js';
import { parseCatalogue, type WeaponCatalogue } from './weapons.js';

export type Tally = { created: number; updated: number; unchanged: number };

export type ImportSummary = {
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  events: Tally;
  /**
   * Events of an earlier import removed because this file joined their window to another
   * (a newer snapshot added a row bridging two windows): all their reports moved over.
   */
  eventsMerged: number;
  munitionReports: Tally;
  sources: Tally;
  rejections: Rejection[];
  warnings: RowWarning[];
  /** False when no weapon catalogue was given: every category is then `unspecified`. */
  catalogueUsed: boolean;
};

export type ImportOptions = {
  /** Called after each event is written: (events done, events planned). */
  onProgress?: (done: number, total: number) => void;
  now?: string;
};

export type ImportInput = {
  /** Text in the format of missile_attacks_daily.csv. */
  attacksCsv: string;
  /** Text in the format of missiles_and_uavs.csv, or null to import without one. */
  catalogueCsv: string | null;
};

export function importAirForce(db: Db, input: ImportInput, options: ImportOptions = {}): ImportSummary {
  const catalogue: WeaponCatalogue = input.catalogueCsv === null ? new Map() : parseCatalogue(input.catalogueCsv);
  const plan = planImport(input.attacksCsv, catalogue);
  const now = options.now ?? nowTimestamp();
  const summary: ImportSummary = {
    rowsRead: plan.rowsRead,
    rowsImported: plan.events.reduce((n, e) => n + e.munitions.length, 0),
    rowsRejected: plan.rejections.length,
    events: tally(),
    eventsMerged: 0,
    munitionReports: tally(),
    sources: tally(),
    rejections: plan.rejections,
    warnings: plan.warnings,
    catalogueUsed: input.catalogueCsv !== null,
  };
  // One transaction: an import that fails half-way leaves the database as it was.
  db.transaction((tx) => applyPlan(tx, plan, summary, now, options.onProgress), WRITE_TRANSACTION);
  return summary;
}

const tally = (): Tally => ({ created: 0, updated: 0, unchanged: 0 });

const ATTACK_ROLES = [
  { actorId: SHARED_ACTOR_IDS.russianArmedForces, role: 'initiator' as const },
  { actorId: SHARED_ACTOR_IDS.ukraine, role: 'target' as const },
  { actorId: SHARED_ACTOR_IDS.ukrainianAirForce, role: 'defender' as const },
];

const VIA = SHARED_SOURCE_IDS.airForceDataset;

function applyPlan(tx: repo.Writer, plan: ImportPlan, summary: ImportSummary, now: string, onProgress?: (done: number, total: number) => void): void {
  repo.ensureSharedRecords(tx, now);
  const sourceIds = new Map<string, string>();
  for (const source of plan.sources) sourceIds.set(source.id, applySource(tx, source, summary.sources, now));

  // Events matched by import key are claimed first, so that adopting by window (for a window
  // that changed) can never take an event another window of this file still owns.
  const byKey = plan.events.map((e) => repo.getEventByImportKey(tx, e.importKey));
  const claimed = new Set(byKey.flatMap((e) => (e ? [e.id] : [])));
  plan.events.forEach((eventPlan, i) => {
    const sourceId = sourceIds.get(eventPlan.source.id)!;
    const eventId = applyEvent(tx, eventPlan, byKey[i] ?? null, sourceId, claimed, summary.events, now);
    for (const munition of eventPlan.munitions) applyMunition(tx, munition, eventId, sourceId, summary.munitionReports, now);
    onProgress?.(i + 1, plan.events.length);
  });
  summary.eventsMerged = removeMergedEvents(tx, new Set(sourceIds.values()), claimed);
}

/**
 * An event this importer created earlier whose rows all belong to another event now (its window
 * was joined to a neighbour's) would stay behind as an empty duplicate: it is removed. Only the
 * importer's own events, of the posts in this file, with no report left, are considered, so an
 * import of part of the dataset never removes anything.
 */
function removeMergedEvents(tx: repo.Writer, sourceIds: Set<string>, claimed: Set<string>): number {
  let removed = 0;
  for (const sourceId of sourceIds) {
    for (const event of repo.listEventsCitedBySource(tx, sourceId, OWNED_ID_PREFIX.event)) {
      if (claimed.has(event.id) || repo.countMunitionReports(tx, event.id) > 0) continue;
      repo.deleteEvent(tx, event.id);
      removed += 1;
    }
  }
  return removed;
}

/** Fields of `desired` whose value differs from `current`. */
function changes<T extends object>(current: T, desired: Partial<T>): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of Object.keys(desired) as (keyof T)[]) if (current[key] !== desired[key]) patch[key] = desired[key];
  return patch;
}

const isEmpty = (o: object) => Object.keys(o).length === 0;
const owned = (id: string, prefix: string) => id.startsWith(prefix);

function count(t: Tally, outcome: keyof Tally): void {
  t[outcome] += 1;
}

/** One source per post: an existing source with that reference (the seed's) is used as it is. */
function applySource(tx: repo.Writer, plan: SourcePlan, t: Tally, now: string): string {
  const existing: SourceRow | null = plan.reference ? repo.findSourceByReference(tx, plan.reference) : repo.getSourceById(tx, plan.id);
  const desired = { kind: plan.kind, publisher: plan.publisher, title: plan.title, url: plan.url, reference: plan.reference, notes: plan.notes };
  if (!existing) {
    repo.insertSource(tx, { id: plan.id, ...desired, publishedAt: null, createdAt: now, updatedAt: now });
    count(t, 'created');
    return plan.id;
  }
  const patch = owned(existing.id, OWNED_ID_PREFIX.source) ? changes(existing, desired) : {};
  if (isEmpty(patch)) count(t, 'unchanged');
  else {
    repo.updateSource(tx, existing.id, { ...patch, updatedAt: now });
    count(t, 'updated');
  }
  return existing.id;
}

/**
 * Finds the event by its import key; else adopts an event the post's source already cites over
 * an overlapping window (the seed's Kyiv strike; an earlier import whose window has grown); else
 * creates it. An adopted curated event keeps its own title, summary, time and place: only its
 * import key, actors and the post's citation are managed here.
 */
function applyEvent(tx: repo.Writer, plan: EventPlan, foundByKey: EventRow | null, sourceId: string, claimed: Set<string>, t: Tally, now: string): string {
  let existing = foundByKey;
  if (!existing) {
    const window = { startAt: plan.fields.startAt, spanEndAt: plan.fields.spanEndAt };
    existing = repo.listEventsCitedBySourceInWindow(tx, sourceId, window).find((e) => !claimed.has(e.id)) ?? null;
  }

  let eventId: string;
  let patch: Partial<repo.NewEvent> = {};
  if (existing) {
    eventId = existing.id;
    const desired = owned(existing.id, OWNED_ID_PREFIX.event) ? { ...plan.fields, importKey: plan.importKey } : { importKey: plan.importKey };
    patch = changes(existing, desired);
  } else {
    eventId = freeId(plan.id, (id) => repo.getEventById(tx, id) !== null);
    repo.insertEvent(tx, { id: eventId, ...plan.fields, importKey: plan.importKey, createdAt: now, updatedAt: now });
  }
  claimed.add(eventId);

  const linked = repo.linkEventActors(tx, eventId, ATTACK_ROLES);
  // The places its rows name; a curated event (the seed's) keeps the places its editors gave it.
  const placed = owned(eventId, OWNED_ID_PREFIX.event) && applyPlaces(tx, eventId, plan.places);
  const cited = applyCitation(tx, repo.findEventCitation(tx, eventId, sourceId), {
    id: hashId(OWNED_ID_PREFIX.citation, `event:${eventId}:${sourceId}`),
    eventId,
    sourceId,
    locator: plan.locator,
    now,
  });
  let outcome: keyof Tally = 'created';
  if (existing) {
    // A new actor link or citation changes what the event reads as, so it counts as an update.
    outcome = isEmpty(patch) && linked === 0 && !cited && !placed ? 'unchanged' : 'updated';
    if (outcome === 'updated') repo.updateEvent(tx, eventId, { ...patch, updatedAt: now });
  }
  count(t, outcome);
  return eventId;
}

/** Sets an event's places to the plan's; returns whether anything changed. */
function applyPlaces(tx: repo.Writer, eventId: string, places: PlaceRecord[]): boolean {
  if (JSON.stringify(readPlaces(tx, eventId)) === JSON.stringify(places)) return false;
  replacePlaces(tx, eventId, places);
  return true;
}

/**
 * Finds the report by its import key; else adopts the seed's report of the same event, source and
 * weapon model; else creates it. The figures are the post's and always follow the file; an
 * adopted curated report keeps its own model and category.
 */
function applyMunition(tx: repo.Writer, plan: MunitionPlan, eventId: string, sourceId: string, t: Tally, now: string): void {
  const existing: MunitionReportRow | null =
    repo.getMunitionReportByImportKey(tx, plan.importKey) ?? repo.findUnclaimedMunitionReport(tx, eventId, sourceId, plan.weaponModel);
  // The row's own window is part of its figures: they count where it starts.
  const figures = {
    launched: plan.launched,
    intercepted: plan.intercepted,
    lostToEw: plan.lostToEw,
    startAt: plan.startAt,
    startPrecision: plan.startPrecision,
    endAt: plan.endAt,
    endPrecision: plan.endPrecision,
    importKey: plan.importKey,
  };
  let reportId: string;
  let patch: Partial<repo.NewMunitionReport> = {};
  if (existing) {
    reportId = existing.id;
    const desired = owned(existing.id, OWNED_ID_PREFIX.munition)
      ? { eventId, sourceId, weaponCategory: plan.weaponCategory, weaponModel: plan.weaponModel, ...figures }
      : figures;
    patch = changes(existing, desired);
  } else {
    reportId = freeId(plan.id, (id) => repo.getMunitionReportById(tx, id) !== null);
    repo.insertMunitionReport(tx, {
      id: reportId,
      eventId,
      sourceId,
      weaponCategory: plan.weaponCategory,
      weaponModel: plan.weaponModel,
      ...figures,
      createdAt: now,
      updatedAt: now,
    });
  }
  // The post's citation follows the report, also to another event should its window be regrouped.
  const cited = applyCitation(tx, repo.findMunitionCitation(tx, reportId, sourceId), {
    id: hashId(OWNED_ID_PREFIX.citation, `munition:${reportId}`),
    eventId,
    sourceId,
    munitionReportId: reportId,
    locator: plan.locator,
    now,
  });
  let outcome: keyof Tally = 'created';
  if (existing) {
    outcome = isEmpty(patch) && !cited ? 'unchanged' : 'updated';
    if (outcome === 'updated') repo.updateMunitionReport(tx, reportId, { ...patch, updatedAt: now });
  }
  count(t, outcome);
}

/**
 * The post's citation of an event or report, read via the dataset: updated in place (the seed's
 * too, whose wording the locators follow) or created. Returns whether anything was written.
 */
function applyCitation(
  tx: repo.Writer,
  existing: ReturnType<typeof repo.findEventCitation>,
  c: { id: string; eventId: string; sourceId: string; munitionReportId?: string; locator: string; now: string },
): boolean {
  const desired = { eventId: c.eventId, viaSourceId: VIA, locator: c.locator };
  if (existing) {
    const patch = changes(existing, desired);
    if (isEmpty(patch)) return false;
    repo.updateCitation(tx, existing.id, { ...patch, updatedAt: c.now });
    return true;
  }
  const id = freeId(c.id, (candidate) => repo.getCitationById(tx, candidate) !== null);
  repo.insertCitation(tx, { id, sourceId: c.sourceId, munitionReportId: c.munitionReportId ?? null, quote: null, ...desired, createdAt: c.now, updatedAt: c.now });
  return true;
}

/** The derived id, or (should a record already hold it) the same id with a counter. */
function freeId(id: string, taken: (id: string) => boolean): string {
  let candidate = id;
  for (let n = 2; taken(candidate); n += 1) candidate = `${id}_${n}`;
  return candidate;
}

/** The summary as printed by `npm run import:airforce`. */
export function formatSummary(summary: ImportSummary, options: { listed?: number } = {}): string {
  const listed = options.listed ?? 5;
  const tallyLine = (t: Tally) => `${t.created} created, ${t.updated} updated, ${t.unchanged} unchanged`;
  const lines = [
    `rows read:          ${summary.rowsRead}`,
    `rows imported:      ${summary.rowsImported}`,
    `rows rejected:      ${summary.rowsRejected}`,
    `events:             ${tallyLine(summary.events)}${summary.eventsMerged ? `, ${summary.eventsMerged} merged into a grown window and removed` : ''}`,
    `munition reports:   ${tallyLine(summary.munitionReports)}`,
    `sources:            ${tallyLine(summary.sources)}`,
  ];
  if (!summary.catalogueUsed) lines.push('no weapon catalogue: every weapon_category is unspecified');
  const grouped = <C extends string>(items: { line: number; code: C }[], order: readonly C[], title: string) => {
    if (items.length === 0) return;
    lines.push(title);
    for (const code of order) {
      const matching = items.filter((i) => i.code === code).map((i) => i.line);
      if (matching.length === 0) continue;
      const more = matching.length > listed ? ` and ${matching.length - listed} more` : '';
      lines.push(`  ${code} (${matching.length}): line${matching.length > 1 ? 's' : ''} ${matching.slice(0, listed).join(', ')}${more}`);
    }
  };
  grouped(summary.rejections.map((r) => ({ line: r.line, code: r.reason })), REJECTION_REASONS, 'rejected rows by reason:');
  grouped(summary.warnings, WARNING_CODES, 'imported with warnings:');
  return lines.join('\n');
}
