// Reads of actors. Takes the database, returns rows.
import { and, asc, count, eq, gt, or, sql } from 'drizzle-orm';
import { countOf, tableStore } from '../records/records.writes.js';
import type { Db } from '../../db/client.js';
import { actors, eventActors, type ActorRow } from '../../db/schema.js';
import type { ActorKind, ActorRole } from '../../domain/vocabulary.js';

export type ActorListFilter = {
  kind?: ActorKind;
  country?: string;
  q?: string;
  after?: { name: string; id: string };
  limit: number;
};

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listActors(db: Db, filter: ActorListFilter): Promise<ActorRow[]> {
  const { after } = filter;
  return db
    .select()
    .from(actors)
    .where(
      and(
        filter.kind ? eq(actors.kind, filter.kind) : undefined,
        filter.country ? eq(actors.country, filter.country) : undefined,
        filter.q ? sql`${actors.name} LIKE ${likePattern(filter.q)} ESCAPE '\\'` : undefined,
        after ? or(gt(actors.name, after.name), and(eq(actors.name, after.name), gt(actors.id, after.id))) : undefined,
      ),
    )
    .orderBy(asc(actors.name), asc(actors.id))
    .limit(filter.limit);
}

export async function getActor(db: Db, id: string): Promise<ActorRow | null> {
  return (await db.select().from(actors).where(eq(actors.id, id)).get()) ?? null;
}

export async function countActorRoles(db: Db, id: string): Promise<Array<{ role: ActorRole; eventCount: number }>> {
  return db
    .select({ role: eventActors.role, eventCount: count() })
    .from(eventActors)
    .where(eq(eventActors.actorId, id))
    .groupBy(eventActors.role)
    .orderBy(asc(eventActors.role));
}

/** Actors for the generic write path; an actor still taking part in events cannot be deleted. */
export const actorStore = tableStore<ActorRow>({
  type: 'actor',
  label: 'actor',
  table: actors,
  owners: () => ({ eventId: null, otherEventId: null }),
  dependents: (tx, id) => countOf(tx.select({ n: count() }).from(eventActors).where(eq(eventActors.actorId, id)).get()!.n, 'event link'),
});
