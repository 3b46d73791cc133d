import { slice } from '../ops/slice';
import type { GradientRule } from './gradient-rule';

export const padGradient: GradientRule<'pad'> = (dy, { inputs, attributes }) => ({
  x: slice(
    dy,
    attributes.paddings.map(([before]) => before),
    [...inputs.x.shape],
  ),
});
