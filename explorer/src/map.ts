// The map: the filtered events at their places, sized by launched or killed, and drawn by how
// exactly their place is known (a point or a settlement, an oblast's centroid, a whole country);
// or each oblast shaded by its figures from `group_by=admin1`. No tiles: the country outlines are
// Natural Earth's, projected at build time (scripts/build-explorer.mjs); markers and oblasts are
// projected here with the same Mercator frame.
import { geoMercator, geoPath } from 'd3-geo';
import type { Geometry } from 'geojson';
import type { components } from '../../examples/typescript-client/sitrep-api.js';
import { apiUrl, getJson } from './api.js';
import { fill, h, svg } from './dom.js';
import { num } from './format.js';
import frame from './map-frame.json';
import { problemNote, showEventClaims } from './provenance.js';
import { eventQuery, LAYERS, SIZES, statsQuery, viewSearch, type View } from './state.js';

type S = components['schemas'];
type BaseMap = { attribution: string; countries: { name: string; d: string }[] };
type Feature = S['EventFeature'];
type UnitCollection = { features: { id: string; geometry: Geometry | null; properties: Record<string, string | number | null> }[] };

const projection = geoMercator().fitExtent([[0, 0], [frame.width, frame.height]], {
  type: 'MultiPoint',
  coordinates: [[frame.west, frame.south], [frame.east, frame.north]],
});
const path = geoPath(projection.clipExtent([[0, 0], [frame.width, frame.height]]));

/** The page limit of the GeoJSON export; the map asks for pages until it has every event. */
const PAGE = 500;
const MARKER_FIELDS = ['id', 'title', 'kind', 'start_local', 'headline'];

let baseMap: Promise<BaseMap> | null = null;
const loadBaseMap = () => (baseMap ??= getJson<BaseMap>(document.body.dataset.baseMap ?? '', { immutable: true }));

const PRECISION_TEXT: Record<string, string> = {
  point: 'exact point',
  settlement: 'settlement',
  admin1: 'oblast or city unit (centroid)',
  country: 'whole country (centroid)',
};

function radius(properties: Feature['properties'], size: View['size']): number {
  const value = Number(size === 'killed' ? properties.killed_best : properties.launched) || 0;
  return 3 + Math.sqrt(value) * (size === 'killed' ? 2 : 0.6);
}

function inFrame([x, y]: [number, number]): boolean {
  return x >= 0 && y >= 0 && x <= frame.width && y <= frame.height;
}

function pointsOf(feature: Feature): [number, number][] {
  const geometry = feature.geometry;
  if (!geometry) return [];
  const positions = geometry.type === 'Point' ? [geometry.coordinates] : geometry.coordinates;
  return positions.map((position) => projection([position[0]!, position[1]!]) ?? [-1, -1]);
}

function marker(feature: Feature, size: View['size']): SVGElement {
  const p = feature.properties;
  const precision = String(p.geo_precision ?? 'point');
  const figure = size === 'killed' ? `${num(p.killed_best as number | null)} killed` : `${num(p.launched as number | null)} launched`;
  const label = `${p.title} (${p.start_local}): ${figure}; place known to: ${PRECISION_TEXT[precision] ?? precision}`;
  const r = radius(p, size);
  const link = svg('a', {
    href: `/?event=${encodeURIComponent(String(p.id))}`,
    class: `marker precision-${precision}`,
    'data-event': String(p.id),
    'aria-label': label,
    onclick: (event: Event) => {
      event.preventDefault();
      void showEventClaims(String(p.id), size === 'killed' ? 'casualties' : 'munitions');
    },
  }, svg('title', {}, label));
  for (const [x, y] of pointsOf(feature)) link.append(svg('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: (precision === 'country' ? Math.max(r, 18) : r).toFixed(1) }));
  return link;
}

/**
 * The API's polygons follow RFC 7946 (exterior rings counterclockwise); d3-geo, which draws on the
 * sphere, reads a counterclockwise ring as everything outside it, so each ring is reversed.
 */
function forD3(geometry: Geometry): Geometry {
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: geometry.coordinates.map((ring) => [...ring].reverse()) };
  if (geometry.type === 'MultiPolygon') return { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => [...ring].reverse())) };
  return geometry;
}

const SHADES = ['#fef3c7', '#fcd34d', '#f59e0b', '#d97706', '#92400e'];

/** Renders the map panel for a view; `onChange` is called when the page's map choices change. */
export async function renderMap(root: HTMLElement, view: View, onChange: (patch: Partial<View>) => void): Promise<void> {
  const eventsUrl = apiUrl('/v1/events.geojson', { ...eventQuery(view.filters), fields: MARKER_FIELDS.join(',') });
  const admin1Query = { ...statsQuery(view.filters), group_by: 'admin1', bucket: 'all' };
  const admin1Url = apiUrl('/v1/stats/munitions.geojson', admin1Query);
  const pageOf = (cursor: string | null) => getJson<S['EventFeatureCollection']>(apiUrl('/v1/events.geojson', { ...eventQuery(view.filters), fields: MARKER_FIELDS.join(','), limit: PAGE, cursor }));
  // The layer's first answer and the base map are asked for before anything is drawn.
  const firstAnswer = view.layer === 'admin1' ? getJson<UnitCollection>(admin1Url) : pageOf(null);
  firstAnswer.catch(() => {});
  const baseMapAnswer = loadBaseMap();
  const canvas = svg('svg', { viewBox: `0 0 ${frame.width} ${frame.height}`, class: 'map', role: 'group', 'aria-labelledby': 'map-title map-summary' });
  const summary = h('p', { id: 'map-summary', class: 'map-summary' }, 'Loading the map…');
  const choose = <K extends 'layer' | 'size'>(key: K, values: readonly View[K][], labels: Record<string, string>) =>
    h('fieldset', { class: 'inline' }, h('legend', {}, key === 'layer' ? 'Show' : 'Size markers by'),
      values.map((value) => h('label', {}, h('input', { type: 'radio', name: `map-${key}`, value, checked: view[key] === value, onchange: () => onChange({ [key]: value }) }), ` ${labels[value]}`)));
  fill(root,
    h('h2', { id: 'map-title' }, 'Map'),
    h('div', { class: 'map-controls' },
      choose('layer', LAYERS, { events: 'events', admin1: 'oblasts, shaded by launched' }),
      view.layer === 'events' ? choose('size', SIZES, { launched: 'launched', killed: 'killed' }) : null),
    h('p', { class: 'view-links' }, 'This map: ', view.layer === 'events'
      ? [h('a', { href: eventsUrl }, 'GeoJSON'), ' (open it in QGIS)']
      : [h('a', { href: admin1Url }, 'GeoJSON'), ' · ', h('a', { href: apiUrl('/v1/stats/munitions', admin1Query) }, 'API')]),
    h('a', { class: 'skip', href: '#timeline-title' }, 'Skip the map\'s markers'),
    h('div', { class: 'map-frame' }, canvas),
    summary,
    view.layer === 'events'
      ? h('ul', { class: 'legend', 'aria-label': 'How a marker shows where an event is known to be' },
          h('li', { class: 'key precision-point' }, 'a point or settlement'), h('li', { class: 'key precision-admin1' }, 'an oblast or city unit (its centroid)'), h('li', { class: 'key precision-country' }, 'only the country'))
      : h('ul', { class: 'legend shades', 'aria-label': 'Shades' }, SHADES.map((shade, i) => {
          const key = h('li', { class: 'key-shade' }, i === 0 ? 'fewest launched' : i === SHADES.length - 1 ? 'most' : '');
          key.style.setProperty('--shade', shade);
          return key;
        })));

  try {
    const base = await baseMapAnswer;
    canvas.append(svg('g', { class: 'countries', 'aria-hidden': 'true' }, base.countries.map((country) => svg('path', { d: country.d }, svg('title', {}, country.name)))));
    canvas.append(svg('text', { x: frame.width - 6, y: frame.height - 6, class: 'attribution', 'text-anchor': 'end' }, base.attribution));
    if (view.layer === 'admin1') {
      const units = (await firstAnswer) as UnitCollection;
      const most = Math.max(1, ...units.features.map((unit) => Number(unit.properties.launched) || 0));
      const layer = svg('g', { class: 'units' });
      for (const unit of units.features) {
        if (!unit.geometry) continue;
        const p = unit.properties;
        const launched = Number(p.launched) || 0;
        const label = `${p.name}: ${num(p.launched as number | null)} launched, ${num(p.intercepted as number | null)} shot down, in ${num(p.event_count as number)} events`;
        const shape = svg('path', { d: path(forD3(unit.geometry)) ?? '' });
        shape.style.fill = SHADES[Math.min(SHADES.length - 1, Math.floor((launched / most) * SHADES.length))]!;
        layer.append(svg('a', { href: viewSearch({ ...view, layer: 'events', filters: { ...view.filters, admin1: [String(p.admin1)] } }) || '/', class: 'unit', 'data-admin1': String(p.admin1), 'aria-label': `${label}; show its events` }, shape, svg('title', {}, label)));
      }
      canvas.append(layer);
      summary.textContent = `${units.features.length} oblasts and city units with figures. An event whose places lie in several units counts in each.`;
      return;
    }
    let page = (await firstAnswer) as S['EventFeatureCollection'];
    const features: Feature[] = [...page.features];
    while (page.next_cursor) {
      page = await pageOf(page.next_cursor);
      features.push(...page.features);
    }
    const located = features.filter((feature) => feature.geometry);
    // Largest first, so small markers stay on top and clickable.
    located.sort((a, b) => radius(b.properties, view.size) - radius(a.properties, view.size));
    const markers = svg('g', { class: 'markers' }, located.map((feature) => marker(feature, view.size)));
    canvas.append(markers);
    const outside = located.filter((feature) => !pointsOf(feature).some(inFrame)).length;
    summary.textContent = `${num(located.length)} events on the map` +
      (features.length > located.length ? `; ${num(features.length - located.length)} have no known place and are in the timeline only` : '') +
      (outside ? `; ${num(outside)} lie outside this frame` : '') + '. Click a marker for its sources\' claims.';
  } catch (error) {
    fill(summary, problemNote(error));
  }
}
