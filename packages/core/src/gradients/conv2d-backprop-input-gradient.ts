import { ENGINE } from '../engine/engine';
import type { GradientRule } from './gradient-rule';

/**
 * backpropInput(dy, filter) is the adjoint of conv2d(·, filter), bilinear in (dy, filter). For an incoming
 * gradient g shaped like the conv input: d/d(dy) = conv2d(g, filter) and d/d(filter) = backpropFilter(g, dy).
 */
export const conv2dBackpropInputGradient: GradientRule<'conv2dBackpropInput'> = (gradient, { inputs, attributes }) => {
  const { dy, filter } = inputs;
  const { inputShape: _inputShape, ...convolution } = attributes;
  return {
    dy: ENGINE.runKernel('conv2d', { x: gradient, filter }, convolution),
    filter: ENGINE.runKernel(
      'conv2dBackpropFilter',
      { x: gradient, dy },
      { ...convolution, filterShape: [...filter.shape] },
    ),
  };
};
