import { ENGINE } from '../engine/engine';
import type { GradientRule } from './gradient-rule';

/** Both gradients go through the backprop kernels, so a backend's native ones are used where it has them. */
export const conv2dGradient: GradientRule<'conv2d'> = (dy, { inputs, attributes }) => {
  const { x, filter } = inputs;
  return {
    x: ENGINE.runKernel('conv2dBackpropInput', { dy, filter }, { ...attributes, inputShape: [...x.shape] }),
    filter: ENGINE.runKernel('conv2dBackpropFilter', { x, dy }, { ...attributes, filterShape: [...filter.shape] }),
  };
};
