import { ENGINE } from '../engine/engine';
import type { GradientRule } from './gradient-rule';

/**
 * backpropFilter(x, dy) is bilinear in (x, dy): ⟨g, backpropFilter(x, dy)⟩ = ⟨conv2d(x, g), dy⟩ for a
 * filter-shaped g, so d/d(dy) = conv2d(x, g) and d/d(x) = backpropInput(dy, g).
 */
export const conv2dBackpropFilterGradient: GradientRule<'conv2dBackpropFilter'> = (
  gradient,
  { inputs, attributes },
) => {
  const { x, dy } = inputs;
  const { filterShape: _filterShape, ...convolution } = attributes;
  return {
    x: ENGINE.runKernel('conv2dBackpropInput', { dy, filter: gradient }, { ...convolution, inputShape: [...x.shape] }),
    dy: ENGINE.runKernel('conv2d', { x, filter: gradient }, convolution),
  };
};
