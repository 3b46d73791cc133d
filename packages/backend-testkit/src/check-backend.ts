import type { Backend, KernelName } from '@tessera/core/backend';
import { ALL_CHECKS } from './all-checks';
import { BackendSession } from './backend-session';
import type { CheckArea, CheckOutcome } from './check';
import { type BackendCoverage, CoverageRecorder } from './coverage-matrix';
import { type DescribeBackendOptions, resolveOptions } from './describe-backend-options';
import { runCheck } from './run-check';

export interface CheckBackendOptions extends DescribeBackendOptions {
  /** Only the checks of these kernels (and of `areas`); default: every check. */
  kernels?: KernelName[];
  /** Only these non-kernel areas when `kernels` is given; default with `kernels`: none. */
  areas?: Array<Exclude<CheckArea, 'kernels'>>;
}

export interface BackendReport {
  outcomes: CheckOutcome[];
  coverage: BackendCoverage;
  /** Whether no check failed. */
  passed: boolean;
}

/**
 * Runs the kit's checks without vitest and reports every outcome instead of throwing: for asserting on the kit
 * itself, or for a custom runner. `describeBackend` runs the same checks as vitest tests.
 */
export async function checkBackend(
  createBackend: () => Backend | Promise<Backend>,
  options: CheckBackendOptions = {},
): Promise<BackendReport> {
  const resolved = resolveOptions(options);
  const selected = ALL_CHECKS.filter((check) =>
    options.kernels === undefined
      ? options.areas === undefined || check.area === 'kernels' || options.areas.includes(check.area)
      : check.kernel !== undefined
        ? options.kernels.includes(check.kernel)
        : (options.areas ?? []).includes(check.area as Exclude<CheckArea, 'kernels'>),
  );
  const recorder = new CoverageRecorder(resolved.name);
  const session = await BackendSession.open(createBackend, resolved);
  const outcomes: CheckOutcome[] = [];
  try {
    for (const check of selected) {
      const outcome = await runCheck(session, check);
      recorder.record(outcome);
      outcomes.push(outcome);
    }
  } finally {
    await session.close();
  }
  return { outcomes, coverage: recorder.coverage, passed: outcomes.every((outcome) => outcome.status !== 'fail') };
}
