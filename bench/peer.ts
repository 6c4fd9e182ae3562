// The peer: Platformatic DB serving a flat file of the same number of events, from the scripts in
// ../shared/peer/ (their README says how to install it). Optional: when it is not installed the
// bench says so and goes on. Its by-id and list lines are driven by the same autocannon settings
// as sitrep's, in the same run, so the two can be compared as they stand on this machine now.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ROOT } from './servers.js';

export const PEER_DIR = resolve(ROOT, '../shared/peer');
const PEER_CACHE = process.env.PEER_CACHE ?? '/tmp/plt';
const PEER_PORT = 3042;
/** The list the peer's own script measures (../shared/peer/bench.js, line b). */
export const PEER_LIST = '/events/?limit=50&where.kind.eq=airstrike&where.startedAt.gte=2025-01-01T00:00:00Z&orderby.startedAt=desc';

export type Peer = { base: string; pid: number; ids: string[]; file: string; stop: () => void };

/** Null, with the reason logged, when the peer is not installed here. */
export function startPeer(events: number, log: (line: string) => void): Peer | null {
  const modules = join(PEER_CACHE, 'node_modules');
  if (!existsSync(join(PEER_DIR, 'run-peer.sh'))) return log(`peer: skipped, ${PEER_DIR} is not there`), null;
  if (!existsSync(join(modules, '@platformatic/db'))) {
    log(`peer: skipped, not installed in ${PEER_CACHE} (see ${join(PEER_DIR, 'README.md')}, step 1)`);
    return null;
  }
  const file = join(PEER_CACHE, `bench-${events}.sqlite`);
  const env = { ...process.env, NODE_PATH: modules, PEER_CACHE };
  if (!existsSync(file)) {
    log(`peer: generating ${events.toLocaleString('en')} rows into ${file}`);
    const made = spawnSync(process.execPath, [join(PEER_DIR, 'gen-bench-db.js'), file, String(events)], { env, stdio: 'inherit' });
    if (made.status !== 0) return log(`peer: skipped, its generator failed (exit ${made.status})`), null;
  }
  let pid: number;
  try {
    pid = Number(execFileSync(join(PEER_DIR, 'run-peer.sh'), [file, String(PEER_PORT)], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim());
  } catch (error) {
    log(`peer: skipped, it did not start (${(error as Error).message.split('\n')[0]})`);
    return null;
  }
  return {
    base: `http://127.0.0.1:${PEER_PORT}`,
    pid,
    file,
    ids: peerIds(file, 10_000),
    stop: () => {
      try {
        process.kill(pid);
      } catch {
        // already gone
      }
    },
  };
}

/** Ids spread over the peer's file, shuffled: what its own script asks for. */
function peerIds(file: string, count: number): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const total = db.prepare('SELECT count(*) FROM events').pluck().get() as number;
    const step = Math.max(1, Math.floor(total / count));
    const ids = db.prepare('SELECT id FROM events WHERE rowid % ? = 0 LIMIT ?').pluck().all(step, count) as string[];
    let s = 42;
    for (let i = ids.length - 1; i > 0; i--) {
      s = (s * 1103515245 + 12345) % 2147483648;
      const j = Math.floor((s / 2147483648) * (i + 1));
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    }
    return ids;
  } finally {
    db.close();
  }
}
