// Charts from /v1/stats/munitions and /v1/stats/casualties with the view's filters: launched,
// shot down and lost to electronic warfare per bucket for one weapon category, the interception
// rate over time, and casualties by group. Drawn with uPlot: 50 KB, no dependencies, and a canvas
// that stays fast over the 1,500 daily buckets of the whole record (docs/ARCHITECTURE.md says why
// not Chart.js, ECharts or Observable Plot). A canvas says nothing to a screen reader, so each
// chart has a table of its numbers, whose rows are also the keyboard's way to the claims.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { components } from '../../examples/typescript-client/sitrep-api.js';
import { apiUrl, getJson } from './api.js';
import { fill, h } from './dom.js';
import { num, pct, words } from './format.js';
import { problemNote, showBucketClaims } from './provenance.js';
import { CATEGORIES, CHART_BUCKETS, eventQuery, ignoredByStats, statsQuery, type View } from './state.js';

type S = components['schemas'];
type MunitionRow = S['MunitionStats']['data'][number];
type Figures = { launched: number | null; intercepted: number | null; lost_to_ew: number | null; interception_rate: number | null; event_count: number };

const COLOURS = { launched: '#b45309', intercepted: '#1d4ed8', lost_to_ew: '#047857', rate: '#7c3aed' };

/** The figures of a bucket for the chosen weapon category (`all`: the bucket's total). */
function figuresOf(row: MunitionRow, category: View['category']): Figures | null {
  if (category === 'all') return row.total as Figures;
  return (row.by_category.find((entry) => entry.weapon_category === category) as Figures | undefined) ?? null;
}

const seconds = (iso: string | null) => (iso ? Date.parse(iso) / 1000 : 0);

const LABEL_FORMATS: Record<View['bucket'], Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'short' },
  week: { day: 'numeric', month: 'short' },
  month: { month: 'short', year: 'numeric' },
  year: { year: 'numeric' },
};

/** `gaps`: whether some bucket between the first and the last has no figures (the API leaves it out). */
type Frame = { tz: string; bucket: View['bucket']; rows: MunitionRow[]; gaps: boolean };

/**
 * A uPlot chart over the buckets: the x axis spans from the first bucket's start to the last one's
 * end, labelled in the view's time zone (as the buckets are, whatever the reader's computer uses);
 * the y axis starts at zero, so bars compare honestly.
 */
function plot(target: HTMLElement, frame: Frame, options: Omit<uPlot.Options, 'width' | 'height'>, data: uPlot.AlignedData, onPick?: (index: number) => void): uPlot {
  const format = new Intl.DateTimeFormat('en-GB', { ...LABEL_FORMATS[frame.bucket], timeZone: frame.tz });
  const first = frame.rows[0]!;
  const last = frame.rows[frame.rows.length - 1]!;
  const chart = new uPlot({
    ...options,
    tzDate: (ts: number) => uPlot.tzDate(new Date(ts * 1000), frame.tz),
    scales: { x: { time: true, range: [seconds(first.start), seconds(last.end)] }, ...options.scales },
    axes: [{
      // A few buckets side by side: one label under each; otherwise uPlot spaces the labels.
      ...(frame.rows.length <= 16 && !frame.gaps ? { splits: () => frame.rows.map((row) => (seconds(row.start) + seconds(row.end)) / 2) } : {}),
      values: (_u, splits) => splits.map((split) => format.format(new Date(split * 1000))),
    }, ...(options.axes ?? []).slice(1)],
    width: Math.max(280, target.clientWidth),
    height: 240,
  }, data, target);
  new ResizeObserver(() => chart.setSize({ width: Math.max(280, target.clientWidth), height: 240 })).observe(target);
  if (onPick) {
    chart.over.addEventListener('click', () => {
      const index = chart.cursor.idx;
      if (index !== null && index !== undefined) onPick(index);
    });
  }
  return chart;
}

function viewLinks(label: string, json: string, csv: string): HTMLElement {
  return h('p', { class: 'view-links' }, `${label}: `, h('a', { href: json }, 'API'), ' · ', h('a', { href: csv }, 'CSV'));
}

/** Re-renders the charts panel for a view; `onChange` is called when the page's chart choices change. */
export async function renderCharts(root: HTMLElement, view: View, onChange: (patch: Partial<View>) => void): Promise<void> {
  const query = { ...statsQuery(view.filters), bucket: view.bucket };
  const munitionsUrl = apiUrl('/v1/stats/munitions', query);
  const casualtiesUrl = apiUrl('/v1/stats/casualties', { ...statsQuery(view.filters), bucket: 'all' });
  // Both asked for before anything is drawn; each part draws when its answer comes.
  const munitionStats = getJson<S['MunitionStats']>(munitionsUrl);
  const casualtyStats = getJson<S['CasualtyStats']>(casualtiesUrl);
  munitionStats.catch(() => {});
  casualtyStats.catch(() => {});
  const ignored = ignoredByStats(view.filters);
  const controls = h('div', { class: 'chart-controls' },
    h('label', {}, 'Per ', h('select', { id: 'chart-bucket', name: 'bucket', onchange: (e: Event) => onChange({ bucket: (e.target as HTMLSelectElement).value as View['bucket'] }) },
      CHART_BUCKETS.map((bucket) => h('option', { value: bucket, selected: bucket === view.bucket }, bucket)))),
    h('label', {}, 'Weapons ', h('select', { id: 'chart-category', name: 'category', onchange: (e: Event) => onChange({ category: (e.target as HTMLSelectElement).value as View['category'] }) },
      CATEGORIES.map((category) => h('option', { value: category, selected: category === view.category }, category === 'all' ? 'all categories' : words(category))))));
  const munitionsBox = h('div', { class: 'chart', id: 'chart-munitions', role: 'img', 'aria-label': 'Weapons launched, shot down and lost to electronic warfare per period; the table below gives the numbers.' });
  const rateBox = h('div', { class: 'chart', id: 'chart-rate', role: 'img', 'aria-label': 'Share of launched weapons shot down per period; the table below gives the numbers.' });
  const munitionsTable = h('div', { class: 'chart-table' });
  const casualties = h('div', { id: 'chart-casualties' });
  fill(root,
    h('h2', { id: 'charts-title' }, 'Launched, shot down, lost to electronic warfare'),
    ignored.length ? h('p', { class: 'notice' }, `The statistics take no ${ignored.join(', ')} filter: these charts count every event the other filters select.`) : null,
    controls,
    viewLinks('These figures', munitionsUrl, apiUrl('/v1/stats/munitions.csv', query)),
    h('p', { class: 'hint' }, 'Click a bar, or a row\'s "claims" button, for each source\'s figures in that period.'),
    munitionsBox,
    h('h3', {}, 'Interception rate'),
    rateBox,
    munitionsTable,
    h('h2', { id: 'casualties-title' }, 'Casualties by group'),
    viewLinks('These figures', casualtiesUrl, apiUrl('/v1/stats/casualties.csv', { ...statsQuery(view.filters), bucket: 'all' })),
    casualties);

  try {
    const stats = await munitionStats;
    const rows = stats.data;
    const figures = rows.map((row) => figuresOf(row, view.category));
    const pickRow = (index: number) => {
      const row = rows[index];
      if (row) void showBucketClaims(row, statsQuery(view.filters) as Record<string, string | string[]>, eventQuery(view.filters) as Record<string, string | string[]>);
    };
    // The API leaves out buckets with no figures. Where one is missing, a point without values
    // (at the end of the bucket before it) breaks the lines, so no line joins two periods across
    // an empty one. `points` maps each chart point to its bucket, or null for such a break.
    const points: (number | null)[] = [];
    rows.forEach((row, i) => {
      if (i > 0 && seconds(rows[i - 1]!.end) !== seconds(row.start)) points.push(null);
      points.push(i);
    });
    // Each bucket at its middle, so a bar stands over its own day, week or month.
    const x = points.map((i, k) => (i === null ? seconds(rows[points[k - 1]!]!.end) : (seconds(rows[i]!.start) + seconds(rows[i]!.end)) / 2));
    const pick = (index: number) => {
      const row = points[index];
      if (row !== null && row !== undefined) pickRow(row);
    };
    // The legend names the bucket under the cursor by its label (2025-07-04), not a time of day.
    const period: uPlot.Series = { label: 'Period', value: (_u, _v, _series, index) => (index === null ? '–' : (rows[points[index] ?? -1]?.label ?? '–')) };
    const value = (read: (f: Figures) => number | null) => points.map((i) => (i === null ? null : ((f) => (f ? read(f) : null))(figures[i])));
    if (!rows.length) fill(munitionsBox, h('p', { class: 'empty' }, 'No figures in this view.'));
    else {
      const bars = uPlot.paths.bars!({ size: [0.7, 40] });
      const frame: Frame = { tz: stats.tz, bucket: view.bucket, rows, gaps: points.includes(null) };
      plot(munitionsBox, frame, {
        scales: { y: { range: (_u, _min, max) => [0, Math.max(10, max * 1.05)] } },
        series: [
          period,
          { label: 'Launched', stroke: COLOURS.launched, fill: `${COLOURS.launched}99`, paths: bars, points: { show: false } },
          { label: 'Shot down', stroke: COLOURS.intercepted, width: 2 },
          { label: 'Lost to EW', stroke: COLOURS.lost_to_ew, width: 2 },
        ],
        axes: [{}, { label: 'weapons', size: 60 }],
      }, [x, value((f) => f.launched), value((f) => f.intercepted), value((f) => f.lost_to_ew)], pick);
      plot(rateBox, frame, {
        scales: { y: { range: [0, 100] } },
        series: [period, { label: 'Shot down, % of launched', stroke: COLOURS.rate, width: 2, value: (_u, v) => (v === null ? '–' : `${v.toFixed(1)} %`) }],
        axes: [{}, { label: '%', size: 50 }],
      }, [x, value((f) => (f.interception_rate === null ? null : f.interception_rate * 100))], pick);
    }
    fill(munitionsTable, h('details', { open: rows.length <= 12 },
      h('summary', {}, 'Table of these numbers'),
      h('div', { class: 'table-scroll' }, h('table', { class: 'numbers', id: 'munitions-table' },
        h('caption', {}, `Weapons (${view.category === 'all' ? 'all categories' : words(view.category)}) per ${view.bucket}, ${stats.tz}`),
        h('thead', {}, h('tr', {}, ['Period', 'Launched', 'Shot down', 'Lost to EW', 'Shot down, %', 'Events', 'Sources'].map((label) => h('th', { scope: 'col' }, label)))),
        h('tbody', {}, rows.map((row, i) => {
          const f = figures[i];
          return h('tr', { 'data-label': row.label },
            h('th', { scope: 'row' }, row.label),
            h('td', { 'data-key': 'launched' }, num(f?.launched)), h('td', { 'data-key': 'intercepted' }, num(f?.intercepted)), h('td', { 'data-key': 'lost_to_ew' }, num(f?.lost_to_ew)),
            h('td', {}, pct(f?.interception_rate)), h('td', {}, num(f?.event_count ?? 0)),
            h('td', {}, h('button', { type: 'button', class: 'figure', onclick: () => pickRow(i) }, 'claims')));
        }))))));
  } catch (error) {
    fill(munitionsBox, problemNote(error));
  }

  try {
    const stats = await casualtyStats;
    const figures = stats.data[0]?.figures ?? [];
    const most = Math.max(1, ...figures.map((f) => f.best ?? 0));
    fill(casualties, figures.length
      ? h('div', { class: 'table-scroll' }, h('table', { class: 'numbers bars', id: 'casualties-table' },
          h('caption', {}, 'Casualties in this view: the best figure of the source chosen per event, summed (low and high where sources give a range)'),
          h('thead', {}, h('tr', {}, ['Category', 'Group', 'Best', 'Low–high', 'Events'].map((label) => h('th', { scope: 'col' }, label)))),
          h('tbody', {}, figures.map((f) => {
            const bar = h('span', { class: `bar bar-${f.category}` });
            bar.style.width = `${((f.best ?? 0) / most) * 100}%`;
            return h('tr', {}, h('th', { scope: 'row' }, words(f.category)), h('td', {}, words(f.group)),
              h('td', { class: 'bar-cell' }, bar, h('span', { class: 'bar-value' }, num(f.best))),
              h('td', {}, `${num(f.low)}–${f.high === null ? 'open-ended' : num(f.high)}`), h('td', {}, num(f.event_count)));
          }))))
      : h('p', { class: 'empty' }, 'No casualty figures in this view.'));
  } catch (error) {
    fill(casualties, problemNote(error));
  }
}
