/**
 * mfa-conformance as a library: drivers to reach a target, the embedded mock org, the schemas,
 * and the suite runner the CLI uses. The virtual authenticators have their own entry point
 * (`mfa-conformance/virtual-authenticators`) so they load with nothing else of the project.
 */
export * from './drivers/index.js';
export { startMockOrg, FAULT_CATALOG, type FaultId, type MockOrgOptions, type RunningMockOrg } from './mock-org/index.js';
export { validate, schemaFor, schemaLocation, SCHEMA_NAMES, type SchemaName, type SchemaRef, type SchemaIssue } from './schemas/index.js';
export { runSuites, type SuiteRunOptions, type SuiteRunOutcome } from './cli/run-suites.js';
export type { Requirement, RequirementLevel, RequirementId } from './requirements/index.js';
export type { CheckMeta } from './reports/check-meta.js';
export type { RunSummary } from './reports/summary.js';
export { defineConfig, type MfaConformanceConfig } from './cli/config.js';
