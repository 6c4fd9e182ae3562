// Response formats: JSON, and CSV, NDJSON and GeoJSON where a resource offers them, each at an
// operation of its own (src/lib/format-routes.ts). This file names the media types, checks `Accept`
// against an operation's one format, sets the headers of an answer and declares it in OpenAPI.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { publicUrl } from './public-url.js';

export const FORMATS = ['json', 'csv', 'ndjson', 'geojson'] as const;
export type Format = (typeof FORMATS)[number];

/**
 * The formats a family of operations offers (JSON first), as a named enum: the vocabulary of the
 * JSON operation's `format` parameter, one OpenAPI component per family (`EventFormat`).
 */
export function offeredFormats<const T extends readonly ['json', ...Array<Exclude<Format, 'json'>>]>(formats: T, id: string) {
  return z
    .enum(formats, { error: `must be one of: ${formats.join(', ')}` })
    .meta({ id, description: `A format these data are offered in: ${formats.map((f) => `\`${f}\``).join(', ')}.` });
}

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

/**
 * The `bom` query parameter of the CSV operations. A BOM by default, because the file is most
 * often saved and double-clicked, and a saved file has nothing else to say it is UTF-8.
 */
export const bomQuerySchema = z
  .enum(['true', 'false'], { error: 'must be true or false' })
  .meta({ id: 'TrueOrFalse', description: 'A switch given in the query string: `true` or `false`.' })
  .optional()
  .describe(
    '`true` (the default): the file starts with a UTF-8 byte order mark (bytes EF BB BF), so Excel and LibreOffice read a saved, ' +
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

/** The media types a format is known by, the one sitrep answers with first. */
export function mediaTypesOf(format: Format): readonly string[] {
  return MEDIA_TYPES[format];
}

export function fileExtension(format: Format): string {
  return FILE_EXTENSIONS[format];
}

/**
 * The media type to answer a format's operation with, or null when `Accept` allows none of the
 * format's types (a 406). No or unreadable `Accept` allows anything. Always the format's first
 * type, the one its operation declares: `application/ndjson` is accepted, `application/x-ndjson` sent.
 */
export function acceptedMediaType(accept: string | undefined, format: Format): string | null {
  return acceptsAnyOf(accept, MEDIA_TYPES[format]) ? MEDIA_TYPES[format][0]! : null;
}

/** Does `Accept` allow one of these media types? No or unreadable `Accept` allows anything. */
export function acceptsAnyOf(accept: string | undefined, mediaTypes: readonly string[]): boolean {
  const ranges = parseAccept(accept ?? '');
  return ranges.length === 0 || mediaTypes.some((type) => weightOf(type, ranges) > 0);
}

/**
 * Headers of a negotiated answer: its type, `Vary: Accept` (the same URL answers differently per
 * `Accept`, so caches must key on it) and, for the file formats, a file name that spreadsheets and
 * browsers use when saving. `inline` rather than `attachment`: URL importers (Google Sheets
 * IMPORTDATA, Excel Power Query, QGIS) ignore it either way, and a browser is not forced to save.
 */
export function setFormatHeaders(reply: FastifyReply, negotiated: Negotiated, fileStem: string): void {
  // Added to what is there; src/plugins/http-cache.ts completes the list for every answer.
  const vary = reply.getHeader('vary');
  reply.header('vary', vary ? `${String(vary)}, Accept` : 'Accept');
  reply.type(contentTypeOf(negotiated.mediaType));
  if (negotiated.format !== 'json') {
    reply.header('content-disposition', `inline; filename="sitrep-${fileStem}.${FILE_EXTENSIONS[negotiated.format]}"`);
  }
}

/**
 * A `Link: <…>; rel="next"` header (RFC 8288) for the page after this one: the request's own path
 * and parameters with `cursor` replaced, under PUBLIC_BASE_URL or relative (src/lib/public-url.ts).
 */
export function setNextLink(reply: FastifyReply, request: FastifyRequest, nextCursor: string | null): void {
  if (!nextCursor) return;
  const [path, search = ''] = request.url.split('?');
  const params = new URLSearchParams(search);
  params.set('cursor', nextCursor);
  reply.header('link', `<${publicUrl(request, `${path}?${params.toString()}`)}>; rel="next"`);
}

export const CSV_DESCRIPTION =
  'RFC 4180 CSV in UTF-8 with a header row and CRLF line ends; fields holding commas, quotes or line breaks are quoted. ' +
  'The file starts with a UTF-8 byte order mark (EF BB BF), once, so spreadsheets opening a saved file read it as UTF-8; `bom=false` leaves it out. ' +
  'Empty cells are nulls; several values in one cell are separated by ` | `. ' +
  'A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return (or full-width `＝＋－＠`) gets a leading `\'` and is quoted, so spreadsheets show it ' +
  'as text instead of running it as a formula (OWASP, CSV Injection); programs read the `\'` as part of the value. Numbers are never changed.';

export const NDJSON_DESCRIPTION = 'Newline-delimited JSON: one JSON object per line, each shaped like an item of the JSON `data` list.';

/**
 * The 200 response of an operation answering one format: its media type with its schema (CSV and
 * NDJSON are text, sent as strings or streams, never through the JSON serializer).
 */
export function singleFormatResponse(format: Format, description: string, body: z.ZodType | string) {
  const schema =
    format === 'csv'
      ? z.string().describe(`${CSV_DESCRIPTION} ${body as string}`.trim())
      : format === 'ndjson'
        ? z.string().describe(`${NDJSON_DESCRIPTION} ${body as string}`.trim())
        : (body as z.ZodType);
  return { 200: { description, content: { [MEDIA_TYPES[format][0]!]: { schema } } } };
}
