/** Above this, two results differ by more than float32 rounding in a different summation order can explain. */
export const agreementTolerance = 1e-3;

/**
 * The largest absolute difference between two sets of outputs, relative to the largest magnitude in the reference:
 * a scale-free number that float32 rounding keeps around 1e-6, while a wrong result makes it order 1. The timings are
 * only comparable when every framework computed the same thing, so the report prints this beside them.
 */
export function maximumRelativeDifference(
  outputs: readonly Float32Array[],
  reference: readonly Float32Array[],
): number {
  if (outputs.length !== reference.length) return Number.POSITIVE_INFINITY;
  let largestDifference = 0;
  let largestMagnitude = 0;
  for (let output = 0; output < reference.length; output++) {
    const actual = outputs[output];
    const expected = reference[output];
    if (actual.length !== expected.length) return Number.POSITIVE_INFINITY;
    for (let index = 0; index < expected.length; index++) {
      const difference = Math.abs(actual[index] - expected[index]);
      // NaN compares false with everything, so test for it explicitly rather than letting it vanish in Math.max.
      if (Number.isNaN(difference)) return Number.NaN;
      largestDifference = Math.max(largestDifference, difference);
      largestMagnitude = Math.max(largestMagnitude, Math.abs(expected[index]));
    }
  }
  return largestDifference / Math.max(largestMagnitude, Number.MIN_VALUE);
}
