/**
 * @tessera/backend-testkit: the conformance suite for Tessera backends. `describeBackend(createBackend)` registers
 * vitest tests that compare every kernel, gradient, memory count, read and random stream with the CPU backend.
 */

export type { BackendCheck, CheckArea, CheckOutcome, CheckStatus } from './check';
export { type BackendReport, type CheckBackendOptions, checkBackend } from './check-backend';
export type { Tolerance } from './compare-values';
export {
  type BackendCoverage,
  type CoverageRow,
  coverageMatrix,
  formatCoverageMatrix,
} from './coverage-matrix';
export { describeBackend } from './describe-backend';
export type { DescribeBackendOptions } from './describe-backend-options';
