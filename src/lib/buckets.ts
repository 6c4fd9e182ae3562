// Calendar buckets in a reader's time zone: the local day, ISO week (Monday first), month or year
// an instant falls in, with the bucket's bounds as local RFC 3339 times (their offsets show a DST
// change: a Europe/Kyiv day in late October is 25 hours long).
import { DateTime } from 'luxon';

/** Calendar units; `all` adds one bucket for a whole range. */
export const CALENDAR_BUCKETS = ['day', 'week', 'month', 'year'] as const;
export const BUCKETS = [...CALENDAR_BUCKETS, 'all'] as const;
export type Bucket = (typeof BUCKETS)[number];

export type BucketRef = { label: string; start: string | null; end: string | null };

const LABEL: Record<Exclude<Bucket, 'all'>, string> = {
  day: 'yyyy-MM-dd',
  week: "kkkk-'W'WW",
  month: 'yyyy-MM',
  year: 'yyyy',
};

export const ALL_BUCKET: BucketRef = { label: 'all', start: null, end: null };

/** Returns a function mapping an instant to its bucket, cached per UTC hour. */
export function bucketer(unit: Bucket, timezone: string): (instant: string) => BucketRef {
  if (unit === 'all') return () => ALL_BUCKET;
  const byHour = new Map<string, BucketRef>();
  return (instant) => {
    const hourKey = instant.slice(0, 13);
    const cached = byHour.get(hourKey);
    if (cached) return cached;
    const local = DateTime.fromISO(instant, { zone: 'utc' }).setZone(timezone);
    const start = local.startOf(unit);
    // The next bucket's own start: where local midnight is skipped (America/Santiago in
    // September) a day starts at 01:00, and adding a day to that would overlap the next one.
    const end = start.plus({ [`${unit}s`]: 1 }).startOf(unit);
    const ref = {
      label: start.toFormat(LABEL[unit]),
      start: start.toISO({ suppressMilliseconds: true })!,
      end: end.toISO({ suppressMilliseconds: true })!,
    };
    // Cache only when the whole UTC hour lies in this bucket: a zone whose midnight falls at
    // :30 or :45 UTC (India, Nepal) splits an hour between two buckets.
    const hourStart = local.toUTC().startOf('hour');
    if (start <= hourStart && hourStart.plus({ hours: 1 }) <= end) byHour.set(hourKey, ref);
    return ref;
  };
}
