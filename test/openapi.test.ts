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
