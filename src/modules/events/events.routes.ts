// /v1/events: the event store's read API, in JSON and as CSV, NDJSON and GeoJSON exports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { EventRow } from '../../db/schema.js';
import type { CsvOptions } from '../../lib/csv.js';
import { csvEncoder, exportFormat, featureCollectionEncoder, ndjsonEncoder, sendExport, type ExportFormat } from '../../lib/export.js';
import { project, requireFieldsIn } from '../../lib/fields.js';
import { registerFormatRoutes } from '../../lib/format-routes.js';
import { setNextLink, type Format } from '../../lib/formats.js';
import { idParamsWithExample, notModifiedResponse } from '../../lib/http.js';
import { invalidParameter, ProblemError, problemResponses } from '../../lib/problem.js';
import type { EventReads } from './events.reads.js';
// Loaded here, though the routes only call it through app.store: its query path brings the place
// schemas, which the OpenAPI document lists in the order modules load (as it did before the store).
import './events.reads.js';
import { addHours } from '../../lib/time.js';
import { ACLED_COLUMNS } from './events.acled.js';
import { eventColumns, eventFeature } from './events.export.js';
import { presentEventDetail } from './events.present.js';
import {
  EVENT_FIELDS,
  EVENT_FORMATS,
  eventAsOfQuerySchema,
  eventContextQuerySchema,
  eventContextSchema,
  eventDetailSchema,
  eventFeatureCollectionSchema,
  eventListSchema,
  listEventsQuerySchema,
} from './events.schemas.js';

/** How a list of events is written in each export format. */
function eventExport(reads: EventReads, format: Exclude<Format, 'json'>, fields: string[] | undefined, acled: boolean, csv: CsvOptions): ExportFormat<EventRow> {
  if (format === 'ndjson') return exportFormat(async (batch: EventRow[]) => (await reads.present(batch)).map((event) => project(event, fields)), ndjsonEncoder());
  if (acled) return exportFormat((batch: EventRow[]) => reads.acledRows(batch), csvEncoder(ACLED_COLUMNS, csv));
  const columns = eventColumns(fields);
  if (format === 'csv') {
    return exportFormat(async (batch: EventRow[]) => (await reads.withHeadlines(batch)).map(({ cells }) => cells), csvEncoder(columns, csv));
  }
  return exportFormat(
    async (batch: EventRow[]) => (await reads.withHeadlines(batch)).flatMap(({ event, cells }) => eventFeature(event, cells, columns) ?? []),
    featureCollectionEncoder(),
  );
}

const EVENTS_DESCRIPTION =
  'Events ordered by start time, filtered by period (by start, or with `range=overlaps` by time span), kind, status, actor, country, source, ' +
  'place (`admin1`, `place`, `bbox`, `near`) and full text.';

const EXPORT_PAGING = 'Every matching event, streamed, unless `limit` is given: then one page, and the next in a `Link` header.';

export const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  registerFormatRoutes(app, {
    path: '/events',
    fileStem: 'events',
    what: 'the events',
    offered: EVENT_FORMATS,
    tags: ['events'],
    operations: {
      json: { operationId: 'listEvents', summary: 'List events', description: EVENTS_DESCRIPTION + '\n\nPages are keyset cursors: follow `next_cursor` until it is null.' },
      csv: {
        operationId: 'exportEventsCsv',
        summary: 'Export events as CSV',
        description: 'One row per event with its headline figures, or ACLED\'s columns with `profile=acled`. ' + EXPORT_PAGING,
      },
      ndjson: { operationId: 'exportEventsNdjson', summary: 'Export events as NDJSON', description: 'One `Event` per line. ' + EXPORT_PAGING },
      geojson: {
        operationId: 'exportEventsGeojson',
        summary: 'Export events as GeoJSON',
        description: 'One feature per event, located by its places, for QGIS and other GIS tools. ' + EXPORT_PAGING,
      },
    },
    description: EVENTS_DESCRIPTION,
    querystring: listEventsQuerySchema,
    // JSON pages carry whole events, as their schema says; `fields` shapes the files.
    omit: { json: ['fields', 'profile'], ndjson: ['profile'], geojson: ['profile'] },
    bodies: {
      json: eventListSchema,
      geojson: eventFeatureCollectionSchema,
      csv:
        'One row per event: its fields (location as place, admin1, country, latitude, longitude, geo_precision; places as `places` and `places_admin1`) and headline figures ' +
        '(killed/injured/missing low, best, high, as_reported and source ids; launched, intercepted, lost_to_ew and munitions_source_id). With `profile=acled`, ACLED\'s columns.',
      ndjson: 'Each line is an `Event`.',
    },
    errors: [],
    pages: true,
    config: { responseCache: true },
    handler: async (request, reply, negotiated) => {
      const { format } = negotiated;
      const { fields, profile, ...query } = request.query;
      if (profile && format !== 'csv') throw invalidParameter('query', 'profile', 'applies to CSV only: ask /v1/events.csv');
      if (profile && fields) throw invalidParameter('query', 'fields', 'cannot be combined with profile=acled, whose columns are fixed');
      requireFieldsIn(fields, format === 'csv' || format === 'geojson' ? [...EVENT_FIELDS, 'headline'] : EVENT_FIELDS, format);
      if (format === 'json') {
        const { page, nextCursor } = await app.store.events.listPage(query);
        setNextLink(reply, request, nextCursor);
        return { data: await app.store.events.present(page), next_cursor: nextCursor };
      }
      const source = await app.store.events.toExport(query);
      setNextLink(reply, request, source.nextCursor);
      return sendExport(request, reply, { rows: source.rows, nextCursor: source.nextCursor, ...eventExport(app.store.events, format, fields, Boolean(profile), negotiated) }, source.stream);
    },
  });

  app.get(
    '/events/:id',
    {
      config: { responseCache: true },
      schema: {
        operationId: 'getEvent',
        tags: ['events'],
        summary: 'Get an event',
        description:
          'The event with its actors, each source\'s casualty, munition and damage figures with their citations, and its relations. ' +
          'Every casualty, munition and damage figure is one source\'s claim and carries that source and its citations. ' +
          'Where sources disagree, each claim is listed; none is silently preferred. With `as_of`, the event and its figures ' +
          'as they stood at that moment, rebuilt from the revisions.',
        params: idParamsWithExample('evt_2025_07_04_kyiv_strike'),
        querystring: eventAsOfQuerySchema,
        response: { 200: eventDetailSchema, ...notModifiedResponse, ...problemResponses(400, 404, 410) },
      },
    },
    async (request) => {
      if (request.query.as_of) {
        const past = await app.store.events.asOf(request.params.id, request.query.as_of);
        if (!past) throw new ProblemError('SITREP_NOT_FOUND', `No event with the id ${JSON.stringify(request.params.id)} existed at ${request.query.as_of}.`);
        return presentEventDetail(past.event, past.facts);
      }
      const event = await app.store.events.get(request.params.id);
      if (!event) throw await app.store.records.missing('event', 'event', request.params.id);
      return presentEventDetail(event, await app.store.events.facts(event.id));
    },
  );

  app.get(
    '/events/:id/context',
    {
      config: { responseCache: true },
      schema: {
        operationId: 'getEventContext',
        tags: ['events'],
        summary: 'Get the context of an event',
        description: 'The events just before and after it within a time window, and every event linked to it by a relation.',
        params: idParamsWithExample('evt_2025_07_04_kyiv_strike'),
        querystring: eventContextQuerySchema,
        response: { 200: eventContextSchema, ...notModifiedResponse, ...problemResponses(400, 404, 410) },
      },
    },
    async (request) => {
      const event = await app.store.events.get(request.params.id);
      if (!event) throw await app.store.records.missing('event', 'event', request.params.id);
      const { window_hours: hours, limit, kind, country } = request.query;
      const window = {
        earliest: addHours(event.startAt, -hours),
        latest: addHours(event.endAt ?? event.startAt, hours),
      };
      const { before, after } = await app.store.events.around(event, window, { kinds: kind, country }, limit);
      const detail = presentEventDetail(event, await app.store.events.facts(event.id));
      const [neighboursBefore, neighboursAfter] = [await app.store.events.present(before), await app.store.events.present(after)];
      const { actors: _a, casualty_reports: _c, munition_reports: _m, damage_reports: _d, citations: _ci, relations, ...own } = detail;
      return {
        event: own,
        window_start: window.earliest,
        window_end: window.latest,
        before: neighboursBefore,
        after: neighboursAfter,
        linked: relations,
      };
    },
  );
};
