// Real server processes for the tests that need one (crash safety, memory, shutdown): a free
// loopback port, and `node src/server.ts` started with an environment and waited for until
// /readyz answers.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}

/** `node --import tsx <script>` in the project folder, stderr shown, logging at warn. */
export function spawnNode(args: string[], env: Record<string, string>, nodeOptions: string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeOptions, '--import', 'tsx', ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Starts src/server.ts on a free port and resolves once GET /readyz answers 200. */
export async function startNodeServer(env: Record<string, string>, nodeOptions: string[] = []): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawnNode(['src/server.ts'], { PORT: String(port), ...env }, nodeOptions);
  const base = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) return { child, base };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('server did not become ready within 30 s');
}
