// Bearer API keys. Every /v1 request's `Authorization` is checked when present (a bad key is a 401
// even where none is needed, so a client learns its key is wrong); routes that need a role say so
// with `onRequest: app.requireRole('editor')`. Admins may do whatever editors may. Every 401 is
// first counted against the client's address by the security plugin's rate limits, so keys cannot
// be guessed faster than anonymous requests are answered.
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ApiKeyRow } from '../db/schema.js';
import type { KeyRole } from '../domain/vocabulary.js';
import { keyIdOf, keyMatchesHash } from '../lib/api-key.js';
import { declareResponseHeaders } from '../lib/openapi-headers.js';
import { ProblemError, problemResponses } from '../lib/problem.js';

declare module 'fastify' {
  interface FastifyInstance {
    requireRole: (role: KeyRole) => (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
  interface FastifyRequest {
    /** The key the request authenticated with, or null when it sent none. */
    apiKey: ApiKeyRow | null;
  }
}

export type AuthPluginOptions = {
  requireKeyForReads: boolean;
  /** The stored key with this id, or null: the keys module's lookup, handed in so this plugin knows no table. */
  findKey: (id: string) => Promise<ApiKeyRow | null>;
};

const ROLE_RANK: Record<KeyRole, number> = { editor: 1, admin: 2 };

const unauthorized = (detail: string) => new ProblemError('SITREP_UNAUTHORIZED', detail);

export default fp<AuthPluginOptions>(
  async (app, opts) => {
    app.decorateRequest('apiKey', null);

    // Every /v1 operation may answer 401 (a bad key is refused even on an open read), so each
    // declares it; probes and the API's own description never look at keys.
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/v1/') || !route.schema?.response) return;
      route.schema.response = { ...problemResponses(401), ...(route.schema.response as object) };
      declareResponseHeaders(route.schema, { status: [401], headers: ['WWW-Authenticate'] });
    });

    // Counted first: a 429 once the address has spent its budget, else the 401.
    const refuse = async (request: FastifyRequest, reply: FastifyReply, sentKey: boolean, detail: string): Promise<never> => {
      await app.limitUnauthenticated(request, reply, sentKey);
      throw unauthorized(detail);
    };

    // Callback style, not async: it runs on every request, and most carry no key at all.
    app.addHook('onRequest', (request, reply, done) => {
      if (!request.url.startsWith('/v1/')) return done();
      const header = request.headers.authorization;
      const fail = (sentKey: boolean, detail: string) => void refuse(request, reply, sentKey, detail).catch(done);
      if (header === undefined) {
        if (!opts.requireKeyForReads) return done();
        return fail(false, 'This server requires an API key for every /v1 request. Send `Authorization: Bearer <key>`.');
      }
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!match) return fail(true, 'The Authorization header must be `Bearer <key>`.');
      const key = match[1]!;
      const id = keyIdOf(key);
      const accept = (row: ApiKeyRow | null) => {
        if (!row || !keyMatchesHash(key, row.secretHash)) return fail(true, 'The API key is not valid.');
        if (row.revokedAt) return fail(true, 'The API key was revoked.');
        request.apiKey = row;
        // Who acted, never the key itself.
        request.log.info({ key_id: row.id, key_name: row.name }, 'authenticated');
        done();
      };
      if (!id) return accept(null);
      opts.findKey(id).then(accept, done);
    });

    app.decorate('requireRole', (role: KeyRole) => async (request: FastifyRequest, reply: FastifyReply) => {
      if (!request.apiKey) return refuse(request, reply, false, `This operation needs an API key with the ${role} role. Send \`Authorization: Bearer <key>\`.`);
      if (ROLE_RANK[request.apiKey.role] < ROLE_RANK[role]) {
        throw new ProblemError('SITREP_FORBIDDEN', `This operation needs the ${role} role; the key "${request.apiKey.name}" is ${request.apiKey.role === 'editor' ? 'an' : 'a'} ${request.apiKey.role}.`);
      }
    });
  },
  { name: 'auth', dependencies: ['errors', 'security'] },
);
