import { pad } from '../ops/pad';
import type { GradientRule } from './gradient-rule';

export const sliceGradient: GradientRule<'slice'> = (dy, { inputs, attributes }) => ({
  x: pad(
    dy,
    inputs.x.shape.map(
      (dimension, axis) =>
        [attributes.begin[axis], dimension - attributes.begin[axis] - attributes.size[axis]] as [number, number],
    ),
  ),
});
