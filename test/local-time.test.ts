// `start_local` is written from a table of zone offsets by quarter hour instead of through luxon
// for every event (src/lib/time.ts). It must give luxon's answer for every instant: across DST
// changes, in zones with half- and quarter-hour offsets, in fixed-offset zones written with `Z`,
// with milliseconds, and far from today where zones had other rules.
import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { localStart, toLocalIso } from '../src/lib/time.js';

const ZONES = ['Europe/Kyiv', 'Europe/Moscow', 'UTC', 'Etc/UTC', 'UTC+3', 'America/New_York', 'America/St_Johns', 'Asia/Kathmandu', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham'];
const luxon = (instant: string, zone: string) => DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).toISO({ suppressMilliseconds: true });

describe('local times', () => {
  test('every minute around the 2025 DST changes and random instants from 1850 to 2040 match luxon in every zone', () => {
    const instants: string[] = [];
    for (const night of ['2025-03-29T20:00:00Z', '2025-10-25T20:00:00Z', '2025-04-05T10:00:00Z', '2025-11-02T03:00:00Z']) {
      for (let minute = 0; minute < 12 * 60; minute++) instants.push(new Date(Date.parse(night) + minute * 60_000).toISOString().replace('.000Z', 'Z'));
    }
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed / 2147483648);
    const [t0, t1] = [Date.parse('1850-01-01T00:00:00Z'), Date.parse('2040-01-01T00:00:00Z')];
    for (let i = 0; i < 20_000; i++) instants.push(new Date(t0 + Math.floor(random() * (t1 - t0))).toISOString());
    const wrong = ZONES.flatMap((zone) => instants.filter((instant) => toLocalIso(instant, zone) !== luxon(instant, zone)).map((i) => `${zone} ${i}`));
    expect(wrong).toEqual([]);
  });

  test('the Kyiv strike reads 02:00+03:00 local; UTC is written with Z, and day precision keeps the event zone’s date', () => {
    expect(toLocalIso('2025-07-03T23:00:00Z', 'Europe/Kyiv')).toBe('2025-07-04T02:00:00+03:00');
    expect(toLocalIso('2025-07-03T23:00:00Z', 'UTC')).toBe('2025-07-03T23:00:00Z');
    expect(toLocalIso('2025-07-03T23:00:00Z', 'Etc/UTC')).toBe('2025-07-03T23:00:00+00:00');
    expect(localStart('2025-07-03T22:00:00Z', 'day', 'Europe/Kyiv', 'America/New_York')).toBe('2025-07-04');
    expect(localStart('2025-06-30T21:00:00Z', 'month', 'Europe/Kyiv')).toBe('2025-07');
  });
});
