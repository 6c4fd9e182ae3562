// The committed openapi.yaml is the contract SDKs are generated from: it must equal what the code
// generates, and every operation must be fully described.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { parse } from 'yaml';
import { generateOpenApiYaml, OPENAPI_PATH } from '../src/openapi-document.js';
import { buildTestApp, getJson } from './helpers.js';

let app: FastifyInstance | undefined;
afterEach(async () => app?.close());

describe('OpenAPI document', () => {
  it('when generated from the code, then it equals the committed openapi.yaml (run `npm run openapi:write`)', async () => {
    expect(await generateOpenApiYaml()).toBe(readFileSync(OPENAPI_PATH, 'utf8'));
  });

  it('when read, then every operation has an operationId, a tag, a summary and a described schema for each status', () => {
    const doc = parse(readFileSync(OPENAPI_PATH, 'utf8'));
    expect(doc.openapi).toBe('3.1.0');
    const operationIds = new Set<string>();
    for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(op.operationId, where).toMatch(/^[a-z][A-Za-z]+$/);
        expect(operationIds.has(op.operationId), `${where}: duplicate operationId`).toBe(false);
        operationIds.add(op.operationId);
        expect(op.tags?.length, `${where}: tags`).toBeGreaterThan(0);
        expect(op.summary, `${where}: summary`).toBeTruthy();
        // Imperative and short, the same verbs throughout: what an SDK's method list shows.
        expect(op.summary, `${where}: summary`).toMatch(/^(List|Get|Create|Update|Delete|Revoke|Export|Check) [^():;.]+$/);
        for (const [status, response] of Object.entries<any>(op.responses)) {
          expect(response.description, `${where} ${status}: description`).toBeTruthy();
          if (status === '304' || status === '204' || status === '308') continue;
          expect(Object.keys(response.content ?? {}).length, `${where} ${status}: content`).toBeGreaterThan(0);
          if (Number(status) >= 400) {
            expect(response.content['application/problem+json'].schema.$ref, `${where} ${status}`).toBe('#/components/schemas/Problem');
          }
        }
      }
    }
    expect([...operationIds].sort()).toEqual(
      [
        'createActor',
        'createApiKey',
        'createCasualtyReport',
        'createCitation',
        'createDamageReport',
        'createEvent',
        'createMunitionReport',
        'createRelation',
        'createSource',
        'deleteActor',
        'deleteCasualtyReport',
        'deleteCitation',
        'deleteDamageReport',
        'deleteEvent',
        'deleteMunitionReport',
        'deleteRelation',
        'deleteSource',
        'exportCasualtyReportsCsv',
        'exportCasualtyReportsNdjson',
        'exportCasualtyStatsCsv',
        'exportCasualtyStatsGeojson',
        'exportCitationsCsv',
        'exportCitationsNdjson',
        'exportDamageReportsCsv',
        'exportDamageReportsNdjson',
        'exportEventsCsv',
        'exportEventsGeojson',
        'exportEventsNdjson',
        'exportMunitionReportsCsv',
        'exportMunitionReportsNdjson',
        'exportMunitionStatsCsv',
        'exportMunitionStatsGeojson',
        'exportTimelineCsv',
        'getActor',
        'getCasualtyReport',
        'getCasualtyStats',
        'getCitation',
        'getDamageReport',
        'getEvent',
        'getEventContext',
        'getHealth',
        'getMunitionReport',
        'getMunitionStats',
        'getOpenApiJson',
        'getOpenApiYaml',
        'getPlace',
        'getReadiness',
        'getRelation',
        'getSource',
        'getTimeline',
        'listActors',
        'listApiKeys',
        'listCasualtyReports',
        'listChanges',
        'listCitations',
        'listDamageReports',
        'listEventRevisions',
        'listEvents',
        'listMunitionReports',
        'listPlaces',
        'listSources',
        'revokeApiKey',
        'updateActor',
        'updateCasualtyReport',
        'updateCitation',
        'updateDamageReport',
        'updateEvent',
        'updateMunitionReport',
        'updateRelation',
        'updateSource',
      ].sort(),
    );
  });

  it('when every $ref is followed, then it resolves to a component and no component is unused', () => {
    const text = readFileSync(OPENAPI_PATH, 'utf8');
    const doc = parse(text);
    const refs = new Set([...text.matchAll(/#\/components\/schemas\/(\w+)/g)].map((m) => m[1]!));
    for (const ref of refs) expect(doc.components.schemas[ref], ref).toBeDefined();
    for (const name of Object.keys(doc.components.schemas)) expect(refs.has(name), `${name} is unused`).toBe(true);
  });

  it('when a rate-limited server reads, pages, refuses and redirects, then every header a client reads is declared for that status', async () => {
    const doc = parse(readFileSync(OPENAPI_PATH, 'utf8'));
    const operations = Object.values<Record<string, any>>(doc.paths).flatMap((item) => Object.values<any>(item));
    const declared = (operationId: string, status: number) =>
      Object.keys(operations.find((op) => op.operationId === operationId).responses[status]?.headers ?? {}).map((name) => name.toLowerCase());
    app = await buildTestApp({ seed: true, http: { rateLimit: { readsPerMinute: 4, writesPerMinute: 4 } } });
    const answers: Array<[string, number, Record<string, unknown>]> = [];
    const ask = async (operationId: string, method: 'GET' | 'POST', url: string) => {
      const response = await app!.inject({ method, url, ...(method === 'POST' ? { payload: {} } : {}) });
      answers.push([operationId, response.statusCode, response.headers]);
    };
    await ask('listEvents', 'GET', '/v1/events?limit=1');
    await ask('getEvent', 'GET', '/v1/events/evt_does_not_exist');
    await ask('listEvents', 'GET', '/v1/events?format=csv&limit=1');
    await ask('createEvent', 'POST', '/v1/events');
    await ask('exportEventsCsv', 'GET', '/v1/events.csv?limit=1');
    await ask('listEvents', 'GET', '/v1/events?limit=1');

    expect(answers.map(([id, status]) => `${id} ${status}`)).toEqual([
      'listEvents 200', 'getEvent 404', 'listEvents 308', 'createEvent 401', 'exportEventsCsv 200', 'listEvents 429',
    ]);
    const described = ['access-control-allow-origin', 'etag', 'location', 'link', 'retry-after', 'www-authenticate', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'];
    for (const [operationId, status, headers] of answers) {
      const sent = described.filter((name) => headers[name] !== undefined);
      expect(sent, `${operationId} ${status}`).toContain('x-ratelimit-limit');
      expect(declared(operationId, status), `${operationId} ${status}`).toEqual(expect.arrayContaining(sent));
    }
  });

  it('when an operation answers 428 without If-Match, then its If-Match parameter is required', () => {
    const doc = parse(readFileSync(OPENAPI_PATH, 'utf8'));
    const operations = Object.values<Record<string, any>>(doc.paths).flatMap((item) => Object.values<any>(item));
    const preconditioned = operations.filter((op) => op.responses['428']);
    expect(preconditioned.length).toBeGreaterThan(10);
    for (const op of preconditioned) {
      expect(op.parameters.find((p: any) => p.in === 'header' && p.name === 'if-match'), op.operationId).toMatchObject({ required: true });
    }
  });

  it('when fetched over the API, then /openapi.json, /openapi.yaml and /docs serve the same document', async () => {
    app = await buildTestApp();
    const json = await getJson(app, '/openapi.json');
    expect(json.status).toBe(200);
    expect(json.body).toEqual(parse(readFileSync(OPENAPI_PATH, 'utf8')));
    const yaml = await app.inject({ method: 'GET', url: '/openapi.yaml' });
    expect(yaml.statusCode).toBe(200);
    expect(yaml.headers['content-type']).toMatch(/^application\/yaml/);
    expect(yaml.body).toBe(readFileSync(OPENAPI_PATH, 'utf8'));
    const docs = await app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger-ui');
  });
});
