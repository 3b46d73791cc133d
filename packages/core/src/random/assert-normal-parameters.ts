import { DTypeError, InvalidArgumentError } from '../errors';

/** Checks mean and stdDev for the normal-family random ops. */
export function assertNormalParameters(mean: unknown, stdDev: unknown, dtype: unknown, opName: string): void {
  if (typeof mean !== 'number' || !Number.isFinite(mean)) {
    throw new InvalidArgumentError(`${opName}: mean must be a finite number, got ${String(mean)}`);
  }
  if (typeof stdDev !== 'number' || !Number.isFinite(stdDev) || stdDev < 0) {
    throw new InvalidArgumentError(`${opName}: stdDev must be a finite non-negative number, got ${String(stdDev)}`);
  }
  if (dtype !== 'float32' && dtype !== 'int32') {
    throw new DTypeError(`${opName}: dtype must be 'float32' or 'int32', got ${String(dtype)}`);
  }
}
