import { type KernelName, OPTIONAL_KERNELS, REQUIRED_KERNELS } from '@tessera/core/backend';
import type { CheckArea, CheckOutcome, CheckStatus } from './check';

/** One row of the matrix: a kernel (or a non-kernel area) and how its checks ended. */
export interface CoverageRow {
  /** A kernel name, or 'gradients' / 'memory' / 'reads' / 'random'. */
  subject: KernelName | Exclude<CheckArea, 'kernels'>;
  required: boolean;
  /** fail if any check failed; else skip, fallback or pass; 'pending' while no check has run. */
  status: CheckStatus | 'pending';
  passed: number;
  failed: number;
  /** The skip reason, or the first failure message. */
  detail?: string;
}

export interface BackendCoverage {
  backend: string;
  rows: CoverageRow[];
}

const AREAS = ['gradients', 'memory', 'reads', 'random'] as const;
const published: BackendCoverage[] = [];

/** Collects check outcomes for one backend into matrix rows. */
export class CoverageRecorder {
  readonly coverage: BackendCoverage;

  constructor(backend: string) {
    const kernelRows = [...REQUIRED_KERNELS, ...OPTIONAL_KERNELS].map(
      (kernel): CoverageRow => ({
        subject: kernel,
        required: REQUIRED_KERNELS.includes(kernel as (typeof REQUIRED_KERNELS)[number]),
        status: 'pending',
        passed: 0,
        failed: 0,
      }),
    );
    const areaRows = AREAS.map(
      (area): CoverageRow => ({ subject: area, required: true, status: 'pending', passed: 0, failed: 0 }),
    );
    this.coverage = { backend, rows: [...kernelRows, ...areaRows] };
  }

  record(outcome: CheckOutcome): void {
    const subject = outcome.check.kernel ?? outcome.check.area;
    const row = this.coverage.rows.find((candidate) => candidate.subject === subject);
    if (row === undefined) return;
    if (outcome.status === 'fail') {
      row.failed++;
      row.detail ??= outcome.message;
      row.status = 'fail';
      return;
    }
    if (outcome.status === 'skip') {
      row.status = 'skip';
      row.detail = outcome.message;
      return;
    }
    row.passed++;
    if (row.status !== 'fail') row.status = outcome.status;
  }
}

/** Makes a backend's matrix available to `coverageMatrix()` (replacing an earlier one of the same name). */
export function publishCoverage(coverage: BackendCoverage): void {
  const index = published.findIndex((entry) => entry.backend === coverage.backend);
  if (index >= 0) published.splice(index, 1);
  published.push(coverage);
}

/** The coverage matrices of every backend described in this test process so far, in order. */
export function coverageMatrix(): BackendCoverage[] {
  return published.map((entry) => ({ backend: entry.backend, rows: entry.rows.map((row) => ({ ...row })) }));
}

function describeStatus(row: CoverageRow): string {
  const checks = `${row.passed + row.failed} check${row.passed + row.failed === 1 ? '' : 's'}`;
  switch (row.status) {
    case 'pass':
      return `pass (${checks})`;
    case 'fallback':
      return `fallback (core composite, ${checks})`;
    case 'skip':
      return `skip (${row.detail ?? ''})`;
    case 'fail':
      return `FAIL (${row.failed} of ${checks}: ${row.detail ?? ''})`;
    default:
      return 'not run';
  }
}

/** The matrix as a text table: one line per kernel and area. */
export function formatCoverageMatrix(coverage: BackendCoverage): string {
  const width = Math.max(...coverage.rows.map((row) => row.subject.length)) + 2;
  const lines = [`backend-testkit coverage: ${coverage.backend}`, `${'kernel'.padEnd(width)}kind      status`];
  for (const row of coverage.rows) {
    const kind = AREAS.includes(row.subject as (typeof AREAS)[number])
      ? 'area'
      : row.required
        ? 'required'
        : 'optional';
    lines.push(`${row.subject.padEnd(width)}${kind.padEnd(10)}${describeStatus(row)}`);
  }
  const counts = new Map<string, number>();
  for (const row of coverage.rows) counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
  lines.push(`summary: ${[...counts.entries()].map(([status, count]) => `${count} ${status}`).join(', ')}`);
  return lines.join('\n');
}
