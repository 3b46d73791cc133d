import { gather } from '../ops/gather';
import type { GradientRule } from './gradient-rule';

export const scatterAddGradient: GradientRule<'scatterAdd'> = (dy, { inputs, attributes }) => ({
  updates: gather(dy, inputs.indices, attributes.axis),
});
