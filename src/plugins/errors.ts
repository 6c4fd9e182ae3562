// One error handler for the whole app: every error leaves as an RFC 9457 problem. Client mistakes
// name the offending parameter; anything unexpected is logged with context and answered with a
// 500 that reveals nothing internal.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { PROBLEM_CONTENT_TYPE, ProblemError, problemFor, problemResponses, type ProblemCode, type ProblemExtras, type ProblemParameter } from '../lib/problem.js';

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

function sendProblem(reply: FastifyReply, request: FastifyRequest, code: ProblemCode, detail: string, errors?: ProblemParameter[], extras?: ProblemExtras) {
  const problem = problemFor(code, detail, request.url.split('?')[0], errors, extras);
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}

export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof ProblemError) {
        if (error.code === 'SITREP_UNAUTHORIZED') reply.header('www-authenticate', 'Bearer realm="sitrep"');
        return sendProblem(reply, request, error.code, error.message, error.errors, error.extras);
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        const where = LOCATION[error.validationContext ?? ''] ?? 'query';
        const errors = error.validation.flatMap((issue) => {
          const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
          // A strict body names each field it does not accept, one entry per field.
          if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params.keys)) {
            return (issue.params.keys as string[]).map((key) => ({
              in: where,
              name: path ? `${path}.${key}` : key,
              reason: SERVER_OWNED_FIELDS.has(key) ? 'is set by the server and cannot be written' : 'is not a field that can be written here',
            }));
          }
          return [{ in: where, name: path || '(root)', reason: issue.message ?? 'is invalid' }];
        });
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

    // A route that validates parameters may answer 400; declare it even where the route forgot.
    app.addHook('onRoute', (route) => {
      const schema = route.schema;
      if (!schema?.response || !(schema.params || schema.querystring || schema.body)) return;
      route.schema!.response = { ...problemResponses(400), ...(schema.response as object) };
    });

    app.setNotFoundHandler((request, reply) =>
      sendProblem(reply, request, 'SITREP_ROUTE_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}. The API is described at /openapi.json.`),
    );
  },
  { name: 'errors' },
);
