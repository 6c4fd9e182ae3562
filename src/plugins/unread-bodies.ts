// What becomes of a body the server answered without reading it all (a 413 for a body over the
// limit, a 401 or 429 refused before parsing): the rest is read and discarded, up to a bound, so
// the client finishes sending and reads the answer. Closing at once, as fastify does after a 413,
// resets a connection the client is still writing to, and the client gets EPIPE or ECONNRESET
// instead of the problem.
import fp from 'fastify-plugin';

export type UnreadBodiesOptions = {
  /** Bytes of an unread body read and discarded before the connection is closed instead. */
  discardLimitBytes: number;
  /** Time, from the answer, for the rest of the body to arrive; 0: no limit. */
  discardTimeoutMs: number;
};

export default fp<UnreadBodiesOptions>(
  async (app, { discardLimitBytes, discardTimeoutMs }) => {
    app.addHook('onSend', (request, reply, payload, done) => {
      const raw = request.raw;
      // `complete` is false only on a real connection whose body has not all arrived (inject()'s
      // requests have none).
      if (raw.complete !== false || raw.destroyed) return done(null, payload);
      // fastify asks to close after a body it refused; the connection is usable again once the
      // rest is read, and closing now is what resets it under the client.
      reply.removeHeader('connection');
      // Node would discard the rest unseen; reading it here counts and times it, which bounds the
      // work a client can make the server do. By the time either bound is passed, a client that
      // reads while it sends has the answer.
      const giveUp = () => {
        if (!raw.complete) raw.socket.destroy();
      };
      const timer = discardTimeoutMs > 0 ? setTimeout(giveUp, discardTimeoutMs).unref() : undefined;
      let discarded = 0;
      raw.on('data', (chunk: Buffer) => {
        discarded += chunk.length;
        if (discarded > discardLimitBytes) giveUp();
      });
      raw.once('end', () => clearTimeout(timer));
      done(null, payload);
    });
  },
  { name: 'unread-bodies' },
);
