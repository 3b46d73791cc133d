import type { KernelMap } from '../../backend/backend-definition';
import type { OptionalKernelName } from '../../backend/kernel-specs';
import type { CpuStorage } from './cpu-storage';
import { createAdamUpdateKernel } from './kernels/adam-update';
import { createAvgPool2dKernel } from './kernels/avg-pool2d';
import { createAvgPool2dBackwardKernel } from './kernels/avg-pool2d-backward';
import { createBroadcastToKernel } from './kernels/broadcast-to';
import { createConv2dKernel } from './kernels/conv2d';
import { createConv2dBackpropFilterKernel } from './kernels/conv2d-backprop-filter';
import { createConv2dBackpropInputKernel } from './kernels/conv2d-backprop-input';
import { createElementwiseChainKernel } from './kernels/elementwise-chain';
import { createFusedMatmulKernel } from './kernels/fused-matmul';
import { createLogSoftmaxKernel } from './kernels/log-softmax';
import { createMaxPool2dKernel } from './kernels/max-pool2d';
import { createMaxPool2dBackwardKernel } from './kernels/max-pool2d-backward';
import { createSoftmaxKernel } from './kernels/softmax';

/** The optional kernels the CPU backend implements natively: all of them, each faster than core's composite. */
export function createOptionalKernels(storage: CpuStorage): Pick<KernelMap, OptionalKernelName> {
  return {
    broadcastTo: createBroadcastToKernel(storage),
    softmax: createSoftmaxKernel(storage),
    logSoftmax: createLogSoftmaxKernel(storage),
    conv2d: createConv2dKernel(storage),
    conv2dBackpropInput: createConv2dBackpropInputKernel(storage),
    conv2dBackpropFilter: createConv2dBackpropFilterKernel(storage),
    maxPool2d: createMaxPool2dKernel(storage),
    maxPool2dBackward: createMaxPool2dBackwardKernel(storage),
    avgPool2d: createAvgPool2dKernel(storage),
    avgPool2dBackward: createAvgPool2dBackwardKernel(storage),
    fusedMatmul: createFusedMatmulKernel(storage),
    adamUpdate: createAdamUpdateKernel(storage),
    elementwiseChain: createElementwiseChainKernel(storage),
  };
}
