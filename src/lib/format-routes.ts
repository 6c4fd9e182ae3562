// One operation per response format: a resource's list answers JSON at its path, and each file
// format at the path with that format's extension (`/v1/events.csv`, `/v1/events.geojson`), so
// every operation's success answer has exactly one type and generated clients type it right.
// `format=csv` on the JSON operation, the way older links ask for a file, is a 308 redirect to the
// file's operation with the same parameters; an `Accept` an operation cannot answer is a 406.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { acceptedMediaType, bomQuerySchema, fileExtension, FORMATS, mediaTypesOf, setFormatHeaders, singleFormatResponse, type Format, type Negotiated } from './formats.js';
import { notModifiedResponse } from './http.js';
import type { HeaderRule } from './openapi-headers.js';
import { ProblemError, problemResponses } from './problem.js';
import { publicUrl } from './public-url.js';

type ResponseOf = { json: z.ZodType; geojson?: z.ZodType; csv?: string; ndjson?: string };

export type FormatRoutes<Q extends z.ZodObject> = {
  /** The JSON operation's path; each file format's is this with its extension. */
  path: string;
  /** Names the saved file: `sitrep-<stem>.csv`. */
  fileStem: string;
  /** What the operations answer, for their responses' descriptions: `the events` gives "The events as CSV". */
  what: string;
  /** JSON first, then the file formats offered: `offeredFormats(…)`, the `format` parameter's vocabulary. */
  offered: z.ZodEnum;
  tags: string[];
  operations: { [F in Format]?: { operationId: string; summary: string; description?: string } };
  /** Said on every format's operation. */
  description: string;
  /** The parameters the formats take (the JSON operation adds `format`). */
  querystring: Q;
  /** Parameters a format does not take (`fields` shapes files only; `profile` is CSV's). */
  omit?: { [F in Format]?: ReadonlyArray<keyof Q['shape'] & string> };
  bodies: ResponseOf;
  /** Error statuses every format can answer besides 406. */
  errors: number[];
  /** The answers come in pages, the next named in a `Link` header. */
  pages: boolean;
  config?: Record<string, unknown>;
  handler: (request: FastifyRequest<{ Querystring: z.output<Q> }>, reply: FastifyReply, negotiated: Negotiated) => Promise<unknown>;
};

const FORMAT_NAMES: Record<Format, string> = { json: 'JSON', csv: 'CSV', ndjson: 'NDJSON', geojson: 'GeoJSON' };

/** A success answer's description: the JSON body schema's own, else what it is in which format. */
function answerDescription(what: string, format: Format, body: z.ZodType | string): string {
  const own = typeof body === 'string' ? undefined : z.globalRegistry.get(body)?.description;
  return own ?? `${what[0]!.toUpperCase()}${what.slice(1)} as ${FORMAT_NAMES[format]}.`;
}

const REDIRECT_DESCRIPTION = 'Moved: `format=` asked for a file; `Location` is that file\'s own URL, with the same parameters.';

/** Registers the JSON operation and one operation per file format offered. */
export function registerFormatRoutes<Q extends z.ZodObject>(app: FastifyInstance, spec: FormatRoutes<Q>): void {
  const offered = spec.offered.options as Format[];
  const querystringOf = (format: Format) => {
    const omitted = spec.omit?.[format] ?? [];
    const own = omitted.length ? spec.querystring.omit(Object.fromEntries(omitted.map((key) => [key, true])) as Record<string, true> & Record<number, never>) : spec.querystring;
    // Every CSV operation takes `bom`; the handler sees it as `negotiated.bom`.
    return format === 'csv' ? own.extend({ bom: bomQuerySchema }) : own;
  };
  const files = offered.filter((f): f is Exclude<Format, 'json'> => f !== 'json');
  const fileUrls = files.map((f) => `${spec.path}.${fileExtension(f)}`).join(', ');
  // A 304 carries the headers its 200 would have.
  const linkHeader: HeaderRule[] = spec.pages ? [{ status: [200, 304], headers: ['Link'] }] : [];
  const bodyOf = (format: Format) => (format === 'json' ? spec.bodies.json : format === 'geojson' ? spec.bodies.geojson! : (spec.bodies[format] ?? ''));
  const serve = (format: Format) => async (request: FastifyRequest, reply: FastifyReply) => {
    const mediaType = acceptedMediaType(request.headers.accept, format);
    if (!mediaType) {
      // The JSON operation's own path, with the prefix it is mounted under (/v1).
      const base = request.routeOptions.url!.replace(/\.[a-z]+$/, '');
      const others = offered.filter((f) => f !== format).map((f) => `${mediaTypesOf(f)[0]} at ${base}${f === 'json' ? '' : `.${fileExtension(f)}`}`);
      throw new ProblemError(
        'SITREP_NOT_ACCEPTABLE',
        `This operation answers ${mediaTypesOf(format).join(' or ')}; the Accept header allows none of them. The same data as ${others.join(', ')}.`,
      );
    }
    const { bom, ...query } = request.query as { bom?: 'true' | 'false' };
    request.query = query;
    const negotiated = { format, mediaType, bom: format === 'csv' && bom !== 'false' };
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
      querystring: querystringOf('json').extend({
        format: spec.offered
          .optional()
          .describe(
            `\`json\` (the default) answers here; ${files.map((f) => `\`${f}\``).join(', ')} redirect (308) to ${fileUrls} with the same parameters, ` +
              'for links made before each file had its own URL.',
          ),
      }),
      response: {
        ...singleFormatResponse('json', answerDescription(spec.what, 'json', bodyOf('json')), bodyOf('json')),
        ...notModifiedResponse,
        ...(files.length ? { 308: z.undefined().describe(REDIRECT_DESCRIPTION) } : {}),
        ...problemResponses(...new Set([...spec.errors, 400, 406])),
      },
      responseHeaders: [{ status: [308], headers: ['Location'] }, ...linkHeader],
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
        querystring: querystringOf(format),
        response: {
          ...singleFormatResponse(format, answerDescription(spec.what, format, bodyOf(format)), bodyOf(format)),
          ...notModifiedResponse,
          ...problemResponses(...new Set([...spec.errors, 400, 406])),
        },
        responseHeaders: linkHeader,
      },
      handler: serve(format),
    });
  }
}

export { FORMATS };
