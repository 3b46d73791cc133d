/**
 * Visits every position of `shape` in row-major order with its offsets into two arrays laid out with
 * `firstStrides` and `secondStrides`. The offsets are updated incrementally (one add per step, plus a rewind when
 * an axis wraps), so the cost per visit is constant. A shape with a zero dimension visits nothing; rank 0 visits
 * once at (0, 0).
 */
export function forEachOffsetPair(
  shape: readonly number[],
  firstStrides: readonly number[],
  secondStrides: readonly number[],
  visit: (firstOffset: number, secondOffset: number) => void,
): void {
  const rank = shape.length;
  let count = 1;
  for (const dimension of shape) count *= dimension;
  const counters = new Int32Array(rank);
  let firstOffset = 0;
  let secondOffset = 0;
  for (let step = 0; step < count; step++) {
    visit(firstOffset, secondOffset);
    for (let axis = rank - 1; axis >= 0; axis--) {
      counters[axis]++;
      if (counters[axis] < shape[axis]) {
        firstOffset += firstStrides[axis];
        secondOffset += secondStrides[axis];
        break;
      }
      counters[axis] = 0;
      firstOffset -= firstStrides[axis] * (shape[axis] - 1);
      secondOffset -= secondStrides[axis] * (shape[axis] - 1);
    }
  }
}
