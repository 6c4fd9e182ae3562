// Writes run one at a time. A write reads the current representation (to check `If-Match`), then
// commits in one synchronous SQLite transaction; without this queue two requests could both pass
// the check before either commits. SQLite allows one writer anyway, so nothing is lost.
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    serializeWrite: <T>(write: () => Promise<T>) => Promise<T>;
  }
}

export default fp(
  async (app) => {
    let tail: Promise<unknown> = Promise.resolve();
    app.decorate('serializeWrite', <T>(write: () => Promise<T>): Promise<T> => {
      const run = tail.then(write, write);
      // The queue goes on whether this write succeeds or fails.
      tail = run.catch(() => undefined);
      return run;
    });
  },
  { name: 'write-lock' },
);
