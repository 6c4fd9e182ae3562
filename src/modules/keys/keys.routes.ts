// /v1/keys: API key management, for admins only. Keys are created here or with
// `npm run keys:create`; the key is shown once and stored as a hash.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiKeyRow } from '../../db/schema.js';
import { idParamsSchema } from '../../lib/http.js';
import { notFound, problemResponses } from '../../lib/problem.js';
import { publicUrl } from '../../lib/public-url.js';
import { noQueryParameters } from '../../lib/query.js';
import { BEARER_SECURITY } from '../../lib/write-http.js';
import { apiKeyListSchema, createApiKeyBodySchema, createdApiKeySchema, type ApiKeyWire } from './keys.schemas.js';
import { z } from 'zod';

export function presentApiKey(row: ApiKeyRow): ApiKeyWire {
  return { id: row.id, name: row.name, role: row.role, created_at: row.createdAt, revoked_at: row.revokedAt };
}

export const keyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/keys',
    {
      onRequest: app.requireRole('admin'),
      // Who holds which key is for admins only, and not for any cache to keep.
      config: { cachePolicy: 'no-store' },
      schema: {
        operationId: 'listApiKeys',
        tags: ['keys'],
        summary: 'List API keys',
        description: 'Every key with its holder, role and state. Secrets are never shown: sitrep keeps only their hashes.',
        security: BEARER_SECURITY,
        querystring: noQueryParameters,
        response: { 200: apiKeyListSchema, ...problemResponses(401, 403) },
      },
    },
    async () => ({ data: (await app.store.keys.list()).map(presentApiKey) }),
  );

  app.post(
    '/keys',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        operationId: 'createApiKey',
        tags: ['keys'],
        summary: 'Create an API key',
        description: 'Answers the new key once, in `key`; store it now. The same as `npm run keys:create`.',
        security: BEARER_SECURITY,
        querystring: noQueryParameters,
        body: createApiKeyBodySchema,
        response: { 201: createdApiKeySchema, ...problemResponses(400, 401, 403) },
        responseHeaders: [{ status: [201], headers: ['Location'] }],
      },
    },
    async (request, reply) => {
      const { row, key } = await app.store.keys.create(request.body);
      reply.code(201).header('location', publicUrl(request, `/v1/keys/${row.id}`));
      return { ...presentApiKey(row), key };
    },
  );

  app.delete(
    '/keys/:id',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        operationId: 'revokeApiKey',
        tags: ['keys'],
        summary: 'Revoke an API key',
        description: 'The key stops working at once. It stays listed, with `revoked_at`, because revisions name it. Revoking twice changes nothing.',
        security: BEARER_SECURITY,
        params: idParamsSchema,
        querystring: noQueryParameters,
        response: { 204: z.undefined().describe('Revoked.'), ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      if (!(await app.store.keys.revoke(request.params.id))) throw notFound('API key', request.params.id);
      return reply.code(204).send();
    },
  );
};
