// Contract fuzzing: requests generated from the committed openapi.yaml (fast-check, fixed seed),
// valid and invalid, against a seeded app. Every answer must have a status the operation
// declares, a content type declared for that status, a body that matches the declared schema,
// the headers a client reads declared for that status, and never a 5xx. Names the operation does
// not define, misspellings of its own among them, must be refused and named. New operations are
// fuzzed as soon as they are in the document.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { buildApp } from '../src/app.js';
import { seeded } from './helpers.js';
import { createApiKey } from '../src/modules/keys/keys.repository.js';

const RUNS_PER_OPERATION = 200;
const RUNS_WITH_UNKNOWN_NAMES = 40;
const SEED = 20250704;

// Headers a client reads, which the document must declare wherever an answer carries them.
const DESCRIBED_HEADERS = ['access-control-allow-origin', 'cache-control', 'vary', 'etag', 'location', 'link', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'www-authenticate'];

type Schema = Record<string, any>;
type Parameter = { name: string; in: 'query' | 'path' | 'header'; required?: boolean; schema: Schema; example?: unknown };
type Operation = {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }>; headers?: Record<string, unknown> }>;
};

const document = parse(readFileSync(resolve(import.meta.dirname, '../openapi.yaml'), 'utf8'));
const operations: Array<{ method: string; path: string; operation: Operation }> = Object.entries(document.paths as Record<string, Record<string, Operation>>).flatMap(
  ([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
);

// The document as one schema, so each response schema is checked by reference, $refs and all.
const ajv = new Ajv2020({ strict: false, validateSchema: false, validateFormats: false, allErrors: false });
ajv.addSchema(document, 'openapi');
const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

const junk = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', ' ', '-1', '0', '1e309', '9'.repeat(30), 'NaN', 'null', '[]', '{}', '%', '%00', '2025-13-45', 'DROP TABLE events;--', '../../etc'),
  fc.integer().map(String),
);

/** Strings that satisfy (mostly) a parameter's schema; arrays become repeated parameters. */
function validValues(raw: Schema, example?: unknown): fc.Arbitrary<string | string[]> {
  // A vocabulary is a component: its values are there, the parameter's default and examples here.
  const schema = raw.$ref ? { ...deref(raw), ...raw } : raw;
  if (schema.anyOf) return fc.oneof(...(schema.anyOf as Schema[]).map((s) => validValues(s, example)));
  if (schema.enum) return fc.constantFrom(...schema.enum.map(String));
  if (schema.type === 'array') {
    const generated = fc.array(validValues(schema.items ?? {}) as fc.Arbitrary<string>, { minLength: 1, maxLength: 3 });
    // A list of names (admin1, place) is valid only as the gazetteer knows them: mostly its examples.
    const lists = [example, ...(schema.examples ?? [])].filter((e): e is unknown[] => Array.isArray(e)).map((e) => e.map(String));
    return lists.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...lists) }, { weight: 1, arbitrary: generated }) : generated;
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    return fc.integer({ min: schema.minimum ?? -1000, max: Math.min(schema.maximum ?? 1000, 100_000) }).map(String);
  }
  if (schema.type === 'boolean') return fc.constantFrom('true', 'false');
  const examples = [example, schema.example, ...(schema.examples ?? [])].filter((e) => e !== undefined).map(String);
  const text = schema.pattern ? fc.stringMatching(new RegExp(schema.pattern as string)) : fc.string({ minLength: 1, maxLength: 12 });
  // Mostly the examples: with a dozen parameters, random text would make nearly every request a 400.
  return examples.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...examples) }, { weight: 1, arbitrary: text }) : text;
}

/** Follows a local $ref into the document. */
function deref(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  return (schema.$ref as string).replace(/^#\//, '').split('/').reduce((node: any, part) => node[part.replaceAll('~1', '/').replaceAll('~0', '~')], document);
}

/** JSON values that mostly satisfy a body schema: enums, bounds, required properties, nulls. */
function jsonValues(raw: Schema, depth = 0): fc.Arbitrary<unknown> {
  const schema = deref(raw);
  if (schema.anyOf || schema.oneOf) return fc.oneof(...((schema.anyOf ?? schema.oneOf) as Schema[]).map((s) => jsonValues(s, depth)));
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
  if (schema.const !== undefined) return fc.constant(schema.const);
  const examples = [schema.example, ...(schema.examples ?? [])].filter((e) => e !== undefined);
  switch (Array.isArray(schema.type) ? schema.type[0] : schema.type) {
    case 'object': {
      if (depth > 3) return fc.constant({});
      const properties = Object.entries((schema.properties ?? {}) as Record<string, Schema>);
      const required = new Set<string>(schema.required ?? []);
      return fc.record(Object.fromEntries(properties.map(([name, s]) => [name, jsonValues(s, depth + 1)])), {
        requiredKeys: properties.map(([name]) => name).filter((name) => required.has(name)),
      });
    }
    case 'array':
      return fc.array(jsonValues(schema.items ?? {}, depth + 1), { maxLength: 3 });
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'string':
      return examples.length ? fc.oneof(fc.constantFrom(...examples), fc.string({ minLength: 1, maxLength: 20 })) : fc.string({ minLength: 1, maxLength: 20 });
    default:
      return fc.oneof(fc.string(), fc.integer(), fc.constant(null));
  }
}

const jsonJunk = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.string(), fc.constant('{"unterminated": '));

const accept = fc.constantFrom(undefined, 'application/json', 'text/csv', 'application/x-ndjson', 'application/geo+json', '*/*', 'text/html', 'text/csv;q=0.5, application/json', 'garbage');

// Now and then a name the operation does not define, which it must refuse (rarely: otherwise
// almost every request would be that 400; the unknown-name test below covers it).
const unknownParameter = fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), junk) });

type Credentials = { editor: string; admin: string };

function requestArbitrary(path: string, operation: Operation, credentials?: Credentials) {
  const parameters = (operation.parameters ?? []).filter((p) => p.in !== 'header');
  const bodySchema = operation.requestBody?.content['application/json']?.schema;
  const body = bodySchema
    ? fc.oneof({ weight: 5, arbitrary: jsonValues(bodySchema).map((v) => JSON.stringify(v)) }, { weight: 1, arbitrary: jsonJunk.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) })
    : fc.constant(undefined);
  const authorization = credentials
    ? fc.constantFrom(`Bearer ${credentials.editor}`, `Bearer ${credentials.editor}`, `Bearer ${credentials.admin}`, undefined, 'Bearer sitrep_key_000000000000_nonsense', 'Basic Zm9vOmJhcg==')
    : fc.constant(undefined);
  const ifMatch = fc.option(fc.oneof(fc.constant('*'), fc.string({ maxLength: 30 }).map((t) => `"${t}"`)), { nil: undefined });
  const idempotencyKey = fc.option(fc.string({ minLength: 1, maxLength: 40 }), { nil: undefined });
  const values = Object.fromEntries(
    parameters.map((p) => {
      const valid = validValues(p.schema, p.example);
      const choice = fc.oneof({ weight: 6, arbitrary: valid }, { weight: 2, arbitrary: junk });
      // An optional parameter is sent one time in three: with twenty of them (events, timeline), more
      // would make nearly every request refuse one, and no success would ever be fuzzed.
      return [p.name, p.in === 'path' ? choice : fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: choice })];
    }),
  );
  return fc
    .record({ values: fc.record(values), accept, extra: unknownParameter, body, authorization, ifMatch, idempotencyKey })
    .map(({ values, accept, extra, body, authorization, ifMatch, idempotencyKey }) => {
    let url = path;
    const search = new URLSearchParams();
    for (const p of parameters) {
      const value = values[p.name];
      if (value === undefined) continue;
      if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(String(Array.isArray(value) ? value[0] : value) || 'x'));
      else if (p.in === 'query') for (const item of Array.isArray(value) ? value : [value]) search.append(p.name, item);
    }
    if (extra) search.append(extra[0], extra[1]);
    const query = search.toString();
    const headers: Record<string, string> = {};
    if (accept) headers.accept = accept;
    if (authorization) headers.authorization = authorization;
    if (ifMatch) headers['if-match'] = ifMatch;
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return { url: query ? `${url}?${query}` : url, headers, body };
  });
}

/** `name` one slip off: a letter doubled, upper-cased, changed or dropped, or two swapped (from four letters on). */
function misspellings(name: string): fc.Arbitrary<string> {
  const at = fc.nat(name.length - 1);
  const slips = [
    at.map((i) => name.slice(0, i + 1) + name.slice(i)),
    at.map((i) => name.slice(0, i) + name[i]!.toUpperCase() + name.slice(i + 1)),
    fc.tuple(at, fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz_')).map(([i, letter]) => name.slice(0, i) + letter + name.slice(i + 1)),
  ];
  if (name.length >= 2) slips.push(at.map((i) => name.slice(0, i) + name.slice(i + 1)));
  if (name.length >= 4) slips.push(fc.nat(name.length - 2).map((i) => name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2)));
  return fc.oneof(...slips);
}

type UnknownName = { name: string; misspelt: boolean };

/** One to three names the operation does not define: misspellings of its own, and names of no relation. */
function unknownNames(known: string[]): fc.Arbitrary<UnknownName[]> {
  const unrelated = fc
    .oneof(fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/), fc.constantFrom('page', 'offset', 'per_page', 'api_key', 'callback', '__proto__', 'constructor', 'toString'))
    .map((name) => ({ name, misspelt: false }));
  const misspelt = known.map((name) => misspellings(name).map((slip) => ({ name: slip, misspelt: true })));
  return fc
    .uniqueArray(fc.oneof(...misspelt, unrelated), { minLength: 1, maxLength: 3, selector: (n) => n.name })
    .map((names) => names.filter((n) => !known.includes(n.name)))
    .filter((names) => names.length > 0);
}

let app: FastifyInstance;
let credentials: Credentials;
beforeAll(async () => {
  // No rate limit or overload refusals: this test sends thousands of requests as fast as it can.
  app = await seeded(await buildApp({ databaseUrl: ':memory:', logLevel: 'silent', http: { rateLimit: { readsPerMinute: 0, writesPerMinute: 0 }, maxEventLoopDelayMs: 0 } }));
  credentials = { editor: createApiKey(app.db, { name: 'fuzz editor', role: 'editor' }).key, admin: createApiKey(app.db, { name: 'fuzz admin', role: 'admin' }).key };
});
afterAll(() => app?.close());

describe('contract fuzzing from openapi.yaml', () => {
  test('when the document is read, then it has operations to fuzz', () => {
    expect(operations.length).toBeGreaterThan(10);
  });

  test.each(operations.map((o) => [o.operation.operationId, o] as const))(
    'when %s gets generated requests, then every answer is declared, typed and schema-valid, never a 5xx',
    async (_id, { method, path, operation }) => {
      const seen = new Set<number>();
      await fc.assert(
        fc.asyncProperty(requestArbitrary(path, operation, credentials), async (request) => {
          const response = await app.inject({ method: method as 'GET', url: request.url, headers: request.headers, ...(request.body === undefined ? {} : { payload: request.body }) });
          const status = String(response.statusCode);
          const context = `${method} ${request.url} ${JSON.stringify(request.headers)} ${request.body?.slice(0, 300) ?? ''} → ${status} ${response.body.slice(0, 300)}`;
          seen.add(response.statusCode);
          expect(response.statusCode, context).toBeLessThan(500);
          const declared = operation.responses[status];
          expect(declared, `undeclared status: ${context}`).toBeDefined();
          for (const name of DESCRIBED_HEADERS) {
            if (response.headers[name] === undefined) continue;
            expect(Object.keys(declared!.headers ?? {}).map((header) => header.toLowerCase()), `undeclared header ${name}: ${context}`).toContain(name);
          }
          if (!declared!.content) return;
          const mediaType = String(response.headers['content-type'] ?? '').split(';')[0]!.trim();
          expect(Object.keys(declared!.content), `undeclared content type ${mediaType}: ${context}`).toContain(mediaType);
          if (!/json$/.test(mediaType) || mediaType === 'application/x-ndjson') return;
          const body = JSON.parse(response.body);
          const validate = ajv.getSchema(`openapi#/${pointer('paths', path, method.toLowerCase(), 'responses', status, 'content', mediaType, 'schema')}`)!;
          const valid = validate(body);
          expect(valid, `${ajv.errorsText(validate.errors)}: ${context}`).toBe(true);
        }),
        { numRuns: RUNS_PER_OPERATION, seed: SEED, endOnFailure: true },
      );
      // Generated reads reach both the success and the refusal paths of operations with parameters
      // (random writes rarely carry a valid body, key and If-Match at once; test/*-writes cover those).
      if (method === 'GET' && operation.parameters?.length) expect([...seen].some((s) => s < 300), `statuses seen: ${[...seen]}`).toBe(true);
    },
    120_000,
  );

  test.each(operations.map((o) => [o.operation.operationId, o] as const))(
    'when %s gets names it does not define, then it answers 400 naming each, suggesting its own parameter for a misspelling',
    async (_id, { method, path, operation }) => {
      const known = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      const url = path.replace(/\{[^}]+\}/g, 'x_1');
      // An admin key, and an empty JSON body where one is read: refusals of either would come first.
      const headers: Record<string, string> = { authorization: `Bearer ${credentials.admin}`, ...(operation.requestBody ? { 'content-type': 'application/json' } : {}) };
      await fc.assert(
        fc.asyncProperty(unknownNames(known), fc.array(junk, { minLength: 3, maxLength: 3 }), async (names, values) => {
          const search = new URLSearchParams(names.map((n, i): [string, string] => [n.name, values[i]!]));
          const response = await app.inject({ method: method as 'GET', url: `${url}?${search}`, headers, ...(operation.requestBody ? { payload: '{}' } : {}) });
          const context = `${method} ${url}?${search} → ${response.statusCode} ${response.body.slice(0, 400)}`;
          expect(response.statusCode, context).toBe(400);
          expect(String(response.headers['content-type']), context).toMatch(/^application\/problem\+json/);
          const problem = JSON.parse(response.body);
          const validate = ajv.getSchema(`openapi#/${pointer('paths', path, method.toLowerCase(), 'responses', '400', 'content', 'application/problem+json', 'schema')}`)!;
          expect(validate(problem), `${ajv.errorsText(validate.errors)}: ${context}`).toBe(true);
          expect(problem.code, context).toBe('SITREP_INVALID_PARAMETER');
          for (const { name, misspelt } of names) {
            const entry = problem.errors.find((e: { in: string; name: string }) => e.in === 'query' && e.name === name);
            expect(entry, `${name} not named: ${context}`).toBeDefined();
            expect(entry.reason, context).toMatch(/^is not a parameter of this operation/);
            if (misspelt) expect(known, `${name}: ${entry.reason}`).toContain(/did you mean `([^`]+)`\?$/.exec(entry.reason)?.[1]);
          }
        }),
        { numRuns: RUNS_WITH_UNKNOWN_NAMES, seed: SEED, endOnFailure: true },
      );
    },
    60_000,
  );
});
