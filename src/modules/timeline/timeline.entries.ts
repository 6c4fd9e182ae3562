// Timeline entries for a run of events: each with its bucket in the reader's zone, headline
// figures and relations, fetched with one query per kind of fact. Shared by the JSON timeline
// (which groups them by bucket) and the CSV export (one row per entry).
import type { Db } from '../../db/client.js';
import type { EventRow } from '../../db/schema.js';
import type { BucketRef } from '../../lib/buckets.js';
import { joinList, type CsvRow } from '../../lib/csv.js';
import { localStart } from '../../lib/time.js';
import { HEADLINE_COLUMNS, LOCATION_COLUMNS, headlineCells, headlinesOfEvents } from '../events/events.export.js';
import { presentLocation } from '../events/events.present.js';
import { relationsOfEvents } from '../events/events.repository.js';
import { TIMELINE_FIELDS, type TimelineEntryWire } from './timeline.schemas.js';

export type PlacedEntry = { bucket: BucketRef; entry: TimelineEntryWire };

const brief = (e: EventRow) => ({ id: e.id, kind: e.kind, status: e.status, title: e.title, start_at: e.startAt });

export async function timelineEntries(db: Db, events: EventRow[], tz: string, bucketOf: (instant: string) => BucketRef): Promise<PlacedEntry[]> {
  const ids = events.map((e) => e.id);
  const headlines = await headlinesOfEvents(db, ids);
  const links = await relationsOfEvents(db, ids);
  return events.map((event) => ({
    bucket: bucketOf(event.startAt),
    entry: {
      id: event.id,
      kind: event.kind,
      status: event.status,
      title: event.title,
      start_at: event.startAt,
      start_precision: event.startPrecision,
      start_local: localStart(event.startAt, event.startPrecision, event.timezone, tz),
      end_at: event.endAt,
      location: presentLocation(event),
      headline: headlines.get(event.id)!,
      relations: links
        .filter(({ relation }) => relation.fromEventId === event.id || relation.toEventId === event.id)
        .map(({ relation, from, to }) => {
          const outgoing = relation.fromEventId === event.id;
          return { id: relation.id, kind: relation.kind, direction: outgoing ? ('outgoing' as const) : ('incoming' as const), event: brief(outgoing ? to : from) };
        }),
    },
  }));
}

export const BUCKET_COLUMNS = ['bucket', 'bucket_start', 'bucket_end'] as const;

const COLUMNS_OF_FIELD: Record<string, readonly string[]> = {
  ...Object.fromEntries(TIMELINE_FIELDS.map((field) => [field, [field]])),
  location: LOCATION_COLUMNS,
  headline: HEADLINE_COLUMNS,
};

/** CSV columns: the bucket's, then those of `fields` (or of every field). */
export function timelineColumns(fields: readonly string[] | undefined): string[] {
  return [...BUCKET_COLUMNS, ...(fields ?? TIMELINE_FIELDS).flatMap((field) => COLUMNS_OF_FIELD[field] ?? [])];
}

/** One CSV row; relations read as sentences about this event: `follows evt_b`, or `evt_a follows` for incoming ones. */
export function timelineCells({ bucket, entry }: PlacedEntry): CsvRow {
  const { location, headline, relations, ...fields } = entry;
  return {
    bucket: bucket.label,
    bucket_start: bucket.start,
    bucket_end: bucket.end,
    ...fields,
    ...location,
    ...headlineCells(headline),
    relations: joinList(relations.map((r) => (r.direction === 'outgoing' ? `${r.kind} ${r.event.id}` : `${r.event.id} ${r.kind}`))),
  };
}
