// Events as flat rows, for CSV columns and GeoJSON properties: the event's fields with its
// location spread into columns, and its headline figures (chosen as in the statistics, see
// src/domain/figures.ts) with the sources they come from.
import type { Db } from '../../db/client.js';
import type { EventRow } from '../../db/schema.js';
import { eventHeadline, type CasualtyClaim, type Headline, type MunitionClaim } from '../../domain/figures.js';
import { CASUALTY_CATEGORIES } from '../../domain/vocabulary.js';
import { joinList, type CsvRow } from '../../lib/csv.js';
import { presentEvent } from './events.present.js';
import { claimsOfEvents } from './events.repository.js';
import { EVENT_FIELDS, type EventWire, type HeadlineWire, type LocationWire } from './events.schemas.js';

export function presentHeadline(headline: Headline): HeadlineWire {
  return {
    casualties: headline.casualties.map(({ sourceIds, asReported, ...range }) => ({ ...range, source_ids: sourceIds, as_reported: asReported })),
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

/** The CSV columns of each `fields=` name of an event. */
const COLUMNS_OF_FIELD: Record<string, readonly string[]> = {
  ...Object.fromEntries(EVENT_FIELDS.map((field) => [field, [field]])),
  location: LOCATION_COLUMNS,
  headline: HEADLINE_COLUMNS,
};

/** CSV columns (and GeoJSON properties) for `fields`, or for every field and the headline. */
export function eventColumns(fields: readonly string[] | undefined): string[] {
  return (fields ?? [...EVENT_FIELDS, 'headline']).flatMap((field) => COLUMNS_OF_FIELD[field] ?? []);
}

export function eventCells(event: EventWire, headline: HeadlineWire): CsvRow {
  const { location, ...fields } = event;
  return { ...fields, ...locationCells(location), ...headlineCells(headline) };
}

/** A batch of events as flat rows (all columns; the encoder picks). */
export async function eventRowsWithHeadlines(db: Db, batch: EventRow[]): Promise<Array<{ event: EventRow; cells: CsvRow }>> {
  const headlines = await headlinesOfEvents(db, batch.map((e) => e.id));
  return batch.map((event) => ({ event, cells: eventCells(presentEvent(event), headlines.get(event.id)!) }));
}

export type EventFeature = {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: CsvRow;
};

/** A GeoJSON Point feature (longitude first, RFC 7946), or null for an event without coordinates. */
export function eventFeature(event: EventRow, cells: CsvRow, columns: readonly string[]): EventFeature | null {
  if (event.latitude === null || event.longitude === null) return null;
  const properties: CsvRow = {};
  for (const column of columns) properties[column] = cells[column] ?? null;
  return { type: 'Feature', id: event.id, geometry: { type: 'Point', coordinates: [event.longitude, event.latitude] }, properties };
}
