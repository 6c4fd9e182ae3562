// An event's page: everything /v1/events/{id} holds (when, where, who, each source's figures with
// their quotes, damage, citations, relations) and its history from /v1/events/{id}/revisions:
// every change to the event or its figures, when, by whom, why, and what changed ("23 → 26").
import type { components } from '../../examples/typescript-client/sitrep-api.js';
import { apiUrl, getJson } from './api.js';
import { fill, h } from './dom.js';
import { localTime, num, words } from './format.js';
import { casualtyClaims, citationBlock, munitionClaims, problemNote, sourceLink, type EventDetail } from './provenance.js';

type S = components['schemas'];
type Revision = S['Revision'];

const PRECISION_TEXT: Record<string, string> = { point: 'exact point', settlement: 'settlement', admin1: 'oblast or city unit', country: 'country' };

/** What a field is called on a changed record, where a bare name would not say it. */
function figureName(revision: Revision, field: string): string {
  const record = (revision.after ?? revision.before ?? {}) as Record<string, unknown>;
  if (revision.resource_type === 'casualty_report' && ['low', 'best', 'high'].includes(field)) return `${words(String(record.category))} (${words(String(record.group))}, ${field})`;
  if (revision.resource_type === 'munition_report' && ['launched', 'intercepted', 'lost_to_ew'].includes(field)) {
    return `${field === 'intercepted' ? 'shot down' : words(field)} (${record.weapon_model ?? words(String(record.weapon_category))})`;
  }
  return words(field);
}

const shown = (value: unknown) => (value === null || value === undefined ? 'none' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** The fields an update changed, before → after; bookkeeping fields (updated_at) left out. */
function changes(revision: Revision): HTMLElement | null {
  if (revision.action !== 'updated' || !revision.before || !revision.after) return null;
  const before = revision.before as Record<string, unknown>;
  const after = revision.after as Record<string, unknown>;
  const fields = Object.keys(after).filter((field) => field !== 'updated_at' && JSON.stringify(before[field]) !== JSON.stringify(after[field]));
  return h('ul', { class: 'changes' }, fields.map((field) =>
    h('li', { 'data-field': field }, h('span', { class: 'field' }, figureName(revision, field)), ': ', h('del', {}, shown(before[field])), ' → ', h('ins', {}, shown(after[field])))));
}

function revisionItem(revision: Revision, tz: string): HTMLElement {
  return h('li', { class: `revision action-${revision.action}` },
    h('p', {},
      h('strong', {}, `${words(revision.action)} ${words(revision.resource_type)}`), ' ', h('code', {}, revision.resource_id),
      ` · ${localTime(revision.changed_at, tz)} · by ${revision.changed_by.name}`),
    revision.reason ? h('p', { class: 'reason' }, 'Why: ', revision.reason) : null,
    changes(revision));
}

export async function renderEventPage(root: HTMLElement, id: string): Promise<void> {
  const url = apiUrl(`/v1/events/${encodeURIComponent(id)}`);
  try {
    const event = await getJson<EventDetail>(url);
    document.title = `${event.title} · sitrep explorer`;
    const history = h('section', { 'aria-labelledby': 'history-title' }, h('h2', { id: 'history-title' }, 'History and corrections'), h('p', { class: 'loading' }, 'Loading…'));
    fill(root,
      h('p', { class: 'back' }, h('a', { href: '/' }, '← Explorer')),
      h('article', { class: 'event-page', 'data-event': event.id },
        h('h1', { id: 'event-title', tabindex: '-1' }, event.title),
        h('p', { class: 'meta' }, h('span', { class: 'badge kind' }, words(event.kind)), event.status !== 'occurred' ? h('span', { class: 'badge status' }, words(event.status)) : null,
          ' ', h('a', { href: url }, 'API'), ' · ', h('a', { href: `/v1/events/${encodeURIComponent(event.id)}/context` }, 'What happened around it (API)')),
        h('p', { class: 'summary' }, event.summary),
        h('dl', { class: 'facts' },
          h('dt', {}, 'When'), h('dd', {}, event.start_local, event.end_at ? ` to ${localTime(event.end_at, event.timezone)}` : '', ` (${event.timezone}; precision: ${event.start_precision})`),
          h('dt', {}, 'Where'), h('dd', {}, event.places.length
            ? h('ul', {}, event.places.map((place) => h('li', {}, `${place.name} (${words(place.role)}; ${PRECISION_TEXT[place.geo_precision ?? ''] ?? 'not located'}${place.admin1_name && place.admin1_name !== place.name ? `, ${place.admin1_name}` : ''}, ${place.country ?? ''})`)))
            : 'No place recorded.'),
          h('dt', {}, 'Who'), h('dd', {}, event.actors.length ? h('ul', {}, event.actors.map((actor) => h('li', {}, `${actor.name} (${words(actor.role)})`))) : 'No actors recorded.')),
        h('section', { 'aria-labelledby': 'munitions-title' }, h('h2', { id: 'munitions-title' }, 'Launched and stopped'), munitionClaims(event)),
        h('section', { 'aria-labelledby': 'casualties-title' }, h('h2', { id: 'casualties-title' }, 'Casualties'), casualtyClaims(event)),
        h('section', { 'aria-labelledby': 'damage-title' }, h('h2', { id: 'damage-title' }, 'Damage'),
          event.damage_reports.length
            ? h('ul', { class: 'damage' }, event.damage_reports.map((report) => h('li', {},
                h('p', {}, h('strong', {}, words(report.asset_category)), report.count === null ? '' : ` × ${num(report.count)}`, report.description ? `: ${report.description}` : '', ' · ', sourceLink(report.source)),
                report.citations.map(citationBlock))))
            : h('p', {}, 'No source reports damage for this event.')),
        h('section', { 'aria-labelledby': 'sources-title' }, h('h2', { id: 'sources-title' }, 'Sources for the event itself'),
          event.citations.length ? h('ul', { class: 'citations' }, event.citations.map((citation) => h('li', {}, sourceLink(citation.source), citationBlock(citation)))) : h('p', {}, 'No citations.')),
        event.relations.length
          ? h('section', { 'aria-labelledby': 'relations-title' }, h('h2', { id: 'relations-title' }, 'Related events'),
              h('ul', {}, event.relations.map((relation) => {
                const other = h('a', { href: `/?event=${encodeURIComponent(relation.event.id)}` }, relation.event.title);
                const kind = h('strong', {}, words(relation.kind));
                return h('li', {}, relation.direction === 'outgoing' ? ['This event ', kind, ' ', other] : [other, ' ', kind, ' this event'], relation.citations.map(citationBlock));
              })))
          : null,
        history));
    (document.getElementById('event-title') as HTMLElement).focus();
    const revisions: Revision[] = [];
    let cursor: string | null = null;
    do {
      const page: S['RevisionList'] = await getJson(apiUrl(`/v1/events/${encodeURIComponent(id)}/revisions`, { limit: 100, cursor }));
      revisions.push(...page.data);
      cursor = page.next_cursor;
    } while (cursor);
    // Corrections (updates and deletions) first; every change, creations included, below them.
    const corrections = revisions.filter((revision) => revision.action !== 'created');
    const revisionsUrl = apiUrl(`/v1/events/${encodeURIComponent(id)}/revisions`);
    fill(history, h('h2', { id: 'history-title' }, 'History and corrections'),
      h('p', {}, `${num(corrections.length)} corrections among ${num(revisions.length)} changes, oldest first. `, h('a', { href: revisionsUrl }, 'API')),
      corrections.length ? h('ol', { class: 'revisions corrections' }, corrections.map((revision) => revisionItem(revision, event.timezone))) : h('p', {}, 'Nothing has been corrected since it was recorded.'),
      h('details', {}, h('summary', {}, `Every change (${num(revisions.length)})`),
        h('ol', { class: 'revisions' }, revisions.map((revision) => revisionItem(revision, event.timezone)))));
  } catch (error) {
    fill(root, h('p', { class: 'back' }, h('a', { href: '/' }, '← Explorer')), problemNote(error));
  }
}
