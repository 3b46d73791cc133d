import type { TypedArray } from '../../../dtype';

/**
 * Fills `target` (of `targetShape`) with `source` (of `sourceShape`) broadcast NumPy-style. The trailing axes that
 * match are copied as one contiguous block; along a broadcast axis the first repetition is written once and the
 * rest are native `copyWithin` copies of it, so the cost is one pass over the output with no per-element index math.
 */
export function broadcastValues(
  source: TypedArray,
  sourceShape: readonly number[],
  target: TypedArray,
  targetShape: readonly number[],
): void {
  const rank = targetShape.length;
  const paddedSource = new Array<number>(rank);
  for (let axis = 0; axis < rank; axis++) paddedSource[axis] = sourceShape[axis - (rank - sourceShape.length)] ?? 1;
  let lastOuterAxis = rank - 1;
  let blockSize = 1;
  while (lastOuterAxis >= 0 && paddedSource[lastOuterAxis] === targetShape[lastOuterAxis]) {
    blockSize *= targetShape[lastOuterAxis];
    lastOuterAxis--;
  }
  // Sizes of one step along each outer axis, in the target and in the source (0 along broadcast axes).
  const targetSteps = new Array<number>(rank);
  const sourceSteps = new Array<number>(rank);
  let targetStep = blockSize;
  let sourceStep = blockSize;
  for (let axis = lastOuterAxis; axis >= 0; axis--) {
    targetSteps[axis] = targetStep;
    sourceSteps[axis] = paddedSource[axis] === 1 ? 0 : sourceStep;
    targetStep *= targetShape[axis];
    sourceStep *= paddedSource[axis];
  }
  if (targetStep === 0) return;

  const fill = (axis: number, sourceOffset: number, targetOffset: number): void => {
    if (axis > lastOuterAxis) {
      for (let index = 0; index < blockSize; index++) target[targetOffset + index] = source[sourceOffset + index];
      return;
    }
    const extent = targetShape[axis];
    const step = targetSteps[axis];
    if (sourceSteps[axis] === 0) {
      fill(axis + 1, sourceOffset, targetOffset);
      for (let repeat = 1; repeat < extent; repeat++)
        target.copyWithin(targetOffset + repeat * step, targetOffset, targetOffset + step);
      return;
    }
    for (let index = 0; index < extent; index++)
      fill(axis + 1, sourceOffset + index * sourceSteps[axis], targetOffset + index * step);
  };
  fill(0, 0, 0);
}
