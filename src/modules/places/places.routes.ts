// /v1/places: sitrep's gazetteer, so a reader can see which names, spellings and codes the place
// filters understand and where each place is. It is data shipped with the code (seed/gazetteer),
// not the event store: read-only, and the same on every node.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { GAZETTEER } from '../../../seed/gazetteer/index.js';
import { entryById, lookup, type GazetteerEntry } from '../../domain/places.js';
import { idParamsWithExample, notModifiedResponse } from '../../lib/http.js';
import { notFound, problemResponses } from '../../lib/problem.js';
import { noQueryParameters } from '../../lib/query.js';
import { placeEntrySchema, placeListQuerySchema, placeListSchema, type PlaceEntryWire } from './places.schemas.js';

export function presentPlaceEntry(entry: GazetteerEntry): PlaceEntryWire {
  return {
    id: entry.id,
    kind: entry.kind,
    name: entry.name,
    aliases: [...entry.aliases],
    admin1: entry.admin1,
    country: entry.country,
    latitude: entry.location?.latitude ?? null,
    longitude: entry.location?.longitude ?? null,
    geo_precision: entry.location?.precision ?? null,
    location_source: entry.location ? `${entry.location.method}: ${entry.location.source}` : null,
    unlocated_reason: entry.unlocatedReason,
  };
}

export const placeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/places',
    {
      config: { responseCache: true },
      schema: {
        operationId: 'listPlaces',
        tags: ['places'],
        summary: 'List places',
        description:
          'The places events can concern: Ukraine\'s 27 first-level units (ISO 3166-2), the Russian regions, settlements, air bases and seas the Air Force ' +
          'reports name, with their names in every spelling sitrep knows and their coordinates. With `q`, every entry a name may mean, the one the ' +
          'place filters choose by default first.',
        querystring: placeListQuerySchema,
        response: { 200: placeListSchema, ...notModifiedResponse, ...problemResponses(400) },
      },
    },
    async (request) => {
      const { q, kind, country } = request.query;
      let entries: readonly GazetteerEntry[] = GAZETTEER;
      if (q !== undefined) {
        const { matches, preferred } = lookup(q);
        entries = preferred ? [preferred, ...matches.filter((e) => e !== preferred)] : [];
      }
      const selected = entries.filter((e) => (kind === undefined || kind.includes(e.kind)) && (country === undefined || e.country === country));
      return { data: selected.map(presentPlaceEntry) };
    },
  );

  app.get(
    '/places/:id',
    {
      config: { responseCache: true },
      schema: {
        operationId: 'getPlace',
        tags: ['places'],
        summary: 'Get a place',
        description: 'One entry: its names, the unit and country it lies in, its coordinates and where they come from.',
        params: idParamsWithExample('UA-30'),
        querystring: noQueryParameters,
        response: { 200: placeEntrySchema, ...notModifiedResponse, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const entry = entryById(request.params.id);
      if (!entry) throw notFound('place', request.params.id);
      return presentPlaceEntry(entry);
    },
  );
};
