// The filter form. Each control is named after the API parameter it sets; applying it loads the
// page at its new URL, so the browser's history, bookmarks and shared links all hold views.
import type { components } from '../../examples/typescript-client/sitrep-api.js';
import { apiUrl, getJson } from './api.js';
import { h } from './dom.js';
import { words } from './format.js';
import { DEFAULT_VIEW, EVENT_KINDS, EVENT_STATUSES, eventQuery, viewSearch, type Filters, type View } from './state.js';

type S = components['schemas'];

const TIME_ZONES = ['Europe/Kyiv', 'UTC', 'Europe/Moscow', 'Europe/London', 'Europe/Berlin', 'America/New_York'];

type Suggest = () => Promise<{ value: string; label: string }[]>;

/**
 * A text field, with a datalist of suggestions when `suggest` is given: filled once, on the field's
 * first focus, so the first view loads nothing it does not show.
 */
function text(name: keyof Filters, label: string, value: string, attrs: Record<string, string> = {}, hint?: string, suggest?: Suggest): HTMLElement {
  const id = `filter-${name}`;
  const list = suggest ? h('datalist', { id: `${id}-options` }) : null;
  let loading: Promise<void> | null = null;
  const load = () => {
    loading ??= suggest!().then(
      (options) => list!.append(...options.map((option) => h('option', { value: option.value }, option.label))),
      () => void (loading = null),
    );
  };
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    h('input', { id, name, value, type: 'text', autocomplete: 'off', ...(hint ? { 'aria-describedby': `${id}-hint` } : {}), ...attrs, ...(list ? { list: list.id, onfocus: load } : {}) }),
    hint ? h('small', { id: `${id}-hint` }, hint) : null,
    list);
}

function checkboxes(name: 'kind' | 'status', legend: string, values: readonly string[], checked: string[]): HTMLElement {
  return h('fieldset', { class: 'checks' }, h('legend', {}, legend),
    values.map((value) => h('label', {}, h('input', { type: 'checkbox', name, value, checked: checked.includes(value) }), ` ${words(value)}`)));
}

/** The form's values as filters; comma-separated lists where the API takes several values. */
function filtersOf(form: HTMLFormElement): Filters {
  const data = new FormData(form);
  const one = (name: string) => String(data.get(name) ?? '').trim();
  const list = (name: string) => one(name).split(',').map((value) => value.trim()).filter(Boolean);
  return {
    from: one('from'), to: one('to'), tz: one('tz') || DEFAULT_VIEW.filters.tz,
    kind: data.getAll('kind').map(String), status: data.getAll('status').map(String),
    country: one('country').toUpperCase(), admin1: list('admin1'), place: list('place'), actor: one('actor'), source: one('source'), q: one('q'),
  };
}

export function filterForm(view: View): HTMLElement {
  const f = view.filters;
  const form = h('form', { id: 'filters', method: 'get', action: '/', 'aria-labelledby': 'filters-title' },
    h('h2', { id: 'filters-title' }, 'Filters'),
    h('div', { class: 'field-row' },
      h('div', { class: 'field' }, h('label', { for: 'filter-from' }, 'From'), h('input', { id: 'filter-from', name: 'from', type: 'date', value: f.from })),
      h('div', { class: 'field' }, h('label', { for: 'filter-to' }, 'To (inclusive)'), h('input', { id: 'filter-to', name: 'to', type: 'date', value: f.to })),
      h('div', { class: 'field' }, h('label', { for: 'filter-tz' }, 'Time zone'),
        h('select', { id: 'filter-tz', name: 'tz' }, [...new Set([f.tz, ...TIME_ZONES])].map((tz) => h('option', { value: tz, selected: tz === f.tz }, tz))))),
    checkboxes('kind', 'Kind of event', EVENT_KINDS, f.kind),
    checkboxes('status', 'Status', EVENT_STATUSES, f.status),
    h('div', { class: 'field-row' },
      text('admin1', 'Oblast or city unit', f.admin1.join(', '), {}, 'Names in any spelling or ISO codes (UA-30 is Kyiv city), comma-separated.',
        async () => (await getJson<S['PlaceList']>(apiUrl('/v1/places', { kind: 'admin1' }))).data.map((place) => ({ value: place.name, label: `${place.id}, ${place.country}` }))),
      text('place', 'Place', f.place.join(', '), {}, 'A settlement, oblast or country, in any spelling (Kyiv, Київ), comma-separated.'),
      text('country', 'Country', f.country, { maxlength: '2', pattern: '[A-Za-z]{2}', size: '3' }, 'ISO code, e.g. UA.')),
    h('div', { class: 'field-row' },
      text('actor', 'Actor (id)', f.actor, {}, undefined,
        async () => (await getJson<S['ActorList']>(apiUrl('/v1/actors', { limit: 500 }))).data.map((actor) => ({ value: actor.id, label: actor.name }))),
      text('source', 'Source (id)', f.source, {}, undefined,
        async () => (await getJson<S['SourceList']>(apiUrl('/v1/sources', { limit: 500 }))).data.map((source) => ({ value: source.id, label: source.title ?? source.publisher }))),
      h('div', { class: 'field' }, h('label', { for: 'filter-q' }, 'Words'), h('input', { id: 'filter-q', name: 'q', type: 'search', value: f.q, 'aria-describedby': 'filter-q-hint' }),
        h('small', { id: 'filter-q-hint' }, 'Every word must match; end one with * for a prefix.'))),
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, 'Apply filters'), ' ', h('a', { href: '/' }, 'Reset')),
    h('p', { class: 'view-links' }, 'This view\'s events as ',
      h('a', { id: 'link-csv', href: apiUrl('/v1/events.csv', eventQuery(f)) }, 'CSV'), ' · ',
      h('a', { id: 'link-geojson', href: apiUrl('/v1/events.geojson', eventQuery(f)) }, 'GeoJSON'), ' · ',
      h('a', { id: 'link-api', href: apiUrl('/v1/events', eventQuery(f)) }, 'API')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.assign(`/${viewSearch({ ...view, filters: filtersOf(form), event: '' })}`);
  });
  return form;
}
