// A tour of the API through the typed client: list, filter, page through everything, fetch one
// event with each source's figures, and read problem+json errors. Against a running server:
//   node --import tsx examples/typescript-client/tour.ts http://127.0.0.1:3000
import { pathToFileURL } from 'node:url';
import { allEvents, createSitrepClient, getEvent, listEvents, type SitrepClient } from './client.js';

export const KYIV_STRIKE = 'evt_2025_07_04_kyiv_strike';

export async function runTour(client: SitrepClient) {
  // 1. The first page, newest first.
  const newest = await listEvents(client, { sort: '-start_at', limit: 3 });

  // 2. Filters: repeatable enums are arrays, sent as `kind=a&kind=b`.
  const attacks = await listEvents(client, { kind: ['aerial_attack', 'shelling'], country: 'UA' });

  // 3. Every event, two per page, following next_cursor until it is null.
  const pages: string[][] = [];
  for await (const page of allEvents(client, { limit: 2 })) pages.push(page.map((event) => event.id));

  // 4. One event; every munition figure names the source that reported it.
  const strike = await getEvent(client, KYIV_STRIKE);
  if (!strike) throw new Error(`${KYIV_STRIKE} is not on this server; start it with the seed dataset`);
  const munitions = strike.munition_reports.map((report) => ({
    source: report.source.id,
    weapon_category: report.weapon_category,
    weapon_model: report.weapon_model,
    launched: report.launched,
    intercepted: report.intercepted,
    lost_to_ew: report.lost_to_ew,
  }));

  // 5. Errors are application/problem+json with a stable `code`; a bad parameter is named in `errors`.
  const missing = await client.GET('/v1/events/{id}', { params: { path: { id: 'evt_does_not_exist' } } });
  const invalid = await client.GET('/v1/events', { params: { query: { limit: 1000 } } });
  if (!missing.error || !invalid.error) throw new Error('expected two problems');

  return {
    newest: newest.data.map((event) => ({ id: event.id, start_at: event.start_at })),
    attacks: attacks.data.map((event) => event.id),
    pages,
    strike: { id: strike.id, title: strike.title, place: strike.location.place, munitions },
    notFound: {
      status: missing.response.status,
      contentType: missing.response.headers.get('content-type'),
      code: missing.error.code,
      detail: missing.error.detail,
    },
    invalidParameter: {
      status: invalid.response.status,
      code: invalid.error.code,
      parameters: (invalid.error.errors ?? []).map((entry) => `${entry.in} ${entry.name}: ${entry.reason}`),
    },
  };
}

export type Tour = Awaited<ReturnType<typeof runTour>>;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const baseUrl = process.argv[2] ?? 'http://127.0.0.1:3000';
  const tour = await runTour(createSitrepClient(baseUrl));
  console.log(JSON.stringify(tour, null, 2));
}
