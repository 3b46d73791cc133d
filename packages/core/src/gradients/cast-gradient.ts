import type { GradientRule } from './gradient-rule';

/** Only a float-to-float path carries gradient; casts from int32 or bool have none. */
export const castGradient: GradientRule<'cast'> = (dy, { inputs }) =>
  inputs.x.dtype === 'float32' && dy.dtype === 'float32' ? { x: dy } : {};
