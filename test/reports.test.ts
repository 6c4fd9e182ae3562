// The report and citation lists: every figure as one source's claim and every citation with the
// fact it backs, as JSON pages and as CSV and NDJSON files.
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { collectPages, expectProblem, freshApp, getJson, urlOf } from './helpers.js';

const STRIKE = 'evt_2025_07_04_kyiv_strike';

async function text(app: Awaited<ReturnType<typeof freshApp>>, url: string, headers: Record<string, string> = {}) {
  const response = await app.inject({ method: 'GET', url, headers });
  return { status: response.statusCode, headers: response.headers, body: response.body };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('GET /v1/{casualty,munition,damage}-reports', () => {
  test.each(['casualty', 'munition', 'damage'] as const)(
    'when the %s reports of the Kyiv strike are listed, then they are the event detail\'s, each with its source and citations',
    async (kind) => {
      const app = await freshApp({ seed: true });
      const detail = (await getJson(app, `/v1/events/${STRIKE}`)).body;

      const { items } = await collectPages(app, urlOf(`/v1/${kind}-reports`, { event: STRIKE, limit: 2 }));

      expect(items.length).toBeGreaterThan(0);
      expect(items).toEqual([...detail[`${kind}_reports`]].sort(byId));
      for (const report of items) expect(report.citations.length).toBeGreaterThan(0);
    },
  );

  test('when munition reports are filtered by source, then only that source\'s claims are listed', async () => {
    const app = await freshApp({ seed: true });

    const body = (await getJson(app, '/v1/munition-reports?source=src_uaf_post_2025_07_04')).body;

    expect(body.data.map((r: any) => [r.weapon_model, r.launched, r.intercepted, r.lost_to_ew]).sort()).toEqual(
      [
        ['Iskander-K', 4, 2, null],
        ['Iskander-M/KN-23', 6, 0, null],
        ['Kh-47M2 Kinzhal', 1, 0, null],
        ['Shahed-136/131', 539, 268, 208],
      ].sort(),
    );
    expect(new Set(body.data.map((r: any) => r.source.id))).toEqual(new Set(['src_uaf_post_2025_07_04']));
    expect(body.next_cursor).toBeNull();
  });

  test('when casualty reports are exported as CSV, then each claim is a row beside its event and source, with the sentence that backs it', async () => {
    const app = await freshApp({ seed: true });

    const answer = await text(app, '/v1/casualty-reports.csv');
    const rows: Array<Record<string, string>> = parse(answer.body, { columns: true, bom: true });

    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(answer.headers['content-disposition']).toBe('inline; filename="sitrep-casualty-reports.csv"');
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort());
    const atLeast23 = rows.find((r) => r.as_reported === 'injured at least 23')!;
    expect(atLeast23).toMatchObject({
      event_id: STRIKE,
      event_title: 'Russian drone and missile strike on Kyiv, night of 3–4 July 2025',
      event_start_at: '2025-07-03T15:00:00Z',
      source_id: 'src_source_article',
      category: 'injured',
      group: 'unknown',
      low: '23',
      best: '23',
      high: '',
      quotes: 'The strike killed one person, injured at least 23, and damaged schools, apartments and rail lines.',
      locators: '“At a Glance”, bullet 3',
    });
    expect(rows.find((r) => r.as_reported === 'over 23 injuries')).toMatchObject({ low: '23', group: 'civilian' });
  });

  test('when TIME\'s interception figure is exported, then its citation names the article it was read in', async () => {
    const app = await freshApp({ seed: true });

    const rows: Array<Record<string, string>> = parse((await text(app, '/v1/munition-reports.csv?source=src_time')).body, { columns: true, bom: true });

    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source_publisher: 'TIME', weapon_category: 'unspecified', launched: '', intercepted: '478', via_source_ids: 'src_source_article' });
  });

  test('when damage reports are asked for as NDJSON, then each line equals the JSON item', async () => {
    const app = await freshApp({ seed: true });
    const json = (await getJson(app, '/v1/damage-reports?limit=500')).body.data;

    const answer = await text(app, '/v1/damage-reports.ndjson', { accept: 'application/x-ndjson' });

    expect(answer.body.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual(json);
    expect(json.map((r: any) => r.asset_category)).toEqual(expect.arrayContaining(['school', 'residential_building', 'rail']));
  });

  test('when a CSV page is asked for with limit, then a Link header leads to the next page and the pages join up', async () => {
    const app = await freshApp({ seed: true });
    const all: Array<Record<string, string>> = parse((await text(app, '/v1/munition-reports.csv')).body, { columns: true, bom: true });

    const first = await text(app, '/v1/munition-reports.csv?limit=5');
    const link = String(first.headers.link);
    const rest = await text(app, `${link.slice(1, link.indexOf('>'))}`.replace('limit=5', 'limit=500'));

    expect(link).toMatch(/rel="next"$/);
    const ids = [...parse(first.body, { columns: true, bom: true }), ...parse(rest.body, { columns: true, bom: true })].map((r: any) => r.id);
    expect(ids).toEqual(all.map((r) => r.id));
    expect(all.length).toBeGreaterThan(5);
  });

  test('when parameters are wrong, then 400 names them', async () => {
    const app = await freshApp({ seed: true });
    const first = (await getJson(app, '/v1/casualty-reports?limit=1')).body;

    expectProblem(await getJson(app, '/v1/casualty-reports?limit=0'), 400, 'SITREP_INVALID_PARAMETER', 'limit');
    expectProblem(await getJson(app, '/v1/damage-reports?format=geojson'), 400, 'SITREP_INVALID_PARAMETER', 'format');
    expectProblem(await getJson(app, '/v1/munition-reports?cursor=nonsense'), 400, 'SITREP_INVALID_PARAMETER', 'cursor');
    expectProblem(await getJson(app, urlOf('/v1/casualty-reports', { limit: 1, source: 'src_time', cursor: first.next_cursor })), 400, 'SITREP_INVALID_PARAMETER', 'cursor');
    expectProblem(await getJson(app, '/v1/casualty-reports', { accept: 'application/geo+json' }), 406, 'SITREP_NOT_ACCEPTABLE');
  });
});

describe('GET /v1/citations', () => {
  test('when citations are filtered by a source, then both its own claims and those read in it are listed', async () => {
    const app = await freshApp({ seed: true });
    const sourcePage = (await getJson(app, '/v1/sources/src_source_article')).body;

    const { items } = await collectPages(app, '/v1/citations?source=src_source_article&limit=7');

    expect(items.map((c: any) => c.id).sort()).toEqual([...new Set(sourcePage.facts.map((f: any) => f.citation_id))].sort());
    expect(items.some((c: any) => c.source.id !== 'src_source_article' && c.via?.id === 'src_source_article')).toBe(true);
  });

  test('when citations are filtered by fact type, then each backs a fact of that type', async () => {
    const app = await freshApp({ seed: true });

    for (const factType of ['event', 'casualty_report', 'munition_report', 'damage_report', 'relation']) {
      const items = (await getJson(app, `/v1/citations?fact_type=${factType}&limit=500`)).body.data;
      expect(items.length, factType).toBeGreaterThan(0);
      for (const citation of items) expect(citation.fact_type).toBe(factType);
      if (factType === 'event') for (const citation of items) expect(citation.fact_id).toBe(citation.event_id);
    }
  });

  test('when citations are exported as CSV, then TIME\'s row names the article as the channel, quote verbatim', async () => {
    const app = await freshApp({ seed: true });

    const rows: Array<Record<string, string>> = parse((await text(app, '/v1/citations.csv?event=evt_2025_07_04_kyiv_strike')).body, { columns: true, bom: true });

    expect(rows.find((r) => r.source_id === 'src_time')).toEqual({
      id: 'cit_mun_time_intercepted',
      event_id: STRIKE,
      fact_type: 'munition_report',
      fact_id: 'mun_kyiv_time_intercepted',
      source_id: 'src_time',
      source_publisher: 'TIME',
      via_source_id: 'src_source_article',
      via_publisher: 'Unidentified publisher',
      quote: 'Ukraine intercepted 478 of the airborne threats, according to TIME, mitigating what officials warned could have been far more devastating.',
      locator: 'section “Kyiv Under Fire Amid Aid Pause”, paragraph 1',
    });
    expect(new Set(rows.map((r) => r.event_id))).toEqual(new Set([STRIKE]));
  });

  test('when fact_type is not a kind of fact, then 400 names it', async () => {
    const app = await freshApp();

    expectProblem(await getJson(app, '/v1/citations?fact_type=rumour'), 400, 'SITREP_INVALID_PARAMETER', 'fact_type');
  });
});
