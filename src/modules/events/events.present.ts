// Maps event rows, and the facts attached to them, to their wire shapes.
import type { CasualtyReportRow, CitationRow, DamageReportRow, EventRow, MunitionReportRow, SourceRow } from '../../db/schema.js';
import { entryById, type PlaceRecord } from '../../domain/places.js';
import { localStart } from '../../lib/time.js';
import { presentCitation, presentSourceRef } from '../sources/sources.present.js';
import type { EventFacts } from './events.repository.js';
import type { Citation, SourceRef } from '../sources/sources.schemas.js';
import type { CasualtyReportWire, DamageReportWire, EventDetailWire, EventPlaceWire, EventWire, LocationWire, MunitionReportWire } from './events.schemas.js';

export function presentPlace(place: PlaceRecord): EventPlaceWire {
  return {
    role: place.role,
    name: place.name,
    gazetteer_id: place.gazetteerId,
    admin1: place.admin1,
    admin1_name: place.admin1 === null ? null : (entryById(place.admin1)?.name ?? null),
    country: place.country,
    latitude: place.latitude,
    longitude: place.longitude,
    geo_precision: place.geoPrecision,
  };
}

/** An event's main location, as the event and its timeline entry show it. */
export function presentLocation(row: EventRow): LocationWire {
  return {
    place: row.place,
    admin1: row.admin1,
    country: row.country,
    latitude: row.latitude,
    longitude: row.longitude,
    geo_precision: row.geoPrecision,
  };
}

export function presentEvent(row: EventRow, places: readonly PlaceRecord[]): EventWire {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    title: row.title,
    summary: row.summary,
    start_at: row.startAt,
    start_precision: row.startPrecision,
    start_local: localStart(row.startAt, row.startPrecision, row.timezone),
    end_at: row.endAt,
    end_precision: row.endPrecision,
    timezone: row.timezone,
    location: presentLocation(row),
    places: places.map(presentPlace),
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}

export function presentCasualtyReport(r: CasualtyReportRow, source: SourceRef, citations: Citation[]): CasualtyReportWire {
  return {
    id: r.id,
    event_id: r.eventId,
    category: r.category,
    group: r.group,
    low: r.low,
    best: r.best,
    high: r.high,
    as_reported: r.asReported,
    source,
    citations,
  };
}

export function presentMunitionReport(r: MunitionReportRow, source: SourceRef, citations: Citation[]): MunitionReportWire {
  return {
    id: r.id,
    event_id: r.eventId,
    weapon_category: r.weaponCategory,
    weapon_model: r.weaponModel,
    launched: r.launched,
    intercepted: r.intercepted,
    lost_to_ew: r.lostToEw,
    start_at: r.startAt,
    start_precision: r.startPrecision,
    end_at: r.endAt,
    end_precision: r.endPrecision,
    source,
    citations,
  };
}

export function presentDamageReport(r: DamageReportRow, source: SourceRef, citations: Citation[]): DamageReportWire {
  return { id: r.id, event_id: r.eventId, asset_category: r.assetCategory, count: r.count, description: r.description, source, citations };
}

/** Groups citations by the fact they back (the event itself is keyed by its own id). */
export function citationsByFact(rows: CitationRow[]): Map<string, CitationRow[]> {
  const byFact = new Map<string, CitationRow[]>();
  for (const row of rows) {
    const key = row.casualtyReportId ?? row.munitionReportId ?? row.damageReportId ?? row.relationId ?? `event:${row.eventId}`;
    byFact.set(key, [...(byFact.get(key) ?? []), row]);
  }
  return byFact;
}

export function presentEventDetail(row: EventRow, facts: EventFacts): EventDetailWire {
  const sourcesById = new Map<string, SourceRow>(facts.sources.map((s) => [s.id, s]));
  const byFact = citationsByFact(facts.citations);
  const cite = (key: string) => (byFact.get(key) ?? []).map((c) => presentCitation(c, sourcesById));
  const source = (id: string) => presentSourceRef(sourcesById.get(id)!);
  return {
    ...presentEvent(row, facts.places),
    actors: facts.actors.map((a) => ({ id: a.id, name: a.name, kind: a.kind, country: a.country, role: a.role })),
    casualty_reports: facts.casualtyReports.map((r) => presentCasualtyReport(r, source(r.sourceId), cite(r.id))),
    munition_reports: facts.munitionReports.map((r) => presentMunitionReport(r, source(r.sourceId), cite(r.id))),
    damage_reports: facts.damageReports.map((r) => presentDamageReport(r, source(r.sourceId), cite(r.id))),
    citations: cite(`event:${row.id}`),
    relations: facts.relations.map(({ relation, other }) => ({
      id: relation.id,
      kind: relation.kind,
      direction: relation.fromEventId === row.id ? ('outgoing' as const) : ('incoming' as const),
      event: { id: other.id, kind: other.kind, status: other.status, title: other.title, start_at: other.startAt },
      citations: cite(relation.id),
    })),
  };
}
