// Numbers and times as a reader expects them: thousands separated, rates as percentages, times in
// the view's time zone.
const integer = new Intl.NumberFormat('en-GB');
const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });

export const num = (value: number | null | undefined): string => (value === null || value === undefined ? '–' : integer.format(value));
export const pct = (value: number | null | undefined): string => (value === null || value === undefined ? '–' : percent.format(value));

/** "night of 3–4 July" style local times come from the API (`start_local`); this only shortens ISO strings. */
export function localTime(iso: string | null | undefined, tz: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', { timeZone: tz, dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Vocabulary words for people: `aerial_attack` → "aerial attack". */
export const words = (value: string | null | undefined): string => (value ?? '').replaceAll('_', ' ');
