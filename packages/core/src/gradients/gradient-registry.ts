import type { KernelName } from '../backend/kernel-specs';
import { avgPool2dBackwardGradient } from './avg-pool2d-backward-gradient';
import { avgPool2dGradient } from './avg-pool2d-gradient';
import { binaryGradient } from './binary-gradient';
import { broadcastToGradient } from './broadcast-to-gradient';
import { castGradient } from './cast-gradient';
import { concatGradient } from './concat-gradient';
import { conv2dBackpropFilterGradient } from './conv2d-backprop-filter-gradient';
import { conv2dBackpropInputGradient } from './conv2d-backprop-input-gradient';
import { conv2dGradient } from './conv2d-gradient';
import { fusedMatmulGradient } from './fused-matmul-gradient';
import { gatherGradient } from './gather-gradient';
import type { GradientRule } from './gradient-rule';
import { logSoftmaxGradient } from './log-softmax-gradient';
import { matmulGradient } from './matmul-gradient';
import { maxPool2dBackwardGradient } from './max-pool2d-backward-gradient';
import { maxPool2dGradient } from './max-pool2d-gradient';
import { padGradient } from './pad-gradient';
import { reduceGradient } from './reduce-gradient';
import { reshapeGradient } from './reshape-gradient';
import { scatterAddGradient } from './scatter-add-gradient';
import { sliceGradient } from './slice-gradient';
import { softmaxGradient } from './softmax-gradient';
import { transposeGradient } from './transpose-gradient';
import { unaryGradient } from './unary-gradient';
import { whereGradient } from './where-gradient';

/**
 * One gradient rule per kernel, typed so that a kernel without an entry is a compile error. `null` marks a
 * kernel whose output is not differentiable (comparisons, indices, random bits, constants).
 */
export const GRADIENTS: { [K in KernelName]: GradientRule<K> | null } = {
  unary: unaryGradient,
  binary: binaryGradient,
  compare: null,
  logical: null,
  where: whereGradient,
  cast: castGradient,
  reduce: reduceGradient,
  argReduce: null,
  matmul: matmulGradient,
  transpose: transposeGradient,
  slice: sliceGradient,
  pad: padGradient,
  concat: concatGradient,
  gather: gatherGradient,
  scatterAdd: scatterAddGradient,
  fill: null,
  randomBits: null,
  reshape: reshapeGradient,
  broadcastTo: broadcastToGradient,
  softmax: softmaxGradient,
  logSoftmax: logSoftmaxGradient,
  conv2d: conv2dGradient,
  conv2dBackpropInput: conv2dBackpropInputGradient,
  conv2dBackpropFilter: conv2dBackpropFilterGradient,
  maxPool2d: maxPool2dGradient,
  maxPool2dBackward: maxPool2dBackwardGradient,
  avgPool2d: avgPool2dGradient,
  avgPool2dBackward: avgPool2dBackwardGradient,
  fusedMatmul: fusedMatmulGradient,
  // Optimizer updates are applied outside any tape: never differentiated.
  adamUpdate: null,
  elementwiseChain: null,
};
