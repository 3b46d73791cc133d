/**
 * Fan-in and fan-out as Keras computes them: a dense kernel is [in, out]; a convolution kernel is
 * [...spatial, in, out], and every spatial position counts as an extra input and output connection.
 */
export function computeFans(shape: readonly number[]): { fanIn: number; fanOut: number } {
  if (shape.length === 0) return { fanIn: 1, fanOut: 1 };
  if (shape.length === 1) return { fanIn: shape[0], fanOut: shape[0] };
  if (shape.length === 2) return { fanIn: shape[0], fanOut: shape[1] };
  let receptiveField = 1;
  for (const size of shape.slice(0, -2)) receptiveField *= size;
  return { fanIn: shape[shape.length - 2] * receptiveField, fanOut: shape[shape.length - 1] * receptiveField };
}
