// What a public API needs in front of its routes: security headers (OWASP's API set on the API's
// answers, helmet's page set on /docs), CORS open to every origin for reads and only to
// configured origins for writes, per-client rate limits with separate budgets for anonymous reads
// and keyed writes, and a 503 instead of an ever-growing queue when the event loop is overloaded.
// Every refusal leaves as a problem+json through the errors plugin, and every route's OpenAPI
// entry declares the 429 and 503 it can now answer.
import cors from '@fastify/cors';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { HttpLimits } from '../config.js';
import { ProblemError, problemResponses } from '../lib/problem.js';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Probes answer monitors and orchestrators however busy the API is: no rate limit on either, and
// liveness is never refused for load (an orchestrator would restart a healthy, busy process).
const PROBES = new Set(['/healthz', '/readyz']);
const LIVENESS = '/healthz';
const DOCS = '/docs';

const API_SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'cross-origin',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
};

const isRead = (request: FastifyRequest) => READ_METHODS.has(request.method);

/**
 * A keyed client is counted by its key's id, others by address. The auth plugin's app-wide hook
 * has run by then (rate limits hook each route), so a request with a bad key was already refused.
 */
function clientKey(request: FastifyRequest): string {
  const who = request.apiKey ? `key:${request.apiKey.id}` : `ip:${request.ip}`;
  return `${isRead(request) ? 'read' : 'write'}:${who}`;
}

export default fp<{ limits: HttpLimits }>(
  async (app, { limits }) => {
    // Each route gets 429 and 503 in its OpenAPI responses, since any request may meet them.
    app.addHook('onRoute', (route) => {
      // Probes must answer even when a monitor polls them often: no rate limit on their routes
      // at all, rather than an allow-list every other request would be checked against.
      if (PROBES.has(route.url)) route.config = { ...route.config, rateLimit: false };
      if (route.schema?.hide || !route.schema?.response || route.url === LIVENESS) return;
      const added = PROBES.has(route.url) ? problemResponses(503) : problemResponses(429, 503);
      route.schema.response = { ...added, ...(route.schema.response as object) };
    });

    // The API's answers get the headers OWASP's REST Security Cheat Sheet asks of an API: data is
    // never rendered, framed or sniffed, and downloads from other origins' pages are the point of
    // an open API. They are fixed, so they are set from one object; @fastify/helmet built helmet's
    // middleware again for every request, which cost a cached answer a third of its speed, and the
    // headers only a page needs (referrer, opener and DNS-prefetch policies, legacy IE switches)
    // are left to /docs, where Swagger UI loads its scripts and styles from /docs/static and runs an
    // inline bootstrap under helmet's full set, built once.
    const pageHeaders = helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", "'unsafe-inline'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'validator.swagger.io'],
        },
      },
      crossOriginResourcePolicy: { policy: 'cross-origin' },
    });
    app.addHook('onRequest', (request, reply, done) => {
      if (!request.url.startsWith(DOCS)) {
        reply.headers(API_SECURITY_HEADERS);
        return done();
      }
      // helmet 8 throws rather than passing errors on; it has none to give for fixed options.
      pageHeaders(request.raw, reply.raw, () => done());
    });

    const writeOrigins = new Set(limits.corsWriteOrigins);
    await app.register(cors, {
      // Per request: reads (and their preflights) are open to every origin; a write, or the
      // preflight of one, only to the configured origins.
      delegator: (request, callback) => {
        const method = request.method === 'OPTIONS' ? String(request.headers['access-control-request-method'] ?? 'GET').toUpperCase() : request.method;
        const origin = request.headers.origin;
        if (READ_METHODS.has(method)) return callback(null, { origin: '*', exposedHeaders: ['ETag', 'Link', 'Retry-After', 'Location'] });
        callback(null, {
          origin: origin !== undefined && writeOrigins.has(origin),
          methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
          allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'Idempotency-Key'],
          exposedHeaders: ['ETag', 'Link', 'Retry-After', 'Location'],
          credentials: false,
          maxAge: 600,
        });
      },
    });

    const { readsPerMinute, writesPerMinute } = limits.rateLimit;
    if (readsPerMinute > 0 || writesPerMinute > 0) {
      await app.register(rateLimit, {
        timeWindow: 60_000,
        keyGenerator: clientKey,
        // A budget of 0 means unlimited, so one kind of request can be limited without the other.
        max: (request) => (isRead(request) ? readsPerMinute || Number.MAX_SAFE_INTEGER : writesPerMinute || Number.MAX_SAFE_INTEGER),
        errorResponseBuilder: (request, context) =>
          new ProblemError(
            'SITREP_RATE_LIMITED',
            `Too many ${isRead(request) ? 'reads' : 'writes'} from this client: ${context.max} a minute are allowed. Retry in ${context.after}.`,
          ),
      });
    }

    if (limits.maxEventLoopDelayMs > 0) {
      await app.register(underPressure, {
        maxEventLoopDelay: limits.maxEventLoopDelayMs,
        pressureHandler: (request, reply) => {
          if (request.routeOptions.url === LIVENESS) return;
          reply.header('retry-after', '10');
          throw new ProblemError('SITREP_OVERLOADED', 'The server is overloaded and cannot take this request now. Retry in a few seconds.');
        },
      });
    }
  },
  { name: 'security', dependencies: ['errors'] },
);
