import type { Backend } from '@tessera/core/backend';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ALL_CHECKS } from './all-checks';
import { BackendSession } from './backend-session';
import type { CheckArea } from './check';
import { CoverageRecorder, formatCoverageMatrix, publishCoverage } from './coverage-matrix';
import { type DescribeBackendOptions, resolveOptions } from './describe-backend-options';
import { runCheck } from './run-check';

const AREA_TITLES: Record<CheckArea, string> = {
  kernels: 'kernels against the CPU reference',
  gradients: 'gradients against the CPU reference',
  memory: 'memory',
  reads: 'reads',
  random: 'random streams',
};

/**
 * Registers the conformance suite for a backend as vitest tests: every kernel it declares (and the composites
 * standing in for optional kernels it lacks) against the CPU backend, gradients, memory, reads and random streams.
 * After the tests it prints the coverage matrix, also available from `coverageMatrix()`.
 */
export function describeBackend(
  createBackend: () => Backend | Promise<Backend>,
  options: DescribeBackendOptions = {},
): void {
  const resolved = resolveOptions(options);
  const recorder = new CoverageRecorder(resolved.name);
  let session: BackendSession | undefined;

  describe(`backend conformance: ${resolved.name}`, () => {
    beforeAll(async () => {
      session = await BackendSession.open(createBackend, resolved);
    });

    afterAll(async () => {
      await session?.close();
      publishCoverage(recorder.coverage);
      console.log(formatCoverageMatrix(recorder.coverage));
    });

    for (const area of Object.keys(AREA_TITLES) as CheckArea[]) {
      describe(AREA_TITLES[area], () => {
        for (const check of ALL_CHECKS.filter((candidate) => candidate.area === area)) {
          const title = check.kernel === undefined ? check.title : `${check.kernel}: ${check.title}`;
          const skipReason = check.kernel === undefined ? undefined : resolved.skip[check.kernel];
          if (skipReason !== undefined) {
            recorder.record({ check, status: 'skip', message: skipReason });
            it.skip(`${title} (skipped: ${skipReason})`, () => {});
            continue;
          }
          it(title, async () => {
            if (session === undefined) throw new Error('describeBackend: the backend could not be created');
            const outcome = await runCheck(session, check);
            recorder.record(outcome);
            if (outcome.status === 'fail') throw outcome.error;
          });
        }
      });
    }
  });
}
