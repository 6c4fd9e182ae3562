// CSV text (RFC 4180) written by csv-stringify: CRLF line ends, a header row, fields quoted when
// they hold a comma, a quote or any line break. Values are written as they are (no formula
// escaping): the files feed data pipelines, which must read back exactly what the API holds.
import { stringify, type Options } from 'csv-stringify/sync';

export type CsvValue = string | number | null | undefined;
export type CsvRow = Record<string, CsvValue>;

const OPTIONS: Options = {
  record_delimiter: 'windows',
  // With an explicit record delimiter csv-stringify stops quoting lone `\n` and `\r` unless told to.
  quote_record_delimiter: true,
};

/** Several values in one cell (source ids, quotes), in order. */
export const LIST_SEPARATOR = ' | ';

export function joinList(values: ReadonlyArray<string | null | undefined>): string | null {
  return values.length ? values.map((v) => v ?? '').join(LIST_SEPARATOR) : null;
}

export function csvHeader(columns: readonly string[]): string {
  return stringify([columns], OPTIONS);
}

/** Rows as CSV records (no header), each cell taken from the row by column name; null is an empty cell. */
export function csvRecords(rows: readonly CsvRow[], columns: readonly string[]): string {
  return rows.length ? stringify(rows as CsvRow[], { ...OPTIONS, columns: [...columns] }) : '';
}

export function csvDocument(rows: readonly CsvRow[], columns: readonly string[]): string {
  return csvHeader(columns) + csvRecords(rows, columns);
}
