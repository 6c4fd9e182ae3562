// The outlines of the gazetteer's first-level units, for choropleth maps: outlines.generated.json
// (tools/gazetteer-outlines.ts writes it), checked once on load. A malformed file, or one stale
// against entries.ts (a unit added, renamed or moved to another Natural Earth feature), fails here.
import { z } from 'zod';
import { CURATED_ENTRIES } from './entries.js';
import outlinesFile from './outlines.generated.json' with { type: 'json' };

export type Position = [longitude: number, latitude: number];

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && p.length === 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;

function ringProblem(r: unknown): string | null {
  if (!Array.isArray(r)) return 'a ring is an array of positions';
  if (r.length < 4) return `a ring has at least four positions, not ${r.length}`;
  const bad = r.findIndex((p) => !isPosition(p));
  if (bad >= 0) return `position ${bad} is not [longitude, latitude] within ±180°, ±90°: ${JSON.stringify(r[bad])}`;
  const first = r[0] as Position;
  const last = r[r.length - 1] as Position;
  return first[0] === last[0] && first[1] === last[1] ? null : 'a ring ends where it starts';
}

// One check per ring rather than a zod tuple per position: 14,000 tuples took ~100 ms at start-up.
const ring = z.custom<Position[]>((r) => ringProblem(r) === null, { error: (issue) => ringProblem(issue.input) ?? 'not a ring' });

/** Shoelace area in degrees², positive when counterclockwise (longitude as x). */
function signedArea(r: Position[]): number {
  let sum = 0;
  for (let i = 0; i < r.length - 1; i += 1) sum += r[i]![0] * r[i + 1]![1] - r[i + 1]![0] * r[i]![1];
  return sum / 2;
}

// RFC 7946 §3.1.6: exterior rings counterclockwise, holes clockwise.
const polygonRings = z
  .array(ring)
  .min(1)
  .refine((rings) => rings.every((r, index) => (signedArea(r) > 0) === (index === 0)), 'exterior ring counterclockwise, holes clockwise');

const polygonSchema = z.object({ type: z.literal('Polygon'), coordinates: polygonRings });
const multiPolygonSchema = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygonRings).min(1) });

const ISO_3166_2 = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;

const fileSchema = z.object({
  type: z.literal('FeatureCollection'),
  metadata: z.object({
    source: z.string().min(1),
    licence: z.string().min(1),
    simplification: z.object({ method: z.string().min(1), min_area_km2: z.number().positive(), coordinate_decimals: z.number().int().positive() }),
  }),
  features: z.array(
    z
      .object({
        type: z.literal('Feature'),
        id: z.string().regex(ISO_3166_2),
        properties: z.object({
          admin1: z.string().regex(ISO_3166_2),
          name: z.string().min(1),
          country: z.string().regex(/^[A-Z]{2}$/).nullable(),
          natural_earth_adm1_code: z.string().min(1),
        }),
        geometry: z.discriminatedUnion('type', [polygonSchema, multiPolygonSchema]),
      })
      .refine((f) => f.id === f.properties.admin1, 'a feature is labelled with its own unit'),
  ),
});

export type Polygon = z.infer<typeof polygonSchema>;
export type MultiPolygon = z.infer<typeof multiPolygonSchema>;
/** Where the outlines come from and how they were simplified, to cite beside a map. */
export type OutlinesSource = z.infer<typeof fileSchema>['metadata'];

const RERUN = 'run `npm run gazetteer:outlines`';

/**
 * Checks a parsed outlines file against the schema and against entries.ts, and indexes it by unit.
 * Throws, naming the problem, when the file is malformed or stale. Exported for the tests.
 */
export function loadOutlines(raw: unknown): { source: OutlinesSource; outlines: ReadonlyMap<string, Polygon | MultiPolygon> } {
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`gazetteer outlines: outlines.generated.json is malformed (${RERUN}): ${z.prettifyError(parsed.error)}`);
  const byId = new Map(parsed.data.features.map((f) => [f.id, f]));
  if (byId.size !== parsed.data.features.length) throw new Error(`gazetteer outlines: a unit has two outlines; ${RERUN}`);
  const units = CURATED_ENTRIES.filter((e) => e.kind === 'admin1');
  for (const unit of units) {
    const feature = byId.get(unit.id);
    const adm1Code = unit.locator.method === 'natural_earth_admin1' ? unit.locator.adm1Code : null;
    if (!feature) throw new Error(`gazetteer outlines: no outline for ${unit.id}; ${RERUN}`);
    if (feature.properties.natural_earth_adm1_code !== adm1Code || feature.properties.name !== unit.name || feature.properties.country !== unit.country) {
      throw new Error(`gazetteer outlines: the outline of ${unit.id} is stale against entries.ts; ${RERUN}`);
    }
  }
  const unitIds = new Set(units.map((u) => u.id));
  for (const id of byId.keys()) {
    if (!unitIds.has(id)) throw new Error(`gazetteer outlines: outline for ${id}, which is not a first-level unit of the gazetteer; ${RERUN}`);
  }
  return {
    source: Object.freeze(parsed.data.metadata),
    // Frozen at the top only: freezing 14,000 positions took ~50 ms. Callers must not edit them.
    outlines: new Map([...byId].map(([id, f]) => [id, Object.freeze(f.geometry)])),
  };
}

const loaded = loadOutlines(outlinesFile);

/** Source, licence and simplification of the outlines (the file's metadata). */
export const OUTLINES_SOURCE: Readonly<OutlinesSource> = loaded.source;

/**
 * The outline of a first-level unit by its ISO 3166-2 code as the gazetteer spells it ("UA-63",
 * "RU-KRS"): a GeoJSON Polygon or MultiPolygon (RFC 7946), shared, not to be edited; null for any
 * other id.
 */
export function outlineOf(admin1Code: string): Polygon | MultiPolygon | null {
  return loaded.outlines.get(admin1Code) ?? null;
}
