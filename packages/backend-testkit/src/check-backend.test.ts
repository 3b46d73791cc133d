import { createCpuBackend, InvalidArgumentError } from '@tessera/core';
import { OPTIONAL_KERNELS } from '@tessera/core/backend';
import { describe, expect, it } from 'vitest';
import { checkBackend } from './check-backend';
import { formatCoverageMatrix } from './coverage-matrix';
import { describeBackend } from './describe-backend';
import {
  createBackendWithoutGather,
  createMiscountingBackend,
  createOffByOneAddBackend,
  createRequiredOnlyBackend,
  createShiftedRandomBackend,
} from './faulty-backends';

const statusOf = (report: Awaited<ReturnType<typeof checkBackend>>, subject: string) =>
  report.coverage.rows.find((row) => row.subject === subject)?.status;

describe('checkBackend', () => {
  it('fails a backend whose add is off by one, naming add, and passes its other kernels', async () => {
    const report = await checkBackend(createOffByOneAddBackend, { kernels: ['binary', 'unary', 'compare'] });
    expect(report.passed).toBe(false);
    expect(statusOf(report, 'binary')).toBe('fail');
    expect(statusOf(report, 'unary')).toBe('pass');
    expect(statusOf(report, 'compare')).toBe('pass');
    const failures = report.outcomes.filter((outcome) => outcome.status === 'fail');
    expect(failures.length).toBeGreaterThan(0);
    expect(failures[0].message).toMatch(/^add .*differ from the CPU reference/);
    // The same backend also fails the gradient and memory-training checks that go through add.
    const areas = await checkBackend(createOffByOneAddBackend, { kernels: [], areas: ['gradients', 'memory'] });
    expect(areas.coverage.rows.find((row) => row.subject === 'memory')?.status).toBe('fail');
  });

  it('passes the CPU backend on every check', async () => {
    const report = await checkBackend(createCpuBackend, { name: 'cpu', shapes: 'full', seed: 7 });
    expect(report.outcomes.filter((outcome) => outcome.status === 'fail').map((outcome) => outcome.message)).toEqual(
      [],
    );
    expect(report.coverage.rows.every((row) => row.status === 'pass')).toBe(true);
  });

  it("reports optional kernels a backend lacks as 'fallback', checked through core's composites", async () => {
    const report = await checkBackend(createRequiredOnlyBackend, { kernels: [...OPTIONAL_KERNELS, 'matmul'] });
    expect(report.passed).toBe(true);
    for (const kernel of OPTIONAL_KERNELS) expect(statusOf(report, kernel), kernel).toBe('fallback');
    expect(statusOf(report, 'matmul')).toBe('pass');
    expect(formatCoverageMatrix(report.coverage)).toMatch(/conv2d +optional +fallback \(core composite/);
  });

  it('fails a missing required kernel instead of skipping it', async () => {
    const report = await checkBackend(createBackendWithoutGather, { kernels: ['gather', 'slice'] });
    expect(statusOf(report, 'gather')).toBe('fail');
    expect(statusOf(report, 'slice')).toBe('pass');
    expect(report.outcomes.find((outcome) => outcome.check.kernel === 'gather')?.message).toMatch(
      /does not implement the required kernel 'gather'/,
    );
    expect(formatCoverageMatrix(report.coverage)).toMatch(/gather +required +FAIL/);
  });

  it('fails a storage whose memory() disagrees with core', async () => {
    const report = await checkBackend(createMiscountingBackend, { kernels: [], areas: ['memory'] });
    expect(statusOf(report, 'memory')).toBe('fail');
    expect(report.outcomes[0].message).toMatch(/memory: the storage gained \d+ buffers, core counts \d+/);
  });

  it('fails random streams that are not the CPU backend’s Philox bits', async () => {
    const report = await checkBackend(createShiftedRandomBackend, { kernels: ['randomBits'], areas: ['random'] });
    expect(statusOf(report, 'randomBits')).toBe('fail');
    expect(statusOf(report, 'random')).toBe('fail');
  });

  it('records skips with their reason and runs nothing for them', async () => {
    const report = await checkBackend(createBackendWithoutGather, {
      kernels: ['gather'],
      skip: { gather: 'indices are checked by a separate suite' },
    });
    expect(report.passed).toBe(true);
    const row = report.coverage.rows.find((candidate) => candidate.subject === 'gather');
    expect(row).toMatchObject({ status: 'skip', detail: 'indices are checked by a separate suite' });
    expect(formatCoverageMatrix(report.coverage)).toContain('skip (indices are checked by a separate suite)');
  });
});

describe('describeBackend options', () => {
  it('throws when a skip has no reason', () => {
    expect(() => describeBackend(createCpuBackend, { skip: { conv2d: '' } })).toThrow(InvalidArgumentError);
    expect(() => describeBackend(createCpuBackend, { skip: { conv2d: '  ' } })).toThrow(
      /skip\.conv2d needs a non-empty reason/,
    );
  });

  it('rejects unknown shape modes and bad seeds', async () => {
    await expect(checkBackend(createCpuBackend, { shapes: 'huge' as 'full' })).rejects.toThrow(/shapes must be/);
    await expect(checkBackend(createCpuBackend, { seed: -1 })).rejects.toThrow(/seed must be/);
  });
});
