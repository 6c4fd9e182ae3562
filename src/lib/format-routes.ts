// One operation per response format: a resource's list answers JSON at its path, and each file
// format at the path with that format's extension (`/v1/events.csv`, `/v1/events.geojson`), so
// every operation's success answer has exactly one type and generated clients type it right.
// `format=csv` on the JSON operation, the way older links ask for a file, is a 308 redirect to the
// file's operation with the same parameters; an `Accept` an operation cannot answer is a 406.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { acceptedMediaType, fileExtension, FORMATS, mediaTypesOf, setFormatHeaders, singleFormatResponse, type Format, type Negotiated } from './formats.js';
import { ProblemError, problemResponses } from './problem.js';
import { publicUrl } from './public-url.js';

type ResponseOf = { json: z.ZodType; geojson?: z.ZodType; csv?: string; ndjson?: string };

export type FormatRoutes<Q extends z.ZodObject> = {
  /** The JSON operation's path; each file format's is this with its extension. */
  path: string;
  /** Names the saved file: `sitrep-<stem>.csv`. */
  fileStem: string;
  /** JSON first, then the file formats offered. */
  offered: readonly ['json', ...Array<Exclude<Format, 'json'>>];
  tags: string[];
  operations: { [F in Format]?: { operationId: string; summary: string; description?: string } };
  /** Said on every format's operation. */
  description: string;
  /** The parameters every format takes (the JSON operation adds `format`). */
  querystring: Q;
  bodies: ResponseOf;
  /** Error statuses every format can answer besides 406. */
  errors: number[];
  config?: Record<string, unknown>;
  handler: (request: FastifyRequest<{ Querystring: z.output<Q> }>, reply: FastifyReply, negotiated: Negotiated) => Promise<unknown>;
};

const REDIRECT_DESCRIPTION = 'Moved: `format=` asked for a file; `Location` is that file\'s own URL, with the same parameters.';

/** Registers the JSON operation and one operation per file format offered. */
export function registerFormatRoutes<Q extends z.ZodObject>(app: FastifyInstance, spec: FormatRoutes<Q>): void {
  const files = spec.offered.filter((f): f is Exclude<Format, 'json'> => f !== 'json');
  const fileUrls = files.map((f) => `${spec.path}.${fileExtension(f)}`).join(', ');
  const bodyOf = (format: Format) => (format === 'json' ? spec.bodies.json : format === 'geojson' ? spec.bodies.geojson! : (spec.bodies[format] ?? ''));
  const serve = (format: Format) => async (request: FastifyRequest, reply: FastifyReply) => {
    const mediaType = acceptedMediaType(request.headers.accept, format);
    if (!mediaType) {
      // The JSON operation's own path, with the prefix it is mounted under (/v1).
      const base = request.routeOptions.url!.replace(/\.[a-z]+$/, '');
      const others = spec.offered.filter((f) => f !== format).map((f) => `${mediaTypesOf(f)[0]} at ${base}${f === 'json' ? '' : `.${fileExtension(f)}`}`);
      throw new ProblemError(
        'SITREP_NOT_ACCEPTABLE',
        `This operation answers ${mediaTypesOf(format).join(' or ')}; the Accept header allows none of them. The same data as ${others.join(', ')}.`,
      );
    }
    const negotiated = { format, mediaType };
    setFormatHeaders(reply, negotiated, spec.fileStem);
    return spec.handler(request as FastifyRequest<{ Querystring: z.output<Q> }>, reply, negotiated);
  };

  const json = spec.operations.json!;
  app.route({
    method: 'GET',
    url: spec.path,
    config: spec.config,
    schema: {
      operationId: json.operationId,
      tags: spec.tags,
      summary: json.summary,
      description: [json.description ?? spec.description, files.length ? `The same as files: ${fileUrls} (each its own operation).` : ''].filter(Boolean).join('\n\n'),
      querystring: spec.querystring.extend({
        format: z
          .enum(spec.offered as unknown as [string, ...string[]], { error: `must be one of: ${spec.offered.join(', ')}` })
          .optional()
          .describe(
            `\`json\` (the default) answers here; ${files.map((f) => `\`${f}\``).join(', ')} redirect (308) to ${fileUrls} with the same parameters, ` +
              'for links made before each file had its own URL.',
          ),
      }),
      response: {
        ...singleFormatResponse('json', json.summary, bodyOf('json')),
        304: z.undefined().describe('Not modified: the `If-None-Match` ETag still matches.'),
        ...(files.length ? { 308: z.undefined().describe(REDIRECT_DESCRIPTION) } : {}),
        ...problemResponses(...new Set([...spec.errors, 400, 406])),
      },
    },
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const { format, ...query } = request.query as { format?: Format };
      if (format && format !== 'json') {
        const [pathname, search = ''] = request.url.split('?');
        const params = new URLSearchParams(search);
        params.delete('format');
        const rest = params.toString();
        return reply.redirect(publicUrl(request, `${pathname}.${fileExtension(format)}${rest ? `?${rest}` : ''}`), 308);
      }
      request.query = query;
      return serve('json')(request, reply);
    },
  });

  for (const format of files) {
    const operation = spec.operations[format]!;
    app.route({
      method: 'GET',
      url: `${spec.path}.${fileExtension(format)}`,
      config: spec.config,
      schema: {
        operationId: operation.operationId,
        tags: spec.tags,
        summary: operation.summary,
        description: [operation.description, spec.description].filter(Boolean).join('\n\n'),
        querystring: spec.querystring,
        response: {
          ...singleFormatResponse(format, operation.summary, bodyOf(format)),
          304: z.undefined().describe('Not modified: the `If-None-Match` ETag still matches.'),
          ...problemResponses(...new Set([...spec.errors, 400, 406])),
        },
      },
      handler: serve(format),
    });
  }
}

export { FORMATS };
