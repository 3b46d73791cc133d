import { reshape } from '../ops/reshape';
import { sum } from '../ops/sum';
import type { Tensor } from '../tensor';
import { shapesEqual } from '../util/shape';

/** Sums a broadcast gradient back down to the operand's shape (the adjoint of broadcasting). */
export function reduceToShape(gradient: Tensor, shape: readonly number[]): Tensor {
  if (shapesEqual(gradient.shape, shape)) return gradient;
  const offset = gradient.rank - shape.length;
  const axes: number[] = [];
  for (let axis = 0; axis < gradient.rank; axis++) {
    if (axis < offset || (shape[axis - offset] === 1 && gradient.shape[axis] !== 1)) axes.push(axis);
  }
  const summed = axes.length > 0 ? sum(gradient, axes, true) : gradient;
  return reshape(summed, shape);
}
