// Two server processes on one SQLite file, as a process manager's cluster mode runs them: a PATCH
// raced with the same ETag to both must succeed once, and a POST raced with the same
// Idempotency-Key must create one record that both answers name. The in-process write queue
// cannot order requests across processes; only the SQLite write lock can. Below them, the write
// transaction itself: rolled back on an error, and when its body awaits more than a query.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { migrateDatabase, openDatabase } from '../src/db/client.js';
import { writeTransaction } from '../src/db/write-transaction.js';
import { createApiKey } from '../src/modules/keys/keys.repository.js';
import { eventInput } from './factories.js';
import { startNodeServer } from './processes.js';

const PATCH_ROUNDS = 20;
const POST_ROUNDS = 10;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** A fresh database file with an editor key, served by two processes. */
async function twoServers(): Promise<{ path: string; a: string; b: string; headers: Record<string, string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-write-race-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'race.db');
  const handle = openDatabase(path);
  migrateDatabase(handle.db);
  const { key } = createApiKey(handle.db, { name: 'race test', role: 'editor' });
  handle.close();
  // Limits off: both processes take every request the test sends. One after the other, so that
  // the second finds the schema migrated and the seed loaded.
  const env = { DATABASE_URL: path, RATE_LIMIT_WRITES_PER_MINUTE: '0', RATE_LIMIT_READS_PER_MINUTE: '0', MAX_EVENT_LOOP_DELAY_MS: '0' };
  const a = await startNodeServer(env);
  cleanups.push(() => stop(a.child));
  const b = await startNodeServer(env);
  cleanups.push(() => stop(b.child));
  // Uncompressed answers, so that the ETag of a write and of a GET compare as sent.
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'accept-encoding': 'identity' };
  return { path, a: a.base, b: b.base, headers };
}

type Answer = { status: number; etag: string | null; location: string | null; body: { id?: string; title?: string; code?: string } };

async function send(url: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(url, init);
  return { status: response.status, etag: response.headers.get('etag'), location: response.headers.get('location'), body: (await response.json()) as Answer['body'] };
}

describe('writes from two processes on one database', () => {
  test(`when ${PATCH_ROUNDS} PATCHes with the same If-Match are raced to two processes, then exactly one wins each time`, async () => {
    const { a, b, headers } = await twoServers();
    const created = await send(`${a}/v1/events`, { method: 'POST', headers, body: JSON.stringify(eventInput({ title: 'Raced event' })) });
    expect(created.status).toBe(201);
    const url = (base: string) => `${base}/v1/events/${created.body.id}`;

    const outcomes: string[] = [];
    for (let round = 0; round < PATCH_ROUNDS; round += 1) {
      const { etag } = await send(url(a), { headers });
      const patch = (base: string, title: string) => send(url(base), { method: 'PATCH', headers: { ...headers, 'if-match': etag! }, body: JSON.stringify({ title }) });
      const answers = await Promise.all([patch(a, `A ${round}`), patch(b, `B ${round}`)]);
      outcomes.push(answers.map((x) => `${x.status}${x.status === 412 ? ` ${x.body.code}` : ''}`).join('/'));
      const winners = answers.filter((x) => x.status === 200);
      if (winners.length !== 1) continue;
      const winner = winners[0]!;
      // What the winner answered is what both processes now serve.
      for (const base of [a, b]) {
        const now = await send(url(base), { headers });
        expect(now.etag).toBe(winner.etag);
        expect(now.body.title).toBe(winner.body.title);
      }
    }
    expect(outcomes).toEqual(outcomes.map(() => expect.stringMatching(/^(200\/412 SITREP_PRECONDITION_FAILED|412 SITREP_PRECONDITION_FAILED\/200)$/)));
  }, 120_000);

  test(`when ${POST_ROUNDS} POSTs with the same Idempotency-Key are raced to two processes, then one record is created and both answer it`, async () => {
    const { path, a, b, headers } = await twoServers();
    const outcomes: string[] = [];
    const titles: string[] = [];
    for (let round = 0; round < POST_ROUNDS; round += 1) {
      const title = `Raced create ${round} ${Date.now()}`;
      titles.push(title);
      const init = { method: 'POST', headers: { ...headers, 'idempotency-key': `race-${round}` }, body: JSON.stringify(eventInput({ title })) };
      const answers = await Promise.all([send(`${a}/v1/events`, init), send(`${b}/v1/events`, init)]);
      const [first, second] = answers;
      const sameRecord = first!.body.id !== undefined && first!.body.id === second!.body.id && first!.location?.endsWith(`/v1/events/${first!.body.id}`) && first!.location === second!.location;
      const sameTag = first!.etag !== null && first!.etag === second!.etag;
      outcomes.push(`${answers.map((x) => x.status).join('/')}${sameRecord ? '' : ' different records'}${sameTag ? '' : ' different ETags'}`);
    }
    expect(outcomes).toEqual(outcomes.map(() => '201/201'));

    const sqlite = new Database(path, { readonly: true });
    try {
      const count = sqlite.prepare('SELECT count(*) FROM events WHERE title = ?').pluck();
      expect(titles.map((title) => count.get(title))).toEqual(titles.map(() => 1));
    } finally {
      sqlite.close();
    }
  }, 120_000);
});

describe('one write transaction', () => {
  const withDatabase = () => {
    const handle = openDatabase(':memory:');
    migrateDatabase(handle.db);
    cleanups.push(() => handle.close());
    return handle;
  };
  const keyCount = (sqlite: Database.Database) => sqlite.prepare('SELECT count(*) FROM api_keys').pluck().get();

  test('when its body throws, then nothing it wrote stays and the error reaches the caller', async () => {
    const { db, sqlite } = withDatabase();
    await expect(
      writeTransaction(db, async (tx) => {
        createApiKey(tx, { name: 'rolled back', role: 'editor' });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(keyCount(sqlite)).toBe(0);
    expect(sqlite.inTransaction).toBe(false);
  });

  test('when its body awaits a timer, then it is rolled back instead of committing what other requests could have seen', async () => {
    const { db, sqlite } = withDatabase();
    await expect(
      writeTransaction(db, async (tx) => {
        createApiKey(tx, { name: 'held open', role: 'editor' });
        await new Promise((r) => setTimeout(r, 5));
      }),
    ).rejects.toThrow(/across a turn of the event loop/);
    expect(keyCount(sqlite)).toBe(0);
    await writeTransaction(db, async (tx) => createApiKey(tx, { name: 'committed', role: 'editor' }));
    expect(keyCount(sqlite)).toBe(1);
  });
});
