// Statistics that sum every claim (filtered, or with each source's own totals) run on a second,
// read-only connection and let the event loop turn as they go (src/plugins/scan-reads.ts): the
// server keeps answering reads and writes meanwhile, and too many at once get 503, not a queue
// without end. On a synthetic file large enough that one such sum spans several turns.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { buildApp } from '../src/app.js';
import { createApiKey } from '../src/modules/keys/keys.repository.js';
import { ROWS_PER_TURN } from '../src/store.js';
import { writeSyntheticDatabase } from '../tools/synthetic/write.js';
import { eventInput } from './factories.js';
import { expectProblem } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-scan-'));
const path = join(dir, 'synthetic.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  writeSyntheticDatabase({ path, events: 12_000, seed: 3 });
  const sqlite = new Database(path, { readonly: true });
  const claims = sqlite.prepare('SELECT count(*) FROM casualty_reports').pluck().get() as number;
  sqlite.close();
  // Otherwise one sum would fit in one turn and the tests below would prove nothing.
  expect(claims).toBeGreaterThan(3 * ROWS_PER_TURN);
}, 60_000);

async function appOn() {
  const app = await buildApp({ databaseUrl: path, logLevel: 'silent', http: { rateLimit: { readsPerMinute: 0, writesPerMinute: 0 } } });
  await app.ready();
  onTestFinished(() => app.close());
  return app;
}

// An end half an hour into 2030 leaves out no event, but the kept totals only answer periods that
// end on a whole hour: every claim from 2022 on is summed.
const SUM_EVERY_CLAIM = `/v1/stats/casualties?bucket=month&from=2022-01-01&to=${encodeURIComponent('2030-01-01T00:30:00Z')}`;

describe('statistics that sum every claim', () => {
  test('when one is being computed, then reads and writes are answered before it ends, and it ends with the right totals', async () => {
    const app = await appOn();
    const key = createApiKey(app.db, { name: 'desk', role: 'editor' }).key;
    let summed = false;
    const slow = app.inject({ url: SUM_EVERY_CLAIM }).then((response) => {
      summed = true;
      return response;
    });

    const read = await app.inject({ url: '/v1/events?limit=1' });
    const write = await app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: { authorization: `Bearer ${key}` },
      payload: eventInput({ kind: 'shelling', start_at: '2021-06-01T00:00:00Z' }),
    });
    const readAndWriteFirst = !summed;
    const answer = await slow;

    expect(read.statusCode).toBe(200);
    expect(write.statusCode).toBe(201);
    expect(readAndWriteFirst).toBe(true);
    expect(answer.statusCode).toBe(200);
    // The new event starts before `from`, so the totals are those of the file as generated: the
    // same as the kept totals answer for every month from 2022 on.
    const kept = (await app.inject({ url: '/v1/stats/casualties?bucket=month' })).json();
    expect(answer.json().data).toEqual(kept.data.filter((bucket: { start: string }) => bucket.start >= '2022-01-01'));
    expect(answer.json().data.length).toBeGreaterThan(12);
  });

  test('when more are asked for than can run or wait, then the rest get 503 with Retry-After, and the others their answers', async () => {
    const app = await appOn();
    // Distinct URLs: none can be answered from another's cached answer.
    const answers = await Promise.all(
      Array.from({ length: 14 }, (_, i) => app.inject({ url: `${SUM_EVERY_CLAIM}&tz=${encodeURIComponent(`Etc/GMT${i % 2 ? '-' : '+'}${(i >> 1) + 1}`)}` })),
    );

    const refused = answers.filter((a) => a.statusCode === 503);
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(10);
    expect(refused).toHaveLength(4);
    for (const response of refused) {
      expectProblem({ status: response.statusCode, headers: response.headers, body: response.json() }, 503, 'SITREP_OVERLOADED');
      expect(response.headers['retry-after']).toBe('5');
    }
  });
});
