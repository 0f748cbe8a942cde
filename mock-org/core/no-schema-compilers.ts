import type { FastifyServerOptions } from 'fastify';

/**
 * Fastify options for apps whose routes declare no JSON schema (every app of the mock: the mock checks its inputs
 * itself, and the control protocol's through schemas/control, control/validation.ts). Without them fastify loads
 * its default compilers (the whole of ajv, and fast-json-stringify) when an app is made, whether or not a route
 * ever compiles a schema: ~60 ms of module loading in every process that makes an app. A route that declares a
 * schema is refused when it is registered, with this reason, rather than left unvalidated.
 */
export const NO_SCHEMA_COMPILERS: Pick<FastifyServerOptions, 'schemaController'> = {
  schemaController: {
    compilersFactory: {
      buildValidator: () => {
        throw new Error('the mock\'s routes declare no schema (they validate their input themselves): fastify has no validator compiler here');
      },
      buildSerializer: () => {
        throw new Error('the mock\'s routes declare no response schema: fastify has no serializer compiler here');
      },
    },
  },
};
