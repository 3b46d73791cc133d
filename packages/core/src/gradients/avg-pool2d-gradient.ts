import { ENGINE } from '../engine/engine';
import type { GradientRule } from './gradient-rule';

export const avgPool2dGradient: GradientRule<'avgPool2d'> = (dy, { inputs, attributes }) => ({
  x: ENGINE.runKernel('avgPool2dBackward', { dy }, { ...attributes, inputShape: [...inputs.x.shape] }),
});
