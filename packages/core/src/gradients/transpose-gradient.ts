import { transpose } from '../ops/transpose';
import type { GradientRule } from './gradient-rule';

export const transposeGradient: GradientRule<'transpose'> = (dy, { attributes }) => {
  const inverse = new Array<number>(attributes.perm.length);
  attributes.perm.forEach((axis, index) => {
    inverse[axis] = index;
  });
  return { x: transpose(dy, inverse) };
};
