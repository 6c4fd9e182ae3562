// The explorer's entry: reads the view from the URL, then draws the filters, charts, map and
// timeline (or one event's page), each from the public API with the view's filters. Choices that
// only change the drawing (bucket, weapon category, marker size, map layer) update the URL in
// place and redraw their panel; filters load the page at its new URL.
import './styles.css';
import { fill, h } from './dom.js';
import { renderCharts } from './charts.js';
import { renderEventPage } from './event-page.js';
import { filterForm } from './filters.js';
import { renderMap } from './map.js';
import { problemNote } from './provenance.js';
import { parseView, viewSearch, type View } from './state.js';
import { renderTimeline } from './timeline.js';

const app = document.getElementById('app') as HTMLElement;

async function render(): Promise<void> {
  const { view, refused } = parseView(location.search);
  if (refused.length) {
    // A URL the page cannot read in full is refused, as the API refuses such a query.
    fill(app, problemNote({ title: 'This link has parameters the explorer does not understand', errors: refused.map((line) => ({ name: line.split(':')[0], reason: line.slice(line.indexOf(':') + 1).trim() })) }),
      h('p', {}, h('a', { href: '/' }, 'Open the explorer\'s default view')));
    return;
  }
  if (view.event) return renderEventPage(app, view.event);

  const charts = h('section', { id: 'charts', class: 'panel', 'aria-labelledby': 'charts-title' });
  const map = h('section', { id: 'map', class: 'panel', 'aria-labelledby': 'map-title' });
  const timeline = h('section', { id: 'timeline', class: 'panel', 'aria-labelledby': 'timeline-title' });
  const sidebar = h('aside', { class: 'sidebar' });
  fill(app, h('div', { class: 'layout' }, sidebar, h('main', { id: 'main', tabindex: '-1' }, charts, map, timeline)));

  let current = view;
  // Each panel names only what it changes; the URL keeps every panel's choices.
  const change = (redraw: (next: View) => Promise<void>) => (patch: Partial<View>) => {
    current = { ...current, ...patch };
    history.pushState(null, '', `/${viewSearch(current)}`);
    void redraw(current);
  };
  const drawCharts = (v: View): Promise<void> => renderCharts(charts, v, change(drawCharts));
  const drawMap = (v: View): Promise<void> => renderMap(map, v, change(drawMap));
  // The panels ask for their data first; the form is built while the answers travel.
  const drawn = Promise.all([drawCharts(current), drawMap(current), renderTimeline(timeline, current)]);
  sidebar.append(filterForm(view));
  await drawn;
}

window.addEventListener('popstate', () => void render());
// When every panel has drawn: milliseconds since navigation started, for tests and measurements.
void render().then(() => {
  document.body.dataset.readyMs = String(Math.round(performance.now()));
  document.body.dataset.ready = 'true';
});
