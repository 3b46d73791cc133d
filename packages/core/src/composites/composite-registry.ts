import type { KernelAttributes, KernelOutput, OptionalKernelName, TensorInfo } from '../backend/kernel-specs';
import type { TensorInputs } from '../engine/engine';
import type { Tensor } from '../tensor';
import { adamUpdateComposite } from './adam-update-composite';
import { avgPool2dBackwardComposite } from './avg-pool2d-backward-composite';
import { avgPool2dComposite } from './avg-pool2d-composite';
import { broadcastToComposite } from './broadcast-to-composite';
import { conv2dBackpropFilterComposite } from './conv2d-backprop-filter-composite';
import { conv2dBackpropInputComposite } from './conv2d-backprop-input-composite';
import { conv2dComposite } from './conv2d-composite';
import { elementwiseChainComposite } from './elementwise-chain-composite';
import { fusedMatmulComposite } from './fused-matmul-composite';
import { logSoftmaxComposite } from './log-softmax-composite';
import { maxPool2dBackwardComposite } from './max-pool2d-backward-composite';
import { maxPool2dComposite } from './max-pool2d-composite';
import { softmaxComposite } from './softmax-composite';

export type CompositeFunction<K extends OptionalKernelName> = (
  inputs: TensorInputs<K>,
  attributes: KernelAttributes<K>,
) => KernelOutput<K> extends TensorInfo ? Tensor : Tensor[];

/**
 * Every optional kernel built from required ones. A backend without the kernel runs this instead; it is
 * recorded op by op on the tape, so its gradient comes for free.
 */
export const COMPOSITES: { [K in OptionalKernelName]: CompositeFunction<K> } = {
  broadcastTo: broadcastToComposite,
  softmax: softmaxComposite,
  logSoftmax: logSoftmaxComposite,
  conv2d: conv2dComposite,
  conv2dBackpropInput: conv2dBackpropInputComposite,
  conv2dBackpropFilter: conv2dBackpropFilterComposite,
  maxPool2d: maxPool2dComposite,
  maxPool2dBackward: maxPool2dBackwardComposite,
  avgPool2d: avgPool2dComposite,
  avgPool2dBackward: avgPool2dBackwardComposite,
  fusedMatmul: fusedMatmulComposite,
  adamUpdate: adamUpdateComposite,
  elementwiseChain: elementwiseChainComposite,
};
