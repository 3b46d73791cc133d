import type { DType } from '@tessera/core';

/** How far a float result may be from the CPU reference: |actual − expected| ≤ absolute + relative·|expected|. */
export interface Tolerance {
  relative: number;
  absolute: number;
}

/** What a kernel run produced, read back from its backend. */
export interface ReadResult {
  shape: number[];
  dtype: DType;
  values: number[];
}

/** Whether two numbers agree: NaN matches NaN, infinities match by sign, ints and bools compare exactly. */
function valuesAgree(actual: number, expected: number, dtype: DType, tolerance: Tolerance): boolean {
  if (Number.isNaN(expected) || Number.isNaN(actual)) return Number.isNaN(expected) && Number.isNaN(actual);
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return actual === expected;
  if (dtype !== 'float32' && tolerance.absolute === 0 && tolerance.relative === 0) return actual === expected;
  return Math.abs(actual - expected) <= tolerance.absolute + tolerance.relative * Math.abs(expected);
}

/**
 * Throws an Error describing the first disagreement between a backend's result and the reference: shape, dtype,
 * or the first few elements out of tolerance (with their flat indices).
 */
export function assertResultsMatch(
  label: string,
  actual: ReadResult,
  expected: ReadResult,
  tolerance: Tolerance,
): void {
  if (actual.shape.join(',') !== expected.shape.join(',')) {
    throw new Error(`${label}: shape [${actual.shape}] differs from the CPU reference [${expected.shape}]`);
  }
  if (actual.dtype !== expected.dtype) {
    throw new Error(`${label}: dtype ${actual.dtype} differs from the CPU reference ${expected.dtype}`);
  }
  if (actual.values.length !== expected.values.length) {
    throw new Error(
      `${label}: read back ${actual.values.length} values, the CPU reference has ${expected.values.length}`,
    );
  }
  const mismatches: string[] = [];
  let mismatchCount = 0;
  for (let index = 0; index < expected.values.length; index++) {
    const got = actual.values[index];
    const want = expected.values[index];
    if (!valuesAgree(got, want, actual.dtype, tolerance)) {
      mismatchCount++;
      if (mismatches.length < 5) mismatches.push(`[${index}] got ${got}, expected ${want}`);
    }
  }
  if (mismatchCount > 0) {
    throw new Error(
      `${label}: ${mismatchCount} of ${expected.values.length} ${actual.dtype} values differ from the CPU reference ` +
        `(shape [${expected.shape}], tolerance ${tolerance.absolute} + ${tolerance.relative}·|expected|): ${mismatches.join('; ')}`,
    );
  }
}

/** Asserts bit-for-bit equality of two float32 arrays (NaN payloads included): for the random streams. */
export function assertSameBits(label: string, actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  const actualBits = new Uint32Array(Float32Array.from(actual).buffer);
  const expectedBits = new Uint32Array(Float32Array.from(expected).buffer);
  if (actualBits.length !== expectedBits.length) {
    throw new Error(`${label}: ${actualBits.length} values, the CPU reference has ${expectedBits.length}`);
  }
  for (let index = 0; index < expectedBits.length; index++) {
    if (actualBits[index] !== expectedBits[index]) {
      throw new Error(
        `${label}: bits differ from the CPU reference at [${index}]: got ${actual[index]} (0x${actualBits[index].toString(16)}), ` +
          `expected ${expected[index]} (0x${expectedBits[index].toString(16)})`,
      );
    }
  }
}
