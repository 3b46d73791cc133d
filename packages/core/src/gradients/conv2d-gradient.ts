import { ENGINE } from '../engine/engine';
import type { GradientRule } from './gradient-rule';

/**
 * Both gradients go through the backprop kernels, so a backend's native ones are used where it has them. The input
 * gradient is skipped when nothing needs it (a network's first convolution), which saves a third of its backward.
 */
export const conv2dGradient: GradientRule<'conv2d'> = (dy, { inputs, attributes, needsGradient }) => {
  const { x, filter } = inputs;
  return {
    x:
      (needsGradient?.('x') ?? true)
        ? ENGINE.runKernel('conv2dBackpropInput', { dy, filter }, { ...attributes, inputShape: [...x.shape] })
        : undefined,
    filter:
      (needsGradient?.('filter') ?? true)
        ? ENGINE.runKernel('conv2dBackpropFilter', { x, dy }, { ...attributes, filterShape: [...filter.shape] })
        : undefined,
  };
};
