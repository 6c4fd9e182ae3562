// RFC 9457 problem details: the one error shape sitrep answers with, its zod schema (shared by
// every route's error responses), and the typed error routes throw to produce one.
import { z } from 'zod';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const problemParameterSchema = z
  .object({
    in: z.enum(['query', 'path', 'header', 'body']).describe('Where the offending value was sent.'),
    name: z.string().describe('The parameter or body field, e.g. `limit` or `location.country`.'),
    reason: z.string().describe('Why the value was rejected.'),
  })
  .meta({ id: 'ProblemParameter' });

export const problemSchema = z
  .object({
    type: z.string().describe('A URI naming the kind of problem; stable, one per `code`.'),
    title: z.string().describe('A short summary of the kind of problem.'),
    status: z.number().int().describe('The HTTP status code.'),
    detail: z.string().describe('What went wrong with this request, in plain words.'),
    instance: z.string().optional().describe('The request path that produced the problem.'),
    code: z.string().describe('A stable machine-readable code, always prefixed `SITREP_`.'),
    errors: z.array(problemParameterSchema).optional().describe('One entry per rejected parameter.'),
    deleted_at: z.string().optional().describe('410 only: when the record was deleted (RFC 3339 UTC).'),
    deletion_reason: z.string().nullable().optional().describe('410 only: the editor\'s reason for deleting it.'),
  })
  .meta({
    id: 'Problem',
    description: 'An RFC 9457 problem details object.',
    examples: [
      {
        type: 'urn:sitrep:problem:invalid-parameter',
        title: 'Invalid parameter',
        status: 400,
        detail: 'limit: must be at most 500',
        instance: '/v1/events',
        code: 'SITREP_INVALID_PARAMETER',
        errors: [{ in: 'query', name: 'limit', reason: 'must be at most 500' }],
      },
      {
        type: 'urn:sitrep:problem:not-found',
        title: 'Not found',
        status: 404,
        detail: 'No event has the id "evt_does_not_exist".',
        instance: '/v1/events/evt_does_not_exist',
        code: 'SITREP_NOT_FOUND',
      },
    ],
  });

export type Problem = z.infer<typeof problemSchema>;
export type ProblemParameter = z.infer<typeof problemParameterSchema>;

const CODES = {
  SITREP_INVALID_PARAMETER: { status: 400, title: 'Invalid parameter' },
  SITREP_BAD_REQUEST: { status: 400, title: 'Bad request' },
  SITREP_UNAUTHORIZED: { status: 401, title: 'Unauthorized' },
  SITREP_FORBIDDEN: { status: 403, title: 'Forbidden' },
  SITREP_NOT_FOUND: { status: 404, title: 'Not found' },
  SITREP_CONFLICT: { status: 409, title: 'Conflict' },
  SITREP_GONE: { status: 410, title: 'Gone' },
  SITREP_PRECONDITION_FAILED: { status: 412, title: 'Precondition failed' },
  SITREP_IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'Idempotency key reused' },
  SITREP_PRECONDITION_REQUIRED: { status: 428, title: 'Precondition required' },
  SITREP_ROUTE_NOT_FOUND: { status: 404, title: 'No such route' },
  SITREP_METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  SITREP_NOT_ACCEPTABLE: { status: 406, title: 'Not acceptable' },
  SITREP_PAYLOAD_TOO_LARGE: { status: 413, title: 'Payload too large' },
  SITREP_REQUEST_TIMEOUT: { status: 408, title: 'Request timeout' },
  SITREP_URI_TOO_LONG: { status: 414, title: 'URI too long' },
  SITREP_UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  SITREP_RATE_LIMITED: { status: 429, title: 'Too many requests' },
  SITREP_HEADERS_TOO_LARGE: { status: 431, title: 'Request header fields too large' },
  SITREP_OVERLOADED: { status: 503, title: 'Overloaded' },
  SITREP_NOT_READY: { status: 503, title: 'Not ready' },
  SITREP_INTERNAL: { status: 500, title: 'Internal server error' },
} as const;

export type ProblemCode = keyof typeof CODES;

/** Members a problem may carry beyond the standard ones (410's when and why). */
export type ProblemExtras = Pick<Problem, 'deleted_at' | 'deletion_reason'>;

export class ProblemError extends Error {
  readonly status: number;
  constructor(
    readonly code: ProblemCode,
    detail: string,
    readonly errors?: ProblemParameter[],
    readonly extras?: ProblemExtras,
  ) {
    super(detail);
    this.status = CODES[code].status;
  }
}

export function problemFor(code: ProblemCode, detail: string, instance?: string, errors?: ProblemParameter[], extras?: ProblemExtras): Problem {
  const { status, title } = CODES[code];
  const slug = code.replace(/^SITREP_/, '').toLowerCase().replaceAll('_', '-');
  return {
    type: `urn:sitrep:problem:${slug}`,
    title,
    status,
    detail,
    ...(instance ? { instance } : {}),
    code,
    ...(errors?.length ? { errors } : {}),
    ...extras,
  };
}

export function invalidParameter(where: ProblemParameter['in'], name: string, reason: string): ProblemError {
  return new ProblemError('SITREP_INVALID_PARAMETER', `${name}: ${reason}`, [{ in: where, name, reason }]);
}

export function notFound(what: string, id: string): ProblemError {
  return new ProblemError('SITREP_NOT_FOUND', `No ${what} has the id ${JSON.stringify(id)}.`);
}

const STATUS_DESCRIPTIONS: Record<number, string> = {
  400: 'A parameter is invalid, given twice, or not one this operation takes; `errors` names each and says why.',
  401: 'No API key, or one that is unknown or revoked. Send `Authorization: Bearer <key>`.',
  403: 'The API key\'s role may not do this.',
  404: 'No resource has that id.',
  409: 'Other records still refer to this one; `detail` names them.',
  410: 'The record was deleted; `deleted_at` and `deletion_reason` say when and why.',
  412: '`If-Match` does not name the current ETag: the record changed since it was read. Nothing was changed.',
  422: 'This `Idempotency-Key` was already used with a different request.',
  428: 'The request must carry `If-Match` with the record\'s current ETag.',
  406: 'None of the media types in `Accept` can be produced.',
  408: 'The request was not received in full in time.',
  413: 'The request body is larger than this server accepts.',
  414: 'A path segment is longer than any id.',
  415: 'The request body is not JSON in UTF-8 (`Content-Type: application/json`).',
  429: 'This client has used its request budget; `Retry-After` says when to try again.',
  431: 'The request\'s header fields are too large.',
  500: 'The server failed unexpectedly; the problem reveals nothing more, and the failure is logged.',
  503: 'The service cannot answer right now (not ready, or overloaded); `Retry-After`, when sent, says when to try again.',
};

/** OpenAPI response entries for error statuses, all sharing the one Problem schema. */
export function problemResponses<S extends number>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: STATUS_DESCRIPTIONS[status] ?? 'Error',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } },
      },
    ]),
  ) as Record<S, { description: string; content: { [PROBLEM_CONTENT_TYPE]: { schema: typeof problemSchema } } }>;
}
