import { where } from '../ops/where';
import { zerosLike } from '../ops/zeros-like';
import type { GradientRule } from './gradient-rule';
import { reduceToShape } from './reduce-to-shape';

export const whereGradient: GradientRule<'where'> = (dy, { inputs }) => {
  if (inputs.a.dtype !== 'float32') return {};
  const zeros = zerosLike(dy);
  return {
    a: reduceToShape(where(inputs.condition, dy, zeros), inputs.a.shape),
    b: reduceToShape(where(inputs.condition, zeros, dy), inputs.b.shape),
  };
};
