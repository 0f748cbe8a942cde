/**
 * The arrows of DESIGN.md ("Layout"), enforced: `npm run deps`.
 * Paths are relative to the folder cruised from (the repo root, or a fixture tree laid out like it).
 * Type-only imports count: a cycle or a forbidden arrow through types is still a coupling.
 */

/** Anything that is neither an npm package nor a Node built-in: a file of the project. */
const toProjectFile = { dependencyTypesNot: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg', 'npm-unknown'] };

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles, type-only imports included: a cycle makes load order matter and couples every file on it.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'suites-not-to-mock-org',
      severity: 'error',
      comment: 'A check sees the target only through its driver, as it would see a real org.',
      from: { path: '^suites/' },
      to: { path: '^mock-org/' },
    },
    {
      name: 'drivers-to-mock-org-only-from-mock-driver',
      severity: 'error',
      comment: 'Only the mock driver knows the mock org; every other driver speaks to a target over the network.',
      from: { path: '^drivers/', pathNot: '^drivers/(mock-driver\\.ts$|mock/)' },
      to: { path: '^mock-org/' },
    },
    {
      name: 'drivers-not-to-harness',
      severity: 'error',
      comment: 'A driver reaches a target for the checks; it knows nothing of the checks, the reports, the CLI or the authenticators.',
      from: { path: '^drivers/' },
      to: { path: '^(suites|reports|cli|test|bench|virtual-authenticators)/' },
    },
    {
      name: 'mock-org-not-to-virtual-authenticators',
      severity: 'error',
      comment: 'The mock verifies with its own code or a well-kept library, so a bug in an authenticator cannot cancel itself out.',
      from: { path: '^mock-org/' },
      to: { path: '^virtual-authenticators/' },
    },
    {
      name: 'mock-org-not-to-harness',
      severity: 'error',
      comment: 'The mock is the target: it knows nothing of the suites, drivers, reports or the CLI that test it.',
      from: { path: '^mock-org/' },
      to: { path: '^(suites|drivers|reports|cli|test|bench)/' },
    },
    {
      name: 'mock-org-core-knows-no-family',
      severity: 'error',
      comment: 'mock-org/core/ is the infrastructure every family uses; families build on it, never the reverse.',
      from: { path: '^mock-org/core/' },
      to: { path: '^mock-org/', pathNot: '^mock-org/core/' },
    },
    {
      name: 'virtual-authenticators-standalone',
      severity: 'error',
      comment: 'The virtual authenticators are usable alone (mfa-conformance/virtual-authenticators): they import nothing of the project.',
      from: { path: '^virtual-authenticators/' },
      to: { pathNot: '^virtual-authenticators/', ...toProjectFile },
    },
    {
      name: 'schemas-standalone',
      severity: 'error',
      comment: 'The JSON Schemas and their one ajv instance import nothing of the project outside schemas/.',
      from: { path: '^schemas/' },
      to: { pathNot: '^schemas/', ...toProjectFile },
    },
    {
      name: 'requirements-standalone',
      severity: 'error',
      comment: 'The requirement catalog is data: it imports only itself and the per-kind requirement files it gathers.',
      from: { path: '^requirements/' },
      to: { pathNot: '^(requirements/|suites/.+/requirements\\.ts$)', ...toProjectFile },
    },
    {
      name: 'kind-requirements-only-requirements',
      severity: 'error',
      comment: "A kind's requirement data (suites/**/requirements.ts) is part of the catalog: it imports only requirements/.",
      from: { path: '^suites/.+/requirements\\.ts$' },
      to: { pathNot: '^requirements/', ...toProjectFile },
    },
    {
      name: 'reports-not-to-suites-mock-org-cli',
      severity: 'error',
      comment: 'Reports are built from the event stream and the requirement catalog, not from the checks, the target or the CLI.',
      from: { path: '^reports/' },
      to: { path: '^(suites|mock-org|cli)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that cannot be resolved is a typo or a missing dependency; the rules above cannot judge it.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Built output, generated reports, and the deliberately broken trees the architecture test cruises.
    exclude: { path: '^(dist|node_modules|allure-results|allure-report|reports-out)/|^test/fixtures/architecture/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.mts', '.js', '.mjs', '.json', '.d.ts'],
    },
  },
};
