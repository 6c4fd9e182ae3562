// One error handler for the whole app: every error leaves as an RFC 9457 problem. Client mistakes
// name the offending parameter; anything unexpected is logged with context and answered with a
// 500 that reveals nothing internal.
import type { FastifyError, FastifyReply, FastifyRequest, FastifySchemaValidationError, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { acceptsAnyOf } from '../lib/formats.js';
import { RouteMethods } from '../lib/route-methods.js';
import { PROBLEM_CONTENT_TYPE, ProblemError, problemFor, problemResponses, type ProblemCode, type ProblemExtras, type ProblemParameter } from '../lib/problem.js';
import { isQueryParameters, REPEATED_REASON, requireQueryParameters, takesSeveralValues, unknownParameterReason } from '../lib/query.js';

const LOCATION: Record<string, ProblemParameter['in']> = {
  querystring: 'query',
  params: 'path',
  headers: 'header',
  body: 'body',
};

// Fastify's own 4xx errors (bad JSON, wrong content type, body too large) mapped to stable codes.
const FASTIFY_CODES: Record<number, ProblemCode> = {
  404: 'SITREP_ROUTE_NOT_FOUND',
  405: 'SITREP_METHOD_NOT_ALLOWED',
  406: 'SITREP_NOT_ACCEPTABLE',
  408: 'SITREP_REQUEST_TIMEOUT',
  413: 'SITREP_PAYLOAD_TOO_LARGE',
  415: 'SITREP_UNSUPPORTED_MEDIA_TYPE',
  429: 'SITREP_RATE_LIMITED',
};

// Fields the server sets; a body that sends one is told so rather than that the field is unknown.
const SERVER_OWNED_FIELDS = new Set(['id', 'created_at', 'updated_at', 'deleted_at']);

/** A zod issue as fastify-type-provider-zod hands it over, or straight from zod. */
type Issue = { code: string; path: string[]; message: string; keys?: string[] };

function issueOfValidation(error: FastifySchemaValidationError): Issue {
  const keys = error.params.keys;
  return {
    code: error.keyword,
    path: error.instancePath.split('/').filter(Boolean),
    message: error.message ?? 'is invalid',
    ...(Array.isArray(keys) ? { keys: keys as string[] } : {}),
  };
}

function issueOfZod(issue: z.core.$ZodIssue): Issue {
  return { code: issue.code, path: issue.path.map(String), message: issue.message, ...(issue.code === 'unrecognized_keys' ? { keys: issue.keys } : {}) };
}

/** Body, path and header issues: one entry per issue, nested fields named with dots. */
function fieldProblems(issues: Issue[], where: ProblemParameter['in']): ProblemParameter[] {
  return issues.flatMap((issue) => {
    const path = issue.path.join('.');
    // A strict body names each field it does not accept, one entry per field.
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      return issue.keys.map((key) => ({
        in: where,
        name: path ? `${path}.${key}` : key,
        reason: SERVER_OWNED_FIELDS.has(key) ? 'is set by the server and cannot be written' : 'is not a field that can be written here',
      }));
    }
    return [{ in: where, name: path || '(root)', reason: issue.message }];
  });
}

/**
 * Query issues: each name the operation does not define first (they explain the rest: a typo'd
 * parameter is also a missing one), then one entry per invalid parameter. A single-valued
 * parameter sent twice arrives as an array; zod would call that the wrong type.
 */
function queryProblems(issues: Issue[], schema: z.ZodObject, raw: Record<string, unknown>): ProblemParameter[] {
  const known = Object.keys(schema.shape);
  const unknown = issues
    .filter((issue) => issue.code === 'unrecognized_keys')
    .flatMap((issue) => issue.keys ?? [])
    .map((name) => ({ in: 'query' as const, name, reason: unknownParameterReason(name, known) }));
  const invalid = new Map<string, ProblemParameter>();
  for (const issue of issues) {
    const name = issue.path[0] ?? '(root)';
    if (issue.code === 'unrecognized_keys' || invalid.has(name)) continue;
    const repeated = Array.isArray(raw[name]) && !takesSeveralValues(schema.shape[name]);
    invalid.set(name, { in: 'query', name, reason: repeated ? REPEATED_REASON : issue.message });
  }
  return [...unknown, ...invalid.values()];
}

/**
 * Everything wrong with the request's parameters. Fastify stops at the first part that fails
 * (path, then body, then query), so when the path or body failed the query is checked here too:
 * an unknown query parameter is reported even beside a bad body.
 */
function parameterProblems(error: FastifyError & { validation: FastifySchemaValidationError[] }, request: FastifyRequest): ProblemParameter[] {
  const querySchema = request.routeOptions.schema?.querystring;
  const rawQuery = (request.query ?? {}) as Record<string, unknown>;
  const issues = error.validation.map(issueOfValidation);
  if (error.validationContext === 'querystring' && isQueryParameters(querySchema)) return queryProblems(issues, querySchema, rawQuery);
  const problems = fieldProblems(issues, LOCATION[error.validationContext ?? ''] ?? 'query');
  if ((error.validationContext === 'params' || error.validationContext === 'body') && isQueryParameters(querySchema)) {
    const query = querySchema.safeParse(rawQuery);
    if (!query.success) problems.push(...queryProblems(query.error.issues.map(issueOfZod), querySchema, rawQuery));
  }
  return problems;
}

function sendProblem(reply: FastifyReply, request: FastifyRequest, code: ProblemCode, detail: string, errors?: ProblemParameter[], extras?: ProblemExtras) {
  const problem = problemFor(code, detail, request.url.split('?')[0], errors, extras);
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The methods each path answers (for 405 and OPTIONS answers' `Allow`). */
    routeMethods: RouteMethods;
  }
}

export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof ProblemError) {
        if (error.code === 'SITREP_UNAUTHORIZED') reply.header('www-authenticate', 'Bearer realm="sitrep"');
        return sendProblem(reply, request, error.code, error.message, error.errors, error.extras);
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        const errors = parameterProblems(error, request);
        const detail = errors.map((e) => `${e.name}: ${e.reason}`).join('; ');
        return sendProblem(reply, request, 'SITREP_INVALID_PARAMETER', detail, errors);
      }
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        return sendProblem(reply, request, FASTIFY_CODES[status] ?? 'SITREP_BAD_REQUEST', error.message);
      }
      request.log.error({ err: error, url: request.url, method: request.method }, 'unhandled error');
      return sendProblem(reply, request, 'SITREP_INTERNAL', 'The server could not answer this request. It has been logged.');
    });

    // Every operation declares its query parameters (possibly none), so none is ever ignored.
    app.addHook('onRoute', requireQueryParameters);

    // A route that validates parameters may answer 400; declare it even where the route forgot.
    app.addHook('onRoute', (route) => {
      const schema = route.schema;
      if (!schema?.response || !(schema.params || schema.querystring || schema.body)) return;
      route.schema!.response = { ...problemResponses(400), ...(schema.response as object) };
    });

    // What any operation may answer besides its own statuses: a failure (500, with nothing
    // internal in it), and the answers written before routing (src/app.ts): a request not
    // received in time (408), header fields too large (431) and, where the path has parameters,
    // a segment longer than any id (414).
    app.addHook('onRoute', (route) => {
      if (route.schema?.hide || !route.schema?.response) return;
      const beforeRouting = route.url.includes(':') ? problemResponses(408, 414, 431) : problemResponses(408, 431);
      route.schema.response = { ...problemResponses(500), ...beforeRouting, ...(route.schema.response as object) };
    });

    // An `Accept` that allows nothing an operation answers is a 406 (RFC 9110 §15.5.7), never a
    // JSON 200 that a spreadsheet asking for CSV would take for its file; so the answer varies by
    // `Accept`. Operations with several formats negotiate themselves (lib/format-routes.ts) and
    // declare their 406 already. Route-level, so it runs before the response cache's replay.
    app.addHook('onRoute', (route) => {
      const response = route.schema?.response as Record<string, unknown> | undefined;
      if (!route.url.startsWith('/v1/') || route.schema?.hide || !response || '406' in response) return;
      const mediaTypes = answeredMediaTypes(response);
      if (mediaTypes.length === 0) return;
      route.schema!.response = { ...problemResponses(406), ...response };
      const detail = `This operation answers ${mediaTypes.join(' or ')}; the Accept header allows none of them.`;
      const checkAccept: onRequestHookHandler = (request, reply, done) => {
        const vary = reply.getHeader('vary');
        reply.header('vary', vary ? `${String(vary)}, Accept` : 'Accept');
        done(acceptsAnyOf(request.headers.accept, mediaTypes) ? undefined : new ProblemError('SITREP_NOT_ACCEPTABLE', detail));
      };
      const existing = route.onRequest === undefined ? [] : [route.onRequest].flat();
      route.onRequest = [checkAccept, ...existing] as typeof route.onRequest;
    });

    // Which methods each path answers: a known path asked with another method is a 405 with
    // `Allow` (RFC 9110 §15.5.6), not a 404; security's plain OPTIONS answers read it too.
    const routeMethods = new RouteMethods();
    app.decorate('routeMethods', routeMethods);
    app.addHook('onRoute', (route) => {
      if (route.url !== '*') routeMethods.add(route.url, route.method);
    });

    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0]!;
      const allowed = routeMethods.at(path);
      if (allowed) {
        reply.header('allow', allowed.join(', '));
        return sendProblem(reply, request, 'SITREP_METHOD_NOT_ALLOWED', `${path} answers ${allowed.join(', ')}, not ${request.method}.`);
      }
      return sendProblem(reply, request, 'SITREP_ROUTE_NOT_FOUND', `No route ${request.method} ${path}. The API is described at /openapi.json.`);
    });
  },
  { name: 'errors' },
);

/** The media types of an operation's successful answers with a body: JSON unless declared otherwise. */
function answeredMediaTypes(response: Record<string, unknown>): string[] {
  const types = new Set<string>();
  for (const [status, answer] of Object.entries(response)) {
    if (!/^2\d\d$/.test(status) || status === '204') continue;
    const content = (answer as { content?: Record<string, unknown> } | null)?.content;
    for (const type of content ? Object.keys(content) : ['application/json']) types.add(type);
  }
  return [...types];
}
