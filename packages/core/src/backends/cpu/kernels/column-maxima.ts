/**
 * The first pass of softmax and log-softmax: for one [axisSize, inner] block starting at `base`, the maximum over
 * the axis for each inner position, written into `maxima[0..inner)`. Reading row by row keeps memory access
 * contiguous whichever axis is reduced.
 */
export function columnMaxima(
  values: Float32Array,
  base: number,
  axisSize: number,
  inner: number,
  maxima: Float64Array,
): void {
  maxima.fill(Number.NEGATIVE_INFINITY, 0, inner);
  for (let position = 0; position < axisSize; position++) {
    const row = base + position * inner;
    for (let index = 0; index < inner; index++)
      if (values[row + index] > maxima[index]) maxima[index] = values[row + index];
  }
}
