/** A tensor seen as [outer, axisSize, inner] around the axis a softmax normalizes over. */
export interface SoftmaxLayout {
  outer: number;
  axisSize: number;
  inner: number;
}

export function softmaxLayout(shape: readonly number[], axis: number): SoftmaxLayout {
  const normalizedAxis = axis < 0 ? axis + shape.length : axis;
  let outer = 1;
  let inner = 1;
  for (let dimension = 0; dimension < normalizedAxis; dimension++) outer *= shape[dimension];
  for (let dimension = normalizedAxis + 1; dimension < shape.length; dimension++) inner *= shape[dimension];
  return { outer, axisSize: shape[normalizedAxis] ?? 1, inner };
}
