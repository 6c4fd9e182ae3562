// Imports an Air Force attack file into the event store in one transaction: plans the records
// (plan.ts), then creates, updates or adopts them so that importing the same file again, or a
// newer snapshot of it, changes only what changed. Each change is a revision authored by the
// importer, and what editors corrected is kept (import-history.ts). Returns a summary to print.
import { WRITE_TRANSACTION, type Db } from '../../src/db/client.js';
import { actors, sources, type ActorRow, type EventRow, type MunitionReportRow, type SourceRow } from '../../src/db/schema.js';
import { SHARED_ACTOR_IDS, SHARED_ACTORS, SHARED_SOURCE_IDS, SHARED_SOURCES } from '../../seed/shared-records.js';
import { nowTimestamp } from '../../src/lib/time.js';
import { actorStore } from '../../src/modules/actors/actors.repository.js';
import { eventStore, type EventRecord } from '../../src/modules/events/events.write.repository.js';
import { citationStore, munitionReportStore } from '../../src/modules/events/events.facts.repository.js';
import type { Snapshot } from '../../src/modules/records/records.repository.js';
import { fullRow, LOADER_AUTHORS, type RecordStore } from '../../src/modules/records/records.writes.js';
import { sourceStore } from '../../src/modules/sources/sources.repository.js';
import * as repo from './airforce.repository.js';
import { importHistory, importWriteContext, isEventLevelCitation, sha256Of, type EditorCorrections, type ImportHistory, type UpdateOutcome } from './import-history.js';
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
  /** The revisions' author is the importer; this is their reason (file, SHA-256, row counts). */
  reason: string;
  revisions: number;
  editorCorrections: EditorCorrections;
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
  /** The file's name, for the revisions' reason. */
  fileName?: string;
  /** SHA-256 (hex) of the file's bytes; by default that of `attacksCsv` in UTF-8. */
  sha256?: string;
};

export function importAirForce(db: Db, input: ImportInput, options: ImportOptions = {}): ImportSummary {
  const catalogue: WeaponCatalogue = input.catalogueCsv === null ? new Map() : parseCatalogue(input.catalogueCsv);
  const plan = planImport(input.attacksCsv, catalogue);
  const now = options.now ?? nowTimestamp();
  const counts = { rowsRead: plan.rowsRead, rowsImported: plan.events.reduce((n, e) => n + e.munitions.length, 0), rowsRejected: plan.rejections.length };
  const file = { name: input.fileName ?? 'an unnamed file', sha256: input.sha256 ?? sha256Of(input.attacksCsv) };
  const ctx = importWriteContext(file, counts, now);
  const summary: ImportSummary = {
    ...counts,
    events: tally(),
    eventsMerged: 0,
    munitionReports: tally(),
    sources: tally(),
    rejections: plan.rejections,
    warnings: plan.warnings,
    catalogueUsed: input.catalogueCsv !== null,
    reason: ctx.reason!,
    revisions: 0,
    editorCorrections: { kept: 0, deletionsKept: 0, conflicts: [] },
  };
  // One transaction: an import that fails half-way leaves the database, and its history, as it was.
  db.transaction((tx) => {
    const history = importHistory(tx, ctx);
    applyPlan(tx, history, plan, summary, now, options.onProgress);
    summary.revisions = history.revisionCount();
    summary.editorCorrections = history.corrections;
  }, WRITE_TRANSACTION);
  return summary;
}

const tally = (): Tally => ({ created: 0, updated: 0, unchanged: 0 });

const ATTACK_ROLES = [
  { actorId: SHARED_ACTOR_IDS.russianArmedForces, role: 'initiator' as const },
  { actorId: SHARED_ACTOR_IDS.ukraine, role: 'target' as const },
  { actorId: SHARED_ACTOR_IDS.ukrainianAirForce, role: 'defender' as const },
];

/** The shared records as this import may use them: an editor may have deleted one. */
type Shared = { roles: typeof ATTACK_ROLES; via: string | null };

function applyPlan(tx: repo.Writer, history: ImportHistory, plan: ImportPlan, summary: ImportSummary, now: string, onProgress?: (done: number, total: number) => void): void {
  const shared = ensureSharedRecords(tx, history, now);
  const sourceIds = new Map<string, string | null>();
  for (const source of plan.sources) sourceIds.set(source.id, applySource(tx, history, source, summary.sources, now));

  // Events matched by import key are claimed first, so that adopting by window (for a window
  // that changed) can never take an event another window of this file still owns.
  const byKey = plan.events.map((e) => repo.getEventByImportKey(tx, e.importKey));
  const claimed = new Set(byKey.flatMap((e) => (e ? [e.id] : [])));
  plan.events.forEach((eventPlan, i) => {
    const sourceId = sourceIds.get(eventPlan.source.id)!;
    // A post whose source an editor deleted is left out, and so is an event an editor deleted.
    const eventId = sourceId === null ? null : applyEvent(tx, history, shared, eventPlan, byKey[i] ?? null, sourceId, claimed, summary.events, now);
    if (eventId !== null) {
      for (const munition of eventPlan.munitions) applyMunition(tx, history, shared, munition, eventId, sourceId!, summary.munitionReports, now);
    }
    onProgress?.(i + 1, plan.events.length);
  });
  const postSources = [...sourceIds.values()].filter((id): id is string => id !== null);
  summary.eventsMerged = removeMergedEvents(tx, history, new Set(postSources), claimed);
}

/**
 * Creates the shared actors and the dataset source where they are missing (never changing them),
 * unless an editor deleted one: then the import does without it.
 */
function ensureSharedRecords(tx: repo.Writer, history: ImportHistory, now: string): Shared {
  const present = <Row extends { id: string }>(store: RecordStore<Row>, record: Omit<Row, 'createdAt' | 'updatedAt'>): boolean => {
    if (store.get(tx, record.id)) return true;
    const row = { ...record, createdAt: now, updatedAt: now } as unknown as Row;
    return history.createUnlessDeleted(store, row, () => false) !== null;
  };
  const actorsPresent = new Set(SHARED_ACTORS.filter((actor) => present<ActorRow>(actorStore, fullRow(actors, actor))).map((actor) => actor.id));
  const sourcesPresent = new Set(SHARED_SOURCES.filter((source) => present<SourceRow>(sourceStore, fullRow(sources, source))).map((source) => source.id));
  return {
    roles: ATTACK_ROLES.filter((r) => actorsPresent.has(r.actorId)),
    via: sourcesPresent.has(SHARED_SOURCE_IDS.airForceDataset) ? SHARED_SOURCE_IDS.airForceDataset : null,
  };
}

/**
 * An event this importer created earlier whose rows all belong to another event now (its window
 * was joined to a neighbour's) would stay behind as an empty duplicate: it is removed. Only the
 * importer's own events, of the posts in this file, with no report left, are considered, so an
 * import of part of the dataset never removes anything.
 */
function removeMergedEvents(tx: repo.Writer, history: ImportHistory, sourceIds: Set<string>, claimed: Set<string>): number {
  let removed = 0;
  for (const sourceId of sourceIds) {
    for (const event of repo.listEventsCitedBySource(tx, sourceId, OWNED_ID_PREFIX.event)) {
      if (claimed.has(event.id) || repo.countMunitionReports(tx, event.id) > 0) continue;
      if (removeMergedEvent(tx, history, event.id)) removed += 1;
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

/**
 * One source per post: an existing source with that reference (the seed's) is used as it is.
 * Null when an editor deleted the post's source: nothing of the post is imported.
 */
function applySource(tx: repo.Writer, history: ImportHistory, plan: SourcePlan, t: Tally, now: string): string | null {
  const existing: SourceRow | null = plan.reference ? repo.findSourceByReference(tx, plan.reference) : repo.getSourceById(tx, plan.id);
  const desired = { kind: plan.kind, publisher: plan.publisher, title: plan.title, url: plan.url, reference: plan.reference, notes: plan.notes };
  if (!existing) {
    if (plan.reference !== null && history.curatedDeletedByEditor('source', (before) => before.reference === plan.reference)) return null;
    const id = history.createUnlessDeleted(sourceStore, { id: plan.id, ...desired, publishedAt: null, createdAt: now, updatedAt: now }, (id) => repo.getSourceById(tx, id) !== null);
    if (id !== null) count(t, 'created');
    return id;
  }
  const patch = owned(existing.id, OWNED_ID_PREFIX.source) ? changes(existing, desired) : {};
  count(t, isEmpty(patch) ? 'unchanged' : tallied(history.update(sourceStore, existing, patch)));
  return existing.id;
}

/**
 * Finds the event by its import key; else adopts an event the post's source already cites over
 * an overlapping window (the seed's Kyiv strike; an earlier import whose window has grown); else
 * creates it. An adopted curated event keeps its own title, summary, time and place: only its
 * import key, actors and the post's citation are managed here. Null when an editor deleted it.
 */
function applyEvent(
  tx: repo.Writer,
  history: ImportHistory,
  shared: Shared,
  plan: EventPlan,
  foundByKey: EventRow | null,
  sourceId: string,
  claimed: Set<string>,
  t: Tally,
  now: string,
): string | null {
  const window = { startAt: plan.fields.startAt, spanEndAt: plan.fields.spanEndAt };
  let existing = foundByKey;
  if (!existing) existing = repo.listEventsCitedBySourceInWindow(tx, sourceId, window).find((e) => !claimed.has(e.id)) ?? null;

  let eventId: string;
  let written: UpdateOutcome | 'created' = 'created';
  let adopted = false;
  if (existing) {
    eventId = existing.id;
    adopted = claimImportKey(tx, existing, plan.importKey, repo.setEventImportKey);
    const current = eventStore.get(tx, eventId)!;
    const ownedEvent = owned(existing.id, OWNED_ID_PREFIX.event);
    const desired: Partial<EventRecord> = ownedEvent ? changes(current, plan.fields) : {};
    // The places its rows name; a curated event (the seed's) keeps the places its editors gave it.
    if (ownedEvent && JSON.stringify(current.places) !== JSON.stringify(plan.places)) desired.places = plan.places;
    const actors = withRoles(current.actors, shared.roles);
    if (actors.length > current.actors.length) desired.actors = actors;
    written = isEmpty(desired) ? 'unchanged' : history.update(eventStore, current, desired);
  } else {
    if (history.curatedEventDeletedByEditor(sourceId, window)) return null;
    const record: EventRecord = { id: plan.id, ...plan.fields, importKey: plan.importKey, createdAt: now, updatedAt: now, actors: shared.roles, places: plan.places };
    const created = history.createUnlessDeleted(eventStore, record, (id) => repo.getEventById(tx, id) !== null);
    if (created === null) return null;
    eventId = created;
  }
  claimed.add(eventId);

  const cited = applyCitation(tx, history, shared, repo.findEventCitation(tx, eventId, sourceId), {
    id: hashId(OWNED_ID_PREFIX.citation, `event:${eventId}:${sourceId}`),
    eventId,
    sourceId,
    locator: plan.locator,
    now,
  });
  // Adopting the event, or a new citation (which changes what it reads as), counts as an update.
  count(t, written === 'created' ? 'created' : written === 'updated' || adopted || cited ? 'updated' : 'unchanged');
  return eventId;
}

/**
 * Finds the report by its import key; else adopts the seed's report of the same event, source and
 * weapon model; else creates it. The figures are the post's and follow the file unless an editor
 * corrected them; an adopted curated report keeps its own model and category.
 */
function applyMunition(tx: repo.Writer, history: ImportHistory, shared: Shared, plan: MunitionPlan, eventId: string, sourceId: string, t: Tally, now: string): void {
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
  };
  let report: MunitionReportRow;
  let written: UpdateOutcome | 'created' = 'created';
  let adopted = false;
  if (existing) {
    adopted = claimImportKey(tx, existing, plan.importKey, repo.setMunitionReportImportKey);
    const desired = owned(existing.id, OWNED_ID_PREFIX.munition)
      ? { eventId, sourceId, weaponCategory: plan.weaponCategory, weaponModel: plan.weaponModel, ...figures }
      : figures;
    const patch = changes(existing, desired);
    written = isEmpty(patch) ? 'unchanged' : history.update(munitionReportStore, existing, patch);
    report = written === 'updated' ? { ...existing, ...patch } : existing;
  } else {
    const adoptedByEditor = (before: Snapshot) => before.event_id === eventId && before.source_id === sourceId && before.weapon_model === plan.weaponModel;
    if (!owned(eventId, OWNED_ID_PREFIX.event) && history.curatedDeletedByEditor('munition_report', adoptedByEditor)) return;
    report = {
      id: plan.id,
      eventId,
      sourceId,
      weaponCategory: plan.weaponCategory,
      weaponModel: plan.weaponModel,
      ...figures,
      importKey: plan.importKey,
      createdAt: now,
      updatedAt: now,
    };
    const id = history.createUnlessDeleted(munitionReportStore, report, (id) => repo.getMunitionReportById(tx, id) !== null);
    if (id === null) return;
    report = { ...report, id };
  }
  // The post's citation follows the report, also to another event should its window be regrouped
  // (to the event the report is in: an editor may have kept it where it was).
  const cited = applyCitation(tx, history, shared, repo.findMunitionCitation(tx, report.id, sourceId), {
    id: hashId(OWNED_ID_PREFIX.citation, `munition:${report.id}`),
    eventId: report.eventId,
    sourceId,
    munitionReportId: report.id,
    locator: plan.locator,
    now,
  });
  count(t, written === 'created' ? 'created' : written === 'updated' || adopted || cited ? 'updated' : 'unchanged');
}

/**
 * The post's citation of an event or report, read via the dataset: updated in place (the seed's
 * too, whose wording the locators follow) or created. Returns whether anything was written.
 */
function applyCitation(
  tx: repo.Writer,
  history: ImportHistory,
  shared: Shared,
  existing: ReturnType<typeof repo.findEventCitation>,
  c: { id: string; eventId: string; sourceId: string; munitionReportId?: string; locator: string; now: string },
): boolean {
  const desired = { eventId: c.eventId, viaSourceId: shared.via, locator: c.locator };
  if (existing) {
    const patch = changes(existing, desired);
    return !isEmpty(patch) && history.update(citationStore, existing, patch) === 'updated';
  }
  const munitionReportId = c.munitionReportId ?? null;
  const sameFact = (before: Snapshot) =>
    before.source_id === c.sourceId &&
    (munitionReportId === null ? before.event_id === c.eventId && isEventLevelCitation(before) : before.munition_report_id === munitionReportId);
  const curatedFact = munitionReportId === null ? !owned(c.eventId, OWNED_ID_PREFIX.event) : !owned(munitionReportId, OWNED_ID_PREFIX.munition);
  if (curatedFact && history.curatedDeletedByEditor('citation', sameFact)) return false;
  const row = {
    id: c.id,
    sourceId: c.sourceId,
    casualtyReportId: null,
    munitionReportId,
    damageReportId: null,
    relationId: null,
    quote: null,
    ...desired,
    createdAt: c.now,
    updatedAt: c.now,
  };
  return history.createUnlessDeleted(citationStore, row, (candidate) => repo.getCitationById(tx, candidate) !== null) !== null;
}

/**
 * Sets the import key on a record found by other means (adopted, or a grown window); it is
 * bookkeeping, so no revision. Returns whether it was set.
 */
function claimImportKey<Row extends { id: string; importKey: string | null }>(
  tx: repo.Writer,
  row: Row,
  importKey: string,
  write: (tx: repo.Writer, id: string, importKey: string) => void,
): boolean {
  if (row.importKey === importKey) return false;
  write(tx, row.id, importKey);
  row.importKey = importKey;
  return true;
}

/** The event's actor links with the attack's roles added where missing. */
function withRoles(links: EventRecord['actors'], roles: Shared['roles']): EventRecord['actors'] {
  const missing = roles.filter((r) => !links.some((l) => l.actorId === r.actorId && l.role === r.role));
  return [...links, ...missing];
}

/** An update kept for an editor counts as unchanged: the import did not change the record. */
const tallied = (outcome: UpdateOutcome): keyof Tally => (outcome === 'updated' ? 'updated' : 'unchanged');

/**
 * Removes an event this import merged into another, with its citations, unless an editor took
 * part in its history (changed it, or added or changed anything on it): then it stays.
 */
function removeMergedEvent(tx: repo.Writer, history: ImportHistory, eventId: string): boolean {
  if (repo.countEventFactsBesidesCitations(tx, eventId) > 0 || history.eventChangedByEditor(eventId)) {
    history.keptForEditor();
    return false;
  }
  for (const citation of repo.listEventCitations(tx, eventId)) history.remove(citationStore, citation);
  history.remove(eventStore, eventStore.get(tx, eventId)!);
  return true;
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
    ...formatHistory(summary),
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

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The summary's lines on the history: revisions written, and what editors changed that the import kept. */
function formatHistory(summary: ImportSummary): string[] {
  const { kept, deletionsKept, conflicts } = summary.editorCorrections;
  const lines = [
    summary.revisions === 0
      ? 'revisions:          0 (nothing changed)'
      : `revisions:          ${summary.revisions} by ${LOADER_AUTHORS.airForceImport.keyId}, reason: ${summary.reason}`,
    `editors' changes:   kept ${plural(kept, 'editor correction')} and ${plural(deletionsKept, 'editor deletion')}, ${plural(conflicts.length, 'conflict')}`,
  ];
  if (conflicts.length) lines.push('conflicts (kept as the editor has them, though the file changed them too since they were last loaded):');
  for (const c of conflicts) {
    const editor = c.editor === null ? 'deleted it' : `has ${JSON.stringify(c.editor)}`;
    lines.push(`  ${c.resourceType} ${c.resourceId}: the editor ${editor}; the file now says ${JSON.stringify(c.file)}`);
  }
  return lines;
}
