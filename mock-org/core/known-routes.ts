import type { FastifyInstance } from 'fastify';

/** The paths an app serves and the methods each takes, to tell 405 (known path, wrong method) from 404. */
export interface KnownRoutes {
  /** The methods registered for a path (undefined: no route has that path). */
  methodsAt(path: string): ReadonlySet<string> | undefined;
}

/** Watches the routes registered on `app` from now on (call it before registering any). */
export function knownRoutes(app: FastifyInstance): KnownRoutes {
  const routes: { pattern: RegExp; methods: Set<string> }[] = [];
  app.addHook('onRoute', (route) => {
    const pattern = new RegExp('^' + route.url.replace(/:[^/]+/g, '[^/]+') + '/?$');
    const methods = [route.method].flat().map(String);
    const known = routes.find((r) => r.pattern.source === pattern.source);
    if (known) methods.forEach((m) => known.methods.add(m));
    else routes.push({ pattern, methods: new Set(methods) });
  });
  return { methodsAt: (path) => routes.find((r) => r.pattern.test(path))?.methods };
}
