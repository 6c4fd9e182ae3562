// What the timeline routes read beyond the event lists, as one async interface (see
// events/events.reads.ts for why).
import type { Db } from '../../db/client.js';
import type { EventRow } from '../../db/schema.js';
import type { BucketRef } from '../../lib/buckets.js';
import { timelineEntries, type PlacedEntry } from './timeline.entries.js';

export interface TimelineReads {
  /** Each event as a timeline entry (headline figures, relations) in the bucket its start falls in. */
  entries(events: EventRow[], tz: string, bucketOf: (instant: string) => BucketRef): Promise<PlacedEntry[]>;
}

export function sqliteTimelineReads(db: Db): TimelineReads {
  return { entries: (events, tz, bucketOf) => timelineEntries(db, events, tz, bucketOf) };
}
