import type { FastifyInstance } from 'fastify';

/** The paths an app serves and the methods each takes, to tell 405 (known path, wrong method) from 404. */
export interface KnownRoutes {
  /** The methods registered for a path (undefined: no route has that path). */
  methodsAt(path: string): ReadonlySet<string> | undefined;
}

/** Watches the routes registered on `app` from now on (call it before registering any). */
export function knownRoutes(app: FastifyInstance): KnownRoutes {
  // By pattern source, in the order first registered (a path's first matching pattern answers).
  const routes = new Map<string, { pattern: RegExp; methods: Set<string> }>();
  app.addHook('onRoute', (route) => {
    const source = '^' + route.url.replace(/:[^/]+/g, '[^/]+') + '/?$';
    const methods = [route.method].flat().map(String);
    const known = routes.get(source);
    if (known) methods.forEach((m) => known.methods.add(m));
    else routes.set(source, { pattern: new RegExp(source), methods: new Set(methods) });
  });
  return {
    methodsAt: (path) => {
      for (const route of routes.values()) if (route.pattern.test(path)) return route.methods;
      return undefined;
    },
  };
}
