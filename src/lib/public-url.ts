// The URLs the API writes into answers (Link, Location) start from the configured PUBLIC_BASE_URL,
// or are relative paths; never from the request's Host, X-Forwarded-Host or request line, which
// anyone can forge and a shared cache would then serve to everyone.
import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /** PUBLIC_BASE_URL without its trailing slash, or '' (URLs are then relative paths). */
    publicBaseUrl: string;
  }
}

const ABSOLUTE_FORM = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

/**
 * The origin form (`/v1/events?limit=5`) of a request target. HTTP/1.1 servers must accept the
 * absolute form (`http://any.host/v1/events?limit=5`, RFC 9112 §3.2.2); the host it names is
 * whatever the client wrote, so the app routes, keys caches and builds links on the path alone.
 */
export function originForm(target: string): string {
  if (target.charCodeAt(0) === 47 /* '/' */) return target;
  const authority = ABSOLUTE_FORM.exec(target);
  if (!authority) return target;
  const rest = target.slice(authority[0].length);
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/** The URL to write for a path of this API (`/v1/events?cursor=…`): absolute under PUBLIC_BASE_URL, else the path. */
export function publicUrl(request: FastifyRequest, path: string): string {
  return request.server.publicBaseUrl + path;
}
