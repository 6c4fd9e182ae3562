// /v1/actors: the people, states, forces and organisations events involve.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ActorRow } from '../../db/schema.js';
import { queryFingerprint } from '../../lib/cursor.js';
import { idParamsWithExample, notModifiedResponse } from '../../lib/http.js';
import { keysetPage } from '../../lib/pagination.js';
import { problemResponses } from '../../lib/problem.js';
import { noQueryParameters } from '../../lib/query.js';
import { actorDetailSchema, actorListSchema, listActorsQuerySchema, type ActorWire } from './actors.schemas.js';

export function presentActor(row: ActorRow): ActorWire {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    country: row.country,
    description: row.description,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}

export const actorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/actors',
    {
      config: { responseCache: true },
      schema: {
        operationId: 'listActors',
        tags: ['actors'],
        summary: 'List actors',
        description: 'Actors ordered by name, then id; filter by kind, country and part of the name. Pages are keyset cursors: follow `next_cursor` until it is null.',
        querystring: listActorsQuerySchema,
        response: { 200: actorListSchema, ...notModifiedResponse, ...problemResponses(400) },
      },
    },
    async (request) => {
      const { limit, cursor, ...filters } = request.query;
      const { page, nextCursor } = await keysetPage({
        fingerprint: queryFingerprint(filters),
        cursor,
        arity: 2,
        limit,
        fetch: (key, count) =>
          app.store.actors.list({ ...filters, after: key ? { name: String(key[0]), id: String(key[1]) } : undefined, limit: count }),
        keyOf: (actor) => [actor.name, actor.id],
      });
      return { data: page.map(presentActor), next_cursor: nextCursor };
    },
  );

  app.get(
    '/actors/:id',
    {
      config: { responseCache: true },
      schema: {
        operationId: 'getActor',
        tags: ['actors'],
        summary: 'Get an actor',
        description: 'One actor, with how many events it appears in per role. List those events with `GET /v1/events?actor=<id>`.',
        params: idParamsWithExample('act_donald_trump'),
        querystring: noQueryParameters,
        response: { 200: actorDetailSchema, ...notModifiedResponse, ...problemResponses(404, 410) },
      },
    },
    async (request) => {
      const actor = await app.store.actors.get(request.params.id);
      if (!actor) throw await app.store.records.missing('actor', 'actor', request.params.id);
      const roles = await app.store.actors.roles(actor.id);
      return { ...presentActor(actor), roles: roles.map((r) => ({ role: r.role, event_count: r.eventCount })) };
    },
  );
};
