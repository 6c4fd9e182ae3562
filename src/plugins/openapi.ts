// The OpenAPI 3.1 document, generated from the routes' zod schemas, served as JSON and YAML, with
// interactive docs at /docs. `npm run openapi:write` commits the same document as openapi.yaml.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applyResponseHeaders, requirePreconditionHeaders, resolveResponseHeaders } from '../lib/openapi-headers.js';

import { pruneUnusedSchemas } from '../lib/openapi-prune.js';
import { unwrapSingleRefs, wrapRefsWithSiblings } from '../lib/openapi-refs.js';
import { collapseInputTwins } from '../lib/openapi-twins.js';
import { describeResponsesBySchema } from '../lib/openapi-responses.js';
import { notModifiedResponse } from '../lib/http.js';
import { noQueryParameters } from '../lib/query.js';

export const API_VERSION = '0.1.0';

/** Every server the document names serves the public API (`x-internal`, Stoplight's mark, which the OWASP ruleset reads). */
function publicServers<T extends { servers?: Array<Record<string, unknown>> }>(doc: T): T {
  return doc.servers ? { ...doc, servers: doc.servers.map((server) => ({ ...server, 'x-internal': false })) } : doc;
}

/**
 * What the document goes through once built, in order: `$ref`s back beside their siblings, unused
 * components dropped, input twins collapsed, responses described by their schemas, response
 * headers referenced, servers marked public.
 */
const FINISHING_STEPS: ReadonlyArray<(doc: never) => unknown> = [
  unwrapSingleRefs,
  pruneUnusedSchemas,
  collapseInputTwins,
  describeResponsesBySchema,
  applyResponseHeaders,
  publicServers,
];

/** The parts of a route's schema that hold JSON schemas (the rest is operationId, summary, tags…). */
const ROUTE_SCHEMAS = new Set(['headers', 'querystring', 'params', 'body', 'response']);

export default fp<{ publicBaseUrl: string | null }>(
  async (app, { publicBaseUrl }) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'sitrep',
          version: API_VERSION,
          description:
            'Conflict-event records where every figure carries its source. Casualty, munition and damage figures are ' +
            'claims by named sources, each with a verbatim quote or a locator; where sources disagree, every claim is shown.',
          license: { name: 'MIT', identifier: 'MIT' },
        },
        // PUBLIC_BASE_URL where it is set; else relative, so /docs' "Try it out" and generated
        // clients call whichever host serves the document (never the host a request named).
        servers: publicBaseUrl
          ? [{ url: publicBaseUrl, description: 'This server (PUBLIC_BASE_URL)' }]
          : [{ url: '/', description: 'The server this document was fetched from' }],
        // Reads are open unless the server sets REQUIRE_KEY_FOR_READS; writes declare `bearer`.
        security: [{}, { bearer: [] }],
        components: {
          securitySchemes: {
            bearer: {
              type: 'http',
              scheme: 'bearer',
              description: 'An API key (`sitrep_key_…`) from `npm run keys:create` or `POST /v1/keys`. Writes need the editor role, key management the admin role.',
            },
          },
        },
        tags: [
          { name: 'events', description: 'What happened, when, where, and each source\'s figures.' },
          { name: 'actors', description: 'People, states, forces and organisations.' },
          { name: 'places', description: 'The gazetteer: the places events concern, their names in every spelling, their codes and coordinates.' },
          { name: 'sources', description: 'Who said what, and the facts each source supports.' },
          { name: 'timeline', description: 'What happened, in what order, around a given moment.' },
          { name: 'reports', description: 'Every figure as one source\'s claim, and every citation with the fact it backs: lists and CSV/NDJSON files.' },
          { name: 'statistics', description: 'Totals per period, each event counted once, with every source\'s own totals beside them.' },
          { name: 'history', description: 'Revisions of records and the feed of every change, for readers and for incremental sync.' },
          { name: 'keys', description: 'API keys, for admins.' },
          { name: 'health', description: 'Liveness and readiness probes.' },
          { name: 'meta', description: 'This API\'s own description.' },
        ],
      },
      transform: (route) => {
        const { schema, url } = jsonSchemaTransform(route);
        const parts = Object.entries(schema as Record<string, unknown>).map(([key, value]) => [key, ROUTE_SCHEMAS.has(key) ? wrapRefsWithSiblings(value) : value]);
        return { schema: resolveResponseHeaders(requirePreconditionHeaders(Object.fromEntries(parts))), url };
      },
      transformObject: (document) =>
        FINISHING_STEPS.reduce<unknown>((doc, step) => step(doc as never), jsonSchemaTransformObject(document)) as ReturnType<typeof jsonSchemaTransformObject>,
    });
    await app.register(swaggerUi, { routePrefix: '/docs' });

    const typed = app.withTypeProvider<ZodTypeProvider>();
    typed.get(
      '/openapi.json',
      {
        config: { cachePolicy: 'document' },
        schema: {
          operationId: 'getOpenApiJson',
          tags: ['meta'],
          summary: 'Get the OpenAPI document as JSON',
          description: 'The document /docs renders and SDK generators read; the same as `/openapi.yaml` and the committed openapi.yaml.',
          querystring: noQueryParameters,
          response: { 200: z.record(z.string(), z.unknown()).describe('An OpenAPI 3.1 document.'), ...notModifiedResponse },
          // Registered before the etag plugin, whose hook declares these for the routes after it.
          responseHeaders: [{ status: [200, 304], headers: ['ETag'] }],
        },
      },
      async () => app.swagger() as unknown as Record<string, unknown>,
    );
    typed.get(
      '/openapi.yaml',
      {
        config: { cachePolicy: 'document' },
        schema: {
          operationId: 'getOpenApiYaml',
          tags: ['meta'],
          summary: 'Get the OpenAPI document as YAML',
          description:
            'Byte for byte the committed openapi.yaml, which `npm run openapi:write` regenerates from the code ' +
            '(but for `servers`, which names PUBLIC_BASE_URL where the server sets it).',
          querystring: noQueryParameters,
          response: { 200: { description: 'An OpenAPI 3.1 document.', content: { 'application/yaml': { schema: z.string() } } }, ...notModifiedResponse },
          responseHeaders: [{ status: [200, 304], headers: ['ETag'] }],
        },
      },
      async (_request, reply) => reply.type('application/yaml').send(app.swagger({ yaml: true })),
    );
  },
  { name: 'openapi' },
);
