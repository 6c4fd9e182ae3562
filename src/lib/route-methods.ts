// The methods the app answers at a concrete path, for the `Allow` header of a plain OPTIONS
// request. fastify matches paths per method, so a method is allowed wherever one of its route
// patterns matches the path.

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A fastify route pattern (`/v1/events/:id`, `/docs/*`) as an anchored regular expression. */
function patternOf(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) => (segment === '*' ? '.*' : segment.startsWith(':') ? '[^/]+' : escapeRegExp(segment)))
    .join('/');
  return new RegExp(`^${source}$`);
}

const ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

export class RouteMethods {
  private readonly routes: Array<{ pattern: RegExp; methods: string[] }> = [];

  add(url: string, methods: string | string[]): void {
    this.routes.push({ pattern: patternOf(url), methods: ([] as string[]).concat(methods) });
  }

  /** The methods answered at `path` (OPTIONS included), in a fixed order; null when no route matches. */
  at(path: string): string[] | null {
    const found = new Set<string>();
    for (const route of this.routes) if (route.pattern.test(path)) for (const method of route.methods) found.add(method);
    if (found.size === 0) return null;
    found.add('OPTIONS');
    return [...found].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
  }
}
