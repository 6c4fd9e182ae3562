// The shape of a curated dataset: table rows without the columns the loader fills in itself.
import type {
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
import type { PlaceRole } from '../src/domain/vocabulary.js';

type Curated<T extends { $inferInsert: object }> = Omit<T['$inferInsert'], 'createdAt' | 'updatedAt' | 'spanEndAt'>;

export type SeedDataset = {
  sources: Curated<typeof sources>[];
  actors: Curated<typeof actors>[];
  events: Curated<typeof events>[];
  eventActors: (typeof eventActors.$inferInsert)[];
  /** The places each event concerns, as the source names them, by gazetteer entry. */
  eventPlaces: Array<{ eventId: string; role: PlaceRole; name: string; gazetteerId: string }>;
  casualtyReports: Curated<typeof casualtyReports>[];
  munitionReports: Curated<typeof munitionReports>[];
  damageReports: Curated<typeof damageReports>[];
  relations: Curated<typeof relations>[];
  citations: Curated<typeof citations>[];
};
