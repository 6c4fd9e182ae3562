// Statistics as CSV tables: one row per bucket and figure. The chosen figures come first with an
// empty `source_id` and `admin1`; each source's own totals follow, marked by `source_id`, and each
// unit's (group_by=admin1), marked by `admin1` (`unknown` for the events in no known unit), so a
// spreadsheet can filter the national figures, compare sources, or compare units.
import type { CsvRow } from '../../lib/csv.js';
import type { CasualtyStatsWire, MunitionFigureWire, MunitionStatsWire } from './stats.schemas.js';

const BUCKET_COLUMNS = ['bucket', 'bucket_start', 'bucket_end', 'source_id', 'source_publisher', 'admin1'] as const;

export const CASUALTY_STATS_COLUMNS = [...BUCKET_COLUMNS, 'category', 'group', 'low', 'best', 'high', 'event_count', 'source_count'] as const;

export const MUNITION_STATS_COLUMNS = [
  ...BUCKET_COLUMNS,
  'breakdown',
  'weapon_category',
  'weapon_model',
  'launched',
  'intercepted',
  'lost_to_ew',
  'interception_rate',
  'neutralisation_rate',
  'event_count',
  'source_count',
] as const;

type BucketWire = { label: string; start: string | null; end: string | null };
type SourceWire = { id: string; publisher: string } | null;

const bucketCells = (bucket: BucketWire, source: SourceWire, unit?: { admin1: string | null }): CsvRow => ({
  bucket: bucket.label,
  bucket_start: bucket.start,
  bucket_end: bucket.end,
  source_id: source?.id ?? null,
  source_publisher: source?.publisher ?? null,
  admin1: unit ? (unit.admin1 ?? 'unknown') : null,
});

/** A bucket's figures (`F`), each source's own and each unit's. */
type StatsWire<F> = { data: Array<BucketWire & F & { by_source?: Array<{ source: SourceWire } & F>; by_admin1?: Array<{ admin1: string | null } & F> }> };

/** Every bucket's rows: its chosen figures, then each source's, then each unit's, as `rowsOf` lays them out. */
function statsRows<F>(stats: StatsWire<F>, rowsOf: (cells: CsvRow, figures: F) => CsvRow[]): CsvRow[] {
  return stats.data.flatMap((bucket) => [
    ...rowsOf(bucketCells(bucket, null), bucket),
    ...(bucket.by_source ?? []).flatMap((own) => rowsOf(bucketCells(bucket, own.source), own)),
    ...(bucket.by_admin1 ?? []).flatMap((unit) => rowsOf(bucketCells(bucket, null, unit), unit)),
  ]);
}

export function casualtyStatsRows(stats: CasualtyStatsWire): CsvRow[] {
  return statsRows<{ figures: CasualtyStatsWire['data'][number]['figures'] }>(stats, (cells, { figures }) => figures.map((figure) => ({ ...cells, ...figure })));
}

type MunitionLevels = {
  total: MunitionFigureWire;
  by_category: Array<MunitionFigureWire & { weapon_category: string }>;
  by_model?: Array<MunitionFigureWire & { weapon_category: string; weapon_model: string | null }>;
};

/** `breakdown` says what a row sums: `total` (every weapon), one `weapon_category`, or one `weapon_model`. */
function munitionLevelRows(cells: CsvRow, levels: MunitionLevels): CsvRow[] {
  return [
    { ...cells, breakdown: 'total', ...levels.total },
    ...levels.by_category.map((figure) => ({ ...cells, breakdown: 'weapon_category', ...figure })),
    ...(levels.by_model ?? []).map((figure) => ({ ...cells, breakdown: 'weapon_model', ...figure })),
  ];
}

export function munitionStatsRows(stats: MunitionStatsWire): CsvRow[] {
  return statsRows<MunitionLevels>(stats, munitionLevelRows);
}
