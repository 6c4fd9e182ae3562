// Full-text search over many matches: a common word (more matches than the repository's
// COMMON_MATCH) is answered by walking the list in order and keeping the matches, a rare one by
// sorting its matches. Both must page through exactly the matching events, in list order.
import { describe, expect, test } from 'vitest';
import { createEvent } from './factories.js';
import { collectPages, freshApp, getJson } from './helpers.js';

describe('GET /v1/events?q= over many matches', () => {
  test('when a word matches thousands of events and another a few, then every page of each holds exactly its matches in start order', async () => {
    const app = await freshApp();
    const start = Date.parse('2024-01-01T00:00:00Z');
    const expected: Record<string, string[]> = { kharkiv: [], odesa: [] };
    // 2,600 events, one in twelve in Odesa, the rest in Kharkiv, their times shuffled against their ids.
    for (let i = 0; i < 2_600; i++) {
      const place = i % 12 === 0 ? 'Odesa' : 'Kharkiv';
      const startAt = new Date(start + ((i * 7_919) % 2_600) * 3_600_000).toISOString().replace('.000Z', 'Z');
      const event = createEvent(app.db, { id: `evt_search_${String(i).padStart(5, '0')}`, title: `Strike on ${place}`, startAt });
      expected[place.toLowerCase()]!.push(`${startAt} ${event.id}`);
    }
    // A stray index entry without its event must not turn up either way.
    app.db.$client.exec("INSERT INTO events_fts (event_id, title, summary) VALUES ('evt_missing', 'Kharkiv', '')");

    for (const [word, keys] of Object.entries(expected)) {
      const ids = keys.sort().map((key) => key.split(' ')[1]);
      const { items, pages } = await collectPages(app, `/v1/events?q=${word}&limit=500`);
      expect(items.map((e: any) => e.id), word).toEqual(ids);
      expect(pages).toBe(Math.ceil(ids.length / 500));
      const newest = await getJson(app, `/v1/events?q=${word}&sort=-start_at&limit=3`);
      expect(newest.body.data.map((e: any) => e.id)).toEqual(ids.slice(-3).reverse());
    }
    expect(expected.kharkiv!.length).toBeGreaterThan(2_000);
  });
});
