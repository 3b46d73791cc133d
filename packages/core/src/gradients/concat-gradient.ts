import { slice } from '../ops/slice';
import type { GradientRule } from './gradient-rule';

export const concatGradient: GradientRule<'concat'> = (dy, { inputs, attributes }) => {
  let offset = 0;
  const tensors = inputs.tensors.map((input) => {
    const begin = input.shape.map((_, axis) => (axis === attributes.axis ? offset : 0));
    offset += input.shape[attributes.axis];
    return slice(dy, begin, [...input.shape]);
  });
  return { tensors };
};
