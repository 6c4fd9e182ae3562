// CSV text (RFC 4180) written by csv-stringify: CRLF line ends, a header row, fields quoted when
// they hold a comma, a quote or any line break. The files are opened in spreadsheets, so a text
// cell a spreadsheet would run as a formula is neutralised here, for every CSV the API writes.
import { stringify, type Options } from 'csv-stringify/sync';

export type CsvValue = string | number | null | undefined;
export type CsvRow = Record<string, CsvValue>;

/**
 * What a spreadsheet reads as the start of a formula (OWASP, CSV Injection): `=`, `+`, `-`, `@`,
 * tab and carriage return, and the full-width `＝＋－＠` Apple Numbers folds into them.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A text cell starting a formula gets a leading `'`, which spreadsheets take as "this is text",
 * and is quoted. Only strings pass through here: numbers (a negative coordinate, `-1`) stay numbers.
 * Programs read the `'` as part of the value.
 */
function neutraliseFormula(value: string): string | { value: string; quoted: boolean } {
  return FORMULA_START.test(value) ? { value: `'${value}`, quoted: true } : value;
}

const OPTIONS: Options = {
  record_delimiter: 'windows',
  // With an explicit record delimiter csv-stringify stops quoting lone `\n` and `\r` unless told to.
  quote_record_delimiter: true,
  cast: { string: neutraliseFormula },
};

/** Several values in one cell (source ids, quotes), in order. */
export const LIST_SEPARATOR = ' | ';

export function joinList(values: ReadonlyArray<string | null | undefined>): string | null {
  return values.length ? values.map((v) => v ?? '').join(LIST_SEPARATOR) : null;
}

/**
 * A UTF-8 byte order mark: the only sign of UTF-8 a saved file carries, without which Excel and
 * LibreOffice may read it in the system's legacy code page ("Trump–Putin" as "Trumpâ€“Putin").
 */
export const UTF8_BOM = '\uFEFF';

/** Whether a CSV document starts with UTF8_BOM (once, before its header). */
export type CsvOptions = { bom: boolean };

function csvHeader(columns: readonly string[]): string {
  return stringify([columns], OPTIONS);
}

/** Rows as CSV records (no header), each cell taken from the row by column name; null is an empty cell. */
export function csvRecords(rows: readonly CsvRow[], columns: readonly string[]): string {
  return rows.length ? stringify(rows as CsvRow[], { ...OPTIONS, columns: [...columns] }) : '';
}

/** The start of a CSV document: the byte order mark, if asked for, and the header row. */
export function csvHead(columns: readonly string[], options: CsvOptions): string {
  return (options.bom ? UTF8_BOM : '') + csvHeader(columns);
}

export function csvDocument(rows: readonly CsvRow[], columns: readonly string[], options: CsvOptions): string {
  return csvHead(columns, options) + csvRecords(rows, columns);
}
