import { createCpuBackend } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { coverageMatrix } from './coverage-matrix';
import { describeBackend } from './describe-backend';

// The CPU backend against itself: every check must pass and every kernel is native ('pass', no 'fallback').
describeBackend(createCpuBackend, { name: 'cpu (self-check)' });

// The same with larger shapes and one kernel skipped, to exercise the 'full' mode and skips through vitest.
describeBackend(createCpuBackend, {
  name: 'cpu (full shapes, conv2d skipped)',
  shapes: 'full',
  seed: 99,
  skip: { conv2d: 'demonstrates a typed skip with its reason' },
});

describe('coverageMatrix', () => {
  // Runs after both suites above have finished and published their matrices.
  it('returns the published matrices, every row passing except the skipped kernel', () => {
    const selfCheck = coverageMatrix().find((entry) => entry.backend === 'cpu (self-check)');
    expect(selfCheck?.rows.length).toBe(35);
    expect(selfCheck?.rows.filter((row) => row.status !== 'pass')).toEqual([]);
    const withSkip = coverageMatrix().find((entry) => entry.backend === 'cpu (full shapes, conv2d skipped)');
    expect(withSkip?.rows.filter((row) => row.status !== 'pass')).toEqual([
      expect.objectContaining({
        subject: 'conv2d',
        status: 'skip',
        detail: 'demonstrates a typed skip with its reason',
      }),
    ]);
  });
});
