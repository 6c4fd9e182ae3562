// Loads curated datasets into the database in one transaction. Each record it creates is committed
// with a `created` revision authored by the seed, as an editor's would be. Idempotent: a record
// whose id is already present (or was deleted) is left as it is, so a second run writes nothing
// and never undoes an editor's later correction of a seed record.
import type { Table } from 'drizzle-orm';
import { WRITE_TRANSACTION, type Db } from '../src/db/client.js';
import { actors, casualtyReports, citations, damageReports, events, munitionReports, relations, sources } from '../src/db/schema.js';
import { nowTimestamp } from '../src/lib/time.js';
import { actorStore } from '../src/modules/actors/actors.repository.js';
import { eventStore, type EventRecord } from '../src/modules/events/events.write.repository.js';
import { casualtyReportStore, citationStore, damageReportStore, munitionReportStore, relationStore } from '../src/modules/events/events.facts.repository.js';
import { entryById, placeOfEntry } from '../src/domain/places.js';
import { tombstonedIds } from '../src/modules/records/records.repository.js';
import { commitCreate, fullRow, LOADER_AUTHORS, type RecordStore, type WriteContext } from '../src/modules/records/records.writes.js';
import { sourceStore } from '../src/modules/sources/sources.repository.js';
import type { SeedDataset } from './dataset-types.js';
import { kyivJuly2025 } from './kyiv-2025-07-04.js';

export const DATASETS: SeedDataset[] = [kyivJuly2025];

export const SEED_REASON = 'Curated seed dataset (seed/), loaded at start-up or by npm run db:seed';

export type SeedSummary = { inserted: number; unchanged: number };

export async function seedDatabase(db: Db, datasets: SeedDataset[] = DATASETS): Promise<SeedSummary> {
  const summary: SeedSummary = { inserted: 0, unchanged: 0 };
  const now = nowTimestamp();
  const ctx: WriteContext = { ...LOADER_AUTHORS.seed, reason: SEED_REASON, now };

  db.transaction((tx) => {
    /** Creates each record not yet present; `parts` counts the rows a record stands for (an event's actor links). */
    const load = <Row extends { id: string }>(store: RecordStore<Row>, records: Row[], parts: (record: Row) => number = () => 1) => {
      // A record an editor deleted stays deleted: its id is never reused.
      const deleted = tombstonedIds(tx, store.type);
      for (const record of records) {
        if (deleted.has(record.id) || store.get(tx, record.id)) {
          summary.unchanged += parts(record);
          continue;
        }
        commitCreate(tx, store, record, ctx);
        summary.inserted += parts(record);
      }
    };
    const rows = <T extends Table>(table: T, curated: object[]) => curated.map((row) => ({ ...fullRow(table, row), createdAt: now, updatedAt: now }) as T['$inferSelect']);

    for (const d of datasets) {
      // Parents before children, so foreign keys hold at every step.
      load(sourceStore, rows(sources, d.sources));
      load(actorStore, rows(actors, d.actors));
      // An event's actors and places are part of its record: set only when the event itself is
      // new, so an editor's change to them is not undone.
      const eventRecords = rows(events, d.events).map((e) => eventRecord(e, d));
      load(eventStore, eventRecords, (e) => 1 + e.actors.length + e.places.length);
      load(casualtyReportStore, rows(casualtyReports, d.casualtyReports));
      load(munitionReportStore, rows(munitionReports, d.munitionReports));
      load(damageReportStore, rows(damageReports, d.damageReports));
      load(relationStore, rows(relations, d.relations));
      load(citationStore, rows(citations, d.citations));
    }
  }, WRITE_TRANSACTION);
  return summary;
}

function eventRecord(event: typeof events.$inferSelect, dataset: SeedDataset): EventRecord {
  const links = dataset.eventActors.filter((link) => link.eventId === event.id).map((link) => ({ actorId: link.actorId, role: link.role }));
  const places = dataset.eventPlaces.filter((p) => p.eventId === event.id).map((p) => placeOfEntry(gazetteerEntry(p.gazetteerId), p.role, p.name));
  // span_end_at stays null here: eventStore derives it on insert.
  return { ...event, actors: links, places };
}

function gazetteerEntry(id: string) {
  const entry = entryById(id);
  if (!entry) throw new Error(`seed: no gazetteer entry ${id}`);
  return entry;
}
