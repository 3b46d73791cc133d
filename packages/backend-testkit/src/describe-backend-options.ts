import { type DType, InvalidArgumentError } from '@tessera/core';
import type { KernelName } from '@tessera/core/backend';
import type { Tolerance } from './compare-values';

export interface DescribeBackendOptions {
  /** The name shown in test titles and in the coverage matrix; defaults to 'backend'. */
  name?: string;
  /** Kernels not to check, each with a non-empty reason (shown in the test title and the matrix). */
  skip?: Partial<Record<KernelName, string>>;
  /** Per-dtype tolerance against the CPU reference. Defaults: float32 1e-5 + 1e-4·|expected|; int32 and bool exact. */
  tolerance?: Partial<Record<DType, Partial<Tolerance>>>;
  /** Seed for the generated inputs and the random-stream checks. Default 1234. */
  seed?: number;
  /** 'small' (default) draws a few small shapes per case; 'full' draws more and larger ones. */
  shapes?: 'small' | 'full';
}

/** The options with every default filled in and the skips validated. */
export interface ResolvedOptions {
  name: string;
  skip: Partial<Record<KernelName, string>>;
  tolerance: Record<DType, Tolerance>;
  seed: number;
  shapes: 'small' | 'full';
}

const DEFAULT_TOLERANCE: Record<DType, Tolerance> = {
  float32: { relative: 1e-4, absolute: 1e-5 },
  int32: { relative: 0, absolute: 0 },
  bool: { relative: 0, absolute: 0 },
};

export function resolveOptions(options: DescribeBackendOptions = {}): ResolvedOptions {
  const skip = options.skip ?? {};
  for (const [kernelName, reason] of Object.entries(skip)) {
    if (typeof reason !== 'string' || reason.trim().length === 0) {
      throw new InvalidArgumentError(
        `describeBackend: skip.${kernelName} needs a non-empty reason string saying why the kernel is not checked, got ${JSON.stringify(reason)}`,
      );
    }
  }
  const shapes = options.shapes ?? 'small';
  if (shapes !== 'small' && shapes !== 'full') {
    throw new InvalidArgumentError(`describeBackend: shapes must be 'small' or 'full', got ${JSON.stringify(shapes)}`);
  }
  const seed = options.seed ?? 1234;
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new InvalidArgumentError(`describeBackend: seed must be a non-negative safe integer, got ${String(seed)}`);
  }
  const tolerance = { ...DEFAULT_TOLERANCE };
  for (const dtype of ['float32', 'int32', 'bool'] as const) {
    tolerance[dtype] = { ...DEFAULT_TOLERANCE[dtype], ...options.tolerance?.[dtype] };
  }
  return { name: options.name ?? 'backend', skip, tolerance, seed, shapes };
}
