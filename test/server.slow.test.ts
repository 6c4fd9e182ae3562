// Starts sitrep exactly as `npm start` does, on a fresh database file, and talks to it over real
// HTTP: migrations and seed run on first start, a restart on the same file is harmless, and
// SIGTERM closes it cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './processes.js';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-server-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Started = { child: ChildProcess; base: string; output: () => string };

async function startServer(env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  // detached: npm and the server it starts form one process group the test can signal at once.
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'info', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) return { child, base, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  process.kill(-child.pid!, 'SIGKILL');
  throw new Error(`server did not become ready:\n${output}`);
}

/**
 * SIGTERM to the whole process group, as a container runtime or `kill` on a terminal's job sends
 * it. Resolves when every process holding the output pipes (npm and the server) has exited.
 */
async function stopServer({ child, base }: Started): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const closed = new Promise<void>((r) => child.once('close', () => r()));
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      process.kill(-child.pid!, 'SIGKILL');
      reject(new Error('server did not exit within 15 s of SIGTERM'));
    }, 15_000);
  });
  process.kill(-child.pid!, 'SIGTERM');
  try {
    await Promise.race([closed, hung]);
  } finally {
    clearTimeout(timer);
  }
  await expect(fetch(`${base}/healthz`)).rejects.toThrow();
}

describe('npm start over real HTTP', () => {
  it('when started on a new database file, then it migrates, seeds, serves the Kyiv strike and stops cleanly on SIGTERM', async () => {
    const database = join(dir, 'nested', 'sitrep.db');
    const server = await startServer({ DATABASE_URL: database });
    try {
      const response = await fetch(`${server.base}/v1/events/evt_2025_07_04_kyiv_strike`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const event: any = await response.json();
      expect(event.title).toContain('Kyiv');
      expect(event.munition_reports.length).toBeGreaterThan(0);

      const missing = await fetch(`${server.base}/v1/events/evt_missing`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    } finally {
      await stopServer(server);
    }
    expect(existsSync(database)).toBe(true);
    // The server's own graceful-close path ran, rather than the process simply dying.
    expect(server.output()).toMatch(/"signal":"SIGTERM","msg":"closing"/);

    // A second start on the same file finds it migrated and seeded and changes nothing.
    const again = await startServer({ DATABASE_URL: database });
    try {
      const list: any = await (await fetch(`${again.base}/v1/events?limit=500`)).json();
      expect(list.data).toHaveLength(6);
    } finally {
      await stopServer(again);
    }
  });

  it('when SIGTERM arrives under load, then every request already received is answered in full and the database is closed cleanly', async () => {
    const database = join(dir, 'under-load', 'sitrep.db');
    const server = await startServer({ DATABASE_URL: database, RATE_LIMIT_READS_PER_MINUTE: '0', MAX_EVENT_LOOP_DELAY_MS: '0', RESPONSE_CACHE_MB: '0' });
    const urls = ['/v1/events/evt_2025_07_04_kyiv_strike', '/v1/timeline?tz=Europe/Kyiv', '/v1/stats/munitions?bucket=all', '/v1/events.csv'];
    // Keep-alive connections with requests in flight when the signal lands.
    const inFlight = Array.from({ length: 120 }, (_, i) =>
      fetch(`${server.base}${urls[i % urls.length]}`).then(
        async (response) => ({ status: response.status, length: (await response.text()).length }),
        (error: Error) => ({ status: 0, length: 0, error: String(error.cause ?? error) }),
      ),
    );
    await new Promise((r) => setTimeout(r, 30));
    await stopServer(server);
    const answers = await Promise.all(inFlight);

    const answered = answers.filter((a) => a.status !== 0);
    expect(answered.length).toBeGreaterThan(0);
    // Answered means answered whole: a 200 with a body, never a 5xx or a cut-off stream.
    for (const answer of answered) {
      expect(answer.status).toBe(200);
      expect(answer.length).toBeGreaterThan(0);
    }
    // Requests the server never received were refused at connect time, not dropped half-way.
    for (const refused of answers.filter((a) => a.status === 0)) expect((refused as { error?: string }).error).toMatch(/ECONNREFUSED|ECONNRESET|other side closed|fetch failed/);
    expect(server.output()).toMatch(/"signal":"SIGTERM","msg":"closing"/);
    // A clean close checkpoints the write-ahead log into the database and removes it.
    expect(existsSync(`${database}-wal`)).toBe(false);
  });

  it('when an environment variable is invalid, then start-up stops with one line naming it', async () => {
    const child = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: { ...process.env, PORT: 'eighty', DATABASE_URL: ':memory:' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code).not.toBe(0);
    const lines = stderr.split('\n').filter((line) => line.includes('PORT'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid environment variable PORT="eighty": /);
  });
});
