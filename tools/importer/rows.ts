// Reads missile_attacks_daily.csv-format text and checks each row on its own: a row is either
// usable as a whole (an AttackRow, perhaps with warnings) or rejected with a reason code and its
// line number. Nothing here touches the database.
import { parse } from 'csv-parse/sync';
import { parsePlaceText, placeOfEntry, type PlaceColumn, type PlaceRecord } from '../../src/domain/places.js';
import { parseWallTime, resolveWallTime, type ResolvedTime, type WallTime } from './kyiv-time.js';
import { LiteralSyntaxError, parseNumberRecord, parseStringList } from '../../src/lib/text-literal.js';
import { resolveWeapon, type WeaponCatalogue, type WeaponResolution } from './weapons.js';

export const REJECTION_REASONS = [
  'malformed_row',
  'missing_time',
  'invalid_time',
  'window_ends_before_start',
  'missing_model',
  'invalid_figure',
  'negative_figure',
  'no_figures',
  'destroyed_exceeds_launched',
  'duplicate_row',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** Imported, but worth a look: the summary lists them apart from rejections. */
export const WARNING_CODES = ['unknown_model', 'unknown_place', 'nonexistent_local_time', 'ambiguous_local_time', 'stopped_exceeds_launched', 'unparsable_text_column'] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export type Rejection = { line: number; reason: RejectionReason; detail: string };
export type RowWarning = { line: number; code: WarningCode; detail: string };

export type AttackRow = {
  /** Line of the file where the row starts (the header is line 1). */
  line: number;
  /** The `source` post path; null when the row names none. */
  post: string | null;
  start: WallTime;
  end: WallTime;
  startAt: ResolvedTime;
  endAt: ResolvedTime;
  modelAsSpelled: string;
  weapon: WeaponResolution;
  target: string;
  targetMain: string;
  launchPlace: string;
  launched: number | null;
  destroyed: number | null;
  notReachGoal: number | null;
  stillAttacking: number | null;
  affectedRegions: string[];
  /** Every place the row's place columns name, resolved in the gazetteer, in column order. */
  places: PlaceRecord[];
  destroyedByRegion: Record<string, number | null>;
  borderCrossing: Record<string, number | null>;
};

export class AirForceFormatError extends Error {}

const REQUIRED_COLUMNS = ['time_start', 'time_end', 'model', 'launched', 'destroyed', 'source'] as const;

export type CsvRecord = { line: number; fields: Record<string, string>; malformed?: string };

/** Splits the file into records keyed by column name, each with the line it starts on. */
export function readCsvRecords(text: string): CsvRecord[] {
  type Parsed = { record: string[]; raw: string; info: { lines: number } };
  let parsed: Parsed[];
  try {
    parsed = parse(text, { bom: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: true }) as unknown as Parsed[];
  } catch (error) {
    throw new AirForceFormatError(`not a readable CSV file: ${(error as Error).message}`);
  }
  const [head, ...rows] = parsed;
  if (!head) throw new AirForceFormatError('the file is empty');
  const header = head.record.map((h) => h.trim());
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) throw new AirForceFormatError(`missing column(s) ${missing.join(', ')}; expected the format of missile_attacks_daily.csv`);
  return rows.map(({ record, raw, info }) => {
    // info.lines is the line the record ends on; a quoted cell may span several lines.
    const body = raw.replace(/^(\r?\n)+/, '').replace(/\r?\n$/, '');
    const line = info.lines - (body.match(/\n/g)?.length ?? 0);
    const fields = Object.fromEntries(header.map((h, i) => [h, record[i] ?? '']));
    return record.length === header.length ? { line, fields } : { line, fields, malformed: `${record.length} cells where the header has ${header.length}` };
  });
}

type Checked = { row: AttackRow; warnings: RowWarning[] } | { rejection: Rejection };

/** Checks one record; the first problem found decides the rejection reason. */
export function checkRecord(record: CsvRecord, catalogue: WeaponCatalogue): Checked {
  const { line, fields } = record;
  const reject = (reason: RejectionReason, detail: string): Checked => ({ rejection: { line, reason, detail } });
  if (record.malformed) return reject('malformed_row', record.malformed);

  const cell = (name: string) => (fields[name] ?? '').trim();
  const startText = cell('time_start');
  // An empty end reads as the start: the row still dates its attack.
  const endText = cell('time_end') || startText;
  if (startText === '') return reject('missing_time', 'time_start is empty');
  const start = parseWallTime(startText);
  if (!start) return reject('invalid_time', `time_start ${JSON.stringify(startText)} is not a date or a date and time`);
  const end = parseWallTime(endText);
  if (!end) return reject('invalid_time', `time_end ${JSON.stringify(endText)} is not a date or a date and time`);
  const startAt = resolveWallTime(start, 'start');
  const endAt = resolveWallTime(end, 'end');
  if (endAt.hi < startAt.lo) return reject('window_ends_before_start', `time_end ${end.text} is before time_start ${start.text}`);

  const modelAsSpelled = cell('model').replace(/\s+/g, ' ');
  if (modelAsSpelled === '') return reject('missing_model', 'model is empty');

  const figures: Record<'launched' | 'destroyed' | 'not_reach_goal' | 'still_attacking', number | null> = {
    launched: null,
    destroyed: null,
    not_reach_goal: null,
    still_attacking: null,
  };
  for (const name of Object.keys(figures) as (keyof typeof figures)[]) {
    const text = cell(name);
    const value = readFigure(text);
    if (value === 'invalid') return reject('invalid_figure', `${name} ${JSON.stringify(text)} is not a whole number`);
    if (value === 'negative') return reject('negative_figure', `${name} is ${text}`);
    figures[name] = value;
  }
  const { launched, destroyed, not_reach_goal: notReachGoal, still_attacking: stillAttacking } = figures;
  if (launched === null && destroyed === null && notReachGoal === null) return reject('no_figures', 'launched, destroyed and not_reach_goal are all empty');
  if (launched !== null && destroyed !== null && destroyed > launched) return reject('destroyed_exceeds_launched', `destroyed ${destroyed} > launched ${launched}`);

  const warnings: RowWarning[] = [];
  const warn = (code: WarningCode, detail: string) => warnings.push({ line, code, detail });
  for (const [side, t, r] of [['time_start', start, startAt], ['time_end', end, endAt]] as const) {
    if (r.note === 'nonexistent') warn('nonexistent_local_time', `${side} ${t.text} falls in the spring DST gap; read with the winter offset (${r.instant})`);
    if (r.note === 'ambiguous') warn('ambiguous_local_time', `${side} ${t.text} occurs twice at the autumn DST change; read as ${r.instant}`);
  }
  const weapon = resolveWeapon(modelAsSpelled, catalogue);
  if (!weapon.known) warn('unknown_model', `${modelAsSpelled} is not in the weapon catalogue; imported as weapon_category unspecified`);
  if (launched !== null && (destroyed ?? 0) + (notReachGoal ?? 0) > launched) {
    warn('stopped_exceeds_launched', `destroyed ${destroyed ?? 0} + not_reach_goal ${notReachGoal ?? 0} > launched ${launched}; imported as reported`);
  }

  const literal = <T>(name: string, read: (text: string) => T, empty: T): T => {
    try {
      return read(cell(name));
    } catch (error) {
      if (!(error instanceof LiteralSyntaxError)) throw error;
      warn('unparsable_text_column', `${name}: ${error.message}; column ignored`);
      return empty;
    }
  };

  const target = cell('target').replace(/\s+/g, ' ');
  const affectedRegions = literal('affected region', parseStringList, []);
  const places: PlaceRecord[] = [];
  const placeTexts: Array<[PlaceColumn, string[]]> = [
    ['target', [target]],
    ['target_main', [cell('target_main')]],
    ['affected region', affectedRegions],
    ['launch_place', [cell('launch_place')]],
  ];
  for (const [column, texts] of placeTexts) {
    for (const text of texts) {
      const parsed = parsePlaceText(text, column);
      for (const place of parsed.places) places.push(placeOfEntry(place.entry, place.role, place.text));
      // Never guessed: a name the gazetteer does not know is left out, and said so.
      for (const name of parsed.unresolved) warn('unknown_place', `${column}: ${JSON.stringify(name)} is not in the gazetteer; that place is left out`);
    }
  }

  const post = cell('source');
  return {
    row: {
      line,
      post: post === '' ? null : post,
      start,
      end,
      startAt,
      endAt,
      modelAsSpelled,
      weapon,
      target,
      targetMain: cell('target_main'),
      launchPlace: cell('launch_place'),
      launched,
      destroyed,
      notReachGoal,
      stillAttacking,
      affectedRegions,
      places,
      destroyedByRegion: literal('destroyed_details', parseNumberRecord, {}),
      borderCrossing: literal('border_crossing', parseNumberRecord, {}),
    },
    warnings,
  };
}

/** `93.0` → 93; empty or NaN → null (not reported). */
function readFigure(text: string): number | null | 'invalid' | 'negative' {
  if (text === '' || /^nan$/i.test(text)) return null;
  if (!/^[+-]?\d+(\.\d+)?$/.test(text)) return 'invalid';
  const value = Number(text);
  if (value < 0) return 'negative';
  return Number.isSafeInteger(value) ? value : 'invalid';
}
