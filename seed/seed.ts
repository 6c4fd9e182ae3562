// Loads curated datasets into the database in one transaction. Idempotent: a record whose id is
// already present is left as it is, so a second run changes nothing and never undoes an editor's
// later correction of a seed record.
import { getTableColumns, type Table } from 'drizzle-orm';
import { WRITE_TRANSACTION, type Db } from '../src/db/client.js';
import {
  actors,
  casualtyReports,
  citations,
  damageReports,
  eventActors,
  events,
  munitionReports,
  relations,
  sources,
} from '../src/db/schema.js';
import { nowTimestamp, spanEnd } from '../src/lib/time.js';
import type { ResourceType } from '../src/domain/vocabulary.js';
import { tombstonedIds } from '../src/modules/history/history.repository.js';
import { entryById, placeOfEntry } from '../src/domain/places.js';
import { replacePlaces } from '../src/modules/events/events.write.repository.js';
import type { SeedDataset } from './dataset-types.js';
import { kyivJuly2025 } from './kyiv-2025-07-04.js';

export const DATASETS: SeedDataset[] = [kyivJuly2025];

export type SeedSummary = { inserted: number; unchanged: number };

function gazetteerEntry(id: string) {
  const entry = entryById(id);
  if (!entry) throw new Error(`seed: no gazetteer entry ${id}`);
  return entry;
}

export async function seedDatabase(db: Db, datasets: SeedDataset[] = DATASETS): Promise<SeedSummary> {
  const summary: SeedSummary = { inserted: 0, unchanged: 0 };
  const now = nowTimestamp();
  const stamp = <T extends object>(rows: T[]) => rows.map((row) => ({ ...row, createdAt: now, updatedAt: now }));

  db.transaction((tx) => {
    const inserted = new Set<string>();
    const insert = (table: Table, rows: object[], type?: ResourceType) => {
      const hasTimestamps = 'createdAt' in getTableColumns(table);
      // A record an editor deleted stays deleted: its id is never reused.
      const deleted = type ? tombstonedIds(tx, type) : new Set<string>();
      for (const row of hasTimestamps ? stamp(rows) : rows) {
        const id = (row as { id?: string }).id;
        if (id !== undefined && deleted.has(id)) {
          summary.unchanged += 1;
          continue;
        }
        const result = tx.insert(table).values(row as never).onConflictDoNothing().run();
        if (result.changes > 0) {
          summary.inserted += 1;
          if (id !== undefined) inserted.add(id);
        } else summary.unchanged += 1;
      }
    };
    for (const d of datasets) {
      // Parents before children, so foreign keys hold at every step.
      insert(sources, d.sources, 'source');
      insert(actors, d.actors, 'actor');
      insert(
        events,
        d.events.map((e) => ({ ...e, spanEndAt: spanEnd({ endAt: null, endPrecision: null, ...e }) })),
        'event',
      );
      // An event's actors are part of its record: linked only when the event itself is new, so an
      // editor's change to them is not undone.
      const links = d.eventActors.filter((link) => inserted.has(link.eventId));
      summary.unchanged += d.eventActors.length - links.length;
      insert(eventActors, links);
      // Places likewise: part of the event's record, set only with a new event.
      for (const eventId of new Set(d.eventPlaces.map((p) => p.eventId))) {
        const places = d.eventPlaces.filter((p) => p.eventId === eventId);
        if (!inserted.has(eventId)) {
          summary.unchanged += places.length;
          continue;
        }
        replacePlaces(tx, eventId, places.map((p) => placeOfEntry(gazetteerEntry(p.gazetteerId), p.role, p.name)));
        summary.inserted += places.length;
      }
      insert(casualtyReports, d.casualtyReports, 'casualty_report');
      insert(munitionReports, d.munitionReports, 'munition_report');
      insert(damageReports, d.damageReports, 'damage_report');
      insert(relations, d.relations, 'relation');
      insert(citations, d.citations, 'citation');
    }
  }, WRITE_TRANSACTION);
  return summary;
}
