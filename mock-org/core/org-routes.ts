import type {
  FastifyBodyParser,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
} from 'fastify';
import { namedPlugin } from './plugin-name.js';

/** A route's handler as fastify types it (`R` says what the request carries). */
export type RouteHandler<R extends RouteGenericInterface = RouteGenericInterface> = RouteHandlerMethod<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  R
>;

/**
 * What an API family's route modules register on: fastify's shorthand methods and child scopes, nothing else.
 * The same registration code runs twice over: once per app, registering every route on fastify (find-my-way,
 * avvio: the costly part), and once per org, collecting that org's handlers (closures over the org: cheap).
 */
export interface Routes {
  get<R extends RouteGenericInterface = RouteGenericInterface>(url: string, handler: RouteHandler<R>): void;
  post<R extends RouteGenericInterface = RouteGenericInterface>(url: string, handler: RouteHandler<R>): void;
  put<R extends RouteGenericInterface = RouteGenericInterface>(url: string, handler: RouteHandler<R>): void;
  delete<R extends RouteGenericInterface = RouteGenericInterface>(url: string, handler: RouteHandler<R>): void;
  /** A child scope (fastify's encapsulation: its own content-type parsers), its routes under `prefix` if given. */
  scope(name: string, register: (scope: ScopedRoutes) => void, options?: { prefix?: string }): void;
}

/** A body parser of a child scope (raw text in, parsed body out). */
type TextBodyParser = FastifyBodyParser<string | Buffer>;

/** A child scope's routes, and its content-type parsers: one per app, shared by its orgs, so never about one org. */
export interface ScopedRoutes extends Routes {
  addContentTypeParser(type: string, options: { parseAs: 'string'; bodyLimit?: number }, parser: TextBodyParser): void;
}

/**
 * A handler of any route, its request type erased: fastify's generics are claims about what a route's request
 * carries (never checked), and the route a handler was registered for is the one it is called for.
 */
type AnyRouteHandler = {
  bivariant(this: FastifyInstance, request: FastifyRequest, reply: FastifyReply): unknown;
}['bivariant'];

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Registers routes by `METHOD /path` (with the scopes' prefixes), the key both kinds of registration share. */
abstract class KeyedRoutes implements ScopedRoutes {
  constructor(protected readonly prefix: string) {}

  protected abstract route(method: Method, key: string, url: string, handler: AnyRouteHandler): void;
  abstract scope(name: string, register: (scope: ScopedRoutes) => void, options?: { prefix?: string }): void;
  abstract addContentTypeParser(type: string, options: { parseAs: 'string'; bodyLimit?: number }, parser: TextBodyParser): void;

  get<R extends RouteGenericInterface = RouteGenericInterface>(url: string, handler: RouteHandler<R>): void {
    this.route('GET', `GET ${this.prefix}${url}`, url, handler);
  }
  post<R extends RouteGenericInterface = RouteGenericInterface>(url: string, handler: RouteHandler<R>): void {
    this.route('POST', `POST ${this.prefix}${url}`, url, handler);
  }
  put<R extends RouteGenericInterface = RouteGenericInterface>(url: string, handler: RouteHandler<R>): void {
    this.route('PUT', `PUT ${this.prefix}${url}`, url, handler);
  }
  delete<R extends RouteGenericInterface = RouteGenericInterface>(url: string, handler: RouteHandler<R>): void {
    this.route('DELETE', `DELETE ${this.prefix}${url}`, url, handler);
  }
}

/** Registers each route on fastify once, its handler the one of the org the request is for. */
class AppRoutes extends KeyedRoutes {
  constructor(
    private readonly app: FastifyInstance,
    prefix: string,
    private readonly handlerFor: (request: FastifyRequest, key: string) => AnyRouteHandler,
  ) {
    super(prefix);
  }

  protected route(method: Method, key: string, url: string): void {
    const handlerFor = this.handlerFor;
    this.app.route({
      method,
      url,
      handler(request, reply) {
        return handlerFor(request, key).call(this, request, reply);
      },
    });
  }

  scope(name: string, register: (scope: ScopedRoutes) => void, options: { prefix?: string } = {}): void {
    const prefix = options.prefix ?? '';
    void this.app.register(
      namedPlugin(name, async (child: FastifyInstance) => register(new AppRoutes(child, `${this.prefix}${prefix}`, this.handlerFor))),
      { prefix },
    );
  }

  addContentTypeParser(type: string, options: { parseAs: 'string'; bodyLimit?: number }, parser: TextBodyParser): void {
    this.app.addContentTypeParser(type, options, parser);
  }
}

/** Collects one org's handlers by route; the parsers are the app's (registered once, by AppRoutes). */
class CollectedRoutes extends KeyedRoutes {
  constructor(
    prefix: string,
    readonly handlers: Map<string, AnyRouteHandler>,
  ) {
    super(prefix);
  }

  protected route(_method: Method, key: string, _url: string, handler: AnyRouteHandler): void {
    if (this.handlers.has(key)) throw new Error(`${key} is registered twice`);
    this.handlers.set(key, handler);
  }

  scope(_name: string, register: (scope: ScopedRoutes) => void, options: { prefix?: string } = {}): void {
    register(new CollectedRoutes(`${this.prefix}${options.prefix ?? ''}`, this.handlers));
  }

  addContentTypeParser(): void {}
}

/** Sets which org a request to a many-org app is for. Whoever hands the app a request sets it (and overwrites a client's). */
const ORG_KEY_HEADER = 'x-mock-org-key';

/** One org an OrgApp serves. */
export interface ServedOrg {
  /** Hands a raw request to the app for this org. */
  routing(req: RawRequestDefaultExpression, res: RawReplyDefaultExpression): void;
  /** The headers that address a request (inject, in-process) to this org. */
  readonly headers: Readonly<Record<string, string>>;
  /** The org is no longer served (its requests from now on fail). An org never removed stays referenced by the app. */
  remove(): void;
}

interface OrgEntry<Org> {
  org: Org;
  handlers: ReadonlyMap<string, AnyRouteHandler>;
}

/**
 * A fastify app that serves many orgs of one API family, each independent (its own store, clock, faults, …): the
 * routes are registered once, and each request is answered by the handlers of its org, found by ORG_KEY_HEADER
 * (or, for an app made for one org, that org). Making an org costs its handlers' closures, not a fastify app.
 */
export class OrgApp<Org> {
  readonly #orgs = new Map<string, OrgEntry<Org>>();
  readonly #keys = new Set<string>();
  readonly #register: (routes: Routes, org: Org) => void;
  readonly #soleOrg: boolean;
  #sole: OrgEntry<Org> | undefined;
  #nextKey = 0;

  /**
   * An app whose routes `register` registers (for one org: the routes may not depend on which). The app's own
   * hooks and handlers find the request's org with `orgOf`. `soleOrg`: the app serves one org, no header needed.
   */
  constructor(
    readonly app: FastifyInstance,
    register: (routes: Routes, org: Org) => void,
    options: { soleOrg?: boolean } = {},
  ) {
    this.#register = register;
    this.#soleOrg = options.soleOrg ?? false;
  }

  /** Registers the routes on the app, once, by running the registration for `template` (an org whose handlers are not kept). */
  registerRoutes(template: Org): void {
    if (this.#keys.size > 0) throw new Error('the routes are registered already');
    // The keys now (fastify runs a child scope's registration only when the app loads its plugins).
    for (const key of this.#handlersOf(template).keys()) this.#keys.add(key);
    this.#register(new AppRoutes(this.app, '', (request, key) => this.#handler(request, key)), template);
  }

  /** The org a request is for (throws for a request that names none this app serves). */
  orgOf(request: FastifyRequest): Org {
    return this.#entry(request).org;
  }

  /** Serves `org` (its handlers collected now) until `remove()`. */
  add(org: Org): ServedOrg {
    if (this.#soleOrg && this.#sole) throw new Error('this app serves one org');
    const handlers = this.#handlersOf(org);
    // Every org's routes are the app's: a route registered only for some orgs would have no fastify route.
    if (handlers.size !== this.#keys.size || [...handlers.keys()].some((key) => !this.#keys.has(key))) {
      throw new Error("an org's routes differ from its app's");
    }
    const entry = { org, handlers };
    if (this.#soleOrg) this.#sole = entry;
    const key = `o${(this.#nextKey++).toString(36)}`;
    this.#orgs.set(key, entry);
    const app = this.app;
    return {
      routing: (req, res) => {
        req.headers[ORG_KEY_HEADER] = key;
        app.routing(req, res);
      },
      headers: { [ORG_KEY_HEADER]: key },
      remove: () => {
        this.#orgs.delete(key);
        if (this.#sole === entry) this.#sole = undefined;
      },
    };
  }

  #handlersOf(org: Org): Map<string, AnyRouteHandler> {
    const handlers = new Map<string, AnyRouteHandler>();
    this.#register(new CollectedRoutes('', handlers), org);
    return handlers;
  }

  #entry(request: FastifyRequest): OrgEntry<Org> {
    const key = request.headers[ORG_KEY_HEADER];
    const entry = this.#soleOrg ? this.#sole : typeof key === 'string' ? this.#orgs.get(key) : undefined;
    if (!entry) throw new Error('the request is for no org this app serves');
    return entry;
  }

  #handler(request: FastifyRequest, key: string): AnyRouteHandler {
    const handler = this.#entry(request).handlers.get(key);
    if (!handler) throw new Error(`no handler for ${key}`);
    return handler;
  }
}
