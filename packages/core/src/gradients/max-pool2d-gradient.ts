import { ENGINE } from '../engine/engine';
import type { GradientRule } from './gradient-rule';

export const maxPool2dGradient: GradientRule<'maxPool2d'> = (dy, { inputs, attributes }) => ({
  x: ENGINE.runKernel('maxPool2dBackward', { dy, x: inputs.x }, attributes),
});
