import { scatterAdd } from '../ops/scatter-add';
import type { GradientRule } from './gradient-rule';

export const gatherGradient: GradientRule<'gather'> = (dy, { inputs, attributes }) => ({
  x: scatterAdd(dy, inputs.indices, inputs.x.shape[attributes.axis], attributes.axis),
});
