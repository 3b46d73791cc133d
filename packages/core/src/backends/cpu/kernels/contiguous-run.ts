/**
 * The axis from which the region is one contiguous run in the source: the innermost axis, widened outwards while
 * the axes inside it are taken whole. Returns that axis and the run length.
 */
export function contiguousRun(regionShape: readonly number[], fullShape: readonly number[]): [number, number] {
  let axis = regionShape.length - 1;
  if (axis < 0) return [0, 1];
  let length = regionShape[axis];
  while (axis > 0 && regionShape[axis] === fullShape[axis]) {
    axis--;
    length *= regionShape[axis];
  }
  return [axis, length];
}
