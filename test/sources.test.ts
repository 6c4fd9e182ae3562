// GET /v1/sources and /v1/sources/{id}: who said what, as claimant or as the channel a claim came through.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceFact, SourceWire } from '../src/modules/sources/sources.schemas.js';
import { createCitation, createEvent, createMunitionReport, createSource } from './factories.js';
import { buildTestApp, collectPages, expectProblem, getJson } from './helpers.js';

type SourceList = { data: SourceWire[]; next_cursor: string | null };
type SourceDetail = SourceWire & { facts: SourceFact[]; facts_total: number; facts_next: string | null };

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function emptyApp(): Promise<FastifyInstance> {
  app = await buildTestApp();
  return app;
}

async function seededApp(): Promise<FastifyInstance> {
  app = await buildTestApp({ seed: true });
  return app;
}

async function getSource(server: FastifyInstance, id: string): Promise<SourceDetail> {
  const { status, body } = await getJson<SourceDetail>(server, `/v1/sources/${id}`);
  expect(status, `GET /v1/sources/${id}`).toBe(200);
  return body;
}

const query = (params: Record<string, string>) => `/v1/sources?${new URLSearchParams(params)}`;

describe('GET /v1/sources', () => {
  it('when filtered by kind, then only sources of that kind are listed, ordered by id', async () => {
    // Arrange
    const server = await emptyApp();
    createSource(server.db, { id: 'src_b', kind: 'dataset' });
    createSource(server.db, { id: 'src_a', kind: 'dataset' });
    createSource(server.db, { id: 'src_c', kind: 'news_report' });

    // Act
    const { status, body } = await getJson<SourceList>(server, query({ kind: 'dataset' }));

    // Assert
    expect(status).toBe(200);
    expect(body.data.map((s) => s.id)).toEqual(['src_a', 'src_b']);
    expect(body.next_cursor).toBeNull();
  });

  it('when a source is listed, then it has its full wire shape', async () => {
    // Arrange
    const server = await emptyApp();
    const source = createSource(server.db, { kind: 'social_media_post', publisher: 'Air Force', reference: 'posts/1', notes: 'A note.' });

    // Act
    const { body } = await getJson<SourceList>(server, '/v1/sources');

    // Assert
    expect(body.data).toEqual([
      {
        id: source.id,
        kind: 'social_media_post',
        publisher: 'Air Force',
        title: source.title,
        url: source.url,
        reference: 'posts/1',
        published_at: null,
        notes: 'A note.',
        created_at: source.createdAt,
        updated_at: source.updatedAt,
      },
    ]);
  });

  it('when 11 sources are paged with limit=3, then each is served once, in id order', async () => {
    // Arrange
    const server = await emptyApp();
    const created = Array.from({ length: 11 }, () => createSource(server.db));
    const expected = created.map((s) => s.id).sort();

    // Act
    const { items, pages } = await collectPages<SourceWire>(server, '/v1/sources?limit=3');

    // Assert
    expect(pages).toBe(4);
    expect(items.map((s) => s.id)).toEqual(expected);
  });

  it('when the seed is loaded, then its seven sources are listed', async () => {
    // Arrange
    const server = await seededApp();

    // Act
    const { status, body } = await getJson<SourceList>(server, '/v1/sources');

    // Assert
    expect(status).toBe(200);
    expect(body.data.map((s) => s.id)).toEqual([
      'src_ivaniuk_missile_attacks',
      'src_kremlin_insiders',
      'src_source_article',
      'src_time',
      'src_uaf_post_2025_07_04',
      'src_ukraine_military',
      'src_washington_post',
    ]);
  });

  it('when kind is not a source kind, then 400 problem names kind', async () => {
    // Arrange
    const server = await emptyApp();

    // Act
    const response = await getJson(server, query({ kind: 'rumour' }));

    // Assert
    expectProblem(response, 400, 'SITREP_INVALID_PARAMETER');
    expect(response.body.errors).toEqual([expect.objectContaining({ in: 'query', name: 'kind' })]);
  });

  it('when the cursor is garbage or was issued for another filter, then 400 problem names cursor', async () => {
    // Arrange
    const server = await emptyApp();
    for (let i = 0; i < 3; i += 1) createSource(server.db, { kind: 'dataset' });
    const first = await getJson<SourceList>(server, query({ limit: '1' }));

    // Act
    const garbage = await getJson(server, query({ cursor: 'eyJub3QiOiJhIGN1cnNvciJ9' }));
    const replayed = await getJson(server, query({ limit: '1', kind: 'dataset', cursor: first.body.next_cursor! }));

    // Assert
    for (const response of [garbage, replayed]) {
      expectProblem(response, 400, 'SITREP_INVALID_PARAMETER');
      expect(response.body.errors).toEqual([expect.objectContaining({ in: 'query', name: 'cursor' })]);
    }
  });

  it('when limit is out of range, then 400 problem names limit', async () => {
    // Arrange
    const server = await emptyApp();

    // Act
    const tooSmall = await getJson(server, query({ limit: '0' }));
    const tooLarge = await getJson(server, query({ limit: '501' }));

    // Assert
    for (const response of [tooSmall, tooLarge]) {
      expectProblem(response, 400, 'SITREP_INVALID_PARAMETER');
      expect(response.body.errors).toEqual([expect.objectContaining({ in: 'query', name: 'limit' })]);
    }
  });
});

describe('GET /v1/sources/{id}', () => {
  it('when a source made a claim and carried another, then its facts list it as claimant and as via', async () => {
    // Arrange
    const server = await emptyApp();
    const article = createSource(server.db, { publisher: 'An article' });
    const wire = createSource(server.db, { publisher: 'A wire' });
    const event = createEvent(server.db, { title: 'Strike', startAt: '2025-07-03T15:00:00Z' });
    const report = createMunitionReport(server.db, event.id, wire.id);
    const own = createCitation(server.db, event.id, article.id, { quote: 'The article says so.' });
    const carried = createCitation(server.db, event.id, wire.id, { viaSourceId: article.id, munitionReportId: report.id, quote: null, locator: 'paragraph 2' });

    // Act
    const body = await getSource(server, article.id);

    // Assert
    expect(body).toMatchObject({ id: article.id, publisher: 'An article' });
    expect(body.facts).toHaveLength(2);
    expect(body.facts).toEqual(
      expect.arrayContaining([
        {
          citation_id: own.id,
          role: 'claimant',
          fact_type: 'event',
          fact_id: event.id,
          event: { id: event.id, title: 'Strike', start_at: '2025-07-03T15:00:00Z' },
          quote: 'The article says so.',
          locator: null,
        },
        {
          citation_id: carried.id,
          role: 'via',
          fact_type: 'munition_report',
          fact_id: report.id,
          event: { id: event.id, title: 'Strike', start_at: '2025-07-03T15:00:00Z' },
          quote: null,
          locator: 'paragraph 2',
        },
      ]),
    );
  });

  it('when a source backs more facts than its page shows, then it shows the first by id, counts them all, and facts_next pages through the rest', async () => {
    // Arrange: 180 citations as claimant and 70 as the channel of another source's claims.
    const server = await emptyApp();
    const source = createSource(server.db, { publisher: 'A wire' });
    const other = createSource(server.db, { publisher: 'A paper' });
    const event = createEvent(server.db, { title: 'Strike' });
    const own = Array.from({ length: 180 }, () => createCitation(server.db, event.id, source.id).id);
    const carried = Array.from({ length: 70 }, () => createCitation(server.db, event.id, other.id, { viaSourceId: source.id }).id);
    createCitation(server.db, event.id, other.id);
    const all = [...own, ...carried].sort();

    // Act
    const body = await getSource(server, source.id);
    const rest: { items: Array<{ id: string; via: { id: string } | null }> } = { items: [] };
    for (let url: string | null = body.facts_next; url; ) {
      const page = await getJson(server, url);
      expect(page.status, url).toBe(200);
      rest.items.push(...page.body.data);
      url = page.body.next_cursor ? `/v1/citations?source=${source.id}&cursor=${page.body.next_cursor}` : null;
    }

    // Assert
    expect(body.facts_total).toBe(250);
    expect(body.facts.map((f) => f.citation_id)).toEqual(all.slice(0, 100));
    expect(rest.items.map((c) => c.id)).toEqual(all.slice(100));
    expect(body.facts.filter((f) => f.role === 'via').length + rest.items.filter((c) => c.via?.id === source.id).length).toBe(70);
  });

  it('when a source backs no fact, then its facts are empty', async () => {
    // Arrange
    const server = await emptyApp();
    const source = createSource(server.db);

    // Act
    const body = await getSource(server, source.id);

    // Assert
    expect(body.facts).toEqual([]);
    expect(body).toMatchObject({ facts_total: 0, facts_next: null });
  });

  it('when the seed is loaded, then the source article is claimant of its own facts and the channel for TIME, the Washington Post, Ukraine’s military and Kremlin insiders', async () => {
    // Arrange
    const server = await seededApp();
    const relayed = ['src_time', 'src_washington_post', 'src_ukraine_military', 'src_kremlin_insiders'];

    // Act
    const article = await getSource(server, 'src_source_article');
    const relayedFacts = (await Promise.all(relayed.map((id) => getSource(server, id)))).map((s) => s.facts);

    // Assert
    const claimant = article.facts.filter((f) => f.role === 'claimant');
    const via = article.facts.filter((f) => f.role === 'via');
    expect(claimant.length).toBeGreaterThan(0);
    expect(via.length).toBeGreaterThan(0);
    expect(claimant.length + via.length).toBe(article.facts.length);
    for (const facts of relayedFacts) {
      // Each relayed source is claimant of something, and only ever through the article.
      expect(facts.length).toBeGreaterThan(0);
      for (const fact of facts) expect(fact.role).toBe('claimant');
    }
    expect(via.map((f) => f.citation_id).sort()).toEqual(relayedFacts.flat().map((f) => f.citation_id).sort());
  });

  it('when the seed is loaded, then TIME backs exactly one fact: the 478 intercepted, as claimant', async () => {
    // Arrange
    const server = await seededApp();

    // Act
    const time = await getSource(server, 'src_time');

    // Assert
    expect(time.facts).toEqual([
      expect.objectContaining({
        role: 'claimant',
        fact_type: 'munition_report',
        fact_id: 'mun_kyiv_time_intercepted',
        event: expect.objectContaining({ id: 'evt_2025_07_04_kyiv_strike' }),
        quote: expect.stringContaining('478'),
      }),
    ]);
  });

  it('when the seed is loaded, then the Ivaniuk dataset is the via of every Air Force citation', async () => {
    // Arrange
    const server = await seededApp();

    // Act
    const dataset = await getSource(server, 'src_ivaniuk_missile_attacks');
    const post = await getSource(server, 'src_uaf_post_2025_07_04');

    // Assert
    expect(post.facts.length).toBe(5);
    for (const fact of post.facts) expect(fact.role).toBe('claimant');
    for (const fact of dataset.facts) expect(fact.role).toBe('via');
    expect(dataset.facts.map((f) => f.citation_id).sort()).toEqual(post.facts.map((f) => f.citation_id).sort());
    expect(dataset.facts.filter((f) => f.fact_type === 'munition_report').map((f) => f.fact_id).sort()).toEqual([
      'mun_kyiv_uaf_iskander_k',
      'mun_kyiv_uaf_iskander_m',
      'mun_kyiv_uaf_kinzhal',
      'mun_kyiv_uaf_shahed',
    ]);
  });

  it('when no source has the id, then 404 problem+json with code SITREP_NOT_FOUND', async () => {
    // Arrange
    const server = await emptyApp();

    // Act
    const response = await getJson(server, '/v1/sources/src_missing');

    // Assert
    expectProblem(response, 404, 'SITREP_NOT_FOUND');
    expect(response.body.detail).toContain('src_missing');
  });
});
