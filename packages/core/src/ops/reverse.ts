import type { Tensor } from '../tensor';
import { normalizeAxes } from '../util/shape';
import { gather } from './gather';
import { runComposed } from './internal/run-composed';
import { toTensor } from './internal/to-tensor';
import { reshape } from './reshape';
import { tensor } from './tensor';
import type { TensorLike } from './tensor-like';

/** Reverses the order of elements along each axis in `axis` (all axes by default). */
export function reverse(x: Tensor | TensorLike, axis?: number | number[]): Tensor {
  const input = toTensor(x, 'x', 'reverse');
  const axes = normalizeAxes(axis, input.rank, 'reverse');
  return runComposed(() => {
    let result = reshape(input, input.shape);
    for (const reversedAxis of axes) {
      const length = input.shape[reversedAxis];
      if (length < 2) continue;
      const indices = Int32Array.from({ length }, (_, position) => length - 1 - position);
      result = gather(result, tensor(indices, [length], 'int32'), reversedAxis);
    }
    return result;
  });
}
