// Imports and the seed are history too: what they create, change or delete appears in the change
// feed and an event's revisions, authored by the loader; a re-import that changes nothing writes
// nothing; and an editor's correction or deletion of an imported record survives later imports.
// Each test imports into its own in-memory database and reads the result through the API.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it, onTestFinished } from 'vitest';
import { formatSummary, importAirForce, type ImportSummary } from '../tools/importer/import-airforce.js';
import type { RevisionWire } from '../src/modules/history/history.schemas.js';
import { buildApp } from '../src/app.js';
import { seedDatabase } from '../seed/seed.js';
import { AIR_FORCE_CSV, apiKey, freshApp, getJson, send, SHARED_DIR } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURE = resolve(import.meta.dirname, 'fixtures/airforce-sample.csv');
const WEAPONS = resolve(import.meta.dirname, 'fixtures/weapons-sample.csv');
const FULL_CATALOGUE = resolve(SHARED_DIR, 'data/missiles_and_uavs.csv');
const fixtureCsv = readFileSync(FIXTURE, 'utf8');
const weaponsCsv = readFileSync(WEAPONS, 'utf8');
const csvMissing = !existsSync(AIR_FORCE_CSV) || !existsSync(FULL_CATALOGUE);

const KYIV_STRIKE = 'evt_2025_07_04_kyiv_strike';
const IMPORTER = { key_id: 'import:airforce', name: 'Air Force importer' };
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function importFile(server: FastifyInstance, attacksCsv: string, fileName = 'airforce-sample.csv'): ImportSummary {
  return importAirForce(server.db, { attacksCsv, catalogueCsv: weaponsCsv, fileName });
}

/** Every change after `since` (from the start when null), following the feed; and where it ends. */
async function changesSince(server: FastifyInstance, since: string | null = null): Promise<{ changes: RevisionWire[]; cursor: string }> {
  const changes: RevisionWire[] = [];
  let cursor = since;
  for (;;) {
    const { status, body } = await getJson(server, `/v1/changes?limit=500${cursor ? `&since=${encodeURIComponent(cursor)}` : ''}`);
    expect(status).toBe(200);
    changes.push(...body.data);
    cursor = body.next_cursor;
    if (!body.has_more) return { changes, cursor: cursor! };
  }
}

/** The imported munition report whose row's locator contains `text`. */
function reportOfRow(changes: RevisionWire[], text: string): string {
  const citations = changes.filter((c) => c.resource_type === 'citation' && c.after?.munition_report_id && String(c.after.locator).includes(text));
  expect(citations, `one report's row has ${text}`).toHaveLength(1);
  return citations[0]!.after!.munition_report_id as string;
}

async function patchReport(server: FastifyInstance, key: string, id: string, body: object) {
  const url = `/v1/munition-reports/${id}`;
  const current = await getJson(server, url);
  const patched = await send(server, 'PATCH', url, { key, body, headers: { 'if-match': current.headers.etag as string } });
  expect(patched.status, JSON.stringify(patched.body)).toBe(200);
  return patched.body;
}

// Line 15 of the fixture: Air Force post of 4–5 July 2025, 322 Shaheds launched, 157 shot down.
const LINE_15 = '322.0,157.0,135.0';

describe('import history: the change feed', () => {
  it('when the fixture is imported, then the feed has a created revision by the importer for every imported record, naming the file and its SHA-256', async () => {
    // Arrange
    const server = await freshApp();

    // Act
    const summary = importFile(server, fixtureCsv);

    // Assert
    const { changes } = await changesSince(server);
    expect(changes.length).toBe(summary.revisions);
    expect(changes.every((c) => c.action === 'created')).toBe(true);
    expect(new Set(changes.map((c) => JSON.stringify(c.changed_by)))).toEqual(new Set([JSON.stringify(IMPORTER)]));
    const reason = changes[0]!.reason!;
    expect(reason).toContain('airforce-sample.csv');
    expect(reason).toContain(sha256(FIXTURE));
    expect(reason).toContain('43 rows read, 33 imported, 10 rejected');
    expect(changes.every((c) => c.reason === reason)).toBe(true);
    const created = (type: string) => changes.filter((c) => c.resource_type === type);
    expect(created('event')).toHaveLength(summary.events.created);
    expect(created('munition_report')).toHaveLength(summary.munitionReports.created);
    expect(created('source')).toHaveLength(summary.sources.created + 1); // the dataset source too
    expect(created('actor').map((c) => c.resource_id).sort()).toEqual(['act_russian_armed_forces', 'act_ukraine', 'act_ukrainian_air_force']);
    expect(created('citation')).toHaveLength(summary.events.created + summary.munitionReports.created);
  });

  it('when an imported record is read, then it equals the after of its created revision', async () => {
    // Arrange
    const server = await freshApp();
    importFile(server, fixtureCsv);
    const { changes } = await changesSince(server);

    // Act
    const report = changes.find((c) => c.resource_type === 'munition_report')!;
    const citation = changes.find((c) => c.resource_type === 'citation')!;
    const source = changes.find((c) => c.resource_type === 'source' && c.resource_id.startsWith('src_af_'))!;
    const event = changes.find((c) => c.resource_type === 'event')!;

    // Assert
    expect((await getJson(server, `/v1/munition-reports/${report.resource_id}`)).body).toEqual(report.after);
    expect((await getJson(server, `/v1/citations/${citation.resource_id}`)).body).toEqual(citation.after);
    const { body: sourceBody } = await getJson(server, `/v1/sources/${source.resource_id}`);
    expect(sourceBody).toMatchObject(source.after!);
    const { body: eventBody } = await getJson(server, `/v1/events/${event.resource_id}`);
    const { actors, ...eventFields } = event.after!;
    expect(eventBody).toMatchObject(eventFields);
    expect(eventBody.actors.map((a: { id: string; role: string }) => ({ id: a.id, role: a.role }))).toEqual(expect.arrayContaining(actors as object[]));
    expect(eventBody.actors).toHaveLength((actors as object[]).length);
    // The event's own revisions list it, its reports and citations.
    const { body: revisions } = await getJson(server, `/v1/events/${event.resource_id}/revisions`);
    expect(revisions.data.map((r: RevisionWire) => r.resource_type)).toEqual(expect.arrayContaining(['event', 'munition_report', 'citation']));
  });

  it('when the same file is imported a second time, then it writes no revision', async () => {
    // Arrange
    const server = await freshApp({ seed: true });
    importFile(server, fixtureCsv);
    const { cursor } = await changesSince(server);

    // Act
    const again = importFile(server, fixtureCsv);

    // Assert
    expect(again.revisions).toBe(0);
    expect((await changesSince(server, cursor)).changes).toEqual([]);
  });

  it('when a newer snapshot changes a figure, then the report gets one updated revision by the importer with before and after', async () => {
    // Arrange
    const server = await freshApp();
    importFile(server, fixtureCsv.replace(LINE_15, '300.0,157.0,135.0'), 'older.csv');
    const { changes, cursor } = await changesSince(server);
    const id = reportOfRow(changes, 'launched 300');

    // Act
    importFile(server, fixtureCsv, 'newer.csv');

    // Assert
    const later = (await changesSince(server, cursor)).changes;
    const updated = later.filter((c) => c.resource_type === 'munition_report');
    expect(updated.map((c) => [c.action, c.resource_id, c.before?.launched, c.after?.launched])).toEqual([['updated', id, 300, 322]]);
    expect(updated[0]!.reason).toContain('newer.csv');
    expect((await getJson(server, `/v1/munition-reports/${id}`)).body).toEqual(updated[0]!.after);
  });

  it.skipIf(csvMissing)('when the full file is imported after the seed, then the feed has a created revision for every imported event and munition report', async () => {
    // Arrange
    const server = await freshApp({ seed: true });
    const { cursor } = await changesSince(server);

    // Act
    const summary = importAirForce(server.db, { attacksCsv: readFileSync(AIR_FORCE_CSV, 'utf8'), catalogueCsv: readFileSync(FULL_CATALOGUE, 'utf8'), fileName: 'missile_attacks_daily.csv' });

    // Assert
    const { changes } = await changesSince(server, cursor);
    expect(changes).toHaveLength(summary.revisions);
    const count = (type: string, action: string) => changes.filter((c) => c.resource_type === type && c.action === action).length;
    expect(count('event', 'created')).toBe(summary.events.created);
    expect(count('munition_report', 'created')).toBe(summary.munitionReports.created);
    expect(count('source', 'created')).toBe(summary.sources.created);
    expect(changes[0]!.reason).toBe(
      `Air Force import of missile_attacks_daily.csv (SHA-256 ${sha256(AIR_FORCE_CSV)}): ${summary.rowsRead} rows read, ${summary.rowsImported} imported, ${summary.rowsRejected} rejected`,
    );
    const sample = changes.filter((c) => c.resource_type === 'munition_report').at(-1)!;
    expect((await getJson(server, `/v1/munition-reports/${sample.resource_id}`)).body).toEqual(sample.after);
  }, 120_000);
});

describe('import history: the seed’s Kyiv strike', () => {
  it('when the seed’s Kyiv strike absorbs the import, then its revisions show the importer changing its citations’ locators', async () => {
    // Arrange
    const server = await freshApp({ seed: true });

    // Act
    importFile(server, fixtureCsv);

    // Assert
    const { body } = await getJson(server, `/v1/events/${KYIV_STRIKE}/revisions?limit=500`);
    const byImporter = body.data.filter((r: RevisionWire) => r.changed_by.key_id === IMPORTER.key_id);
    expect(byImporter.length).toBeGreaterThanOrEqual(4);
    for (const r of byImporter) {
      expect([r.resource_type, r.action]).toEqual(['citation', 'updated']);
      expect(r.after.locator).not.toBe(r.before.locator);
    }
    const kinzhal = byImporter.find((r: RevisionWire) => r.resource_id === 'cit_mun_uaf_kinzhal');
    expect(kinzhal.after.locator).toContain('model=X-47 Kinzhal, target=Kyiv (launched 1, destroyed 0)');
    expect((await getJson(server, '/v1/citations/cit_mun_uaf_kinzhal')).body).toEqual(kinzhal.after);
  });
});

describe('import history: editors’ corrections survive re-imports', () => {
  it('when an editor corrected an imported munition report, then a re-import keeps the correction, writes nothing and says kept 1', async () => {
    // Arrange
    const server = await freshApp();
    const key = apiKey(server, 'editor', 'Night desk');
    importFile(server, fixtureCsv);
    const { changes } = await changesSince(server);
    const id = reportOfRow(changes, 'launched 322');
    const corrected = await patchReport(server, key, id, { launched: 323, reason: 'Air Force correction post' });
    const { cursor } = await changesSince(server);

    // Act
    const summary = importFile(server, fixtureCsv);

    // Assert
    expect(summary.editorCorrections).toEqual({ kept: 1, deletionsKept: 0, conflicts: [] });
    expect(formatSummary(summary)).toContain('kept 1 editor correction and 0 editor deletions, 0 conflicts');
    expect((await getJson(server, `/v1/munition-reports/${id}`)).body).toEqual(corrected);
    expect((await changesSince(server, cursor)).changes).toEqual([]);
  });

  it('when the file also changed the row an editor corrected, then the editor’s version is kept and the conflict is reported with both values', async () => {
    // Arrange
    const server = await freshApp();
    const key = apiKey(server);
    importFile(server, fixtureCsv);
    const { changes } = await changesSince(server);
    const id = reportOfRow(changes, 'launched 322');
    await patchReport(server, key, id, { intercepted: 160 });
    const newer = fixtureCsv.replace(LINE_15, '322.0,170.0,135.0');

    // Act
    const summary = importFile(server, newer, 'newer.csv');

    // Assert
    expect(summary.editorCorrections.kept).toBe(1);
    expect(summary.editorCorrections.conflicts).toEqual([{ resourceType: 'munition_report', resourceId: id, editor: { intercepted: 160 }, file: { intercepted: 170 } }]);
    expect((await getJson(server, `/v1/munition-reports/${id}`)).body.intercepted).toBe(160);
    const printed = formatSummary(summary);
    expect(printed).toContain('1 conflict');
    expect(printed).toContain(`munition_report ${id}: the editor has {"intercepted":160}; the file now says {"intercepted":170}`);
  });

  it('when an editor deleted an imported munition report, then a re-import does not create it again', async () => {
    // Arrange
    const server = await freshApp();
    const key = apiKey(server);
    importFile(server, fixtureCsv);
    const { changes } = await changesSince(server);
    const id = reportOfRow(changes, 'launched 322');
    const { body: report } = await getJson(server, `/v1/munition-reports/${id}`);
    const before = (await getJson(server, `/v1/events/${report.event_id}`)).body.munition_reports.length;
    const citation = changes.find((c) => c.resource_type === 'citation' && c.after?.munition_report_id === id)!;
    expect((await send(server, 'DELETE', `/v1/citations/${citation.resource_id}`, { key, headers: { 'if-match': '*' } })).status).toBe(204);
    expect((await send(server, 'DELETE', `/v1/munition-reports/${id}?reason=Duplicate`, { key, headers: { 'if-match': '*' } })).status).toBe(204);
    const { cursor } = await changesSince(server);

    // Act
    const summary = importFile(server, fixtureCsv);

    // Assert
    expect(summary.editorCorrections).toEqual({ kept: 0, deletionsKept: 1, conflicts: [] });
    expect((await getJson(server, `/v1/munition-reports/${id}`)).status).toBe(410);
    expect((await getJson(server, `/v1/events/${report.event_id}`)).body.munition_reports).toHaveLength(before - 1);
    expect((await changesSince(server, cursor)).changes).toEqual([]);
  });

  it('when an editor deleted one of the seed’s Air Force reports that the import adopts, then the import does not bring it back under another id', async () => {
    // Arrange
    const server = await freshApp({ seed: true });
    const key = apiKey(server);
    expect((await send(server, 'DELETE', '/v1/citations/cit_mun_uaf_shahed', { key, headers: { 'if-match': '*' } })).status).toBe(204);
    expect((await send(server, 'DELETE', '/v1/munition-reports/mun_kyiv_uaf_shahed', { key, headers: { 'if-match': '*' } })).status).toBe(204);

    // Act
    const summary = importFile(server, fixtureCsv);

    // Assert
    expect(summary.editorCorrections.deletionsKept).toBe(1);
    const { body: strike } = await getJson(server, `/v1/events/${KYIV_STRIKE}`);
    const airForce = strike.munition_reports.filter((r: { source: { id: string } }) => r.source.id === 'src_uaf_post_2025_07_04');
    expect(airForce.map((r: { weapon_model: string }) => r.weapon_model).sort()).toEqual(['Iskander-K', 'Iskander-M/KN-23', 'Kh-47M2 Kinzhal']);
  });
});

describe('import history: command line', () => {
  const run = promisify(execFile);

  it('when the CLI imports a file, then it prints the revisions written, the reason with the file’s SHA-256, and the editors’ changes it kept', async () => {
    // Arrange
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-import-history-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    copyFileSync(FIXTURE, join(dir, 'attacks.csv'));
    copyFileSync(WEAPONS, join(dir, 'missiles_and_uavs.csv'));

    // Act
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'tools/import-airforce.ts', join(dir, 'attacks.csv')], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: join(dir, 'sitrep.db') },
    });

    // Assert
    expect(stdout).toMatch(/^revisions: +\d+ by import:airforce, reason: Air Force import of attacks\.csv \(SHA-256 [0-9a-f]{64}\): 43 rows read, 33 imported, 10 rejected$/m);
    expect(stdout).toContain(sha256(FIXTURE));
    expect(stdout).toContain("editors' changes:   kept 0 editor corrections and 0 editor deletions, 0 conflicts");
  });

  it('when the CLI imports into a new file that the server then seeds, then the Kyiv strike is one event and July counts as when the seed came first', async () => {
    // Arrange: the order a new user may take (import into a fresh file, then npm start, which
    // seeds); the reference is the seed first, then the same import.
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-import-order-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    copyFileSync(FIXTURE, join(dir, 'attacks.csv'));
    copyFileSync(WEAPONS, join(dir, 'missiles_and_uavs.csv'));
    const file = join(dir, 'sitrep.db');
    const reference = await freshApp({ seed: true });
    importFile(reference, fixtureCsv, 'attacks.csv');

    // Act
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'tools/import-airforce.ts', join(dir, 'attacks.csv')], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: file },
    });
    const server = await buildApp({ databaseUrl: file, logLevel: 'silent', http: { maxEventLoopDelayMs: 0 } });
    onTestFinished(() => server.close());
    await seedDatabase(server.db);

    // Assert
    const night = '/v1/events?kind=aerial_attack&from=2025-07-03&to=2025-07-04&tz=Europe/Kyiv';
    const ids = async (app: FastifyInstance) => (await getJson(app, night)).body.data.map((e: { id: string }) => e.id);
    expect(await ids(server)).toEqual(await ids(reference));
    expect((await ids(server)).filter((id: string) => id === KYIV_STRIKE)).toHaveLength(1);
    const july = '/v1/stats/munitions?from=2025-07-01&to=2025-07-31&tz=Europe/Kyiv&bucket=day';
    const served = (await getJson(server, july)).body.data;
    expect(served.length).toBeGreaterThan(0);
    expect(served).toEqual((await getJson(reference, july)).body.data);
    expect(stdout).toMatch(/^seed dataset: +\d+ records inserted first, 0 already present$/m);
  });
});
