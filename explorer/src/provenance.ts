// Provenance first: any figure the page shows opens the claims behind it, one column per source,
// each with the source's words and its verbatim quote or locator, and the rows where the sources
// disagree marked. Nothing here adds claims up across sources or picks one: that is the API's
// headline rule, and the panel shows what it chose from beside what each source said.
import type { components } from '../../examples/typescript-client/sitrep-api.js';
import { apiUrl, getJson } from './api.js';
import { fill, h, type Child } from './dom.js';
import { num, words } from './format.js';

type S = components['schemas'];
export type EventDetail = S['EventDetail'];
type SourceRef = S['SourceRef'];
type Citation = S['Citation'];

export type Family = 'munitions' | 'casualties';

/** The one dialog every figure opens; Escape and the close button shut it and focus returns to the figure. */
function panel(): { dialog: HTMLDialogElement; body: HTMLElement } {
  let dialog = document.getElementById('provenance') as HTMLDialogElement | null;
  if (!dialog) {
    dialog = h('dialog', { id: 'provenance', 'aria-labelledby': 'provenance-title' },
      h('div', { class: 'dialog-head' },
        h('h2', { id: 'provenance-title' }, 'Claims'),
        h('button', { type: 'button', class: 'close', onclick: () => dialog!.close() }, 'Close')),
      h('div', { class: 'dialog-body' }));
    document.body.append(dialog);
  }
  return { dialog, body: dialog.querySelector('.dialog-body') as HTMLElement };
}

function openPanel(title: string, ...content: Child[]): HTMLElement {
  const { dialog, body } = panel();
  (dialog.querySelector('#provenance-title') as HTMLElement).textContent = title;
  fill(body, ...content);
  if (!dialog.open) dialog.showModal();
  return body;
}

export function sourceLink(source: SourceRef): HTMLElement {
  const name = source.title ? `${source.publisher}: ${source.title}` : source.publisher;
  return h('span', { class: 'source-name' },
    source.url ? h('a', { href: source.url, rel: 'noopener noreferrer', target: '_blank' }, name) : name,
    ' ', h('a', { class: 'api-link', href: `/v1/sources/${encodeURIComponent(source.id)}`, title: `The source record ${source.id}` }, '[record]'),
    h('span', { class: 'badge' }, words(source.kind)));
}

export function citationBlock(citation: Citation): HTMLElement {
  return h('figure', { class: 'citation' },
    citation.quote ? h('blockquote', {}, citation.quote) : null,
    h('figcaption', {},
      citation.locator ? h('span', { class: 'locator' }, citation.locator) : null,
      citation.via ? [' · via ', sourceLink(citation.via)] : null,
      !citation.quote && !citation.locator ? 'No quote or locator recorded.' : null));
}

type Column<R> = { source: SourceRef; reports: R[] };

function bySource<R extends { source: SourceRef }>(reports: R[]): Column<R>[] {
  const columns = new Map<string, Column<R>>();
  for (const report of reports) {
    const column = columns.get(report.source.id) ?? { source: report.source, reports: [] };
    column.reports.push(report);
    columns.set(report.source.id, column);
  }
  return [...columns.values()];
}

/** A sum of what a source stated; null when it states none of them (never 0 for "not said"). */
function stated(values: (number | null)[]): number | null {
  const given = values.filter((value): value is number => value !== null);
  return given.length ? given.reduce((a, b) => a + b, 0) : null;
}

/** One comparison row: the figure per source, marked when two sources state different numbers. */
function comparisonRow(label: string, cells: (number | null)[], notes: (string | null)[] = []): HTMLElement {
  const distinct = new Set(cells.filter((value) => value !== null));
  const differ = distinct.size > 1;
  return h('tr', { class: differ ? 'differ' : null },
    h('th', { scope: 'row' }, label, differ ? h('span', { class: 'differ-mark' }, ' sources differ') : null),
    cells.map((value, i) => h('td', { 'data-value': value ?? '' }, value === null ? h('span', { class: 'none' }, 'not stated') : num(value), notes[i] ? h('div', { class: 'as-reported' }, `“${notes[i]}”`) : null)));
}

function comparisonTable(caption: string, sources: SourceRef[], rows: HTMLElement[]): HTMLElement {
  return h('div', { class: 'table-scroll' },
    h('table', { class: 'comparison' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Figure'), sources.map((source) => h('th', { scope: 'col' }, sourceLink(source))))),
      h('tbody', {}, rows)));
}

const munitionLabel = (report: S['MunitionReport']) => (report.weapon_model ? `${report.weapon_model} (${words(report.weapon_category)})` : words(report.weapon_category));

/** Launched, shot down and lost to EW as each source gives them, side by side, with every quote. */
export function munitionClaims(event: EventDetail): HTMLElement {
  const columns = bySource(event.munition_reports);
  if (!columns.length) return h('p', {}, 'No source gives launch or interception figures for this event.');
  const sum = (column: Column<S['MunitionReport']>, key: 'launched' | 'intercepted' | 'lost_to_ew') => stated(column.reports.map((report) => report[key]));
  return h('section', { class: 'claims', 'data-family': 'munitions' },
    comparisonTable(`Weapons launched and stopped, by source (${columns.length} ${columns.length === 1 ? 'source' : 'sources'})`, columns.map((c) => c.source), [
      comparisonRow('Launched', columns.map((c) => sum(c, 'launched'))),
      comparisonRow('Shot down', columns.map((c) => sum(c, 'intercepted'))),
      comparisonRow('Lost to electronic warfare', columns.map((c) => sum(c, 'lost_to_ew'))),
    ]),
    h('div', { class: 'columns' }, columns.map((column) =>
      h('article', { class: 'source-column', 'data-source': column.source.id },
        h('h3', {}, sourceLink(column.source)),
        column.reports.map((report) =>
          h('div', { class: 'report' },
            h('p', { class: 'report-figures' }, h('strong', {}, munitionLabel(report)), ': ',
              `launched ${num(report.launched)}, shot down ${num(report.intercepted)}, lost to EW ${num(report.lost_to_ew)}`,
              ' ', h('a', { class: 'api-link', href: `/v1/munition-reports/${encodeURIComponent(report.id)}` }, '[record]')),
            report.citations.map(citationBlock)))))));
}

/** Killed, injured and missing as each source words them, side by side. */
export function casualtyClaims(event: EventDetail): HTMLElement {
  const columns = bySource(event.casualty_reports);
  if (!columns.length) return h('p', {}, 'No source gives casualty figures for this event.');
  const keys = [...new Set(event.casualty_reports.map((report) => `${report.category}|${report.group}`))];
  const rows = keys.map((key) => {
    const [category, group] = key.split('|') as [string, string];
    const found = columns.map((column) => column.reports.find((report) => report.category === category && report.group === group) ?? null);
    return comparisonRow(`${words(category)} (${words(group)})`, found.map((report) => report?.best ?? null), found.map((report) => report?.as_reported ?? null));
  });
  return h('section', { class: 'claims', 'data-family': 'casualties' },
    comparisonTable(`Casualties, by source (${columns.length} ${columns.length === 1 ? 'source' : 'sources'})`, columns.map((c) => c.source), rows),
    h('div', { class: 'columns' }, columns.map((column) =>
      h('article', { class: 'source-column', 'data-source': column.source.id },
        h('h3', {}, sourceLink(column.source)),
        column.reports.map((report) =>
          h('div', { class: 'report' },
            h('p', { class: 'report-figures' }, h('strong', {}, `${words(report.category)}, ${words(report.group)}`), ': ',
              report.as_reported ? `“${report.as_reported}” → ` : '', `best ${num(report.best)}`,
              report.low !== report.best || report.high !== report.best ? ` (low ${num(report.low)}, high ${report.high === null ? 'open-ended' : num(report.high)})` : '',
              ' ', h('a', { class: 'api-link', href: `/v1/casualty-reports/${encodeURIComponent(report.id)}` }, '[record]')),
            report.citations.map(citationBlock)))))));
}

const FAMILY_TITLES: Record<Family, string> = { munitions: 'Launched and stopped', casualties: 'Casualties' };

/** Opens the claims behind one event's figures. */
export async function showEventClaims(eventId: string, family: Family): Promise<void> {
  const body = openPanel(`${FAMILY_TITLES[family]}: loading…`, h('p', { class: 'loading' }, 'Loading the claims…'));
  try {
    const url = apiUrl(`/v1/events/${encodeURIComponent(eventId)}`);
    const event = await getJson<EventDetail>(url);
    openPanel(`${FAMILY_TITLES[family]}: ${event.title}`,
      h('p', { class: 'panel-links' }, h('a', { href: `/?event=${encodeURIComponent(event.id)}` }, 'Event page, with its corrections'), ' · ', h('a', { href: url }, 'API')),
      family === 'munitions' ? munitionClaims(event) : casualtyClaims(event));
  } catch (error) {
    fill(body, problemNote(error));
  }
}

type Bucket = { label: string; start: string | null; end: string | null };
type Totals = S['MunitionFigure'];

/**
 * Opens what one chart bucket's figures are made of: each source's own totals in that bucket
 * (`include=by_source`), then the events counted, with the source chosen for each and a button
 * to its claims.
 */
export async function showBucketClaims(bucket: Bucket, query: Record<string, string | string[]>, eventFilters: Record<string, string | string[]>): Promise<void> {
  const body = openPanel(`${bucket.label}: loading…`, h('p', { class: 'loading' }, 'Loading the claims…'));
  try {
    const range = bucket.start && bucket.end ? { from: bucket.start, to: new Date(Date.parse(bucket.end) - 1).toISOString() } : {};
    const statsUrl = apiUrl('/v1/stats/munitions', { ...query, ...range, bucket: 'all', include: 'by_source' });
    const timelineUrl = apiUrl('/v1/timeline', { ...eventFilters, ...range, limit: 100 });
    const [stats, timeline] = await Promise.all([getJson<S['MunitionStats']>(statsUrl), getJson<S['Timeline']>(timelineUrl)]);
    const row = stats.data[0];
    const sources = row?.by_source ?? [];
    const entries = timeline.data.flatMap((day) => day.events).filter((entry) => entry.headline.munitions);
    openPanel(`Launched and stopped, ${bucket.label}`,
      h('p', { class: 'panel-links' }, h('a', { href: statsUrl }, 'Statistics API'), ' · ', h('a', { href: timelineUrl }, 'Timeline API')),
      row ? h('p', {}, `The chart counts ${num(row.total.launched)} launched and ${num(row.total.intercepted)} shot down in ${num(row.total.event_count)} events, each event by one source's figures. Each source's own totals:`) : null,
      h('div', { class: 'table-scroll' }, h('table', { class: 'comparison' },
        h('caption', {}, 'Each source\'s own totals in this period'),
        h('thead', {}, h('tr', {}, ['Source', 'Launched', 'Shot down', 'Lost to EW', 'Events starting here'].map((label) => h('th', { scope: 'col' }, label)))),
        h('tbody', {}, sources.map((entry: { source: SourceRef; total: Totals }) =>
          h('tr', {}, h('th', { scope: 'row' }, sourceLink(entry.source)), h('td', {}, num(entry.total.launched)), h('td', {}, num(entry.total.intercepted)), h('td', {}, num(entry.total.lost_to_ew)),
            h('td', {}, num(entry.total.event_count),
              // A figure counts where its own time starts: an Air Force post dates each weapon's
              // window, so part of a night that began the day before can count here.
              entry.total.event_count === 0
                ? h('div', { class: 'as-reported' }, 'figures dated in this period, from an event that started before it: ', h('a', { href: `/?${new URLSearchParams({ source: entry.source.id, tz: stats.tz })}` }, 'its events'))
                : null)))))),
      h('h3', {}, `Events that start in this period${timeline.next_cursor ? ' (the first 100)' : ''}`),
      h('ul', { class: 'bucket-events' }, entries.map((entry) =>
        h('li', {},
          h('a', { href: `/?event=${encodeURIComponent(entry.id)}` }, entry.title), ': ',
          h('button', { type: 'button', class: 'figure', onclick: () => void showEventClaims(entry.id, 'munitions') },
            `${num(entry.headline.munitions!.launched)} launched, ${num(entry.headline.munitions!.intercepted)} shot down`),
          h('span', { class: 'chosen' }, ` counted from ${entry.headline.munitions!.source_id}`)))));
  } catch (error) {
    fill(body, problemNote(error));
  }
}

/** A refusal or failure, in words, naming what the API refused. */
export function problemNote(error: unknown): HTMLElement {
  const problem = error as { title?: string; detail?: string; url?: string; errors?: { name?: string; reason?: string }[] };
  return h('div', { class: 'problem', role: 'alert' },
    h('strong', {}, problem.title ?? 'Something failed'),
    problem.errors?.length
      ? h('ul', {}, problem.errors.map((item) => h('li', {}, h('code', {}, item.name ?? ''), ': ', item.reason ?? '')))
      : h('p', {}, problem.detail ?? String(error)),
    problem.url ? h('p', {}, 'Request: ', h('a', { href: problem.url }, problem.url)) : null);
}

