// A process manager's cluster mode starts its workers at once. On a new file, every one of them
// migrates and seeds it: each must come up, and the schema and the seed must be there once.
import { type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { collectPages, freshApp } from './helpers.js';
import { spawnNode, startNodeServer } from './processes.js';

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function pages(base: string, path: string): Promise<unknown[]> {
  const items: unknown[] = [];
  for (let url: string | null = `${base}${path}`; url; ) {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: unknown[]; next_cursor: string | null };
    items.push(...body.data);
    url = body.next_cursor ? `${base}${path}&cursor=${encodeURIComponent(body.next_cursor)}` : null;
  }
  return items;
}

describe('servers started at once on a new file', () => {
  it('when three servers start together on a file that does not exist yet, then all answer and the seed is there once', async () => {
    // Arrange
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-start-race-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const env = { DATABASE_URL: join(dir, 'new.db'), MAX_EVENT_LOOP_DELAY_MS: '0' };
    const reference = await freshApp({ seed: true });
    const { items: seedEvents } = await collectPages(reference, '/v1/events?limit=500');
    const seedRevisions = (await reference.inject({ method: 'GET', url: '/v1/changes?limit=500' })).json().data.length;

    // Act
    const started = await Promise.allSettled([startNodeServer(env), startNodeServer(env), startNodeServer(env)]);
    for (const result of started) if (result.status === 'fulfilled') cleanups.push(() => stop(result.value.child));

    // Assert
    expect(started.map((r) => (r.status === 'fulfilled' ? 'ready' : String(r.reason)))).toEqual(['ready', 'ready', 'ready']);
    for (const result of started) {
      const { base } = (result as PromiseFulfilledResult<{ base: string }>).value;
      expect((await pages(base, '/v1/events?limit=500')).length).toBe(seedEvents.length);
      const feed = (await (await fetch(`${base}/v1/changes?limit=500`)).json()) as { data: unknown[]; has_more: boolean };
      expect(feed.has_more).toBe(false);
      expect(feed.data.length).toBe(seedRevisions);
    }
  });

  it('when three processes migrate a new file at the same millisecond, five times over, then every one succeeds and every migration is applied once', async () => {
    for (let round = 0; round < 5; round++) {
      // Arrange
      const dir = mkdtempSync(join(tmpdir(), 'sitrep-migrate-race-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const path = join(dir, 'new.db');
      // Far enough ahead for three Node processes to start and load tsx.
      const at = Date.now() + 3_000;

      // Act
      const exits = await Promise.all(
        [0, 1, 2].map(
          () =>
            new Promise<number | null>((resolve) => {
              const child = spawnNode(['test/fixtures/migrate-at.ts', path, String(at)], {});
              child.once('exit', (code) => resolve(code));
            }),
        ),
      );

      // Assert
      expect(exits, `round ${round}`).toEqual([0, 0, 0]);
      const db = new Database(path, { readonly: true });
      const applied = db.prepare('SELECT hash, count(*) AS n FROM __drizzle_migrations GROUP BY hash HAVING n > 1').all();
      const total = db.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number;
      db.close();
      expect(applied).toEqual([]);
      expect(total).toBeGreaterThan(10);
    }
  });
});
