// POST, PATCH and DELETE /v1/actors: editors add and correct people, states and forces.
import type { FastifyPluginAsync } from 'fastify';
import type { ActorRow } from '../../db/schema.js';
import { camelFields } from '../records/records.writes.js';
import { registerRecordRoutes } from '../records/record-routes.js';
import { actorStore } from './actors.repository.js';
import { presentActor } from './actors.routes.js';
import { actorBodies, actorDetailSchema } from './actors.schemas.js';

export const actorWriteRoutes: FastifyPluginAsync = async (app) => {
  registerRecordRoutes(app, {
    store: actorStore,
    path: '/actors',
    tag: 'actors',
    name: 'Actor',
    idPrefix: 'act',
    bodies: actorBodies,
    representation: actorDetailSchema,
    render: async (reads, row) => ({
      ...presentActor(row),
      roles: (await reads.actors.roles(row.id)).map((r) => ({ role: r.role, event_count: r.eventCount })),
    }),
    fromCreate: (_tx, input, id, now) => ({ country: null, description: null, ...camelFields(input), id, createdAt: now, updatedAt: now }) as ActorRow,
    fromPatch: (_tx, current, patch, now) => ({ ...current, ...camelFields(patch), updatedAt: now }),
  });
};
