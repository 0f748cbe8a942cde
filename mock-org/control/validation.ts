import type { FastifyInstance, preValidationAsyncHookHandler } from 'fastify';
import { CONTROL_OPERATIONS, CONTROL_PREFIX, controlOperationFor, type ControlOperation } from '../../schemas/control/operations.js';
import { controlSchemaIssues } from '../../schemas/control/validate.js';
import { malformedBody, validationFailed } from '../core/errors.js';
import { isObject } from '../core/input.js';

/**
 * Binds every control route to its operation in the protocol's table: a route the table does not
 * describe is refused when it is registered, and a request that breaks its operation's input
 * schema is answered 400 (E0000001, the mock's error shape) before its handler runs, so nothing
 * changes. Call before registering the control routes.
 */
export function validateControlRequests(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(`${CONTROL_PREFIX}/`)) return;
    const method = [route.method].flat().find((m) => m !== 'HEAD');
    if (method === undefined) return; // the HEAD twin fastify adds to a GET route
    const name = controlOperationFor(method, route.url);
    if (name === undefined) throw new Error(`${method} ${route.url} is not an operation of the control protocol (schemas/control/operations.ts)`);
    const operation: ControlOperation = CONTROL_OPERATIONS[name];
    const input = operation.input;
    if (input === undefined) return;
    const validate: preValidationAsyncHookHandler = async (request) => {
      // As everywhere in the mock (bodyObject): no body is an empty object, a body that is not an object is malformed.
      const value = method === 'GET' ? { ...(isObject(request.query) ? request.query : {}) } : (request.body ?? {});
      if (!isObject(value)) throw malformedBody();
      const issues = controlSchemaIssues(input, value);
      const [first] = issues;
      if (first) throw validationFailed(first.path.split('/')[1] || 'body', issues.map((issue) => `${issue.path}: ${issue.message}`));
    };
    route.preValidation = [...[route.preValidation ?? []].flat(), validate];
  });
}
