// POST, PATCH and DELETE /v1/sources: editors add and correct who said what.
import type { FastifyPluginAsync } from 'fastify';
import { camelFields } from '../records/records.writes.js';
import { registerRecordRoutes } from '../records/record-routes.js';
import type { SourceRow } from '../../db/schema.js';
import { presentSourceDetail } from './sources.present.js';
import { sourceStore } from './sources.repository.js';
import { SOURCE_FACTS_SHOWN, sourceBodies, sourceDetailSchema } from './sources.schemas.js';

const EMPTY = { title: null, url: null, reference: null, publishedAt: null, notes: null };

export const sourceWriteRoutes: FastifyPluginAsync = async (app) => {
  registerRecordRoutes(app, {
    store: sourceStore,
    path: '/sources',
    tag: 'sources',
    name: 'Source',
    idPrefix: 'src',
    bodies: sourceBodies,
    representation: sourceDetailSchema,
    render: async (reads, row) => presentSourceDetail(row, await reads.sources.facts(row.id, SOURCE_FACTS_SHOWN + 1), await reads.sources.countFacts(row.id)),
    fromCreate: (_tx, input, id, now) => ({ ...EMPTY, ...camelFields(input), id, createdAt: now, updatedAt: now }) as SourceRow,
    fromPatch: (_tx, current, patch, now) => ({ ...current, ...camelFields(patch), updatedAt: now }),
  });
};
