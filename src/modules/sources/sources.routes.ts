// /v1/sources: who said what. A source's page lists every fact it backs, as claimant or channel.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsWithExample, notModifiedResponse } from '../../lib/http.js';
import { decodeCursor, encodeCursor, queryFingerprint } from '../../lib/cursor.js';
import { splitPage } from '../../lib/pagination.js';
import { problemResponses } from '../../lib/problem.js';
import { missingRecord } from '../history/record-routes.js';
import { presentSource, presentSourceFact } from './sources.present.js';
import { getSource, listSourceFacts, listSources } from './sources.repository.js';
import { listSourcesQuerySchema, sourceDetailSchema, sourceListSchema } from './sources.schemas.js';


export const sourceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/sources',
    {
      config: { responseCache: true },
      schema: {
        operationId: 'listSources',
        tags: ['sources'],
        summary: 'List sources',
        description: 'Every source sitrep cites, ordered by id; filter by kind. Pages are keyset cursors: follow `next_cursor` until it is null.',
        querystring: listSourcesQuerySchema,
        response: { 200: sourceListSchema, ...notModifiedResponse, ...problemResponses(400) },
      },
    },
    async (request) => {
      const { limit, cursor, ...filters } = request.query;
      const fingerprint = queryFingerprint(filters);
      const afterId = cursor ? String(decodeCursor(cursor, fingerprint, 1)[0]) : undefined;
      const rows = await listSources(app.db, { kind: filters.kind, afterId, limit: limit + 1 });
      const { page, more } = splitPage(rows, limit);
      return {
        data: page.map(presentSource),
        next_cursor: more ? encodeCursor([page.at(-1)!.id], fingerprint) : null,
      };
    },
  );

  app.get(
    '/sources/:id',
    {
      config: { responseCache: true },
      schema: {
        operationId: 'getSource',
        tags: ['sources'],
        summary: 'Get a source and every fact it supports',
        description:
          'One source and every citation that names it: as `claimant` when it made the claim, as `via` when sitrep read ' +
          'someone else\'s claim in it. Each fact names the event it belongs to.',
        params: idParamsWithExample('src_time'),
        response: { 200: sourceDetailSchema, ...notModifiedResponse, ...problemResponses(404, 410) },
      },
    },
    async (request) => {
      const source = await getSource(app.db, request.params.id);
      if (!source) throw missingRecord(app.db, 'source', 'source', request.params.id);
      const facts = await listSourceFacts(app.db, source.id);
      return { ...presentSource(source), facts: facts.map((f) => presentSourceFact(f, source.id)) };
    },
  );
};
