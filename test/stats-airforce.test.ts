// The statistics over the full Air Force record: one month's totals through /v1/stats/munitions
// against totals this test computes itself from the CSV. Skipped, saying why, where ../shared is
// absent.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { importAirForce } from '../src/importer/import-airforce.js';
import { AIR_FORCE_CSV, freshApp, getJson, SHARED_DIR } from './helpers.js';

const CATALOGUE = resolve(SHARED_DIR, 'data/missiles_and_uavs.csv');
const missing = !existsSync(AIR_FORCE_CSV) || !existsSync(CATALOGUE);

type Row = Record<string, string>;
const kyivMonth = (cell: string) => DateTime.fromSQL(cell.length === 10 ? `${cell} 00:00` : cell, { zone: 'Europe/Kyiv' }).toFormat('yyyy-MM');
const figure = (cell: string | undefined) => (cell === undefined || cell.trim() === '' ? 0 : Number(cell));

describe('statistics over the full Air Force record', () => {
  it.skipIf(missing)(
    `when July 2025 is asked for in Kyiv time, then the Shahed totals equal the CSV's rows of the posts whose attack began that month${missing ? ` [skipped: ${AIR_FORCE_CSV} is absent]` : ''}`,
    async () => {
      // Arrange: every post is one event that starts at its earliest row, so the month of that
      // row decides the bucket; the Air Force post is the only munition source of each event.
      const app = await freshApp({ seed: true });
      const csv = readFileSync(AIR_FORCE_CSV, 'utf8');
      importAirForce(app.db, { attacksCsv: csv, catalogueCsv: readFileSync(CATALOGUE, 'utf8') });
      const rows = parse(csv, { columns: true, skip_empty_lines: true }) as Row[];
      const firstStartByPost = new Map<string, string>();
      for (const row of rows) {
        const post = row.source || `${row.time_start}/${row.time_end}`;
        const current = firstStartByPost.get(post);
        const start = row.time_start!.length === 10 ? `${row.time_start} 00:00` : row.time_start!;
        if (!current || start < current) firstStartByPost.set(post, start);
      }
      const july = rows.filter(
        (row) => row.model === 'Shahed-136/131' && kyivMonth(firstStartByPost.get(row.source || `${row.time_start}/${row.time_end}`)!) === '2025-07',
      );
      const expected = {
        launched: july.reduce((sum, row) => sum + figure(row.launched), 0),
        intercepted: july.reduce((sum, row) => sum + figure(row.destroyed), 0),
        lost_to_ew: july.reduce((sum, row) => sum + figure(row.not_reach_goal), 0),
      };

      // Act
      const { status, body } = await getJson(app, '/v1/stats/munitions?bucket=month&tz=Europe/Kyiv&from=2025-07-01&to=2025-07-31&include=by_source&include=by_model');

      // Assert
      expect(status).toBe(200);
      const month = body.data.find((bucket: { label: string }) => bucket.label === '2025-07');
      const shahed = month.by_model.find((row: { weapon_model: string }) => row.weapon_model === 'Shahed-136/131');
      expect(shahed).toMatchObject(expected);
      expect(expected.launched).toBeGreaterThan(5000);
      expect(shahed.source_count).toBe(shahed.event_count);
    },
  );
});
