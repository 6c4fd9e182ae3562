// Response formats: JSON by default, and CSV, NDJSON and GeoJSON where an endpoint offers them.
// A request picks one with `format=` (so a bare URL works in a spreadsheet's import function) or,
// failing that, with `Accept`; this file negotiates, names the media types and declares every one
// of them in a route's OpenAPI responses.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { invalidParameter, ProblemError } from './problem.js';

export const FORMATS = ['json', 'csv', 'ndjson', 'geojson'] as const;
export type Format = (typeof FORMATS)[number];

/** Media types each format is known by, the one sitrep prefers first. */
const MEDIA_TYPES: Record<Format, readonly string[]> = {
  json: ['application/json'],
  csv: ['text/csv'],
  ndjson: ['application/x-ndjson', 'application/ndjson'],
  geojson: ['application/geo+json'],
};

/** The `Content-Type` sent for a negotiated media type. */
function contentTypeOf(mediaType: string): string {
  // RFC 4180's optional `header` parameter tells importers the first row names the columns.
  return mediaType === 'text/csv' ? 'text/csv; charset=utf-8; header=present' : `${mediaType}; charset=utf-8`;
}

const FILE_EXTENSIONS: Record<Format, string> = { json: 'json', csv: 'csv', ndjson: 'ndjson', geojson: 'geojson' };

/** The answer's format and media type; `bom`: whether a CSV starts with a UTF-8 byte order mark. */
export type Negotiated = { format: Format; mediaType: string; bom: boolean };

/** The `format` query parameter of an endpoint offering `offered` (the first is the default). */
export function formatQuerySchema<const T extends readonly [Format, ...Format[]]>(offered: T) {
  const allowed = `must be one of: ${offered.join(', ')}`;
  return z
    .enum(offered, {
      error: (issue) =>
        typeof issue.input === 'string' && (FORMATS as readonly string[]).includes(issue.input)
          ? `${issue.input} is not offered by this endpoint; ${allowed}`
          : allowed,
    })
    .optional()
    .describe(
      `Response format: ${offered.join(', ')}. Wins over the \`Accept\` header ` +
        `(${offered.map((f) => MEDIA_TYPES[f].join(' or ')).join(', ')}); JSON when neither asks for another.`,
    );
}

/**
 * The `bom` query parameter of an endpoint offering CSV. A BOM by default, because the file is
 * most often saved and double-clicked, and a saved file has nothing else to say it is UTF-8.
 */
export const bomQuerySchema = z
  .enum(['true', 'false'], { error: 'must be true or false' })
  .optional()
  .describe(
    'CSV only. `true` (the default): the file starts with a UTF-8 byte order mark (bytes EF BB BF), so Excel and LibreOffice read a saved, ' +
      'double-clicked file as UTF-8; pandas skips it, csv-parse needs `bom: true`, Python\'s csv module `encoding="utf-8-sig"`. ' +
      '`false` leaves it out, for programs that read it as part of the first column\'s name.',
  );

type MediaRange = { type: string; subtype: string; q: number };

function parseAccept(header: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const part of header.split(',')) {
    const [range = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const [type, subtype] = range === '*' ? ['*', '*'] : range.split('/');
    if (!type || !subtype) continue;
    let q = 1;
    for (const param of params) {
      const [name, value] = param.split('=').map((s) => s.trim());
      if (name === 'q') q = Number(value);
    }
    if (Number.isFinite(q) && q >= 0 && q <= 1) ranges.push({ type, subtype, q });
  }
  return ranges;
}

/** The weight `Accept` gives a media type: that of the most specific range matching it (RFC 9110 §12.5.1). */
function weightOf(mediaType: string, ranges: MediaRange[]): number {
  const [type, subtype] = mediaType.split('/');
  let best: { specificity: number; q: number } | null = null;
  for (const range of ranges) {
    const specificity =
      range.type === type && range.subtype === subtype ? 2 : range.type === type && range.subtype === '*' ? 1 : range.type === '*' && range.subtype === '*' ? 0 : -1;
    if (specificity < 0) continue;
    if (!best || specificity > best.specificity || (specificity === best.specificity && range.q > best.q)) best = { specificity, q: range.q };
  }
  return best?.q ?? 0;
}

/**
 * The format to answer with: `format=` when given (the querystring schema has already refused
 * one the endpoint does not offer), else the offered media type `Accept` weighs highest, ties
 * going to the endpoint's order (JSON first). No or unreadable `Accept` means JSON; an `Accept`
 * that allows none of the offered types is a 406. `bom` (the query parameter) applies to CSV only:
 * given with another format, it is a 400.
 */
export function negotiateFormat(request: FastifyRequest, offered: readonly Format[], requested: Format | undefined, bom?: 'true' | 'false'): Negotiated {
  const { format, mediaType } = chooseFormat(request, offered, requested);
  if (bom !== undefined && format !== 'csv') throw invalidParameter('query', 'bom', 'applies to CSV only; add format=csv');
  return { format, mediaType, bom: format === 'csv' && bom !== 'false' };
}

function chooseFormat(request: FastifyRequest, offered: readonly Format[], requested: Format | undefined): { format: Format; mediaType: string } {
  if (requested) return { format: requested, mediaType: MEDIA_TYPES[requested][0]! };
  const ranges = parseAccept(request.headers.accept ?? '');
  if (ranges.length === 0) return { format: offered[0]!, mediaType: MEDIA_TYPES[offered[0]!][0]! };
  let chosen: { format: Format; mediaType: string; q: number } | null = null;
  for (const format of offered) {
    for (const mediaType of MEDIA_TYPES[format]) {
      const q = weightOf(mediaType, ranges);
      if (q > 0 && (!chosen || q > chosen.q)) chosen = { format, mediaType, q };
    }
  }
  if (!chosen) {
    const types = offered.flatMap((f) => MEDIA_TYPES[f]).join(', ');
    throw new ProblemError(
      'SITREP_NOT_ACCEPTABLE',
      `This endpoint answers with ${types}; the Accept header allows none of them. Send one of those, or pass format=${offered.join('|')}.`,
    );
  }
  return { format: chosen.format, mediaType: chosen.mediaType };
}

/**
 * Headers of a negotiated answer: its type, `Vary: Accept` (the same URL answers differently per
 * `Accept`, so caches must key on it) and, for the file formats, a file name that spreadsheets and
 * browsers use when saving. `inline` rather than `attachment`: URL importers (Google Sheets
 * IMPORTDATA, Excel Power Query, QGIS) ignore it either way, and a browser is not forced to save.
 */
export function setFormatHeaders(reply: FastifyReply, negotiated: Negotiated, fileStem: string): void {
  // Added to what CORS put there (`Origin`) rather than replacing it.
  const vary = reply.getHeader('vary');
  reply.header('vary', vary ? `${String(vary)}, Accept` : 'Accept');
  reply.type(contentTypeOf(negotiated.mediaType));
  if (negotiated.format !== 'json') {
    reply.header('content-disposition', `inline; filename="sitrep-${fileStem}.${FILE_EXTENSIONS[negotiated.format]}"`);
  }
}

/** A `Link: <…>; rel="next"` header (RFC 8288) for the page after this one: the request's own URL with `cursor` replaced. */
export function setNextLink(reply: FastifyReply, request: FastifyRequest, nextCursor: string | null): void {
  if (!nextCursor) return;
  const [path, search = ''] = request.url.split('?');
  const params = new URLSearchParams(search);
  params.set('cursor', nextCursor);
  reply.header('link', `<${path}?${params.toString()}>; rel="next"`);
}

export const CSV_DESCRIPTION =
  'RFC 4180 CSV in UTF-8 with a header row and CRLF line ends; fields holding commas, quotes or line breaks are quoted. ' +
  'The file starts with a UTF-8 byte order mark (EF BB BF), once, so spreadsheets opening a saved file read it as UTF-8; `bom=false` leaves it out. ' +
  'Empty cells are nulls; several values in one cell are separated by ` | `. ' +
  'A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return (or full-width `＝＋－＠`) gets a leading `\'` and is quoted, so spreadsheets show it ' +
  'as text instead of running it as a formula (OWASP, CSV Injection); programs read the `\'` as part of the value. Numbers are never changed.';

export const NDJSON_DESCRIPTION = 'Newline-delimited JSON: one JSON object per line, each shaped like an item of the JSON `data` list.';

type Content = Record<string, { schema: z.ZodType }>;

/**
 * The 200 response of an endpoint offering several formats: every media type it can answer with,
 * each with its schema, so the OpenAPI document lists them all. CSV and NDJSON bodies are text
 * (sent as strings or streams, never through the JSON serializer).
 */
export function formatResponses<J extends z.ZodType, G extends z.ZodType = z.ZodNever>(
  offered: readonly Format[],
  description: string,
  schemas: { json: J; geojson?: G; csv?: string; ndjson?: string },
) {
  const content: Content = {};
  for (const format of offered) {
    for (const mediaType of MEDIA_TYPES[format]) {
      if (format === 'json') content[mediaType] = { schema: schemas.json };
      if (format === 'geojson' && schemas.geojson) content[mediaType] = { schema: schemas.geojson };
      if (format === 'csv') content[mediaType] = { schema: z.string().describe(`${CSV_DESCRIPTION} ${schemas.csv ?? ''}`.trim()) };
      if (format === 'ndjson') content[mediaType] = { schema: z.string().describe(`${NDJSON_DESCRIPTION} ${schemas.ndjson ?? ''}`.trim()) };
    }
  }
  return { 200: { description, content: content as { 'application/json': { schema: J } } & Record<string, { schema: z.ZodType }> } };
}
