// The timeline: the view's events in order from /v1/timeline, each with its headline figures (the
// API's choice per event, each a button to every source's claims), scheduled events marked, and
// relations named ("follows", "responds to"). Pages of 50; "Show more" follows the cursor.
import type { components } from '../../examples/typescript-client/sitrep-api.js';
import { apiUrl, getJson } from './api.js';
import { fill, h } from './dom.js';
import { num, words } from './format.js';
import { problemNote, showEventClaims } from './provenance.js';
import { eventQuery, type View } from './state.js';

type S = components['schemas'];
type Entry = S['TimelineEntry'];

const RELATION_WORDS: Record<string, [string, string]> = {
  follows: ['follows', 'is followed by'],
  responds_to: ['responds to', 'is answered by'],
  concerns: ['concerns', 'is the subject of'],
  part_of: ['is part of', 'includes'],
};

function entryItem(entry: Entry): HTMLElement {
  const munitions = entry.headline.munitions;
  const casualties = entry.headline.casualties;
  return h('li', { class: `entry status-${entry.status}`, 'data-event': entry.id },
    h('time', { datetime: entry.start_at }, entry.start_local),
    entry.status !== 'occurred' ? h('span', { class: `badge status` }, words(entry.status)) : null,
    h('span', { class: 'badge kind' }, words(entry.kind)),
    h('a', { class: 'entry-title', href: `/?event=${encodeURIComponent(entry.id)}` }, entry.title),
    entry.location.place || entry.location.admin1 ? h('span', { class: 'where' }, ` · ${entry.location.place ?? entry.location.admin1}`) : null,
    munitions || casualties.length
      ? h('div', { class: 'figures' },
          munitions ? h('button', { type: 'button', class: 'figure', 'data-figure': 'launched', onclick: () => void showEventClaims(entry.id, 'munitions') },
            `${num(munitions.launched)} launched, ${num(munitions.intercepted)} shot down${munitions.lost_to_ew === null ? '' : `, ${num(munitions.lost_to_ew)} lost to EW`}`) : null,
          casualties.map((figure) => h('button', { type: 'button', class: 'figure', 'data-figure': figure.category, onclick: () => void showEventClaims(entry.id, 'casualties') },
            `${num(figure.best)} ${figure.category}${figure.high === null && figure.as_reported.length ? ` (“${figure.as_reported.join('”, “')}”)` : ''}`)))
      : null,
    entry.relations.length
      ? h('ul', { class: 'relations' }, entry.relations.map((relation) => {
          const [outgoing, incoming] = RELATION_WORDS[relation.kind] ?? [words(relation.kind), `← ${words(relation.kind)}`];
          return h('li', {}, relation.direction === 'outgoing' ? outgoing : incoming, ' ', h('a', { href: `/?event=${encodeURIComponent(relation.event.id)}` }, relation.event.title));
        }))
      : null);
}

export async function renderTimeline(root: HTMLElement, view: View): Promise<void> {
  const query = { ...eventQuery(view.filters), limit: 50 };
  const list = h('ol', { class: 'timeline' });
  const more = h('div', { class: 'more' });
  const days = new Map<string, HTMLElement>();
  fill(root,
    h('h2', { id: 'timeline-title', tabindex: '-1' }, 'Timeline'),
    h('p', { class: 'view-links' }, 'These events: ',
      h('a', { href: apiUrl('/v1/timeline', query) }, 'API'), ' · ',
      h('a', { href: apiUrl('/v1/events.csv', eventQuery(view.filters)) }, 'CSV'), ' · ',
      h('a', { href: apiUrl('/v1/events.geojson', eventQuery(view.filters)) }, 'GeoJSON')),
    list, more);
  const load = async (cursor: string | null) => {
    fill(more, h('p', { class: 'loading' }, 'Loading…'));
    try {
      const page = await getJson<S['Timeline']>(apiUrl('/v1/timeline', { ...query, cursor }));
      for (const day of page.data) {
        // A page can end inside a day; the next one continues it under the same heading.
        let events = days.get(day.label);
        if (!events) {
          events = h('ol', {});
          days.set(day.label, events);
          list.append(h('li', { class: 'day' }, h('h3', {}, day.label), events));
        }
        events.append(...day.events.map(entryItem));
      }
      if (!list.children.length) fill(more, h('p', { class: 'empty' }, 'No events match these filters.'));
      else if (page.next_cursor) fill(more, h('button', { type: 'button', onclick: () => void load(page.next_cursor) }, 'Show more events'));
      else fill(more);
    } catch (error) {
      fill(more, problemNote(error));
    }
  };
  await load(null);
}
