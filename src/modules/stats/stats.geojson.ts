// Statistics as a map layer: with group_by=admin1, one GeoJSON feature per bucket and first-level
// unit, its figures as properties, for a choropleth in QGIS or Leaflet. A unit is drawn at its
// centroid from the gazetteer; the events in no known unit have no geometry (RFC 7946 §3.2).
import { entryById } from '../../domain/places.js';
import { CASUALTY_CATEGORIES } from '../../domain/vocabulary.js';
import type { CsvRow } from '../../lib/csv.js';
import type { CasualtyStatsWire, MunitionStatsWire } from './stats.schemas.js';

type Geometry = { type: 'Point'; coordinates: [number, number] } | null;

export type UnitFeature = { type: 'Feature'; id: string; geometry: Geometry; properties: CsvRow };

/** Where a unit is drawn: its centroid; null for "no known unit". */
function unitGeometry(admin1: string | null): Geometry {
  const location = admin1 ? entryById(admin1)?.location : null;
  return location ? { type: 'Point', coordinates: [location.longitude, location.latitude] } : null;
}

type Bucket = { label: string; start: string | null; end: string | null; events_in_several_units?: number };

function feature(bucket: Bucket, unit: { admin1: string | null; name: string | null }, figures: CsvRow): UnitFeature {
  return {
    type: 'Feature',
    id: `${bucket.label}/${unit.admin1 ?? 'none'}`,
    geometry: unitGeometry(unit.admin1),
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

export function munitionUnitFeatures(stats: MunitionStatsWire): UnitFeature[] {
  return stats.data.flatMap((bucket) =>
    (bucket.by_admin1 ?? []).map((unit) => {
      const { launched, intercepted, lost_to_ew, interception_rate, neutralisation_rate, event_count } = unit.total;
      return feature(bucket, unit, { launched, intercepted, lost_to_ew, interception_rate, neutralisation_rate, event_count });
    }),
  );
}

/** Per category, the unit's groups summed (as in an event's headline): killed_best and so on. */
export function casualtyUnitFeatures(stats: CasualtyStatsWire): UnitFeature[] {
  return stats.data.flatMap((bucket) =>
    (bucket.by_admin1 ?? []).map((unit) => {
      const cells: CsvRow = {};
      for (const category of CASUALTY_CATEGORIES) {
        const figures = unit.figures.filter((f) => f.category === category);
        if (figures.length === 0) continue;
        cells[`${category}_low`] = figures.reduce((n, f) => n + f.low, 0);
        cells[`${category}_best`] = figures.reduce((n, f) => n + f.best, 0);
        cells[`${category}_high`] = figures.some((f) => f.high === null) ? null : figures.reduce((n, f) => n + f.high!, 0);
      }
      return feature(bucket, unit, cells);
    }),
  );
}
