// What the routes may read about sources and the citations that name them, as one async
// interface (see events.reads.ts for why).
import type { Db } from '../../db/client.js';
import type { CitationRow, SourceRow } from '../../db/schema.js';
import { iterateCitations, listCitations, type CitationFilter } from './citations.repository.js';
import { countSourceFacts, getSource, getSourcesByIds, listSourceFacts, listSources, type SourceFactRow, type SourceListFilter } from './sources.repository.js';

export interface SourceReads {
  /** Sources ordered by id, after `afterId`. */
  list(filter: SourceListFilter): Promise<SourceRow[]>;
  get(id: string): Promise<SourceRow | null>;
  /** The sources with these ids (unknown ids are left out). */
  byIds(ids: string[]): Promise<SourceRow[]>;
  /** The first `limit` citations naming the source, by id, with their events' titles and starts. */
  facts(sourceId: string, limit: number): Promise<SourceFactRow[]>;
  /** How many citations name the source. */
  countFacts(sourceId: string): Promise<number>;
  /** A page of citations ordered by id. */
  citations(filter: CitationFilter & { limit: number }): Promise<CitationRow[]>;
  /** Every matching citation from `afterId` on, read as it is consumed. */
  iterateCitations(filter: CitationFilter): AsyncIterable<CitationRow>;
}

export function sqliteSourceReads(db: Db): SourceReads {
  return {
    list: (filter) => listSources(db, filter),
    get: (id) => getSource(db, id),
    byIds: (ids) => getSourcesByIds(db, ids),
    facts: (sourceId, limit) => listSourceFacts(db, sourceId, limit),
    countFacts: async (sourceId) => countSourceFacts(db, sourceId),
    citations: (filter) => listCitations(db, filter),
    iterateCitations: (filter) => iterateCitations(db, filter),
  };
}
