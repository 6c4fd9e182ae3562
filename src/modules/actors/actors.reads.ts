// What the routes may read about actors, as one async interface (see events.reads.ts for why).
import type { Db } from '../../db/client.js';
import type { ActorRow } from '../../db/schema.js';
import type { ActorRole } from '../../domain/vocabulary.js';
import { countActorRoles, getActor, listActors, type ActorListFilter } from './actors.repository.js';

export interface ActorReads {
  /** Actors ordered by name, then id, after the key in the filter. */
  list(filter: ActorListFilter): Promise<ActorRow[]>;
  get(id: string): Promise<ActorRow | null>;
  /** How many events the actor appears in, per role. */
  roles(id: string): Promise<Array<{ role: ActorRole; eventCount: number }>>;
}

export function sqliteActorReads(db: Db): ActorReads {
  return {
    list: (filter) => listActors(db, filter),
    get: (id) => getActor(db, id),
    roles: (id) => countActorRoles(db, id),
  };
}
