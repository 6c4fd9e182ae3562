// Builds the explorer (explorer/: the page served at /) into dist/explorer with esbuild:
// - explorer/src/main.ts and what it imports (uPlot, d3-geo) as one minified, content-hashed script
//   with its stylesheet; no CDN at run time, and the hashed names let browsers keep them for a year;
// - the base map: the outlines of the countries in the map's frame (explorer/src/map-frame.json),
//   from Natural Earth 1:50m via the world-atlas package (public domain), projected and clipped to
//   the frame here, so the page downloads about 60 KB of SVG paths instead of the world's 750 KB
//   and needs no tile server;
// - index.html, naming the hashed files.
// `npm run build` (and so `npm start`) runs it; the tests run it once before any test (test/global-setup.ts).
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';

/** Outline precision: a tenth of a pixel of the 960-pixel-wide frame (about 150 m). */
const DIGITS = 1;

/** The frame's Mercator projection; explorer/src/map.ts builds the same one for markers and oblasts. */
export function frameProjection(frame) {
  const corners = { type: 'MultiPoint', coordinates: [[frame.west, frame.south], [frame.east, frame.north]] };
  return geoMercator().fitExtent([[0, 0], [frame.width, frame.height]], corners);
}

function baseMap(root) {
  const frame = JSON.parse(readFileSync(join(root, 'explorer/src/map-frame.json'), 'utf8'));
  const require = createRequire(join(root, 'package.json'));
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'));
  const path = geoPath(frameProjection(frame).clipExtent([[0, 0], [frame.width, frame.height]])).digits(DIGITS);
  const countries = feature(topology, topology.objects.countries)
    .features.map((country) => ({ name: country.properties.name, d: path(country) }))
    .filter((country) => country.d)
    .sort((a, b) => a.name.localeCompare(b.name));
  return { attribution: 'Country outlines: Natural Earth 1:50m (public domain), via world-atlas 2.0.2', ...frame, countries };
}

const hashed = (name, body) => name.replace(/(\.[a-z]+)$/, `-${createHash('sha256').update(body).digest('hex').slice(0, 12)}$1`);

export async function buildExplorer(root) {
  const outdir = join(root, 'dist/explorer');
  const staging = `${outdir}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { app: 'explorer/src/main.ts' },
    bundle: true,
    format: 'esm',
    target: ['chrome110', 'firefox110', 'safari16'],
    minify: true,
    sourcemap: false,
    write: false,
    outdir: staging,
    logLevel: 'error',
  });
  const files = {};
  for (const output of result.outputFiles) {
    const name = hashed(output.path.slice(staging.length + 1), output.contents);
    writeFileSync(join(staging, name), output.contents);
    files[name.endsWith('.css') ? 'css' : 'js'] = name;
  }
  const map = JSON.stringify(baseMap(root));
  files.map = hashed('base-map.json', map);
  writeFileSync(join(staging, files.map), map);
  const template = readFileSync(join(root, 'explorer/index.html'), 'utf8');
  const page = template
    .replaceAll('{{css}}', `/explorer/${files.css}`)
    .replaceAll('{{js}}', `/explorer/${files.js}`)
    .replaceAll('{{map}}', `/explorer/${files.map}`);
  writeFileSync(join(staging, 'index.html'), page);
  // Swapped in whole, so a server starting meanwhile never reads half a folder.
  rmSync(outdir, { recursive: true, force: true });
  renameSync(staging, outdir);
  return files;
}
