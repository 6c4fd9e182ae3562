// The TypeScript client in examples/typescript-client, run over real HTTP against a seeded server:
// it must work, stay typed (no `any`), and its generated types must match openapi.yaml.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createSitrepClient, type Problem } from '../examples/typescript-client/client.js';
import { KYIV_STRIKE, runTour, type Tour } from '../examples/typescript-client/tour.js';
import { buildApp } from '../src/app.js';
import { seeded } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '..');
const EXAMPLE_DIR = join(ROOT, 'examples/typescript-client');
const GENERATED_TYPES = join(EXAMPLE_DIR, 'sitrep-api.d.ts');

describe('the example TypeScript client', () => {
  let app: FastifyInstance;
  let baseUrl: string;

  beforeAll(async () => {
    app = await seeded(await buildApp({ databaseUrl: ':memory:', logLevel: 'silent' }));
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => app?.close());

  it('when it tours a seeded server over HTTP, then it lists, filters, pages, fetches the Kyiv strike and reads problems', async () => {
    const tour = await runTour(createSitrepClient(baseUrl));

    // Three events start at 04:00Z on 4 July (day precision, New York): newest first, ties by id.
    expect(tour.newest.map((event) => event.id)).toEqual([
      'evt_2025_07_european_air_defense_effort',
      'evt_2025_07_04_trump_zelenskyy_call',
      'evt_2025_07_04_trump_statement',
    ]);
    expect(tour.attacks).toEqual([KYIV_STRIKE]);

    // limit=2 over the 6 seeded events: three pages, each event exactly once, oldest first.
    expect(tour.pages.map((page) => page.length)).toEqual([2, 2, 2]);
    const walked = tour.pages.flat();
    expect(new Set(walked).size).toBe(6);
    expect(walked).toContain(KYIV_STRIKE);
    expect(walked).toContain('evt_2025_07_03_trump_putin_call');

    expect(tour.strike).toMatchObject({ id: KYIV_STRIKE, place: 'Kyiv' });
    expect(tour.strike.title).toContain('Kyiv');
    // Each source's figures side by side: TIME's 478 "intercepted", the Air Force's per-model counts.
    expect(tour.strike.munitions).toContainEqual({
      source: 'src_time',
      weapon_category: 'unspecified',
      weapon_model: null,
      launched: null,
      intercepted: 478,
      lost_to_ew: null,
    });
    expect(tour.strike.munitions).toContainEqual({
      source: 'src_uaf_post_2025_07_04',
      weapon_category: 'drone',
      weapon_model: 'Shahed-136/131',
      launched: 539,
      intercepted: 268,
      lost_to_ew: 208,
    });

    expect(tour.notFound).toEqual({
      status: 404,
      contentType: expect.stringMatching(/^application\/problem\+json/),
      code: 'SITREP_NOT_FOUND',
      detail: 'No event has the id "evt_does_not_exist".',
    });
    expect(tour.invalidParameter).toEqual({
      status: 400,
      code: 'SITREP_INVALID_PARAMETER',
      parameters: ['query limit: must be at most 500'],
    });
  });

  it('when type-checked, then its results carry the generated types, not any', () => {
    // Checked by `npm run typecheck` (tsc covers test/ and examples/); vitest only runs it.
    expectTypeOf<Tour>().not.toBeAny();
    expectTypeOf<Tour['strike']['munitions'][number]['launched']>().toEqualTypeOf<number | null>();
    expectTypeOf<Tour['strike']['munitions'][number]['weapon_category']>().toExtend<string>();
    expectTypeOf<Tour['notFound']['code']>().toEqualTypeOf<string>();
    expectTypeOf<Problem['errors']>().toEqualTypeOf<{ in: 'query' | 'path' | 'header' | 'body'; name: string; reason: string }[] | undefined>();
  });
});

describe('the example client source', () => {
  it('when openapi-typescript regenerates the types from openapi.yaml, then they equal the committed file (run `npm run examples:generate`)', async () => {
    const cli = join(ROOT, 'node_modules/openapi-typescript/bin/cli.js');
    const { stdout } = await promisify(execFile)(process.execPath, [cli, 'openapi.yaml'], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
    expect(stdout).toBe(readFileSync(GENERATED_TYPES, 'utf8'));
  });

  it('when parsed, then no file in examples/typescript-client writes the type `any`', () => {
    const files = readdirSync(EXAMPLE_DIR).filter((name) => name.endsWith('.ts'));
    expect(files).toEqual(expect.arrayContaining(['client.ts', 'tour.ts', 'sitrep-api.d.ts']));
    const found: string[] = [];
    for (const name of files) {
      const text = readFileSync(join(EXAMPLE_DIR, name), 'utf8');
      const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (node.kind === ts.SyntaxKind.AnyKeyword) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          found.push(`${name}:${line + 1}: ${text.split('\n')[line]!.trim()}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(found).toEqual([]);
  });
});
