// sitrep's gazetteer: the curated entries (entries.ts) joined with the coordinates computed from
// public packages (locations.generated.ts), checked once on load. A stale generated file or a
// dangling admin1 code fails loudly here rather than as a wrong place on a map.
import { z } from 'zod';
import { CURATED_ENTRIES, ENTRY_KINDS, LOCATION_PRECISIONS, type CuratedEntry } from './entries.js';
import { GENERATED_LOCATIONS, GENERATED_SOURCES } from './locations.generated.js';

export { ENTRY_KINDS, LOCATION_PRECISIONS, GENERATED_SOURCES };
export type { EntryKind, LocationPrecision } from './entries.js';

const locationSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  precision: z.enum(LOCATION_PRECISIONS),
  /** How the point was obtained (centroid, label point, GeoNames point, as published). */
  method: z.string().min(1),
  /** Where it comes from: package@version and record, or the reference page. */
  source: z.string().min(1),
});

const ISO_3166_2 = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;

const entrySchema = z
  .object({
    id: z.string().min(1),
    kind: z.enum(ENTRY_KINDS),
    name: z.string().min(1),
    admin1: z.string().regex(ISO_3166_2).nullable(),
    country: z.string().regex(/^[A-Z]{2}$/).nullable(),
    aliases: z.array(z.string().min(1)),
    admin1Type: z.enum(['oblast', 'city', 'autonomous_republic', 'krai']).nullable(),
    covers: z.array(z.string().regex(ISO_3166_2)),
    coasts: z.array(z.string().regex(ISO_3166_2)),
    note: z.string().nullable(),
    location: locationSchema.nullable(),
    /** Why an entry has no coordinates; null when it has them. */
    unlocatedReason: z.string().nullable(),
  })
  .refine((e) => (e.location === null) !== (e.unlocatedReason === null), 'an entry is either located or says why not')
  .refine((e) => e.kind !== 'admin1' || (e.admin1 === e.id && e.admin1Type !== null), 'a first-level unit is its own admin1');

export type GazetteerLocation = z.infer<typeof locationSchema>;
export type GazetteerEntry = Readonly<z.infer<typeof entrySchema>>;

function locate(entry: CuratedEntry): Pick<z.infer<typeof entrySchema>, 'location' | 'unlocatedReason'> {
  const locator = entry.locator;
  switch (locator.method) {
    case 'none':
      return { location: null, unlocatedReason: locator.reason };
    case 'published':
      return {
        location: { latitude: locator.latitude, longitude: locator.longitude, precision: locator.precision, method: 'coordinates as published', source: locator.reference },
        unlocatedReason: null,
      };
    default: {
      const generated = GENERATED_LOCATIONS[entry.id];
      if (!generated) throw new Error(`gazetteer: no generated location for ${entry.id}; run node --import tsx tools/gazetteer-locations.ts`);
      return { location: generated, unlocatedReason: null };
    }
  }
}

function load(curated: readonly CuratedEntry[]): readonly GazetteerEntry[] {
  const entries = curated.map((c) =>
    Object.freeze(
      entrySchema.parse({
        id: c.id,
        kind: c.kind,
        name: c.name,
        admin1: c.admin1,
        country: c.country,
        aliases: c.aliases,
        admin1Type: c.admin1Type ?? null,
        covers: c.covers ?? [],
        coasts: c.coasts ?? [],
        note: c.note ?? null,
        ...locate(c),
      }),
    ),
  );
  const ids = new Set<string>();
  for (const entry of entries) {
    if (ids.has(entry.id)) throw new Error(`gazetteer: duplicate id ${entry.id}`);
    ids.add(entry.id);
  }
  const units = new Set(entries.filter((e) => e.kind === 'admin1').map((e) => e.id));
  for (const entry of entries) {
    for (const code of [entry.admin1, ...entry.covers]) {
      if (code !== null && !units.has(code)) throw new Error(`gazetteer: ${entry.id} names the unknown unit ${code}`);
    }
  }
  for (const id of Object.keys(GENERATED_LOCATIONS)) {
    if (!ids.has(id)) throw new Error(`gazetteer: generated location for unknown entry ${id}; rerun the tool`);
  }
  return Object.freeze(entries);
}

/** Every gazetteer entry, in curated order. */
export const GAZETTEER: readonly GazetteerEntry[] = load(CURATED_ENTRIES);
