import type { GradientRule } from './gradient-rule';
import { reduceToShape } from './reduce-to-shape';

export const broadcastToGradient: GradientRule<'broadcastTo'> = (dy, { inputs }) => ({
  x: reduceToShape(dy, inputs.x.shape),
});
