// /v1/sources: who said what. A source's page lists the first facts it backs, as claimant or
// channel, and links to the citations list for the rest.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsWithExample, notModifiedResponse } from '../../lib/http.js';
import { queryFingerprint } from '../../lib/cursor.js';
import { keysetPage } from '../../lib/pagination.js';
import { problemResponses } from '../../lib/problem.js';
import { noQueryParameters } from '../../lib/query.js';
import { presentSource, presentSourceDetail } from './sources.present.js';
import { listSourcesQuerySchema, SOURCE_FACTS_SHOWN, sourceDetailSchema, sourceListSchema } from './sources.schemas.js';


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
      const { page, nextCursor } = await keysetPage({
        fingerprint: queryFingerprint(filters),
        cursor,
        arity: 1,
        limit,
        fetch: (key, count) => app.store.sources.list({ kind: filters.kind, afterId: key && String(key[0]), limit: count }),
        keyOf: (source) => [source.id],
      });
      return { data: page.map(presentSource), next_cursor: nextCursor };
    },
  );

  app.get(
    '/sources/:id',
    {
      config: { responseCache: true },
      schema: {
        operationId: 'getSource',
        tags: ['sources'],
        summary: 'Get a source',
        description:
          'One source and the citations that name it: as `claimant` when it made the claim, as `via` when sitrep read ' +
          `someone else's claim in it. Each fact names the event it belongs to. The first ${SOURCE_FACTS_SHOWN} are here, by id; ` +
          '`facts_total` counts them all and `facts_next` is the `/v1/citations` page with the rest.',
        params: idParamsWithExample('src_time'),
        querystring: noQueryParameters,
        response: { 200: sourceDetailSchema, ...notModifiedResponse, ...problemResponses(404, 410) },
      },
    },
    async (request) => {
      const source = await app.store.sources.get(request.params.id);
      if (!source) throw await app.store.records.missing('source', 'source', request.params.id);
      return presentSourceDetail(source, await app.store.sources.facts(source.id, SOURCE_FACTS_SHOWN + 1), await app.store.sources.countFacts(source.id));
    },
  );
};
