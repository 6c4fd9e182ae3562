// Loads curated datasets into the database in one transaction. Idempotent: a record whose id is
// already present is left as it is, so a second run changes nothing and never undoes an editor's
// later correction of a seed record.
import { getTableColumns, type Table } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';
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
import type { SeedDataset } from './dataset-types.js';
import { kyivJuly2025 } from './kyiv-2025-07-04.js';

export const DATASETS: SeedDataset[] = [kyivJuly2025];

export type SeedSummary = { inserted: number; unchanged: number };

export async function seedDatabase(db: Db, datasets: SeedDataset[] = DATASETS): Promise<SeedSummary> {
  const summary: SeedSummary = { inserted: 0, unchanged: 0 };
  const now = nowTimestamp();
  const stamp = <T extends object>(rows: T[]) => rows.map((row) => ({ ...row, createdAt: now, updatedAt: now }));

  db.transaction((tx) => {
    const insert = (table: Table, rows: object[]) => {
      const hasTimestamps = 'createdAt' in getTableColumns(table);
      for (const row of hasTimestamps ? stamp(rows) : rows) {
        const result = tx.insert(table).values(row as never).onConflictDoNothing().run();
        if (result.changes > 0) summary.inserted += 1;
        else summary.unchanged += 1;
      }
    };
    for (const d of datasets) {
      // Parents before children, so foreign keys hold at every step.
      insert(sources, d.sources);
      insert(actors, d.actors);
      insert(
        events,
        d.events.map((e) => ({ ...e, spanEndAt: spanEnd({ endAt: null, endPrecision: null, ...e }) })),
      );
      insert(eventActors, d.eventActors);
      insert(casualtyReports, d.casualtyReports);
      insert(munitionReports, d.munitionReports);
      insert(damageReports, d.damageReports);
      insert(relations, d.relations);
      insert(citations, d.citations);
    }
  });
  return summary;
}
