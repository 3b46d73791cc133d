import { ENGINE } from '../engine/engine';
import type { GradientRule } from './gradient-rule';

/** avgPool2dBackward is linear in dy and its adjoint is average pooling itself (same weights, read instead of spread). */
export const avgPool2dBackwardGradient: GradientRule<'avgPool2dBackward'> = (gradient, { attributes }) => {
  const { inputShape: _inputShape, ...pooling } = attributes;
  return { dy: ENGINE.runKernel('avgPool2d', { x: gradient }, pooling) };
};
