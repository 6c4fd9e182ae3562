// Places: the gazetteer's entries on the wire, and the place filters that events, the timeline,
// the statistics, the exports and the report lists share (`admin1`, `place`, `bbox`, `near`,
// `within_km`, `place_role`). Names are resolved here, while the query is validated: a name the
// gazetteer does not know is a 400 naming the parameter, never an empty answer.
import { z } from 'zod';
import { ENTRY_KINDS } from '../../../seed/gazetteer/index.js';
import { lookup, resolveAdmin1, type GazetteerEntry } from '../../domain/places.js';
import type { PlaceRole } from '../../domain/vocabulary.js';
import { countryCodeSchema, listItems, listOf, LIST_RULE } from '../../lib/filters.js';
import { invalidParameter } from '../../lib/problem.js';
import { queryParameters } from '../../lib/query.js';
import { geoPrecisionSchema, placeRoleSchema } from '../../lib/vocabulary-schemas.js';

/** What a place filter selects, with every name resolved to gazetteer codes and entries. */
export type PlaceFilter = {
  /** Which roles of an event's places count (default: targets and places affected). */
  roles: PlaceRole[];
  /** First-level units (ISO 3166-2): a place in any of them. */
  admin1?: string[];
  /** `place=`: each name as a unit, a country or one entry; an event matches any of them. */
  named?: Array<{ admin1: string } | { country: string } | { entry: string }>;
  bbox?: { minLon: number; minLat: number; maxLon: number; maxLat: number };
  near?: { latitude: number; longitude: number; km: number };
};

export const DEFAULT_PLACE_ROLES: PlaceRole[] = ['target', 'affected'];

/** Names one place filter takes at most, and the longest name the gazetteer could know. */
const MAX_NAMES = 100;
const MAX_NAME_LENGTH = 200;

/** A multi-valued parameter of names, each resolved by `resolve` (null: unknown, with `unknown` saying why). */
function namesOf<T>(resolve: (name: string) => T | null, unknown: (name: string) => string, meta: { description: string; example: string }) {
  const names = z
    .array(z.string().max(MAX_NAME_LENGTH, { error: `must be at most ${MAX_NAME_LENGTH} characters each` }))
    .max(MAX_NAMES, { error: `must name at most ${MAX_NAMES} places` })
    .meta({ examples: [[meta.example]] });
  return z
    .preprocess((value, ctx) => {
      if (typeof value !== 'string' && !Array.isArray(value)) return value;
      const items = listItems(Array.isArray(value) ? value.map(String) : value);
      if (!items) {
        ctx.addIssue({ code: 'custom', message: 'has an empty item; separate values with single commas', input: value });
        return [];
      }
      return items;
    }, names)
    .transform((items, ctx) => {
      const resolved: T[] = [];
      for (const item of items) {
        const found = resolve(item);
        if (found === null) ctx.addIssue({ code: 'custom', message: unknown(item), input: items });
        else resolved.push(found);
      }
      return resolved;
    })
    .describe(`${meta.description} ${LIST_RULE}`) as unknown as z.ZodType<T[], string | string[]>;
}

const admin1Parameter = namesOf(
  (name) => resolveAdmin1(name)?.id ?? null,
  (name) => `${JSON.stringify(name)} is no first-level unit the gazetteer knows; give an ISO 3166-2 code (UA-30, UA-63) or a name (Kharkiv Oblast); GET /v1/places?kind=admin1 lists them`,
  {
    description:
      'Only events with a place in one of these first-level units: an ISO 3166-2 code (`UA-30` Kyiv city, `UA-32` Kyiv Oblast, `UA-43` Crimea) or any name of the unit ' +
      'in any spelling (Kharkiv, Харківська область). A name that is also a city\'s (Kyiv, Sevastopol) means the city\'s own unit.',
    example: 'UA-30',
  },
);

function namedPlace(name: string): NonNullable<PlaceFilter['named']>[number] | null {
  const entry: GazetteerEntry | null = lookup(name).preferred;
  if (!entry) return null;
  if (entry.kind === 'admin1') return { admin1: entry.id };
  if (entry.kind === 'country' && entry.country) return { country: entry.country };
  return { entry: entry.id };
}

const placeParameter = namesOf(namedPlace, (name) => `${JSON.stringify(name)} matches no place in the gazetteer; GET /v1/places?q=${encodeURIComponent(name)} searches it`, {
  description:
    'Only events with one of these places, named in any spelling the gazetteer knows (Kyiv, Kiev, Київ, Киев; Odesa, Odessa). A settlement\'s name means the ' +
    'settlement (Kharkiv is the city; "Kharkiv oblast" the oblast, with every place in it); a unit\'s or country\'s name, every place in it.',
  example: 'Kharkiv',
});

const number = (text: string) => (/^\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*$/.test(text) ? Number(text) : Number.NaN);

const bboxParameter = z
  .string()
  .max(200)
  .meta({ examples: ['30.2,50.2,30.9,50.6'] })
  .transform((value, ctx) => {
    const parts = value.split(',').map(number);
    const [minLon, minLat, maxLon, maxLat] = parts;
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return fail('must be four numbers: min_lon,min_lat,max_lon,max_lat (WGS 84 degrees)');
    if ([minLon, maxLon].some((n) => n! < -180 || n! > 180)) return fail('longitudes must be between -180 and 180');
    if ([minLat, maxLat].some((n) => n! < -90 || n! > 90)) return fail('latitudes must be between -90 and 90');
    if (minLat! > maxLat!) return fail('min_lat must not be above max_lat');
    return { minLon: minLon!, minLat: minLat!, maxLon: maxLon!, maxLat: maxLat! };
  })
  .describe(
    'Only events with a place inside this box: `min_lon,min_lat,max_lon,max_lat` in WGS 84 degrees (GeoJSON\'s order). A place counts by its point, ' +
      'or by the centroid of the settlement or unit it stands for; a box with min_lon above max_lon crosses the antimeridian.',
  );

const nearParameter = z
  .string()
  .max(100)
  .meta({ examples: ['50.45,30.52'] })
  .transform((value, ctx) => {
    const parts = value.split(',').map(number);
    const [latitude, longitude] = parts;
    if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n))) {
      ctx.addIssue({ code: 'custom', message: 'must be two numbers: lat,lon (WGS 84 degrees, latitude first)' });
      return z.NEVER;
    }
    if (latitude! < -90 || latitude! > 90 || longitude! < -180 || longitude! > 180) {
      ctx.addIssue({ code: 'custom', message: 'latitude must be between -90 and 90 and longitude between -180 and 180' });
      return z.NEVER;
    }
    return { latitude: latitude!, longitude: longitude! };
  })
  .describe('Only events with a place within `within_km` of this point: `lat,lon` in WGS 84 degrees (latitude first, as people write it).');

const withinKmParameter = z.coerce
  .number({ error: 'must be a number of kilometres' })
  .gt(0, { error: 'must be more than 0' })
  .max(2000, { error: 'must be at most 2000' })
  .describe('With `near`: the distance in kilometres (great-circle).')
  .meta({ examples: [25] });

/** The place filters, as one shape to spread into an operation's query parameters. */
export const placeFilterParameters = {
  admin1: admin1Parameter.optional(),
  place: placeParameter.optional(),
  bbox: bboxParameter.optional(),
  near: nearParameter.optional(),
  within_km: withinKmParameter.optional(),
  place_role: listOf(placeRoleSchema, {
    description:
      'Which of an event\'s places the place filters read: `target` (aimed at), `affected` (reported hit) and `launch_site` (where weapons came from). ' +
      'Default: target and affected, so that launch sites in Russia never count as where an attack happened.',
    noun: 'role',
    example: 'launch_site',
  }).optional(),
};

export type PlaceFilterQuery = {
  admin1?: string[];
  place?: NonNullable<PlaceFilter['named']>;
  bbox?: PlaceFilter['bbox'];
  near?: { latitude: number; longitude: number };
  within_km?: number;
  place_role?: PlaceRole[];
};

// ---- the gazetteer on the wire ----

// Defined with the gazetteer's data (seed/gazetteer), so its one schema lives here, beside the entries'.
export const placeKindSchema = z.enum(ENTRY_KINDS).meta({ id: 'PlaceKind', description: 'What kind of gazetteer entry it is.' });

export const placeEntrySchema = z
  .object({
    id: z.string().describe('Stable id: the ISO 3166-2 code for a first-level unit (`UA-30`), the alpha-2 code for a country, else a slug (`ua-kharkiv`).'),
    kind: placeKindSchema,
    name: z.string(),
    aliases: z.array(z.string()).describe('Other names and spellings it is found by: transliterations old and new, Ukrainian and Russian, the Air Force file\'s own.'),
    admin1: z.string().nullable().describe('ISO 3166-2 code of the first-level unit it lies in (itself, for a unit).'),
    country: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    geo_precision: geoPrecisionSchema.nullable().describe('What the coordinates locate; null when the entry is not located (a sea, a direction).'),
    location_source: z.string().nullable().describe('Where the coordinates come from.'),
    unlocated_reason: z.string().nullable().describe('Why the entry has no coordinates, when it has none.'),
  })
  .meta({ id: 'Place', description: 'An entry of sitrep\'s gazetteer: a place events can concern, with its names and where it is.' });

export const placeListQuerySchema = queryParameters({
  q: z.string().min(1).max(200).optional().describe('A name in any spelling the gazetteer knows (Kiev, Київ): every entry it may mean, the default first.').meta({ examples: ['Kiev'] }),
  kind: listOf(placeKindSchema, { description: 'Only entries of these kinds.', noun: 'kind', example: 'admin1' }).optional(),
  country: countryCodeSchema.optional().describe('Only entries in this country (ISO 3166-1 alpha-2).'),
});

export const placeListSchema = z
  .object({ data: z.array(placeEntrySchema) })
  .meta({ id: 'PlaceList', description: 'Gazetteer entries: all that match, in gazetteer order (a name\'s default meaning first). The gazetteer is small, so there is one page.' });

export type PlaceEntryWire = z.infer<typeof placeEntrySchema>;

/**
 * The place filter of a query, or undefined when it names no place. `place_role` alone filters
 * nothing; `near` and `within_km` go together.
 */
export function placeFilterFromQuery(query: PlaceFilterQuery): PlaceFilter | undefined {
  if (query.near !== undefined && query.within_km === undefined) throw invalidParameter('query', 'within_km', 'is required with near: how many kilometres around it');
  if (query.within_km !== undefined && query.near === undefined) throw invalidParameter('query', 'near', 'is required with within_km: the point (lat,lon) to measure from');
  const filter: PlaceFilter = {
    roles: query.place_role ?? DEFAULT_PLACE_ROLES,
    ...(query.admin1 && { admin1: query.admin1 }),
    ...(query.place && { named: query.place }),
    ...(query.bbox && { bbox: query.bbox }),
    ...(query.near && { near: { ...query.near, km: query.within_km! } }),
  };
  return filter.admin1 || filter.named || filter.bbox || filter.near ? filter : undefined;
}
