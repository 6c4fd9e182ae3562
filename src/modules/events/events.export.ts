// Events as flat rows, for CSV columns and GeoJSON properties: the event's fields with its
// location spread into columns, and its headline figures (chosen as in the statistics, see
// src/domain/figures.ts) with the sources they come from.
import type { Db } from '../../db/client.js';
import type { EventRow } from '../../db/schema.js';
import { eventHeadline, type CasualtyClaim, type Headline, type MunitionClaim } from '../../domain/figures.js';
import { countryEntry } from '../../domain/places.js';
import { CASUALTY_CATEGORIES, type GeoPrecision } from '../../domain/vocabulary.js';
import { joinList, type CsvRow } from '../../lib/csv.js';
import { presentEvent } from './events.present.js';
import { claimsOfEvents, placesOfEvents } from './events.repository.js';
import { EVENT_FIELDS, type EventPlaceWire, type EventWire, type HeadlineWire, type LocationWire } from './events.schemas.js';

export function presentHeadline(headline: Headline): HeadlineWire {
  return {
    casualties: headline.casualties.map((f) => ({ category: f.category, low: f.low, best: f.best, high: f.high, source_ids: f.sourceIds, as_reported: f.asReported })),
    munitions: headline.munitions && {
      source_id: headline.munitions.sourceId,
      launched: headline.munitions.launched,
      intercepted: headline.munitions.intercepted,
      lost_to_ew: headline.munitions.lostToEw,
    },
  };
}

/** Rows grouped by their event, in their order. */
export function groupByEvent<T extends { eventId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.eventId);
    if (list) list.push(row);
    else map.set(row.eventId, [row]);
  }
  return map;
}

/** Headline figures of a batch of events, with one query per kind of claim. */
export async function headlinesOfEvents(db: Db, eventIds: string[]): Promise<Map<string, HeadlineWire>> {
  const claims = await claimsOfEvents(db, eventIds);
  const casualties = groupByEvent<CasualtyClaim>(claims.casualty);
  const munitions = groupByEvent<MunitionClaim>(claims.munition);
  return new Map(eventIds.map((id) => [id, presentHeadline(eventHeadline(casualties.get(id) ?? [], munitions.get(id) ?? []))]));
}

export const LOCATION_COLUMNS = ['place', 'admin1', 'country', 'latitude', 'longitude', 'geo_precision'] as const;

export const HEADLINE_COLUMNS = [
  ...CASUALTY_CATEGORIES.flatMap((category) => ['low', 'best', 'high', 'as_reported', 'source_ids'].map((part) => `${category}_${part}`)),
  'launched',
  'intercepted',
  'lost_to_ew',
  'munitions_source_id',
] as const;

export function locationCells(location: LocationWire): CsvRow {
  return { ...location };
}

/** Headline figures as cells; a category nobody reported is empty, not zero. */
export function headlineCells(headline: HeadlineWire): CsvRow {
  const cells: CsvRow = {};
  for (const figure of headline.casualties) {
    cells[`${figure.category}_low`] = figure.low;
    cells[`${figure.category}_best`] = figure.best;
    cells[`${figure.category}_high`] = figure.high;
    cells[`${figure.category}_as_reported`] = joinList(figure.as_reported);
    cells[`${figure.category}_source_ids`] = joinList(figure.source_ids);
  }
  if (headline.munitions) {
    cells.launched = headline.munitions.launched;
    cells.intercepted = headline.munitions.intercepted;
    cells.lost_to_ew = headline.munitions.lost_to_ew;
    cells.munitions_source_id = headline.munitions.source_id;
  }
  return cells;
}

export const PLACES_COLUMNS = ['places', 'places_admin1'] as const;

/** The CSV columns of each `fields=` name of an event. */
const COLUMNS_OF_FIELD: Record<string, readonly string[]> = {
  ...Object.fromEntries(EVENT_FIELDS.map((field) => [field, [field]])),
  location: LOCATION_COLUMNS,
  places: PLACES_COLUMNS,
  headline: HEADLINE_COLUMNS,
};

/**
 * Places in two cells: each as "name (role)", and the distinct units (ISO 3166-2) of the places
 * it happened at (targets and places affected; launch sites are not where it happened).
 */
export function placesCells(places: readonly EventPlaceWire[]): CsvRow {
  return {
    places: joinList(places.map((p) => `${p.name} (${p.role})`)),
    places_admin1: joinList([...new Set(places.flatMap((p) => (p.admin1 && p.role !== 'launch_site' ? [p.admin1] : [])))]),
  };
}

/** CSV columns (and GeoJSON properties) for `fields`, or for every field and the headline. */
export function eventColumns(fields: readonly string[] | undefined): string[] {
  return (fields ?? [...EVENT_FIELDS, 'headline']).flatMap((field) => COLUMNS_OF_FIELD[field] ?? []);
}

export function eventCells(event: EventWire, headline: HeadlineWire): CsvRow {
  const { location, places, ...fields } = event;
  return { ...fields, ...locationCells(location), ...placesCells(places), ...headlineCells(headline) };
}

/** A batch of events with their places, presented, and as flat rows (all columns; the encoder picks). */
export async function eventRowsWithHeadlines(db: Db, batch: EventRow[]): Promise<Array<{ event: EventWire; cells: CsvRow }>> {
  const ids = batch.map((e) => e.id);
  const [headlines, places] = await Promise.all([headlinesOfEvents(db, ids), placesOfEvents(db, ids)]);
  return batch.map((row) => {
    const event = presentEvent(row, places.get(row.id)!);
    return { event, cells: eventCells(event, headlines.get(row.id)!) };
  });
}

type Position = [number, number];
type Located = { latitude: number; longitude: number; precision: GeoPrecision };

export type EventFeature = {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: Position } | { type: 'MultiPoint'; coordinates: Position[] } | null;
  properties: CsvRow;
};

const COARSENESS: Record<GeoPrecision, number> = { point: 0, settlement: 1, admin1: 2, country: 3 };

/**
 * Where an event happened, at the precision known: the places it targeted or affected (launch
 * sites are where weapons came from, not where they hit), the finest known (a settlement or unit
 * named beside "Ukraine" makes the country's centroid say nothing more); failing those, its main
 * location; a place known only by its country at that country's centroid. Null when nothing
 * locates it.
 */
export function eventGeometry(event: EventWire): { geometry: EventFeature['geometry']; precision: GeoPrecision | null } {
  const located = (candidates: Array<{ latitude: number | null; longitude: number | null; geo_precision: GeoPrecision | null; country: string | null }>): Located[] =>
    candidates.flatMap((c) => {
      if (c.latitude !== null && c.longitude !== null) return [{ latitude: c.latitude, longitude: c.longitude, precision: c.geo_precision ?? 'point' }];
      const centroid = c.country ? countryEntry(c.country)?.location : null;
      return centroid ? [{ latitude: centroid.latitude, longitude: centroid.longitude, precision: 'country' as const }] : [];
    });
  const hit = located(event.places.filter((p) => p.role !== 'launch_site'));
  const finer = hit.filter((p) => p.precision !== 'country');
  const points = finer.length ? finer : hit.length ? hit : located([event.location]);
  const distinct = [...new Map(points.map((p) => [`${p.longitude},${p.latitude}`, p])).values()];
  if (distinct.length === 0) return { geometry: null, precision: null };
  const precision = distinct.reduce<GeoPrecision>((coarsest, p) => (COARSENESS[p.precision] > COARSENESS[coarsest] ? p.precision : coarsest), 'point');
  const coordinates = distinct.map((p): Position => [p.longitude, p.latitude]);
  return { geometry: coordinates.length === 1 ? { type: 'Point', coordinates: coordinates[0]! } : { type: 'MultiPoint', coordinates }, precision };
}

/**
 * A GeoJSON feature (RFC 7946, longitude first) for every event: a Point or MultiPoint where it
 * happened, with `geo_precision` saying what the coordinates locate, or a null geometry (§3.2).
 */
export function eventFeature(event: EventWire, cells: CsvRow, columns: readonly string[]): EventFeature {
  const { geometry, precision } = eventGeometry(event);
  const properties: CsvRow = {};
  for (const column of columns) properties[column] = cells[column] ?? null;
  properties.geo_precision = precision;
  return { type: 'Feature', id: event.id, geometry, properties };
}
