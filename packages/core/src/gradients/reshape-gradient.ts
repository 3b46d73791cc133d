import { reshape } from '../ops/reshape';
import type { GradientRule } from './gradient-rule';

export const reshapeGradient: GradientRule<'reshape'> = (dy, { inputs }) => ({ x: reshape(dy, inputs.x.shape) });
