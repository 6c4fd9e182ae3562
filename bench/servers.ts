// Child processes for the benchmark: each server gets its own process (and event loop), is
// reached only on 127.0.0.1, is timed from spawn to its first good /readyz, and is stopped by its
// own pid.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export type ChildServer = {
  name: string;
  child: ChildProcess;
  base: string;
  startupMs: number;
  output: () => string;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * What package.json's start scripts pass to node: young-generation semi-spaces of 2 MB instead of
 * V8's 16, and an old generation capped at 256 MB, which also makes V8 grow the heap in smaller
 * steps. Both cut the largest RSS under load by about a third (README, Performance).
 */
export const NODE_FLAGS = ['--max-semi-space-size=2', '--max-old-space-size=256'];

/**
 * Spawns `node <script>` (a `.ts` script through tsx, compiled JavaScript as it is) and waits (at
 * most `timeoutMs`) until /readyz answers 200.
 */
export async function startServer(name: string, script: string, env: Record<string, string>, timeoutMs = 120_000): Promise<ChildServer> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...NODE_FLAGS, ...(script.endsWith('.ts') ? ['--import', 'tsx', script] : [script])], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const base = `http://127.0.0.1:${port}`;
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before it was ready:\n${output}`);
    try {
      const response = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return { name, child, base, startupMs: performance.now() - started, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill('SIGKILL');
  throw new Error(`${name} was not ready within ${timeoutMs / 1000} s:\n${output}`);
}

/** SIGTERM, then SIGKILL if the process has not exited within `graceMs`. */
export async function stopServer(server: ChildServer, graceMs = 15_000): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Resident set size of a process in bytes, from /proc (Linux); null where unavailable. */
export function rssBytes(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's RSS every `intervalMs` until stopped; returns the largest sample. */
export function sampleRss(pid: number, intervalMs = 100): { stop: () => number | null } {
  let max: number | null = rssBytes(pid);
  const timer = setInterval(() => {
    const rss = rssBytes(pid);
    if (rss !== null && (max === null || rss > max)) max = rss;
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return max;
    },
  };
}

/**
 * Waits until the server answers /healthz quickly again, so requests still queued from the last
 * measurement (slow endpoints keep working after the client stops) do not slow the next one.
 */
export async function settle(base: string, limitMs = 120_000): Promise<void> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    const t = performance.now();
    try {
      await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(10_000) });
      if (performance.now() - t < 50) return;
    } catch {
      // busy or closed; try again
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
