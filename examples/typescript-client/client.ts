// A typed sitrep client: openapi-fetch over the types openapi-typescript generates from the
// committed openapi.yaml (`npm run examples:generate` writes sitrep-api.d.ts). Paths, parameters,
// bodies and problems are all checked by tsc; nothing here is hand-typed.
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './sitrep-api.js';

// The media types this client reads: JSON answers and problem+json errors (the API also serves
// CSV, NDJSON and GeoJSON, which a JSON client never asks for).
export type SitrepMedia = 'application/json' | 'application/problem+json';
export type SitrepClient = Client<paths, SitrepMedia>;
export type Event = components['schemas']['Event'];
export type EventDetail = components['schemas']['EventDetail'];
export type Problem = components['schemas']['Problem'];
export type ListEventsQuery = NonNullable<paths['/v1/events']['get']['parameters']['query']>;

export function createSitrepClient(baseUrl: string): SitrepClient {
  return createClient<paths, SitrepMedia>({ baseUrl, headers: { accept: 'application/json' } });
}

/** An answer that is an RFC 9457 problem, with its typed body (`code`, `errors`, …). */
export class SitrepProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.status} ${problem.code}: ${problem.detail}`);
    this.name = 'SitrepProblemError';
  }
}

/** One page of events. Throws SitrepProblemError when the API refuses the query. */
export async function listEvents(client: SitrepClient, query: ListEventsQuery = {}) {
  const { data, error } = await client.GET('/v1/events', { params: { query } });
  if (error) throw new SitrepProblemError(error);
  return data;
}

/** Every event matching `query`, following `next_cursor` page by page until it is null. */
export async function* allEvents(client: SitrepClient, query: Omit<ListEventsQuery, 'cursor'> = {}): AsyncGenerator<Event[]> {
  let cursor: string | undefined;
  do {
    const page = await listEvents(client, { ...query, cursor });
    yield page.data;
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
}

/** One event with its actors, per-source figures, citations and relations; null when unknown. */
export async function getEvent(client: SitrepClient, id: string): Promise<EventDetail | null> {
  const { data, error, response } = await client.GET('/v1/events/{id}', { params: { path: { id } } });
  if (error) {
    if (response.status === 404) return null;
    throw new SitrepProblemError(error);
  }
  return data;
}
