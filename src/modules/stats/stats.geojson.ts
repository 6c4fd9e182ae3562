// Statistics as a map layer: with group_by=admin1, one GeoJSON feature per bucket and first-level
// unit, its figures as properties, for a choropleth in QGIS or Leaflet. A unit is drawn by its
// outline (seed/gazetteer/outlines.ts), every one a MultiPolygon so the layer has one geometry
// type; the events in no known unit have no geometry (RFC 7946 §3.2).
import { CASUALTY_CATEGORIES } from '../../domain/vocabulary.js';
import type { CsvRow } from '../../lib/csv.js';
import type { CasualtyStatsWire, MunitionFigureWire, MunitionStatsWire } from './stats.schemas.js';

type Position = [number, number];
type Geometry = { type: 'MultiPolygon'; coordinates: Position[][][] } | null;

export type UnitFeature = { type: 'Feature'; id: string; geometry: Geometry; properties: CsvRow };

// Loaded on the first map asked for, not at start-up: 260 KB to read and check.
let outlines: Promise<typeof import('../../../seed/gazetteer/outlines.js')> | null = null;

/** Where a unit is drawn: its outline as a MultiPolygon; null for "no known unit". */
async function unitGeometry(admin1: string | null): Promise<Geometry> {
  if (!admin1) return null;
  outlines ??= import('../../../seed/gazetteer/outlines.js');
  const outline = (await outlines).outlineOf(admin1);
  if (!outline) return null;
  return { type: 'MultiPolygon', coordinates: outline.type === 'MultiPolygon' ? outline.coordinates : [outline.coordinates] };
}

type Bucket = { label: string; start: string | null; end: string | null; events_in_several_units?: number };

async function feature(bucket: Bucket, unit: { admin1: string | null; name: string | null }, figures: CsvRow): Promise<UnitFeature> {
  return {
    type: 'Feature',
    id: `${bucket.label}/${unit.admin1 ?? 'none'}`,
    geometry: await unitGeometry(unit.admin1),
    properties: {
      bucket: bucket.label,
      bucket_start: bucket.start,
      bucket_end: bucket.end,
      admin1: unit.admin1,
      name: unit.name,
      ...figures,
      events_in_several_units: bucket.events_in_several_units ?? 0,
    },
  };
}

/** One feature per bucket and unit, with the properties `propertiesOf` gives the unit's figures. */
function unitFeatures<F>(stats: { data: Array<Bucket & { by_admin1?: Array<{ admin1: string | null; name: string | null } & F> }> }, propertiesOf: (unit: F) => CsvRow): Promise<UnitFeature[]> {
  return Promise.all(stats.data.flatMap((bucket) => (bucket.by_admin1 ?? []).map((unit) => feature(bucket, unit, propertiesOf(unit)))));
}

export function munitionUnitFeatures(stats: MunitionStatsWire): Promise<UnitFeature[]> {
  return unitFeatures<{ total: MunitionFigureWire }>(stats, ({ total: { launched, intercepted, lost_to_ew, interception_rate, neutralisation_rate, event_count } }) => ({
    launched,
    intercepted,
    lost_to_ew,
    interception_rate,
    neutralisation_rate,
    event_count,
  }));
}

/** Per category, the unit's groups summed (as in an event's headline): killed_best and so on. */
export function casualtyUnitFeatures(stats: CasualtyStatsWire): Promise<UnitFeature[]> {
  return unitFeatures<{ figures: CasualtyStatsWire['data'][number]['figures'] }>(stats, ({ figures: all }) => {
    const cells: CsvRow = {};
    for (const category of CASUALTY_CATEGORIES) {
      const figures = all.filter((f) => f.category === category);
      if (figures.length === 0) continue;
      cells[`${category}_low`] = figures.reduce((n, f) => n + f.low, 0);
      cells[`${category}_best`] = figures.reduce((n, f) => n + f.best, 0);
      cells[`${category}_high`] = figures.some((f) => f.high === null) ? null : figures.reduce((n, f) => n + f.high!, 0);
    }
    return cells;
  });
}
