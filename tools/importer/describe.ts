// Titles, summaries and citation locators of imported Air Force events. Every sentence says who
// reported what ("The Ukrainian Air Force reported …"); nothing the post claims is stated as fact.
import type { WeaponCategory } from '../../src/domain/vocabulary.js';
import { formatClock, formatDate, MONTHS, nextDay, sameDay, type WallTime } from './kyiv-time.js';

type Day = Pick<WallTime, 'year' | 'month' | 'day'>;

function dayRange(a: Day, b: Day): string {
  if (a.year === b.year && a.month === b.month) return `${a.day}–${b.day} ${MONTHS[a.month - 1]} ${a.year}`;
  if (a.year === b.year) return `${formatDate(a, false)} – ${formatDate(b)}`;
  return `${formatDate(a)} – ${formatDate(b)}`;
}

/** For titles: `night of 3–4 July 2025`, `4 July 2025`, `5–6 December 2025`. */
export function windowName(start: WallTime, end: WallTime): string {
  if (sameDay(start, end)) return formatDate(start);
  const overnight = start.precision === 'minute' && start.hour >= 12 && sameDay(nextDay(start), end);
  return overnight ? `night of ${dayRange(start, end)}` : dayRange(start, end);
}

/**
 * For summaries: `from 18:00 on 3 July to 06:00 on 4 July 2025, Ukrainian time`, `on 4 July 2025`.
 * Not "Kyiv time": summaries are searched, and a search for Kyiv should find what concerns Kyiv, not every attack.
 */
export function windowSpan(start: WallTime, end: WallTime): string {
  const clock = start.precision === 'minute' || end.precision === 'minute';
  const zone = clock ? ', Ukrainian time' : '';
  if (sameDay(start, end)) {
    if (start.precision === 'minute' && end.precision === 'minute') {
      const between = start.canonical === end.canonical ? `at ${formatClock(start)}` : `from ${formatClock(start)} to ${formatClock(end)}`;
      return `on ${formatDate(start)} ${between}${zone}`;
    }
    return `on ${formatDate(start)}${start.precision === 'minute' ? ` from ${formatClock(start)}` : ''}${end.precision === 'minute' ? ` until ${formatClock(end)}` : ''}${zone}`;
  }
  const bound = (t: WallTime, withYear: boolean) => (t.precision === 'minute' ? `${formatClock(t)} on ${formatDate(t, withYear)}` : formatDate(t, withYear));
  return `from ${bound(start, start.year !== end.year)} to ${bound(end, true)}${zone}`;
}

type WeaponClass = 'missile' | 'drone' | 'guided bomb' | 'other';

function weaponClass(category: WeaponCategory): WeaponClass {
  if (category === 'drone') return 'drone';
  if (category === 'guided_bomb') return 'guided bomb';
  if (category === 'unspecified') return 'other';
  return 'missile';
}

const CLASS_NOUNS: Record<WeaponClass, [string, string]> = {
  missile: ['missile', 'missiles'],
  drone: ['drone', 'drones'],
  'guided bomb': ['guided bomb', 'guided bombs'],
  other: ['weapon of unstated type', 'weapons of unstated type'],
};

const CLASS_ORDER: WeaponClass[] = ['missile', 'drone', 'guided bomb', 'other'];

function listPhrase(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export type ReportFigures = {
  weaponCategory: WeaponCategory;
  weaponModel: string | null;
  /** Named after the model when the event's rows do not share one target. */
  target: string | null;
  /** Named when two rows differ only by where they were launched from. */
  launchPlace: string | null;
  launched: number | null;
  intercepted: number | null;
  lostToEw: number | null;
};

export type EventDescriptionInput = {
  publisherShort: string;
  publisherSubject: string;
  start: WallTime;
  end: WallTime;
  /** The place named in the title ("on Kyiv", "on southern Ukraine"), when the targets agree on one. */
  titlePlace: string | null;
  /** Targets as the summary names them ("Kyiv", "southern Ukraine"). */
  targets: string[];
  mainTargets: string[];
  affectedRegions: string[];
  reports: ReportFigures[];
};

/** `Russian missile and drone attack, night of 4–5 July 2025 (Ukrainian Air Force report)` */
export function eventTitle(input: EventDescriptionInput): string {
  const classes = CLASS_ORDER.filter((c) => c !== 'other' && input.reports.some((r) => weaponClass(r.weaponCategory) === c));
  const kinds = classes.length ? listPhrase(classes) : 'aerial';
  return `Russian ${kinds} attack${input.titlePlace ? ` on ${input.titlePlace}` : ''}, ${windowName(input.start, input.end)} (${input.publisherShort} report)`;
}

const count = (n: number, [one, many]: [string, string]) => `${n} ${n === 1 ? one : many}`;

/** `The Ukrainian Air Force reported 322 drones launched at Ukraine from … Per weapon model, it reported: …` */
export function eventSummary(input: EventDescriptionInput): string {
  const subject = input.publisherSubject.charAt(0).toUpperCase() + input.publisherSubject.slice(1);
  const totals: string[] = [];
  for (const c of CLASS_ORDER) {
    const reports = input.reports.filter((r) => weaponClass(r.weaponCategory) === c);
    // A total is given only when every report of the class states its launches.
    if (reports.length && reports.every((r) => r.launched !== null)) totals.push(count(reports.reduce((s, r) => s + r.launched!, 0), CLASS_NOUNS[c]));
  }
  const at = input.targets.length ? ` at ${listPhrase(input.targets)}` : '';
  const what = totals.length ? `${listPhrase(totals)} launched${at}` : `an attack${input.targets.length ? ` on ${listPhrase(input.targets)}` : ''}`;
  const sentences = [`${subject} reported ${what} ${windowSpan(input.start, input.end)}.`];

  const perModel = input.reports.map((r) => {
    const figures = [
      r.launched !== null ? `${r.launched} launched` : null,
      r.intercepted !== null ? `${r.intercepted} shot down` : null,
      r.lostToEw !== null ? `${r.lostToEw} lost without being shot down` : null,
    ].filter((f) => f !== null);
    const qualifiers = [r.target ? `target ${r.target}` : null, r.launchPlace ? `launched from ${r.launchPlace}` : null].filter((q) => q !== null);
    return `${modelLabel(r)}${qualifiers.length ? ` (${qualifiers.join(', ')})` : ''}: ${figures.join(', ')}`;
  });
  sentences.push(`Per weapon model, it reported ${perModel.join('; ')}.`);
  if (input.mainTargets.length) sentences.push(`Main target as recorded in the dataset: ${listPhrase(input.mainTargets)}.`);
  if (input.affectedRegions.length) sentences.push(`Affected regions as recorded in the dataset: ${listPhrase(input.affectedRegions)}.`);
  return sentences.join(' ');
}

function modelLabel(r: ReportFigures): string {
  if (r.weaponModel) return r.weaponModel;
  const cls = weaponClass(r.weaponCategory);
  return cls === 'other' ? 'weapons of unstated type' : `${CLASS_NOUNS[cls][1]} of unstated model`;
}

/** The dataset file every locator names: rows are cited as rows of the published dataset, whatever the local file is called. */
export const DATASET_FILE = 'missile_attacks_daily.csv';

/** Event citation: which rows and which window (the seed's own wording, so the seed's citation is met exactly). */
export function eventLocator(post: string | null, startText: string, endText: string): string {
  const rows = post ? `rows of ${DATASET_FILE} whose source is ${post}` : `rows of ${DATASET_FILE} that name no source`;
  return `${rows}, attack window ${startText} to ${endText} Kyiv time`;
}

export type RowKeyFields = {
  startText: string;
  endText: string;
  model: string;
  target: string;
  /** Only when two rows are otherwise identical. */
  launchPlace?: string;
  launched: number | null;
  destroyed: number | null;
  notReachGoal: number | null;
  stillAttacking: number | null;
  post: string | null;
};

/**
 * Munition citation: the row named by its key fields, as the CSV spells them, and its figures —
 * never its line number, which changes from one snapshot of the dataset to the next.
 */
export function rowLocator(r: RowKeyFields): string {
  const key = [`time_start=${r.startText}`, `time_end=${r.endText}`, `model=${r.model}`, `target=${r.target || '(empty)'}`];
  if (r.launchPlace !== undefined) key.push(`launch_place=${r.launchPlace || '(empty)'}`);
  const figures = [
    r.launched !== null ? `launched ${r.launched}` : null,
    r.destroyed !== null ? `destroyed ${r.destroyed}` : null,
    r.notReachGoal !== null ? `not_reach_goal ${r.notReachGoal}` : null,
    r.stillAttacking !== null ? `still_attacking ${r.stillAttacking}` : null,
  ].filter((f) => f !== null);
  const source = r.post ? `the row's source is ${r.post}` : 'the row names no source';
  return `${DATASET_FILE}, row ${key.join(', ')} (${figures.join(', ')}); ${source}`;
}
