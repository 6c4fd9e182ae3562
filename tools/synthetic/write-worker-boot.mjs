// Starts the synthetic helper thread (write-worker.ts) when sitrep runs from its TypeScript sources:
// a worker thread does not inherit the tsx loader of the thread that started it, so this registers
// tsx first. Errors while loading the helper are reported like the helper's own errors.
import { workerData } from 'node:worker_threads';

try {
  const { register } = await import('tsx/esm/api');
  register();
  await import(workerData.entry);
} catch (error) {
  const { port, shared } = workerData.job;
  port.postMessage({ error: { message: `the synthetic helper thread could not start: ${error?.message ?? error}`, stack: error?.stack } });
  const state = new Int32Array(shared);
  Atomics.store(state, 0, 2);
  Atomics.notify(state, 0);
}
